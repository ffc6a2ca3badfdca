import { addDays, type LocalDate, monthRange } from "../core/calendar.js";
import { type MonthPlan, planFunnel } from "../core/funnel.js";
import { targetForMonth } from "../core/setting-history.js";
import type { Team } from "../core/team.js";
import { loadTeamFigures } from "./figures.js";
import type { FigureReads } from "./ports.js";
import { workingCalendar } from "./working-days.js";

/** How far back the team's own conversion rates are read: a quarter smooths out one lucky week. */
const PLAN_HISTORY_WEEKS = 12;

/**
 * The plan toward this month's target as it stands on `today`: the closings made this month so far (today's
 * included) count, rates come from the 12 weeks up to today, and the working days from today to the month's end
 * (holidays excluded) share the work. The one plan `/plan` and the Monday digest show: the same day gives the
 * same numbers wherever it is shown. Null while the month has no target.
 */
export async function monthPlanAsOf(
  store: FigureReads,
  team: Team,
  today: LocalDate,
): Promise<MonthPlan | null> {
  const periods = planPeriods(today);
  const history = await store.listSettingHistory(team.id);
  const target = targetForMonth(history, periods.month, today, team.monthlyTarget);
  if (target === null) return null;
  const [soFar, recent, left] = await Promise.all([
    loadTeamFigures(store, team, periods.soFar, today),
    loadTeamFigures(store, team, periods.history, today),
    workingCalendar(store, team, periods.left),
  ]);
  const closedSoFar = soFar.totals.closed;
  return {
    target,
    closedSoFar,
    plan: planFunnel(Math.max(0, target - closedSoFar), recent.totals, left.days.length),
  };
}

/** The periods the plan on `today` reads: the month, its days so far and still left, and the rates' history. */
export function planPeriods(today: LocalDate) {
  const month = monthRange(today);
  return {
    month,
    soFar: { start: month.start, end: today },
    left: { start: today, end: month.end },
    history: { start: addDays(today, -7 * PLAN_HISTORY_WEEKS + 1), end: today },
  };
}
