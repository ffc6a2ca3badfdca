import { addDays, type DateRange, isoWeekOf, type LocalDate } from "../core/calendar.js";
import { composeDigest, type Digest } from "../core/digest.js";
import { teamReps } from "../core/figures.js";
import type { Team } from "../core/team.js";
import { readAhead } from "./figure-batch.js";
import { loadTeamFigures } from "./figures.js";
import { monthPlanAsOf, planPeriods } from "./plans.js";
import type { FigureReads, Store } from "./ports.js";

/**
 * Everything the Monday digest says about one ISO week: per-rep activity against the quotas in force that week
 * (holidays and days off excluded), the funnel, the change from the week before, and the month's plan as it stands
 * on `today` — the same plan `/plan` shows today.
 */
export async function buildDigest(
  store: FigureReads,
  team: Team,
  week: DateRange,
  today: LocalDate,
): Promise<Digest> {
  const [threeBackWeek, twoBackWeek, previous] = weeksBefore(week);
  const [members, thisWeek, lastWeek, twoBack, threeBack, plan, checkIns] = await Promise.all([
    store.listTeamMembers(team.id),
    loadTeamFigures(store, team, week, week.end),
    loadTeamFigures(store, team, previous, previous.end),
    loadTeamFigures(store, team, twoBackWeek, twoBackWeek.end),
    loadTeamFigures(store, team, threeBackWeek, threeBackWeek.end),
    monthPlanAsOf(store, team, today),
    store.countCheckIns({ teamId: team.id, range: week }),
  ]);
  const reported = new Set(thisWeek.reported.map((r) => r.memberId));
  // Reps are on the digest even when silent (that is the point); managers only when they reported themselves.
  const reps = members
    .filter((m) => m.role === "rep" || reported.has(m.id))
    .map((m) => {
      const figures = thisWeek.rep(m.id, m.displayName);
      return {
        memberId: m.id,
        displayName: m.displayName,
        expectedDays: figures.expectedDays,
        expectedVisits: figures.expected.visits,
      };
    });
  return composeDigest({
    teamName: team.name,
    week: isoWeekOf(week.start).week,
    range: week,
    reps,
    thisWeek: thisWeek.reported,
    lastWeek: lastWeek.reported,
    totals: thisWeek.totals,
    previousTotals: lastWeek.totals,
    plan,
    planMonth: today,
    checkIns,
    fourWeeks: [threeBack, twoBack, lastWeek, thisWeek].map((f) => f.totals),
    improvement: { now: teamReps(thisWeek, members), before: teamReps(lastWeek, members) },
  });
}

/** The three weeks before `week`, oldest first: the digest's trend and its comparison with last week. */
function weeksBefore(week: DateRange): [DateRange, DateRange, DateRange] {
  const back = (n: number) => ({ start: addDays(week.start, -7 * n), end: addDays(week.end, -7 * n) });
  return [back(3), back(2), back(1)];
}

/** Every period `buildDigest` reads for `week` on `today`: what reading ahead for many teams has to cover. */
export function digestPeriods(week: DateRange, today: LocalDate): DateRange[] {
  const plan = planPeriods(today);
  return [week, ...weeksBefore(week), plan.soFar, plan.history, plan.left];
}

/** A team's digest due in this tick: the week it sums up, and the team's today. */
export interface DueDigest {
  team: Team;
  week: DateRange;
  today: LocalDate;
}

/**
 * How many teams' digests are read ahead together. Past a couple of dozen a bigger chunk saves nothing (1,000 teams
 * of 10 reps with a year of reports: 2.0 s in all for chunks of 25, 50 or 250), but SQLite answers synchronously,
 * so a chunk's read holds the event loop, acknowledgements included: 45 ms for 25 teams, 450 ms for 250.
 */
const READ_AHEAD_TEAMS = 25;

/**
 * Where each digest due in a tick reads its figures from. The first team asked for brings the reads of the next
 * teams due for the same week and day with it, in one read ahead (`readAhead`); the latest chunk of each kind is
 * held. A chunk's figures are read when its first team is built: the last of them may miss a change made in the
 * seconds it takes to post the ones before, as a digest read team by team misses one made while it is posted.
 */
export function digestReads(store: Store, due: readonly DueDigest[], chunk = READ_AHEAD_TEAMS) {
  // Teams of one kind (same week, same day) are read together, however the tick's list interleaves them.
  const kinds = new Map<string, DueDigest[]>();
  const byTeam = new Map(due.map((d) => [d.team.id, d]));
  for (const d of due) {
    const key = kindOf(d);
    const alike = kinds.get(key);
    if (alike) alike.push(d);
    else kinds.set(key, [d]);
  }
  const held = new Map<string, { teamIds: ReadonlySet<number>; reads: FigureReads }>();
  return async (teamId: number): Promise<FigureReads> => {
    const first = byTeam.get(teamId);
    if (!first) return store;
    const key = kindOf(first);
    const current = held.get(key);
    if (current?.teamIds.has(teamId)) return current.reads;
    const alike = kinds.get(key) ?? [first];
    const at = alike.indexOf(first);
    const teamIds = alike.slice(at, at + chunk).map((d) => d.team.id);
    const reads = await readAhead(store, teamIds, digestPeriods(first.week, first.today));
    held.set(key, { teamIds: new Set(teamIds), reads });
    return reads;
  };
}

/** Digests of one kind read the same periods: the same week, summed up on the same day. */
function kindOf(d: DueDigest): string {
  return `${d.week.start}|${d.today}`;
}
