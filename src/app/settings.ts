import { type QuotaMetric, WEEKLY_QUOTA_METRICS } from "../core/commands.js";
import type { Locale } from "../core/locale.js";
import type { Reply } from "../core/reply.js";
import { quotaOn, weeklyQuotaOn } from "../core/setting-history.js";
import { textsFor } from "../core/texts/index.js";
import { memberAsked, notOnTeam, type RepAsked } from "./coaching.js";
import type { RequestContext } from "./context.js";
import type { Store } from "./ports.js";
import { monthPlan } from "./summaries.js";

function refuse(ctx: RequestContext, what: "quota" | "target"): Reply {
  return { tone: "error", lines: [ctx.t.managersOnly(what)] };
}

/**
 * Sets a quota (managers only), from today on: days before today keep the quota they were scored against. Visits
 * and follow-ups are daily, check-ins and referral asks weekly; for every rep, or for one rep named (`value` null
 * puts them back on the team's).
 */
export async function setQuota(
  store: Store,
  ctx: RequestContext,
  command: { metric: QuotaMetric; value: number | null; who?: RepAsked },
): Promise<Reply> {
  if (ctx.role !== "manager") return refuse(ctx, "quota");
  const { metric, value } = command;
  const at = new Date(ctx.now).toISOString();
  if (command.who) {
    const member = memberAsked(await store.listTeamMembers(ctx.team.id), command.who, ctx.member.id);
    if (!member) return notOnTeam(ctx, command.who);
    await store.recordSetting(ctx.team.id, `quota.${metric}`, value, ctx.today, at, member.id);
    return {
      tone: "success",
      lines: [
        value === null
          ? ctx.t.coach.quotaBackToTeam(metric, member.displayName)
          : ctx.t.coach.quotaSetFor(metric, value, member.displayName),
      ],
    };
  }
  if (value === null) return { tone: "error", lines: [ctx.t.usage("quota")] };
  await store.recordSetting(ctx.team.id, `quota.${metric}`, value, ctx.today, at);
  const line = WEEKLY_QUOTA_METRICS.has(metric)
    ? ctx.t.coach.weeklyQuotaSet(metric, value)
    : ctx.t.quotaSet(metric, value);
  return { tone: "success", lines: [line] };
}

/** The quotas in force today: the team's daily and weekly ones, and the asker's own where a manager set one. */
export async function showQuota(store: Store, ctx: RequestContext): Promise<Reply> {
  const history = await store.listSettingHistory(ctx.team.id);
  const team = quotaOn(history, ctx.today, ctx.team.quota);
  const own = quotaOn(history, ctx.today, ctx.team.quota, ctx.member.id);
  const weekly = weeklyQuotaOn(history, ctx.today, ctx.member.id);
  const lines = [ctx.t.quotaShow(team.visits, team.followUps)];
  if (own.visits !== team.visits || own.followUps !== team.followUps)
    lines.push(ctx.t.coach.ownQuotaShow(own.visits, own.followUps));
  lines.push(ctx.t.coach.weeklyQuotaShow(weekly.relationshipContacts, weekly.referralsAsked));
  return { tone: "info", lines };
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
