import type { Habit } from "../coaching.js";
import type { QuotaMetric } from "../commands.js";
import type { Conversion } from "../funnel.js";

/** The coaching sentences (one rep's funnel, the roster, leaderboard, trend, alerts, recaps), per language. */
export interface CoachingTexts {
  /** "Budi · week 49 (30 Nov – 6 Dec)". */
  repFunnelTitle(name: string, label: string): string;
  /** Column heads of the rep-beside-team table. */
  repColumns(name: string): readonly [string, string, string, string, string];
  /** "Ratio 10 : 5 : 1 : 0.3 · team 10 : 4.8 : 2.6 : 0.9 · benchmark 10 : 5 : 3 : 1". */
  repRatios(rep: string, team: string, benchmark: string): string;
  /** The weakest transition, and whose leak it is: the rep's alone, or the team's as well. */
  repWeakest(name: string, conversion: Conversion, owner: "rep" | "team"): string;
  notOnTeam(mention: string): string;
  /** Names the person replied to, when there is no @name to repeat. */
  thatPerson: string;
  managersOnlyRoster: string;
  /** Said in a group when a manager's answer about reps went to their private chat. */
  sentPrivately: string;
  /** Said in a group when it could not: the manager has not started a private chat with the bot. */
  startPrivateChat: string;
  rosterNotWorkingDay: string;
  /** The weekly habit quotas, after the daily ones in `quota`. */
  weeklyQuotaShow(checkIns: number, referrals: number): string;
  /** A rep's own quota where a manager set one. */
  ownQuotaShow(visits: number, followUps: number): string;
  /** `prefix` is how commands are written here: "/sales " on Slack, "/" on Telegram, "" in the console. */
  othersPrivate(prefix: string): string;

  rosterTitle(team: string, day: string, reported: number, of: number): string;
  rosterReported(entries: string): string;
  rosterOff(names: string): string;
  rosterMissing(names: string): string;
  rosterBehind(entries: string): string;
  rosterOnPace: string;
  rosterEmpty: string;

  leaderboardTitle(team: string, label: string): string;
  leaderboardColumns: readonly [string, string, string, string, string, string];
  leaderboardEmpty: string;
  /** A rep asked for the leaderboard where reps do not see each other's figures. */
  leaderboardPrivate(prefix: string): string;

  trendTitle(team: string, weeks: number): string;
  trendColumns: readonly [string, string, string, string, string];
  trendDirection(direction: "better" | "worse" | "steady"): string;
  trendEmpty: string;
  trendChartTitle(team: string, weeks: number): string;
  trendChartLegend: { visits: string; quota: string; ratio: string };

  /** The digest's line on the funnel's shape over four weeks. */
  digestDirection(direction: "better" | "worse" | "steady"): string;
  digestMostImproved(name: string, from: string, to: string): string;

  /** The manager's midweek alert: who is behind, whose funnel leaks, one thing to do for each. */
  alertTitle(team: string, count: number): string;
  alertBehind(name: string, visits: number, expected: number, pace: number): string;
  alertLeak(name: string, conversion: Conversion): string;

  /** Each rep's Friday recap. */
  recapTitle(name: string): string;
  recapWeek(parts: string): string;
  recapFunnel(ratio: string, weakest: Conversion | null): string;
  recapHabit(habit: Habit | null): string;

  /** Existing clients met, no referral asked, in two weeks. */
  referralNudge(contacts: number): string;

  quotaSetFor(metric: QuotaMetric, value: number, name: string): string;
  quotaBackToTeam(metric: QuotaMetric, name: string): string;
  weeklyQuotaSet(metric: QuotaMetric, value: number): string;
  visibilitySaved(team: boolean): string;
  coachingTimeSaved(what: "alert" | "recap", day: string, time: string): string;
}
