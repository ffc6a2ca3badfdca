import { type DateRange, earlierDay, type LocalDate } from "./calendar.js";
import type { DailyQuota } from "./quota.js";

/**
 * The settings a period is scored against; each has a history, so the past keeps the values it had. Visits and
 * follow-ups are daily quotas; existing-client check-ins and referral asks are weekly ones.
 */
export type ScoredSetting =
  | "quota.visits"
  | "quota.followUps"
  | "quota.relationshipContacts"
  | "quota.referralsAsked"
  | "monthlyTarget";

/**
 * One change: `value` is in force from `from` (a team-local day) until the next change. Null clears it. With
 * `member`, it is that rep's own (a ramping rep, a bigger territory) and wins over the team's while in force.
 */
export interface SettingChange {
  name: ScoredSetting;
  value: number | null;
  from: LocalDate;
  member?: number;
}

/** The weekly habit quotas, per rep: what the article asks of everyone until a manager says otherwise. */
export const DEFAULT_WEEKLY_QUOTA: Readonly<WeeklyQuota> = Object.freeze({
  relationshipContacts: 3,
  referralsAsked: 2,
});

export interface WeeklyQuota {
  relationshipContacts: number;
  referralsAsked: number;
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
  member?: number,
): number | null {
  let inForce: SettingChange | undefined;
  let own: SettingChange | undefined;
  let recorded = false;
  for (const change of history) {
    if (change.name !== name) continue;
    if (change.member !== undefined) {
      // A rep's own value, when one is in force for this day and not cleared.
      if (change.member === member && change.from <= day && (!own || change.from > own.from)) own = change;
      continue;
    }
    recorded = true;
    if (change.from <= day && (!inForce || change.from > inForce.from)) inForce = change;
  }
  if (own && own.value !== null) return own.value;
  if (!recorded) return fallback;
  return inForce?.value ?? null;
}

/** The daily quota in force on `day`, the rep's own where they have one. */
export function quotaOn(
  history: SettingHistory,
  day: LocalDate,
  fallback: DailyQuota,
  member?: number,
): DailyQuota {
  return {
    visits: settingOn(history, "quota.visits", day, fallback.visits, member) ?? 0,
    followUps: settingOn(history, "quota.followUps", day, fallback.followUps, member) ?? 0,
  };
}

/** What a rep was expected to do over `days`: each day's quota as it was in force that day, added up. */
export function quotaOver(
  history: SettingHistory,
  days: readonly LocalDate[],
  fallback: DailyQuota,
  member?: number,
): DailyQuota {
  const total = { visits: 0, followUps: 0 };
  for (const day of days) {
    const quota = quotaOn(history, day, fallback, member);
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
  const day = earlierDay(today, month.end);
  return settingOn(history, "monthlyTarget", day, fallback);
}

/** A week's habit quotas for a rep, as in force on its last day (today's while it runs). */
export function weeklyQuotaOn(history: SettingHistory, day: LocalDate, member?: number): WeeklyQuota {
  return {
    relationshipContacts:
      settingOn(
        history,
        "quota.relationshipContacts",
        day,
        DEFAULT_WEEKLY_QUOTA.relationshipContacts,
        member,
      ) ?? 0,
    referralsAsked:
      settingOn(history, "quota.referralsAsked", day, DEFAULT_WEEKLY_QUOTA.referralsAsked, member) ?? 0,
  };
}
