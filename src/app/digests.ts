import { addDays, type DateRange, isoWeekOf, monthRange } from "../core/calendar.js";
import { composeDigest, type Digest } from "../core/digest.js";
import type { Team } from "../core/team.js";
import { monthPlanFrom } from "./plans.js";
import type { Store } from "./ports.js";
import { workingCalendar } from "./working-days.js";

/**
 * Everything the Monday digest says about one ISO week: per-rep activity against quota (holidays and days off
 * excluded), the funnel, the change from the week before, and the plan for the month the digest is read in.
 */
export async function buildDigest(store: Store, team: Team, week: DateRange): Promise<Digest> {
  const previous = { start: addDays(week.start, -7), end: addDays(week.end, -7) };
  const readOn = addDays(week.end, 1);
  // Plan for the month the coming week mostly lives in (its Thursday decides, as ISO weeks do): on Monday
  // 30 November that is December, from 1 December.
  const month = monthRange(addDays(readOn, 3));
  const planFrom = [readOn, month.start].sort()[1] ?? readOn;
  const [members, thisWeek, lastWeek, totals, previousTotals, calendar, plan, checkIns] = await Promise.all([
    store.listTeamMembers(team.id),
    store.sumCountsByMember(team.id, week),
    store.sumCountsByMember(team.id, previous),
    store.sumCounts({ teamId: team.id, range: week }),
    store.sumCounts({ teamId: team.id, range: previous }),
    workingCalendar(store, team, week),
    monthPlanFrom(store, team, planFrom),
    store.countCheckIns({ teamId: team.id, range: week }),
  ]);
  const reported = new Set(thisWeek.map((t) => t.memberId));
  // Reps are on the digest even when silent (that is the point); managers only when they reported themselves.
  const reps = members
    .filter((m) => m.role === "rep" || reported.has(m.id))
    .map((m) => ({ memberId: m.id, displayName: m.displayName, expectedDays: calendar.expectedDays(m.id) }));
  return composeDigest({
    teamName: team.name,
    week: isoWeekOf(week.start).week,
    range: week,
    quota: team.quota,
    reps,
    thisWeek,
    lastWeek,
    totals,
    previousTotals,
    plan,
    planMonth: planFrom,
    checkIns,
  });
}
