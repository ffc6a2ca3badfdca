import { describe, expect, it } from "vitest";
import { dueJobs, type ScheduledTeam } from "../../src/core/schedule.js";

const jakarta: ScheduledTeam = {
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
const noHolidays = (_date: string) => false;
const at = (iso: string) => Date.parse(iso);
const kinds = (team: ScheduledTeam, iso: string, holiday = noHolidays) =>
  dueJobs(team, at(iso), holiday).map((j) => `${j.kind}:${j.periodKey}`);

describe("dueJobs", () => {
  it("makes the nudge due from 13:00 until the reminder takes over at 16:00, and the reminder until the day ends", () => {
    // Wednesday 2 December, with the manager's alert moved to Thursday to keep this about the daily jobs.
    const daily = { ...jakarta, alertDay: 4 };
    expect(kinds(daily, "2026-12-02T12:59:00+07:00")).toEqual([]);
    expect(kinds(daily, "2026-12-02T13:00:00+07:00")).toEqual(["nudge:2026-12-02"]);
    expect(kinds(daily, "2026-12-02T15:59:00+07:00")).toEqual(["nudge:2026-12-02"]);
    expect(kinds(daily, "2026-12-02T16:00:00+07:00")).toEqual(["reminder:2026-12-02"]);
    expect(kinds(daily, "2026-12-02T23:59:00+07:00")).toEqual(["reminder:2026-12-02"]);
    // A new day: yesterday's missed reminders are gone, not sent late.
    expect(kinds(daily, "2026-12-03T00:01:00+07:00")).toEqual([]);
  });

  it("makes the weekly alert, recap and referral nudge due on their weekday, from their time until the day ends", () => {
    // Tuesday 1 December (Monday's digest is still due until Wednesday 08:00): the referral nudge at the nudge
    // time, with the quota nudge.
    expect(kinds(jakarta, "2026-12-01T12:59:00+07:00")).toEqual(["digest:2026-W48"]);
    expect(kinds(jakarta, "2026-12-01T13:00:00+07:00")).toEqual([
      "nudge:2026-12-01",
      "referralNudge:2026-W49",
      "digest:2026-W48",
    ]);
    // Wednesday: the manager's alert at 12:00, once for the week.
    expect(kinds(jakarta, "2026-12-02T08:01:00+07:00")).toEqual([]);
    expect(kinds(jakarta, "2026-12-02T11:59:00+07:00")).toEqual([]);
    expect(kinds(jakarta, "2026-12-02T12:00:00+07:00")).toEqual(["alert:2026-W49"]);
    expect(kinds(jakarta, "2026-12-02T23:59:00+07:00")).toEqual(["reminder:2026-12-02", "alert:2026-W49"]);
    expect(kinds(jakarta, "2026-12-03T12:00:00+07:00")).toEqual([]);
    // Friday: each rep's recap at 15:00.
    expect(kinds(jakarta, "2026-12-04T14:59:00+07:00")).toEqual(["nudge:2026-12-04"]);
    expect(kinds(jakarta, "2026-12-04T15:00:00+07:00")).toEqual(["nudge:2026-12-04", "recap:2026-W49"]);
    // A team's own day and time.
    const early = { ...jakarta, alertDay: 1, alertTime: "09:30", recapDay: 4, recapTime: "17:00" };
    expect(kinds(early, "2026-11-30T09:30:00+07:00")).toEqual(["alert:2026-W49", "digest:2026-W48"]);
    expect(kinds(early, "2026-12-03T17:00:00+07:00")).toEqual(["reminder:2026-12-03", "recap:2026-W49"]);
  });

  it("sends no weekly coaching message on a holiday or a day the team does not work", () => {
    expect(kinds(jakarta, "2026-12-02T12:00:00+07:00", (d) => d === "2026-12-02")).toEqual([]);
    expect(kinds(jakarta, "2026-12-04T15:00:00+07:00", (d) => d === "2026-12-04")).toEqual([]);
    expect(kinds({ ...jakarta, recapDay: 6 }, "2026-12-05T15:00:00+07:00")).toEqual([]);
  });

  it("skips weekends, days the team does not work, and public holidays", () => {
    expect(kinds(jakarta, "2026-12-05T16:30:00+07:00")).toEqual([]);
    expect(kinds({ ...jakarta, workingDays: [1, 2, 3, 4, 5, 6] }, "2026-12-05T16:30:00+07:00")).toEqual([
      "reminder:2026-12-05",
    ]);
    expect(kinds(jakarta, "2026-12-25T16:30:00+07:00", (d) => d === "2026-12-25")).toEqual([]);
  });

  it("makes Monday's digest about last week due at 08:00 and keeps it due for 48 hours", () => {
    expect(kinds(jakarta, "2026-12-07T07:59:00+07:00")).toEqual([]);
    expect(kinds(jakarta, "2026-12-07T08:00:00+07:00")).toEqual(["digest:2026-W49"]);
    expect(kinds(jakarta, "2026-12-09T08:00:00+07:00")).toContain("digest:2026-W49");
    expect(kinds(jakarta, "2026-12-09T08:01:00+07:00")).not.toContain("digest:2026-W49");
  });

  it("follows the team's own clock across a DST change", () => {
    const berlin = { ...jakarta, timezone: "Europe/Berlin" };
    // Before 25 October 2026 Berlin is UTC+2, after it UTC+1.
    expect(kinds(berlin, "2026-10-23T12:59:00Z")).toEqual(["nudge:2026-10-23"]);
    expect(kinds(berlin, "2026-10-23T13:00:00Z")).toEqual(["nudge:2026-10-23", "recap:2026-W43"]);
    expect(kinds(berlin, "2026-10-23T14:00:00Z")).toEqual(["reminder:2026-10-23", "recap:2026-W43"]);
    expect(kinds(berlin, "2026-10-26T11:59:00Z")).toEqual(["digest:2026-W43"]);
    expect(kinds(berlin, "2026-10-26T12:00:00Z")).toEqual(["nudge:2026-10-26", "digest:2026-W43"]);
    const newYork = { ...jakarta, timezone: "America/New_York" };
    // 1 November 2026: New York goes from UTC-4 to UTC-5; Monday 2 November 08:00 is 13:00 UTC.
    expect(kinds(newYork, "2026-11-02T12:59:00Z")).toEqual([]);
    expect(kinds(newYork, "2026-11-02T13:00:00Z")).toEqual(["digest:2026-W44"]);
  });
});
