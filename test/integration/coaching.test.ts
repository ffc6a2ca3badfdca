import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Harness, harness, WED_10AM_JAKARTA } from "../support/bot-harness.js";
import { DIALECTS, type TestDatabase } from "../support/databases.js";

const DAY = 86_400_000;
const MON_10AM = WED_10AM_JAKARTA - 2 * DAY;
const TUE_10AM = WED_10AM_JAKARTA - DAY;

describe.each(DIALECTS)("coaching commands on $name", (dialect) => {
  let database: TestDatabase;
  let h: Harness;

  beforeEach(async () => {
    database = await dialect.create();
    h = await harness(database);
    // Week 49: Ayu on 10:5:3:1, Budi's prospects stall, Citra writes once and then goes quiet.
    await h.send("met 5 clients, 4 new leads, 2 prospects, 1 potential", {
      user: "ayu",
      receivedAt: MON_10AM,
    });
    await h.send("met 5 clients, 6 new leads, 3 prospects, 2 potential, 1 closeable", {
      user: "ayu",
      receivedAt: TUE_10AM,
    });
    await h.send("met 2 clients, 10 new leads, 5 prospects", { user: "budi", receivedAt: MON_10AM });
    await h.send("met 2 clients", { user: "citra", receivedAt: MON_10AM });
  });
  afterEach(async () => {
    await database.drop();
  });

  it("shows a manager one rep's funnel beside the team's, named by @mention", async () => {
    const budi = await h.send("funnel @budi", { user: "maya" });
    expect(budi).toContain("Budi · week 49 (30 Nov – 6 Dec)");
    expect(budi).toContain("Leads 10 → Prospects 5 → Potential 0 → Closeable 0 → Closed 0");
    expect(budi).toContain("Ratio 10 : 5 : 0 : 0 · team 10 : 5 : 1.5 : 0.5 · benchmark 10 : 5 : 3 : 1");
    expect(budi).toMatch(/Prospect → potential\s+0%\s+30%\s+60%\s+▼ weakest/);
    expect(budi).toContain("Weakest: prospects → potential — Budi's, not the team's.");
    // The period and the person in either order; the rep's first name or the whole name written together.
    expect(await h.send("funnel month @Budi", { user: "maya" })).toContain("Budi · Dec 2026");
    expect(await h.send("funnel @ayu 4w", { user: "maya" })).toContain("Ayu · last 4 weeks");
  });

  it("lets a rep see their own funnel and the team's, never another rep's unless the team shares them", async () => {
    expect(await h.send("funnel me", { user: "ayu" })).toContain("Ayu · week 49");
    expect(await h.send("funnel @ayu", { user: "ayu" })).toContain("Ayu · week 49");
    expect(await h.send("funnel @budi", { user: "ayu" })).toBe(
      "Other reps' figures are for managers. Yours: `/sales funnel me`; the team's: `/sales funnel`.",
    );
    expect(await h.send("settings visibility team", { user: "maya" })).toContain("Reps can now see");
    expect(await h.send("funnel @budi", { user: "ayu" })).toContain("Budi · week 49");
    expect(await h.send("settings visibility private", { user: "maya" })).toContain("only their own");
    expect(await h.send("corong @budi", { user: "ayu" })).toContain("Angka sales lain hanya untuk manajer.");
  });

  it("says plainly when the person named is not on the team, and changes nothing", async () => {
    expect(await h.send("funnel @nobody", { user: "maya" })).toBe(
      "@nobody is not on this team. Check the name, or mention them (@name).",
    );
    expect(await h.send("funnel @budi sometime", { user: "maya" })).toContain("funnel month");
    expect(await h.send("quota visits 6 @nobody", { user: "maya" })).toContain("@nobody is not on this team");
  });

  it("gives one rep their own daily quota from today, which their day, the roster and the leaderboard use", async () => {
    expect(await h.send("quota visits 2 @citra", { user: "maya" })).toBe(
      "Citra's own quota: 2 visits per working day, from today.",
    );
    expect(await h.send("met 2 clients", { user: "citra" })).toContain("visits 2/2");
    expect(await h.send("today", { user: "ayu" })).toContain("Visits 0/5");
    // A rep may not; the quota stands.
    expect(await h.send("quota visits 1 @citra", { user: "citra" })).toContain("Only a team manager");
    const board = await h.send("leaderboard", { user: "maya" });
    // Monday and Tuesday at 5, Wednesday at Citra's own 2: 4 of 12; Ayu 10 of 15.
    expect(board).toMatch(/1\s+Ayu\s+67%\s+10\/15/);
    expect(board).toMatch(/Citra\s+33%\s+4\/12/);
    expect(board).toMatch(/Budi\s+13%\s+2\/15/);
    expect(await h.send("quota visits team @citra", { user: "maya" })).toBe(
      "Citra is back on the team's visits quota, from today.",
    );
    expect(await h.send("today", { user: "citra" })).toContain("Visits 2/5");
  });

  it("sets the weekly check-in and referral quotas, effective from today, and shows them", async () => {
    expect(await h.send("quota checkins 4", { user: "maya" })).toBe(
      "Weekly quota set: 4 existing-client check-ins per rep a week, from today.",
    );
    expect(await h.send("kuota referensi 3", { user: "maya" })).toContain("3 minta referensi");
    expect(await h.send("quota", { user: "ayu" })).toBe(
      "Daily quota: 5 visits · 3 follow-ups per rep.\nWeekly: 4 existing-client check-ins and 3 referrals asked per rep.",
    );
  });

  it("shows a manager today's roster and the week's pace, in the manager's language", async () => {
    await h.send("off today", { user: "citra" });
    await h.send("met 3 clients", { user: "ayu" });
    const roster = await h.send("team", { user: "maya" });
    expect(roster).toContain("Sales JKT · today (Wed 2 Dec) · 1 of 3 reported");
    expect(roster).toContain("✅ Ayu 3/5");
    expect(roster).toContain("🌴 Citra (off)");
    expect(roster).toContain("⏳ Budi — nothing yet");
    // Monday and Tuesday are past: Budi 2 of 10, Citra 2 of 10.
    expect(roster).toContain("This week: Budi 20%, Citra 20% — worth a hand.");
    expect(await h.send("tim", { user: "maya" })).toContain("sudah lapor");
    expect(await h.send("team", { user: "ayu" })).toBe(
      "The team roster is for managers. Yours: `today` and `week`.",
    );
  });

  it("ranks the leaderboard by quota attainment for the week or the month, in both languages", async () => {
    const week = await h.send("leaderboard", { user: "maya" });
    expect(week).toContain("🏆 Sales JKT · week 49 (30 Nov – 6 Dec)");
    expect(week.indexOf("Ayu")).toBeLessThan(week.indexOf("Citra"));
    expect(await h.send("peringkat bulan", { user: "maya" })).toContain("🏆 Sales JKT · Des 2026");
    expect(await h.send("leaderboard year", { user: "maya" })).toContain("leaderboard month");
    // Every rep's figures: a rep sees them only where the team shares them.
    expect(await h.send("leaderboard", { user: "budi" })).toBe(
      "The leaderboard shows every rep's figures, so it is for managers unless they share it (`/sales settings visibility team`). Yours: `/sales week`.",
    );
    expect(await h.send("peringkat", { user: "budi" })).toContain("hanya untuk manajer");
    await h.send("settings visibility team", { user: "maya" });
    expect(await h.send("leaderboard", { user: "budi" })).toContain("🏆 Sales JKT · week 49");
  });

  it("shows the trend week by week with a chart, from the team's first active week", async () => {
    const reply = await h.bot.handle({
      platform: "slack",
      workspace: { externalId: "T1" },
      team: { externalId: "C-SALES" },
      user: { externalId: "maya", displayName: "Maya" },
      text: "trend",
      via: "direct",
      receivedAt: WED_10AM_JAKARTA,
    });
    expect(reply.title).toBe("Sales JKT · last 8 weeks");
    // Only week 49 had activity; the weeks before the team started are not zeros against a quota. This week
    // counts today's quota, as `week` does: 14 visits of 3 reps × 3 days × 5.
    expect(reply.table?.rows).toEqual([["49", "14", "31%", "20", "10 : 5 : 1.5 : 0.5"]]);
    expect(
      Buffer.from(reply.image?.png ?? [])
        .subarray(1, 4)
        .toString(),
    ).toBe("PNG");
    expect(await h.send("trend 12w", { user: "maya" })).toContain("last 12 weeks");
    expect(await h.send("tren 5", { user: "maya" })).toContain("tren 12");
  });
});
