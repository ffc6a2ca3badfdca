import { describe, expect, it } from "vitest";
import { daysInRange, isoWeekday } from "../../src/core/calendar.js";
import { teamFigures } from "../../src/core/figures.js";
import { emptyCounts } from "../../src/core/metrics.js";
import {
  quotaOn,
  type SettingHistory,
  SINCE_ALWAYS,
  settingOn,
  targetForMonth,
} from "../../src/core/setting-history.js";

/** Monday 30 Nov to Sunday 6 Dec 2026. */
const WEEK = { start: "2026-11-30", end: "2026-12-06" };
const WORKING = daysInRange(WEEK).filter((d) => isoWeekday(d) <= 5);
const ALWAYS_5_3: SettingHistory = [
  { name: "quota.visits", value: 5, from: SINCE_ALWAYS },
  { name: "quota.followUps", value: 3, from: SINCE_ALWAYS },
];

function figures(history: SettingHistory, asOf: string, off: string[] = []) {
  const counts = { ...emptyCounts(), visits: 18, followUps: 9 };
  return teamFigures({
    range: WEEK,
    asOf,
    totals: [{ memberId: 1, displayName: "Ayu", counts, daysReported: 4 }],
    workingDays: WORKING,
    isDayOff: (member, day) => member === 1 && off.includes(day),
    history,
    quota: { visits: 9, followUps: 9 },
  });
}

describe("settings in force on a day", () => {
  it("uses the latest change on or before the day", () => {
    const history: SettingHistory = [
      ...ALWAYS_5_3,
      { name: "quota.visits", value: 4, from: "2026-12-02" },
      { name: "quota.visits", value: 6, from: "2026-12-10" },
    ];
    expect(quotaOn(history, "2026-12-01", { visits: 9, followUps: 9 })).toEqual({ visits: 5, followUps: 3 });
    expect(quotaOn(history, "2026-12-02", { visits: 9, followUps: 9 })).toEqual({ visits: 4, followUps: 3 });
    expect(quotaOn(history, "2026-12-09", { visits: 9, followUps: 9 }).visits).toBe(4);
    expect(quotaOn(history, "2026-12-31", { visits: 9, followUps: 9 }).visits).toBe(6);
  });

  it("has no value before the first change, and the fallback only without any history", () => {
    const history: SettingHistory = [{ name: "monthlyTarget", value: 8, from: "2026-12-01" }];
    expect(settingOn(history, "monthlyTarget", "2026-11-30", 3)).toBeNull();
    expect(settingOn(history, "monthlyTarget", "2026-12-15", 3)).toBe(8);
    expect(settingOn([], "monthlyTarget", "2026-12-15", 3)).toBe(3);
  });

  it("takes a month's target as it stands today while the month runs, as it stood at its end after", () => {
    const history: SettingHistory = [
      { name: "monthlyTarget", value: 8, from: "2026-11-01" },
      { name: "monthlyTarget", value: 10, from: "2026-11-20" },
      { name: "monthlyTarget", value: null, from: "2026-12-03" },
    ];
    const november = { start: "2026-11-01", end: "2026-11-30" };
    const december = { start: "2026-12-01", end: "2026-12-31" };
    expect(targetForMonth(history, november, "2026-11-10", null)).toBe(8);
    expect(targetForMonth(history, november, "2026-12-02", null)).toBe(10);
    expect(targetForMonth(history, december, "2026-12-02", null)).toBe(10);
    expect(targetForMonth(history, december, "2026-12-05", null)).toBeNull();
  });
});

describe("a week scored against the quotas in force on each day", () => {
  it("a quota lowered on Wednesday scores Monday and Tuesday at the old one", () => {
    const history: SettingHistory = [...ALWAYS_5_3, { name: "quota.visits", value: 4, from: "2026-12-02" }];
    const ayu = figures(history, WEEK.end).rep(1);
    // Mon, Tue at 5; Wed, Thu, Fri at 4.
    expect(ayu.expected).toEqual({ visits: 5 + 5 + 4 + 4 + 4, followUps: 15 });
    expect(ayu.expectedDays).toBe(5);
  });

  it("last week keeps its quota when it is changed today", () => {
    const history: SettingHistory = [...ALWAYS_5_3, { name: "quota.visits", value: 4, from: "2026-12-07" }];
    expect(figures(history, WEEK.end).rep(1).expected.visits).toBe(25);
  });

  it("counts only days that have come, and leaves days off out", () => {
    const wednesday = figures(ALWAYS_5_3, "2026-12-02", ["2026-11-30"]).rep(1);
    expect(wednesday.expectedDays).toBe(2);
    expect(wednesday.expected).toEqual({ visits: 10, followUps: 6 });
  });

  it("expects the same of a rep who never reported", () => {
    const silent = figures(ALWAYS_5_3, WEEK.end).rep(2, "Dedi");
    expect(silent).toMatchObject({ displayName: "Dedi", daysReported: 0, expectedDays: 5 });
    expect(silent.counts.visits).toBe(0);
  });

  it("adds the team's totals up from the reps', so the two agree", () => {
    const week = figures(ALWAYS_5_3, WEEK.end);
    expect(week.totals.visits).toBe(week.reported.reduce((sum, r) => sum + r.counts.visits, 0));
  });
});
