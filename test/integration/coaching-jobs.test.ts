import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createJobRunner } from "../../src/app/jobs.js";
import { silentLogger } from "../../src/app/logger.js";
import type { Store } from "../../src/app/ports.js";
import type { Member, Team } from "../../src/core/team.js";
import { createStore } from "../../src/db/store.js";
import { recordingMessenger } from "../fakes/recording-messenger.js";
import { DIALECTS, type TestDatabase } from "../support/databases.js";
import { type JobsTeam, jobsTeam } from "../support/jobs-team.js";

const jakarta = (local: string) => Date.parse(`${local}+07:00`);

// The week of Monday 30 November 2026; the alert goes out on Wednesday the 2nd, the recap on Friday the 4th.
describe.each(DIALECTS)("weekly coaching messages on $name", (dialect) => {
  let database: TestDatabase;
  let store: Store;
  let team: Team;
  let rina: Member;
  let reps: Record<"ayu" | "budi" | "citra", Member>;
  let out: ReturnType<typeof recordingMessenger>;

  const runner = () => createJobRunner({ store, logger: silentLogger, messengers: { slack: out.messenger } });

  let report: JobsTeam["report"];

  const to = (name: string) =>
    out.delivered.filter((d) => d.to === "direct" && d.name === name).map((d) => d.text);
  const recipients = (includes: string) =>
    out.delivered
      .filter((d) => d.to === "direct" && d.text.includes(includes))
      .map((d) => d.name)
      .sort();

  beforeEach(async () => {
    database = await dialect.create();
    store = createStore(database.connection.db);
    const at = "2026-11-01T00:00:00.000Z";
    const fixture = await jobsTeam(store, at);
    ({ team, reps, report } = fixture);
    rina = await store.ensureMember(team.workspaceId, "U9", "Rina", at);
    await store.setRole(team.id, rina.id, "manager", at);
    await store.setMemberLocale(rina.id, "id");
    out = recordingMessenger();
  });
  afterEach(async () => {
    await database.drop();
  });

  describe("the managers' alert, Wednesday 12:00", () => {
    beforeEach(async () => {
      // Monday and Tuesday: Ayu on pace (10 of 10), Budi far behind (3 of 10), Citra a little behind (8 of 10).
      for (const day of ["2026-11-30", "2026-12-01"]) {
        await report(reps.ayu, day, { visits: 5 });
        await report(reps.citra, day, { visits: 4 });
      }
      await report(reps.budi, "2026-11-30", { visits: 2 });
      await report(reps.budi, "2026-12-01", { visits: 1 });
    });

    it("names the reps behind the visit pace, to each manager in their language, once", async () => {
      await runner().runDue(jakarta("2026-12-02T11:59:00"));
      expect(out.delivered).toEqual([]);
      await runner().runDue(jakarta("2026-12-02T12:00:00"));
      expect(out.delivered.map((d) => d.name).sort()).toEqual(["Maya", "Rina"]);
      expect(to("Maya")[0]).toBe(
        [
          "🔔 Sales JKT: one rep needs a hand this week",
          "Budi: 3 of 10 visits so far (30% of pace) → plan the rest of the week with them today.",
        ].join("\n"),
      );
      expect(to("Rina")[0]).toContain("Budi: 3 dari 10 kunjungan sejauh ini (30% dari ritme)");
      // Citra, 20% behind, is within the 30% a week allows.
      expect(to("Maya")[0]).not.toContain("Citra");
      await runner().runDue(jakarta("2026-12-02T12:05:00"));
      await runner().runDue(jakarta("2026-12-02T18:00:00"));
      expect(recipients("🔔")).toEqual(["Maya", "Rina"]);
    });

    it("adds a rep whose funnel leaked at the same stage two weeks running, with what to do", async () => {
      await report(reps.citra, "2026-11-18", { leads: 10, prospects: 1 });
      await report(reps.citra, "2026-11-25", { leads: 8, prospects: 1 });
      // Ayu leaked the week before last only: no pattern yet.
      await report(reps.ayu, "2026-11-18", { leads: 10, prospects: 1 });
      await report(reps.ayu, "2026-11-25", { leads: 10, prospects: 6 });
      await runner().runDue(jakarta("2026-12-02T12:00:00"));
      const alert = to("Maya")[0] ?? "";
      expect(alert).toContain("🔔 Sales JKT: 2 reps need a hand this week");
      expect(alert.split("\n")[1]).toMatch(/^Budi: 3 of 10 visits/);
      expect(alert.split("\n")[2]).toMatch(/^Citra: leads don't become prospects two weeks running → /);
      expect(alert).not.toContain("Ayu");
    });

    it("is not sent when nobody is behind", async () => {
      await report(reps.budi, "2026-12-01", { visits: 6 });
      await runner().runDue(jakarta("2026-12-02T12:00:00"));
      await runner().runDue(jakarta("2026-12-02T12:01:00"));
      expect(out.delivered).toEqual([]);
    });

    it("counts a rep's day off out of the pace they are held to", async () => {
      // Off on Monday, Budi is held to Tuesday's 5, and two more visits make his 5; Citra's 8 beat it too.
      await store.addDaysOff(team.id, reps.budi.id, ["2026-11-30"], "2026-11-29T00:00:00.000Z");
      await store.addDaysOff(team.id, reps.citra.id, ["2026-11-30"], "2026-11-29T00:00:00.000Z");
      await report(reps.budi, "2026-12-01", { visits: 2 });
      await runner().runDue(jakarta("2026-12-02T12:00:00"));
      expect(out.delivered).toEqual([]);
    });

    it("goes out on the day and at the time the team chose", async () => {
      team = await store.updateTeam(team.id, { alertDay: 4, alertTime: "09:30" });
      await runner().runDue(jakarta("2026-12-02T12:00:00"));
      expect(out.delivered).toEqual([]);
      await runner().runDue(jakarta("2026-12-03T09:29:00"));
      expect(out.delivered).toEqual([]);
      await runner().runDue(jakarta("2026-12-03T09:30:00"));
      expect(recipients("🔔")).toEqual(["Maya", "Rina"]);
      // By Thursday Budi is measured over three days: 3 of 15.
      expect(to("Maya")[0]).toContain("Budi: 3 of 15 visits so far (20% of pace)");
    });
  });

  describe("the reps' recap, Friday 15:00", () => {
    it("sends each rep at work their week and one habit to work on, and nothing to managers", async () => {
      for (const day of ["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03"]) {
        await report(reps.ayu, day, { visits: 5, followUps: 3 });
        await report(reps.budi, day, { visits: 2 });
      }
      await store.addDaysOff(team.id, reps.citra.id, ["2026-12-04"], "2026-12-01T00:00:00.000Z");
      await runner().runDue(jakarta("2026-12-04T14:59:00"));
      expect(recipients("Your week")).toEqual([]);
      await runner().runDue(jakarta("2026-12-04T15:00:00"));
      // Citra is off today and hears nothing; managers get no recap.
      expect(recipients("Your week")).toEqual(["Ayu", "Budi"]);
      const recap = (name: string) => to(name).find((text) => text.startsWith("Your week"));
      expect(recap("Ayu")).toBe(
        [
          "Your week, Ayu",
          "This week: visits 20/25 · follow-ups 12/15 · existing-client check-ins 0/3 · referrals asked 0/2",
          "Next week: call or visit three existing clients",
        ].join("\n"),
      );
      // Budi's weakest habit is following up.
      expect(recap("Budi")).toContain("This week: visits 8/25 · follow-ups 0/15");
      expect(recap("Budi")).toContain("Next week: follow up within a day of every meeting");
      await runner().runDue(jakarta("2026-12-04T16:30:00"));
      expect(recipients("Your week")).toEqual(["Ayu", "Budi"]);
    });

    it("stays quiet on a public holiday", async () => {
      // Friday 25 December 2026 is Christmas Day, a public holiday in Indonesia.
      await runner().runDue(jakarta("2026-12-25T15:00:00"));
      await runner().runDue(jakarta("2026-12-25T16:00:00"));
      expect(out.delivered).toEqual([]);
    });
  });

  describe("the referral nudge, Tuesday at the nudge time", () => {
    it("reminds only the reps who kept in touch with existing clients and asked none of them", async () => {
      // The fortnight before Tuesday 8 December: 24 November to 7 December.
      await report(reps.ayu, "2026-11-26", { relationshipContacts: 2 });
      await report(reps.ayu, "2026-12-03", { relationshipContacts: 1 });
      await report(reps.budi, "2026-12-01", { relationshipContacts: 2, referralsAsked: 1 });
      // Citra's contacts are older than the fortnight.
      await report(reps.citra, "2026-11-20", { relationshipContacts: 4 });
      await store.setMemberLocale(reps.ayu.id, "id");
      await runner().runDue(jakarta("2026-12-08T12:59:00"));
      expect(recipients("referensi")).toEqual([]);
      await runner().runDue(jakarta("2026-12-08T13:00:00"));
      expect(recipients("referensi")).toEqual(["Ayu"]);
      expect(to("Ayu")).toContain(
        "Dua minggu ini kamu menghubungi 3 klien lama — minta referensi ke salah satunya 🙏",
      );
      expect(recipients("referral")).toEqual([]);
      await runner().runDue(jakarta("2026-12-08T14:00:00"));
      expect(recipients("referensi")).toEqual(["Ayu"]);
    });
  });
});
