import type { DateRange } from "./calendar.js";
import { mostImproved, ratioDirection } from "./coaching.js";
import type { RepFigures } from "./figures.js";
import { analyzeFunnel, type FunnelAnalysis, type MonthPlan } from "./funnel.js";
import type { Counts } from "./metrics.js";
import type { MemberTotals } from "./team.js";

export type Trend = "up" | "down" | "flat" | "new";

export interface DigestRow {
  memberId: number;
  name: string;
  visits: number;
  followUps: number;
  closed: number;
  /** Working days the rep was expected to work: the team's working days less holidays and their days off. */
  expectedDays: number;
  daysReported: number;
  /** Each expected day's visit quota, as it was in force that day, added up. */
  visitTarget: number;
  /** visits / visitTarget, null when nothing was expected. */
  visitAttainment: number | null;
  trend: Trend;
}

export interface Digest {
  teamName: string;
  week: number;
  range: DateRange;
  rows: DigestRow[];
  totals: Counts;
  previousTotals: Counts;
  /** Team visits against the sum of every rep's visit target; null when nothing was expected. */
  visitAttainment: number | null;
  funnel: FunnelAnalysis;
  /** The rep furthest ahead on visit quota (closings break ties); null on an empty week. */
  top: DigestRow | null;
  plan: MonthPlan | null;
  planMonth: string;
  /** Visits checked in by shared location (Telegram). */
  checkIns: number;
  /** Which way the funnel's shape went over the last four weeks; null without two weeks of leads. */
  direction: "better" | "worse" | "steady" | null;
  /** The rep whose visit quota attainment rose most from the week before. */
  mostImproved: { name: string; from: number; to: number } | null;
}

export interface DigestInput {
  teamName: string;
  week: number;
  range: DateRange;
  /** Everyone the digest reports on, in display order, with what was expected of them (core/figures). */
  reps: Array<{ memberId: number; displayName: string; expectedDays: number; expectedVisits: number }>;
  thisWeek: MemberTotals[];
  lastWeek: MemberTotals[];
  totals: Counts;
  previousTotals: Counts;
  plan: MonthPlan | null;
  planMonth: string;
  checkIns: number;
  /** The team's totals for the four weeks up to this one, oldest first (this week last). */
  fourWeeks: Counts[];
  /** The reps' figures this week and the week before, for "most improved". */
  improvement: { now: RepFigures[]; before: RepFigures[] };
}

/** A change under 10% either way is noise for a week's visits, not a trend worth an arrow. */
const TREND_THRESHOLD = 0.1;

export function trendOf(now: number, before: number | undefined): Trend {
  if (before === undefined) return "new";
  if (before === 0) return now > 0 ? "up" : "flat";
  const change = (now - before) / before;
  if (change >= TREND_THRESHOLD) return "up";
  if (change <= -TREND_THRESHOLD) return "down";
  return "flat";
}

/** Last week's numbers per rep and for the team, ready to render. */
export function composeDigest(input: DigestInput): Digest {
  const thisWeek = new Map(input.thisWeek.map((t) => [t.memberId, t]));
  const lastWeek = new Map(input.lastWeek.map((t) => [t.memberId, t]));
  const rows: DigestRow[] = input.reps.map((rep) => {
    const now = thisWeek.get(rep.memberId);
    const before = lastWeek.get(rep.memberId);
    const visits = now?.counts.visits ?? 0;
    const visitTarget = rep.expectedVisits;
    return {
      memberId: rep.memberId,
      name: rep.displayName,
      visits,
      followUps: now?.counts.followUps ?? 0,
      closed: now?.counts.closed ?? 0,
      expectedDays: rep.expectedDays,
      daysReported: now?.daysReported ?? 0,
      visitTarget,
      visitAttainment: visitTarget > 0 ? visits / visitTarget : null,
      trend: trendOf(visits, before ? before.counts.visits : input.lastWeek.length > 0 ? 0 : undefined),
    };
  });
  const target = rows.reduce((sum, r) => sum + r.visitTarget, 0);
  const active = rows.filter((r) => r.visits > 0 || r.closed > 0);
  const top =
    [...active].sort(
      (a, b) =>
        (b.visitAttainment ?? 0) - (a.visitAttainment ?? 0) || b.closed - a.closed || b.visits - a.visits,
    )[0] ?? null;
  return {
    teamName: input.teamName,
    week: input.week,
    range: input.range,
    rows,
    totals: input.totals,
    previousTotals: input.previousTotals,
    visitAttainment: target > 0 ? input.totals.visits / target : null,
    funnel: analyzeFunnel(input.totals),
    top,
    plan: input.plan,
    planMonth: input.planMonth,
    checkIns: input.checkIns,
    direction: ratioDirection(input.fourWeeks),
    mostImproved: mostImproved(input.improvement.now, input.improvement.before),
  };
}
