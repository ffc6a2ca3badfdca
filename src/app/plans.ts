import { addDays, type LocalDate, monthRange } from "../core/calendar.js";
import { type MonthPlan, planFunnel } from "../core/funnel.js";
import type { Team } from "../core/team.js";
import type { Store } from "./ports.js";
import { workingCalendar } from "./working-days.js";

/** How far back the team's own conversion rates are read: a quarter smooths out one lucky week. */
const PLAN_HISTORY_WEEKS = 12;

/**
 * The plan toward the team's target for the month `from` lies in, from that day on: closings already made this
 * month count, rates come from the 12 weeks before `from`, and only working days left (holidays excluded) share
 * the work. The one plan `/plan` and the Monday digest both show. Null until a manager sets a target.
 */
export async function monthPlanFrom(store: Store, team: Team, from: LocalDate): Promise<MonthPlan | null> {
  const target = team.monthlyTarget;
  if (target === null) return null;
  const month = monthRange(from);
  const before = addDays(from, -1);
  const [soFar, history, left] = await Promise.all([
    before >= month.start
      ? store.sumCounts({ teamId: team.id, range: { start: month.start, end: before } })
      : Promise.resolve(null),
    store.sumCounts({
      teamId: team.id,
      range: { start: addDays(from, -7 * PLAN_HISTORY_WEEKS), end: before },
    }),
    workingCalendar(store, team, { start: from, end: month.end }),
  ]);
  const closedSoFar = soFar?.closed ?? 0;
  return {
    target,
    closedSoFar,
    plan: planFunnel(Math.max(0, target - closedSoFar), history, left.days.length),
  };
}
