import type { DateRange, LocalDate } from "./calendar.js";
import type { DailyQuota } from "./quota.js";

/** The settings a period is scored against; each has a history, so the past keeps the values it had. */
export type ScoredSetting = "quota.visits" | "quota.followUps" | "monthlyTarget";

/** One change: `value` is in force from `from` (a team-local day) until the next change. Null clears it. */
export interface SettingChange {
  name: ScoredSetting;
  value: number | null;
  from: LocalDate;
}

/** A team's setting changes, any order. */
export type SettingHistory = readonly SettingChange[];

/** The day before any recorded change: values recorded "since always" apply to every earlier day. */
export const SINCE_ALWAYS: LocalDate = "0001-01-01";

/**
 * The value in force on `day`: the latest change on or before it; null before the first change (a target set in
 * December is not November's). `fallback` only when the setting has no history at all.
 */
export function settingOn(
  history: SettingHistory,
  name: ScoredSetting,
  day: LocalDate,
  fallback: number | null,
): number | null {
  let inForce: SettingChange | undefined;
  let recorded = false;
  for (const change of history) {
    if (change.name !== name) continue;
    recorded = true;
    if (change.from <= day && (!inForce || change.from > inForce.from)) inForce = change;
  }
  if (!recorded) return fallback;
  return inForce?.value ?? null;
}

/** The daily quota in force on `day`. */
export function quotaOn(history: SettingHistory, day: LocalDate, fallback: DailyQuota): DailyQuota {
  return {
    visits: settingOn(history, "quota.visits", day, fallback.visits) ?? 0,
    followUps: settingOn(history, "quota.followUps", day, fallback.followUps) ?? 0,
  };
}

/** What a rep was expected to do over `days`: each day's quota as it was in force that day, added up. */
export function quotaOver(
  history: SettingHistory,
  days: readonly LocalDate[],
  fallback: DailyQuota,
): DailyQuota {
  const total = { visits: 0, followUps: 0 };
  for (const day of days) {
    const quota = quotaOn(history, day, fallback);
    total.visits += quota.visits;
    total.followUps += quota.followUps;
  }
  return total;
}

/**
 * The closing target for a month: the one in force on its last day, or today's while the month is still going
 * (a target set mid-month is this month's target). Null when none was set.
 */
export function targetForMonth(
  history: SettingHistory,
  month: DateRange,
  today: LocalDate,
  fallback: number | null,
): number | null {
  const day = today < month.end ? today : month.end;
  return settingOn(history, "monthlyTarget", day, fallback);
}
