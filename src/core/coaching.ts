import type { RepFigures } from "./figures.js";
import { analyzeFunnel, type Conversion, type FunnelAnalysis } from "./funnel.js";
import type { Counts } from "./metrics.js";

/** Visits done against visits expected so far; null when nothing was expected (a day off, a week not begun). */
export function paceOf(rep: Pick<RepFigures, "counts" | "expected">): number | null {
  return rep.expected.visits > 0 ? rep.counts.visits / rep.expected.visits : null;
}

/** Behind by more than this share of the week's visit pace is worth a manager's attention. */
export const BEHIND_BY = 0.3;

/** Reps behind the visit pace by more than 30%, furthest behind first. */
export function behindPace<T extends Pick<RepFigures, "counts" | "expected">>(reps: readonly T[]): T[] {
  return reps
    .filter((rep) => {
      const pace = paceOf(rep);
      return pace !== null && pace < 1 - BEHIND_BY;
    })
    .sort((a, b) => (paceOf(a) ?? 0) - (paceOf(b) ?? 0));
}

/** A stage transition below this share of its benchmark is a leak, not noise. */
export const LEAK_SHARE = 0.5;

/** Deals in a stage below which a week says nothing about its conversion. */
const LEAK_MIN_SAMPLE = 3;

/** The transitions of a week's funnel that ran below half their benchmark (with enough deals to tell). */
export function leakingTransitions(counts: Counts): Conversion[] {
  const analysis = analyzeFunnel(counts);
  return analysis.conversions.filter(
    (c) =>
      c.to !== "closed" &&
      c.rate !== null &&
      counts[c.from] >= LEAK_MIN_SAMPLE &&
      c.rate < c.benchmark * LEAK_SHARE,
  );
}

/** The transition that leaked in both weeks, if any: "prospects stall before potential two weeks running". */
export function leakTwoWeeksRunning(lastWeek: Counts, thisWeek: Counts): Conversion | null {
  const before = new Set(leakingTransitions(lastWeek).map((c) => c.from));
  return leakingTransitions(thisWeek).find((c) => before.has(c.from)) ?? null;
}

/** A rep converting at least this share of the team's rate at a stage leaks there no more than the team does. */
const LIKE_THE_TEAM = 0.8;

/**
 * Whose leak a rep's weakest transition is: the team's as well when the whole team leaks there (below half the
 * benchmark) or the rep converts about as well as the team; the rep's alone when they fall well short of a team
 * that does better.
 */
export function leakOwner(rep: FunnelAnalysis, team: FunnelAnalysis): "rep" | "team" | null {
  const weakest = rep.weakest;
  if (!weakest || weakest.rate === null) return null;
  const teams = team.conversions.find((c) => c.from === weakest.from);
  if (!teams || teams.rate === null || teams.status !== "below") return "rep";
  if (teams.rate < teams.benchmark * LEAK_SHARE) return "team";
  return weakest.rate >= teams.rate * LIKE_THE_TEAM ? "team" : "rep";
}

export interface LeaderboardRow {
  memberId: number;
  name: string;
  /** Visits against the rep's own expected visits; null when nothing was expected. */
  attainment: number | null;
  visits: number;
  expected: number;
  closed: number;
  referralsAsked: number;
  referralsReceived: number;
}

/**
 * Reps ranked by visit quota attainment, not raw counts, so a part-timer or a ramping rep competes on what was
 * asked of them; closings, then referrals, break ties. Reps with nothing expected come last.
 */
export function rankLeaderboard(reps: readonly RepFigures[]): LeaderboardRow[] {
  return reps
    .map((r) => ({
      memberId: r.memberId,
      name: r.displayName,
      attainment: paceOf(r),
      visits: r.counts.visits,
      expected: r.expected.visits,
      closed: r.counts.closed,
      referralsAsked: r.counts.referralsAsked,
      referralsReceived: r.counts.referralsReceived,
    }))
    .sort(
      (a, b) =>
        (b.attainment ?? -1) - (a.attainment ?? -1) ||
        b.closed - a.closed ||
        b.referralsReceived + b.referralsAsked - (a.referralsReceived + a.referralsAsked) ||
        a.name.localeCompare(b.name),
    );
}

/** The rep whose attainment rose most from one period to the next; null when nobody improved. */
export function mostImproved(
  now: readonly RepFigures[],
  before: readonly RepFigures[],
): { name: string; from: number; to: number } | null {
  const previous = new Map(before.map((r) => [r.memberId, paceOf(r)]));
  let best: { name: string; from: number; to: number } | null = null;
  for (const rep of now) {
    const to = paceOf(rep);
    const from = previous.get(rep.memberId);
    if (to === null || from === null || from === undefined || to <= from) continue;
    if (!best || to - from > best.to - best.from) best = { name: rep.displayName, from, to };
  }
  return best;
}

/** Which way the funnel's shape moved over weeks: prospects per 10 leads, first week against last. */
export function ratioDirection(weeks: readonly Counts[]): "better" | "worse" | "steady" | null {
  const ratios = weeks.map((c) => (c.leads > 0 ? c.prospects / c.leads : null)).filter((r) => r !== null);
  const first = ratios[0];
  const last = ratios[ratios.length - 1];
  if (ratios.length < 2 || first === undefined || last === undefined) return null;
  if (last - first > 0.05) return "better";
  if (first - last > 0.05) return "worse";
  return "steady";
}

/** The habit a rep should work on next week: the weekly or daily quota furthest from being met. */
export type Habit = "visits" | "followUps" | "relationshipContacts" | "referralsAsked";

export function habitToWorkOn(rep: RepFigures): Habit | null {
  const shares: Array<[Habit, number]> = [];
  if (rep.expected.visits > 0) shares.push(["visits", rep.counts.visits / rep.expected.visits]);
  if (rep.expected.followUps > 0) shares.push(["followUps", rep.counts.followUps / rep.expected.followUps]);
  if (rep.weekly.relationshipContacts > 0)
    shares.push(["relationshipContacts", rep.counts.relationshipContacts / rep.weekly.relationshipContacts]);
  if (rep.weekly.referralsAsked > 0)
    shares.push(["referralsAsked", rep.counts.referralsAsked / rep.weekly.referralsAsked]);
  const worst = shares.filter(([, share]) => share < 1).sort((a, b) => a[1] - b[1])[0];
  return worst ? worst[0] : null;
}

/** Met existing clients but asked none of them for a referral: the fortnight's missed chance. */
export function missedReferrals(fortnight: Counts): boolean {
  return fortnight.relationshipContacts > 0 && fortnight.referralsAsked === 0;
}

/** What the manager's midweek alert says about one rep: behind the visit pace, a leak two weeks running, or both. */
export interface AlertFinding {
  memberId: number;
  name: string;
  behind: { visits: number; expected: number; pace: number } | null;
  leak: Conversion | null;
}

/**
 * Who the manager should help this week: reps more than 30% behind the week's visit pace so far, and reps whose
 * funnel leaked at the same transition in each of the last two weeks. Empty when nobody needs a hand — then no
 * alert is sent at all.
 */
export function alertFindings(
  weekSoFar: readonly RepFigures[],
  lastTwoWeeks: { before: readonly RepFigures[]; last: readonly RepFigures[] },
): AlertFinding[] {
  const behind = new Map(behindPace(weekSoFar).map((r) => [r.memberId, r]));
  const before = new Map(lastTwoWeeks.before.map((r) => [r.memberId, r.counts]));
  const findings: AlertFinding[] = [];
  for (const rep of weekSoFar) {
    const slow = behind.get(rep.memberId);
    const last = lastTwoWeeks.last.find((r) => r.memberId === rep.memberId);
    const earlier = before.get(rep.memberId);
    const leak = last && earlier ? leakTwoWeeksRunning(earlier, last.counts) : null;
    if (!slow && !leak) continue;
    findings.push({
      memberId: rep.memberId,
      name: rep.displayName,
      behind: slow
        ? { visits: slow.counts.visits, expected: slow.expected.visits, pace: paceOf(slow) ?? 0 }
        : null,
      leak,
    });
  }
  // Furthest behind first; leaks alone after.
  return findings.sort((a, b) => (a.behind?.pace ?? 2) - (b.behind?.pace ?? 2));
}
