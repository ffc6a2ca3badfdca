import type { QuotaMetric } from "../core/commands.js";
import type { Locale } from "../core/locale.js";
import type { Reply } from "../core/reply.js";
import { textsFor } from "../core/texts/index.js";
import type { RequestContext } from "./context.js";
import type { Store } from "./ports.js";
import { monthPlan } from "./summaries.js";

function refuse(ctx: RequestContext, what: "quota" | "target"): Reply {
  return { tone: "error", lines: [ctx.t.managersOnly(what)] };
}

/**
 * Sets a daily quota for every rep of the team (managers only), from today on: days before today keep the quota
 * they were scored against.
 */
export async function setQuota(
  store: Store,
  ctx: RequestContext,
  metric: QuotaMetric,
  value: number,
): Promise<Reply> {
  if (ctx.role !== "manager") return refuse(ctx, "quota");
  await store.recordSetting(
    ctx.team.id,
    `quota.${metric}`,
    value,
    ctx.today,
    new Date(ctx.now).toISOString(),
  );
  return { tone: "success", lines: [ctx.t.quotaSet(metric, value)] };
}

export function showQuota(ctx: RequestContext): Reply {
  return { tone: "info", lines: [ctx.t.quotaShow(ctx.team.quota.visits, ctx.team.quota.followUps)] };
}

/**
 * Sets the monthly closing target (managers only) from this month on, and answers with the plan it implies.
 * `target 0` clears it: no plan, rather than a target "reached" with nothing closed.
 */
export async function setMonthlyTarget(store: Store, ctx: RequestContext, closings: number): Promise<Reply> {
  if (ctx.role !== "manager") return refuse(ctx, "target");
  const value = closings > 0 ? closings : null;
  const team = await store.recordSetting(
    ctx.team.id,
    "monthlyTarget",
    value,
    ctx.today,
    new Date(ctx.now).toISOString(),
  );
  if (value === null)
    return { tone: "success", lines: [ctx.t.targetCleared(`${ctx.commandPrefix}target 8`)] };
  const plan = await monthPlan(store, { ...ctx, team });
  return {
    ...plan,
    tone: "success",
    lines: [ctx.t.targetSet(closings), ...plan.lines],
  };
}

/** Remembers the member's language; the answer is already in the new one. */
export async function setLanguage(store: Store, ctx: RequestContext, locale: Locale): Promise<Reply> {
  await store.setMemberLocale(ctx.member.id, locale);
  return { tone: "success", lines: [textsFor(locale).languageSet] };
}
