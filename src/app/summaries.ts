import { isoWeekOf, isoWeekRange, lastNWeeksRange, monthRange } from "../core/calendar.js";
import type { FunnelPeriod } from "../core/commands.js";
import { analyzeFunnel } from "../core/funnel.js";
import type { Reply } from "../core/reply.js";
import { monthLabel, rangeLabel } from "../core/views/dates.js";
import { funnelView } from "../core/views/funnel.js";
import { planView } from "../core/views/plan.js";
import { todayView, weekView } from "../core/views/progress.js";
import type { RequestContext } from "./context.js";
import { loadTeamFigures } from "./figures.js";
import { monthPlanAsOf } from "./plans.js";
import type { Store } from "./ports.js";

export async function todaySummary(store: Store, ctx: RequestContext): Promise<Reply> {
  const day = { start: ctx.today, end: ctx.today };
  const me = (await loadTeamFigures(store, ctx.team, day, ctx.today, ctx.member.id)).rep(ctx.member.id);
  return todayView(ctx.t, { today: ctx.today, counts: me.counts, expected: me.expected });
}

export async function weekSummary(store: Store, ctx: RequestContext): Promise<Reply> {
  const range = isoWeekRange(ctx.today);
  const me = (await loadTeamFigures(store, ctx.team, range, ctx.today, ctx.member.id)).rep(ctx.member.id);
  return weekView(ctx.t, {
    week: isoWeekOf(ctx.today).week,
    range,
    counts: me.counts,
    // Only the working days so far, less holidays and the rep's days off, each at its own day's quota.
    expected: me.expected,
    expectedDays: me.expectedDays,
    daysReported: me.daysReported,
  });
}

export function funnelRange(period: FunnelPeriod, today: string) {
  if (period === "month") return monthRange(today);
  if (period === "4w") return lastNWeeksRange(today, 4);
  return isoWeekRange(today);
}

/** The team's funnel for the period against 10:5:3:1. */
export async function teamFunnel(store: Store, ctx: RequestContext, period: FunnelPeriod): Promise<Reply> {
  const range = funnelRange(period, ctx.today);
  const [figures, checkIns] = await Promise.all([
    loadTeamFigures(store, ctx.team, range, ctx.today),
    store.countCheckIns({ teamId: ctx.team.id, range }),
  ]);
  const counts = figures.totals;
  const label = ctx.t.funnelPeriodLabel(
    period,
    isoWeekOf(ctx.today).week,
    rangeLabel(ctx.t, range),
    monthLabel(ctx.t, ctx.today),
  );
  return funnelView(ctx.t, {
    title: ctx.t.funnelTitle(ctx.team.name, period, label),
    analysis: analyzeFunnel(counts),
    helpCommand: `${ctx.commandPrefix}help`,
    checkIns: { count: checkIns, visits: counts.visits },
  });
}

/** The reverse funnel toward this month's target, from today, at the team's recent conversion rates. */
export async function monthPlan(store: Store, ctx: RequestContext): Promise<Reply> {
  return planView(ctx.t, {
    month: monthLabel(ctx.t, ctx.today),
    plan: await monthPlanAsOf(store, ctx.team, ctx.today),
    targetCommand: `${ctx.commandPrefix}target 8`,
  });
}
