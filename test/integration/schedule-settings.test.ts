import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createJobRunner } from "../../src/app/jobs.js";
import { silentLogger } from "../../src/app/logger.js";
import { recordingMessenger } from "../fakes/recording-messenger.js";
import { type Harness, harness, WED_10AM_JAKARTA } from "../support/bot-harness.js";
import { DIALECTS, type TestDatabase } from "../support/databases.js";

const jakarta = (local: string) => Date.parse(`${local}+07:00`);

describe.each(DIALECTS)("schedule settings and days off on $name", (dialect) => {
  let database: TestDatabase;
  let h: Harness;
  let out: ReturnType<typeof recordingMessenger>;
  const tick = (iso: string) =>
    createJobRunner({ store: h.store, logger: silentLogger, messengers: { slack: out.messenger } }).runDue(
      jakarta(iso),
    );
  const reminded = () => out.delivered.filter((d) => d.text.includes("isn't logged")).map((d) => d.name);

  beforeEach(async () => {
    database = await dialect.create();
    h = await harness(database);
    out = recordingMessenger();
    await h.send("today", { user: "ayu" });
    await h.send("today", { user: "budi" });
  });
  afterEach(async () => {
    await database.drop();
  });

  it("shows the team's settings to anyone and lets only a manager change them", async () => {
    expect(await h.send("settings")).toBe(
      "Reminder 16:00 · quota nudge 13:00 · Monday digest 08:00\nWorking days Mon–Fri · quota 5 / 3\nHolidays of ID · time zone Asia/Jakarta\nManager alert Wed 12:00 · rep recap Fri 15:00 · reps see their own and the team's figures",
    );
    expect(await h.send("settings reminder 17:30")).toContain(
      "Only a team manager can change the team's settings",
    );
    expect(await h.send("settings reminder 17:30", { user: "maya" })).toBe("Daily reminder moved to 17:30.");
    expect(await h.send("settings days mon-sat", { user: "maya" })).toBe("Working days set to Mon–Sat.");
    expect(await h.send("settings country XX", { user: "maya" })).toContain(
      'I don\'t know the holidays of "XX"',
    );
    expect(await h.send("settings")).toContain("Reminder 17:30");
  });

  it("lets a manager move the alert and the recap and share figures among reps, in either language", async () => {
    expect(await h.send("settings alert thu 09:30", { user: "maya" })).toBe(
      "Manager alert moved to Thu 09:30.",
    );
    expect(await h.send("pengaturan rekap kam 16.00", { user: "maya" })).toBe(
      "Rekap mingguan dipindah ke Kam 16:00.",
    );
    expect(await h.send("settings visibility team", { user: "maya" })).toBe(
      "Reps can now see each other's funnels.",
    );
    expect(await h.send("settings")).toContain(
      "Manager alert Thu 09:30 · rep recap Thu 16:00 · reps see each other's funnels",
    );
    // A rep cannot change them; a wrong day or time changes nothing and says how.
    expect(await h.send("settings visibility private")).toContain("Only a team manager");
    expect(await h.send("settings alert someday 12:00", { user: "maya" })).toContain(
      "settings alert wed 12:00",
    );
    expect(await h.send("settings recap fri 25:00", { user: "maya" })).toContain("settings recap fri 15:00");
    expect(await h.send("settings")).toContain("Manager alert Thu 09:30 · rep recap Thu 16:00");
  });

  it("reminds at the manager's time, skips a rep who is off, and keeps a team holiday free", async () => {
    await h.send("settings reminder 17:30", { user: "maya" });
    expect(await h.send("off today", { user: "budi" })).toBe(
      "🌴 Marked off: 2 Dec (1 working day). No reminders then, and it won't count against your quota.",
    );
    await tick("2026-12-02T17:29:00");
    expect(reminded()).toEqual([]);
    await tick("2026-12-02T17:30:00");
    expect(reminded()).toEqual(["Ayu"]);
    await h.send("settings holiday 2026-12-03", { user: "maya" });
    await tick("2026-12-03T18:00:00");
    expect(reminded()).toEqual(["Ayu"]);
  });

  it("takes a rep's days off out of their weekly quota", async () => {
    const ayu = await h.store.ensureMember(h.team.workspaceId, "carla", "Carla", "2026-11-01T00:00:00.000Z");
    await h.store.joinTeam(h.team.id, ayu.id, "2026-11-01T00:00:00.000Z");
    await h.send("libur 2026-11-30", { user: "carla" });
    const week = await h.send("week", { user: "carla", receivedAt: WED_10AM_JAKARTA });
    // Tuesday and Wednesday: Monday was off.
    expect(week).toContain("Visits 0/10 · follow-ups 0/6");
    expect(week).toContain("Reported 0 of 2 working days");
  });

  it("expects nothing before the team started, unless a rep reported for an earlier day", async () => {
    // The team was set up this Wednesday: Monday and Tuesday were nobody's to work.
    expect(await h.send("week", { user: "ayu" })).toContain("Visits 0/5 · follow-ups 0/3");
    // Budi writes up Monday's visits: from Monday on he is held to the quota.
    await h.send("senin ketemu 2 klien", { user: "budi" });
    const week = await h.send("week", { user: "budi" });
    expect(week).toContain("Visits 2/15");
  });

  it("holds a rep silent since the team's setup to every day since, whenever they first write", async () => {
    // Set up on Monday (on Telegram a rep joins the team only when they first write); Dedi first writes Thursday.
    await h.store.setRole(
      h.team.id,
      (await h.store.ensureMember(h.team.workspaceId, "rina", "Rina", "2026-11-30T01:00:00.000Z")).id,
      "manager",
      "2026-11-30T01:00:00.000Z",
    );
    const week = await h.send("visit 2", { user: "dedi", receivedAt: jakarta("2026-12-03T17:00:00") });
    expect(week).toContain("visits 2/5");
    expect(await h.send("week", { user: "dedi", receivedAt: jakarta("2026-12-03T17:00:00") })).toContain(
      "Visits 2/20",
    );
  });

  it("marks working days only, excuses a missed day, and says why it refuses", async () => {
    // Christmas is a public holiday in Indonesia and the 26th a Saturday: one working day.
    expect(await h.send("off 2026-12-24..2026-12-26")).toBe(
      "🌴 Marked off: 24 Dec (1 working day). No reminders then, and it won't count against your quota.",
    );
    expect(await h.send("off yesterday")).toContain("Marked off: 1 Dec (1 working day)");
    expect(await h.send("off 2026-12-26..2026-12-27")).toBe(
      "26 – 27 Dec has no working days (weekend or holiday) — nothing to mark.",
    );
    expect(await h.send("off 2026-12-24..2026-12-21")).toBe(
      "24 – 21 Dec ends before it starts — write the earlier day first.",
    );
    expect(await h.send("off 2026-11-20")).toBe(
      "Days off can be marked up to 7 days back; 20 Nov is further.",
    );
    expect(await h.send("off 2026-02-30")).toBe(
      "2026-02-30 isn't a date — write it as YYYY-MM-DD, e.g. 2026-12-24.",
    );
    expect(await h.send("off 2026-12-02..2027-02-01")).toContain("more than 31 days in one go");
  });
});
