import { addDays, type DateRange, isoWeekOf, type LocalDate } from "../core/calendar.js";
import { composeDigest, type Digest } from "../core/digest.js";
import { teamReps } from "../core/figures.js";
import type { Team } from "../core/team.js";
import { loadTeamFigures } from "./figures.js";
import { monthPlanAsOf } from "./plans.js";
import type { Store } from "./ports.js";

/**
 * Everything the Monday digest says about one ISO week: per-rep activity against the quotas in force that week
 * (holidays and days off excluded), the funnel, the change from the week before, and the month's plan as it stands
 * on `today` — the same plan `/plan` shows today.
 */
export async function buildDigest(
  store: Store,
  team: Team,
  week: DateRange,
  today: LocalDate,
): Promise<Digest> {
  const previous = { start: addDays(week.start, -7), end: addDays(week.end, -7) };
  const weeksBack = (n: number) => ({ start: addDays(week.start, -7 * n), end: addDays(week.end, -7 * n) });
  const [members, thisWeek, lastWeek, twoBack, threeBack, plan, checkIns] = await Promise.all([
    store.listTeamMembers(team.id),
    loadTeamFigures(store, team, week, week.end),
    loadTeamFigures(store, team, previous, previous.end),
    loadTeamFigures(store, team, weeksBack(2), weeksBack(2).end),
    loadTeamFigures(store, team, weeksBack(3), weeksBack(3).end),
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
