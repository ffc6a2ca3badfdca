import { type DateRange, earlierDay, type LocalDate } from "./calendar.js";
import { type Counts, emptyCounts, METRICS } from "./metrics.js";
import type { DailyQuota } from "./quota.js";
import { quotaOver, type SettingHistory, type WeeklyQuota, weeklyQuotaOn } from "./setting-history.js";
import type { MemberTotals } from "./team.js";

/** One rep over a period, as every view shows it: what they did, and what was expected of them so far. */
export interface RepFigures {
  memberId: number;
  displayName: string;
  counts: Counts;
  /** Distinct days with a report that counts. */
  daysReported: number;
  /** Working days of the period up to `asOf` the rep was expected to work: holidays and days off left out. */
  expectedDays: number;
  /** Each of those days' quota as it was in force that day (the rep's own where set), added up. */
  expected: DailyQuota;
  /** The weekly habit quotas in force at the period's end (or `asOf`): check-ins and referral asks. */
  weekly: WeeklyQuota;
}

/** A team over a period: one set of figures that today, week, funnel, plan and digest all read. */
export interface TeamFigures {
  range: DateRange;
  asOf: LocalDate;
  /** The team's totals: the reps' counts added up, so the two never disagree. */
  totals: Counts;
  /** Figures for a member, reported or not (a silent rep is still expected to work). */
  rep(memberId: number, displayName?: string): RepFigures;
  /** Everyone who reported in the period. */
  reported: RepFigures[];
}

export interface FiguresInput {
  range: DateRange;
  /** Days after this one have not come yet: they expect nothing. */
  asOf: LocalDate;
  totals: readonly MemberTotals[];
  /** The team's working days in the range, holidays left out. */
  workingDays: readonly LocalDate[];
  isDayOff(memberId: number, day: LocalDate): boolean;
  /**
   * The team's first day, in its time zone: nothing is expected before it (a team set up on a Wednesday is not
   * behind for Monday). A rep who reported for an earlier day is held to the quota from that day on. It is the
   * team's day, not each rep's: on Telegram a rep joins the team when they first write, and a rep silent since
   * setup is exactly who the figures must show.
   */
  startedOn?: LocalDate;
  history: SettingHistory;
  /** The quota to use for a team with no recorded history. */
  quota: DailyQuota;
}

/** Adds a period up and scores each rep against the quotas in force on each day they were expected to work. */
export function teamFigures(input: FiguresInput): TeamFigures {
  const byMember = new Map(input.totals.map((t) => [t.memberId, t]));
  const elapsed = input.workingDays.filter((day) => day <= input.asOf);
  const rep = (memberId: number, displayName?: string): RepFigures => {
    const known = byMember.get(memberId);
    const started = input.startedOn;
    const start = started && known?.firstDay ? earlierDay(started, known.firstDay) : started;
    const days = elapsed.filter(
      (day) => !input.isDayOff(memberId, day) && (start === undefined || day >= start),
    );
    return {
      memberId,
      displayName: displayName ?? known?.displayName ?? "",
      counts: known ? { ...known.counts } : emptyCounts(),
      daysReported: known?.daysReported ?? 0,
      expectedDays: days.length,
      expected: quotaOver(input.history, days, input.quota, memberId),
      weekly: weeklyQuotaOn(input.history, earlierDay(input.asOf, input.range.end), memberId),
    };
  };
  const totals = emptyCounts();
  for (const member of input.totals) for (const metric of METRICS) totals[metric] += member.counts[metric];
  return {
    range: input.range,
    asOf: input.asOf,
    totals,
    rep,
    reported: input.totals.map((t) => rep(t.memberId, t.displayName)),
  };
}

/**
 * The reps a team view is about: every rep, reported or silent (a silent rep is the point), and a manager only when
 * they reported themselves. In the members' order.
 */
export function teamReps(
  figures: TeamFigures,
  members: ReadonlyArray<{ id: number; displayName: string; role: "rep" | "manager" }>,
): RepFigures[] {
  const reported = new Set(figures.reported.map((r) => r.memberId));
  return members
    .filter((m) => m.role === "rep" || reported.has(m.id))
    .map((m) => figures.rep(m.id, m.displayName));
}
