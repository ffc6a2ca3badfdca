import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type DueJob, dueJobs, nextDueAt, type ScheduledTeam } from "../../src/core/schedule.js";

const MINUTE = 60_000;
const base: ScheduledTeam = {
  timezone: "Asia/Jakarta",
  workingDays: [1, 2, 3, 4, 5],
  reminderTime: "16:00",
  nudgeTime: "13:00",
  digestTime: "08:00",
  alertDay: 3,
  alertTime: "12:00",
  recapDay: 5,
  recapTime: "15:00",
};
const TEAMS: ScheduledTeam[] = [
  base,
  { ...base, timezone: "Europe/Berlin", workingDays: [1, 2, 3, 4, 5, 6], reminderTime: "17:30" },
  { ...base, timezone: "America/New_York", nudgeTime: "18:00", reminderTime: "09:00", alertDay: 1 },
  { ...base, timezone: "Australia/Lord_Howe", workingDays: [2, 4], digestTime: "00:00", recapDay: 4 },
];
const key = (job: DueJob) => `${job.kind}:${job.periodKey}`;

describe("when a team's next job can become due", () => {
  it("no job becomes due before it, and one does at it (minute by minute, across DST changes)", () => {
    // Around the 2026 DST changes in Berlin (25 Oct), New York (1 Nov) and Lord Howe (4 Oct, half an hour).
    const from = Date.parse("2026-09-28T00:00:00Z");
    const to = Date.parse("2026-11-09T00:00:00Z");
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: TEAMS.length - 1 }),
        fc.integer({ min: from, max: to }),
        (i, now) => {
          const team = TEAMS[i] as ScheduledTeam;
          const next = nextDueAt(team, now);
          expect(next).toBeGreaterThan(now);
          const before = new Set(dueJobs(team, now, () => false).map(key));
          for (let t = Math.ceil((now + 1) / MINUTE) * MINUTE; t < next; t += MINUTE) {
            for (const job of dueJobs(team, t, () => false))
              expect(before.has(key(job)), new Date(t).toISOString()).toBe(true);
          }
          const at = dueJobs(team, next, () => false).map(key);
          expect(at.some((k) => !before.has(k))).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("is the next working day's nudge after a Friday reminder, and Monday's digest over a weekend", () => {
    const friday = Date.parse("2026-12-04T16:30:00+07:00");
    expect(new Date(nextDueAt(base, friday)).toISOString()).toBe("2026-12-07T01:00:00.000Z"); // Mon 08:00 digest
    const tuesdayEvening = Date.parse("2026-12-08T16:00:00+07:00");
    expect(new Date(nextDueAt(base, tuesdayEvening)).toISOString()).toBe("2026-12-09T05:00:00.000Z"); // Wed 12:00 alert
  });
});
