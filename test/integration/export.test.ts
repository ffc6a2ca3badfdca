import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { exportCsv } from "../../src/app/export.js";
import { type Harness, harness, WED_10AM_JAKARTA } from "../support/bot-harness.js";
import { DIALECTS, type TestDatabase } from "../support/databases.js";
import { readCsv } from "../support/read-csv.js";

const DAY = 86_400_000;
const WEEK_49 = { start: "2026-11-30", end: "2026-12-06" };

describe.each(DIALECTS)("CSV export on $name", (dialect) => {
  let database: TestDatabase;
  let h: Harness;
  const csv = async (per: "report" | "day" | "week", range = WEEK_49) =>
    readCsv(await exportCsv(h.store, h.team, "slack", range, per, "2026-12-02"));
  /** The rows as objects keyed by the header, as a spreadsheet reads them. */
  const records = (rows: string[][]) => {
    const [header = [], ...body] = rows;
    return body.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ""])));
  };

  beforeEach(async () => {
    database = await dialect.create();
    h = await harness(database);
    await h.send("met 5 clients, 2 follow-ups", { user: "ayu", receivedAt: WED_10AM_JAKARTA - 2 * DAY });
    await h.send('ketemu 3 klien di "Toko Maju", 1 prospek', {
      user: "ayu",
      receivedAt: WED_10AM_JAKARTA - DAY,
    });
    await h.send("=1+1 visit 2", { user: "budi" });
    await h.send("met 1 client", { user: "ayu" });
    await h.send("undo", { user: "ayu" });
  });
  afterEach(async () => {
    await database.drop();
  });

  it("lists every report as written, withdrawn ones marked, text escaped against formulas", async () => {
    const rows = records(await csv("report"));
    expect(rows.map((r) => [r.day, r.rep, r.visits, r.follow_ups, r.prospects])).toEqual([
      ["2026-11-30", "Ayu", "5", "2", ""],
      ["2026-12-01", "Ayu", "3", "", "1"],
      ["2026-12-02", "Budi", "2", "", ""],
      ["2026-12-02", "Ayu", "1", "", ""],
    ]);
    expect(rows[1]?.source_text).toBe('ketemu 3 klien di "Toko Maju", 1 prospek');
    expect(rows[2]?.source_text).toBe("'=1+1 visit 2");
    expect(rows.map((r) => r.withdrawn !== "")).toEqual([false, false, false, true]);
    expect(rows.every((r) => r.channel === "slack" && r.created !== "")).toBe(true);
    // Nothing outside the range.
    expect(await csv("report", { start: "2026-12-03", end: "2026-12-06" })).toHaveLength(1);
  });

  it("scores each rep's week as the chat does, and the days add up to it", async () => {
    const week = records(await csv("week"));
    const ayu = week.find((r) => r.rep === "Ayu");
    // The chat's week for Ayu, at the same moment: 8 visits of 15 (Monday to today), 2 follow-ups of 9.
    expect(await h.send("week", { user: "ayu" })).toContain("Visits 8/15 · follow-ups 2/9");
    expect(ayu).toMatchObject({ visits: "8", visits_quota: "15", follow_ups: "2", follow_ups_quota: "9" });
    expect(ayu).toMatchObject({
      days_reported: "2",
      days_expected: "3",
      from: "2026-11-30",
      to: "2026-12-06",
    });
    const days = records(await csv("day")).filter((r) => r.rep === "Ayu");
    expect(days).toHaveLength(7);
    expect(days.reduce((sum, r) => sum + Number(r.visits), 0)).toBe(8);
    expect(days.reduce((sum, r) => sum + Number(r.visits_quota), 0)).toBe(15);
    // Days to come expect nothing yet.
    expect(days.find((r) => r.from === "2026-12-03")).toMatchObject({
      visits_quota: "0",
      days_expected: "0",
    });
  });

  it("cuts weeks to the range asked for", async () => {
    const rows = records(await csv("week", { start: "2026-11-25", end: "2026-12-01" }));
    expect([...new Set(rows.map((r) => `${r.from}..${r.to}`))]).toEqual([
      "2026-11-25..2026-11-29",
      "2026-11-30..2026-12-01",
    ]);
    expect(rows.find((r) => r.rep === "Ayu" && r.from === "2026-11-30")?.visits).toBe("8");
  });

  it("sends a manager this month's reports as a CSV file from the chat, and refuses a rep", async () => {
    const reply = await h.bot.handle({
      platform: "slack",
      workspace: { externalId: "T1" },
      team: { externalId: "C-SALES" },
      user: { externalId: "maya", displayName: "Maya" },
      via: "command",
      receivedAt: WED_10AM_JAKARTA,
      text: "export",
    });
    // Monday 30 November is last month's: December so far holds three reports, the withdrawn one marked.
    expect(reply.lines).toEqual([
      "📎 Sales JKT · Dec 2026: 3 reports as CSV (one row each, withdrawn ones marked).",
    ]);
    expect(reply.file?.fileName).toBe("corong-2026-12-01-2026-12-31.csv");
    const rows = records(readCsv(new TextDecoder().decode(reply.file?.bytes)));
    expect(rows.map((r) => [r.day, r.rep, r.visits, r.withdrawn !== ""])).toEqual([
      ["2026-12-01", "Ayu", "3", false],
      ["2026-12-02", "Budi", "2", false],
      ["2026-12-02", "Ayu", "1", true],
    ]);
    expect(await h.send("ekspor bulan lalu", { user: "maya" })).toContain(
      "📎 Sales JKT · Nov 2026: 1 laporan dalam CSV",
    );
    expect(await h.send("export", { user: "ayu" })).toBe(
      "Exports hold every rep's reports, so they are for managers. Yours: `week`.",
    );
    expect(await h.send("export year", { user: "maya" })).toContain("export last month");
  });
});
