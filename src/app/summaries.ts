import { isoWeekOf, isoWeekRange, lastNWeeksRange, monthRange } from "../core/calendar.js";
import type { FunnelPeriod } from "../core/commands.js";
import { analyzeFunnel } from "../core/funnel.js";
import type { Reply } from "../core/reply.js";
import { monthLabel, rangeLabel } from "../core/views/dates.js";
import { funnelView } from "../core/views/funnel.js";
import { planView } from "../core/views/plan.js";
import { todayView, weekView } from "../core/views/progress.js";
import type { RequestContext } from "./context.js";
import { monthPlanFrom } from "./plans.js";
import type { Store } from "./ports.js";
import { workingCalendar } from "./working-days.js";

export async function todaySummary(store: Store, ctx: RequestContext): Promise<Reply> {
  const counts = await store.sumCounts({
    teamId: ctx.team.id,
    memberId: ctx.member.id,
    range: { start: ctx.today, end: ctx.today },
  });
  return todayView(ctx.t, { today: ctx.today, counts, quota: ctx.team.quota });
}

export async function weekSummary(store: Store, ctx: RequestContext): Promise<Reply> {
  const range = isoWeekRange(ctx.today);
  const query = { teamId: ctx.team.id, memberId: ctx.member.id, range };
  const [counts, daysReported, calendar] = await Promise.all([
    store.sumCounts(query),
    store.daysReported(query),
    workingCalendar(store, ctx.team, range),
  ]);
  return weekView(ctx.t, {
    week: isoWeekOf(ctx.today).week,
    range,
    counts,
    quota: ctx.team.quota,
    // Holidays and the rep's days off do not count against the week's quota.
    workingDays: calendar.expectedDays(ctx.member.id),
    daysReported,
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
  const [counts, checkIns] = await Promise.all([
    store.sumCounts({ teamId: ctx.team.id, range }),
    store.countCheckIns({ teamId: ctx.team.id, range }),
  ]);
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
    plan: await monthPlanFrom(store, ctx.team, ctx.today),
    targetCommand: `${ctx.commandPrefix}target 8`,
  });
}
