import { localDateAt } from "../core/calendar.js";
import { parseReport } from "../core/parse/index.js";
import { quotaProgress } from "../core/quota.js";
import { type Reply, SILENT } from "../core/reply.js";
import { isStaleRevision } from "../core/revisions.js";
import { reportConfirmation, reportRefused, withdrawalConfirmation } from "../core/views/report.js";
import type { RequestContext } from "./context.js";
import { isUnavailable } from "./errors.js";
import { loadTeamFigures } from "./figures.js";
import { NO_TELEMETRY, type Store, type Telemetry } from "./ports.js";

/**
 * Reads a rep's message as a report and stores it once. Chatter in a team channel gets no answer; anywhere
 * else the rep is told why nothing was saved.
 */
export async function logReport(
  store: Store,
  ctx: RequestContext,
  input: {
    text: string;
    messageId: string | null;
    inChannel: boolean;
    writtenAt?: number | undefined;
    revisedAt?: number | undefined;
  },
  telemetry: Telemetry = NO_TELEMETRY,
): Promise<Reply> {
  const revisedAt = input.revisedAt === undefined ? null : new Date(input.revisedAt).toISOString();
  // "Yesterday" means the day before the message was written: an edit or a late redelivery keeps the day.
  const writtenOn =
    input.writtenAt === undefined ? ctx.today : localDateAt(input.writtenAt, ctx.team.timezone);
  const parsed = parseReport(input.text, { today: writtenOn });
  if (!parsed.ok) {
    // A report edited into something that is no longer a report is withdrawn, not left counting.
    if (parsed.error === "no_activity" && input.messageId) {
      const withdrawn = await withdrawEditedAway(store, ctx, input.messageId, revisedAt);
      if (withdrawn) return withdrawn;
    }
    if (input.inChannel && parsed.error === "no_activity") return SILENT;
    telemetry.reportRefused(ctx.platform, parsed.error);
    return reportRefused(ctx.t, parsed, `${ctx.commandPrefix}help`);
  }
  const outcome = await store.saveReport({
    workspaceId: ctx.team.workspaceId,
    teamId: ctx.team.id,
    memberId: ctx.member.id,
    day: parsed.date,
    counts: parsed.counts,
    sourceText: input.text,
    messageId: input.messageId,
    at: new Date(ctx.now).toISOString(),
    revisedAt,
  });
  // An older text of a message handled after a newer one (or after its deletion): the rep was answered already.
  if (outcome.kind === "stale") return SILENT;
  telemetry.reportStored(ctx.platform, outcome.kind);
  const progress = await dayProgress(store, ctx, outcome.report.day);
  return reportConfirmation(ctx.t, {
    report: outcome.report,
    outcome: outcome.kind,
    today: ctx.today,
    progress,
    notCounted: parsed.notCounted,
  });
}

/**
 * Withdraws the rep's most recent report (kept, marked withdrawn) and shows what the day adds up to now. The same
 * undo (by its platform id) handled twice — after a crash, or a replayed request — withdraws one report, not two.
 */
export async function undoLastReport(
  store: Store,
  ctx: RequestContext,
  invocationId?: string | undefined,
): Promise<Reply> {
  const done = invocationId ? await store.findReportWithdrawnBy(ctx.team.id, invocationId) : null;
  if (done && done.memberId === ctx.member.id) {
    const progress = await dayProgress(store, ctx, done.day);
    return withdrawalConfirmation(ctx.t, { report: done, today: ctx.today, progress });
  }
  const last = await store.lastActiveReport(ctx.team.id, ctx.member.id);
  const at = new Date(ctx.now).toISOString();
  if (!last || !(await store.withdrawReport(last.id, at, invocationId ?? null))) {
    return { tone: "info", lines: [ctx.t.nothingToUndo] };
  }
  const progress = await dayProgress(store, ctx, last.day);
  return withdrawalConfirmation(ctx.t, { report: last, today: ctx.today, progress });
}

/**
 * The member's totals for one day against that day's quota, read after a write. Null when the database went away
 * in between: the write stands, so the answer confirms it without the totals rather than saying nothing was
 * saved (which would make the rep send it again).
 */
export async function dayProgress(store: Store, ctx: RequestContext, day: string) {
  try {
    const figures = await loadTeamFigures(store, ctx.team, { start: day, end: day }, day, ctx.member.id);
    const me = figures.rep(ctx.member.id);
    return quotaProgress(me.counts, me.expected);
  } catch (error) {
    if (isUnavailable(error)) return null;
    throw error;
  }
}

/**
 * Withdraws the report of a platform message the member deleted — for good: a delivery of the same message
 * handled later (a retried original, an edit) finds it deleted. Null when it held no counting report.
 */
export async function withdrawDeletedMessage(
  store: Store,
  ctx: RequestContext,
  messageId: string,
): Promise<Reply | null> {
  const report = await store.recordDeletion({
    workspaceId: ctx.team.workspaceId,
    teamId: ctx.team.id,
    memberId: ctx.member.id,
    day: ctx.today,
    messageId,
    at: new Date(ctx.now).toISOString(),
  });
  if (!report) return null;
  const progress = await dayProgress(store, ctx, report.day);
  return withdrawalConfirmation(ctx.t, { report, today: ctx.today, progress });
}

/** A report edited into something that is no longer a report stops counting (an edit later may bring it back). */
async function withdrawEditedAway(
  store: Store,
  ctx: RequestContext,
  messageId: string,
  revisedAt: string | null,
): Promise<Reply | null> {
  const report = await store.findReportByMessage(ctx.team.workspaceId, messageId);
  if (!report || report.undoneAt !== null || report.memberId !== ctx.member.id) return null;
  if (isStaleRevision(revisedAt, report.revisedAt)) return null;
  if (!(await store.withdrawReport(report.id, new Date(ctx.now).toISOString()))) return null;
  const progress = await dayProgress(store, ctx, report.day);
  return withdrawalConfirmation(ctx.t, { report, today: ctx.today, progress });
}

/** Withdraws the report a confirmation's Undo button belongs to, if it is the member's and still counts. */
export async function undoReport(store: Store, ctx: RequestContext, reportId: number): Promise<Reply> {
  const report = await store.getReport(reportId);
  if (!report || report.teamId !== ctx.team.id || report.memberId !== ctx.member.id) {
    return { tone: "info", lines: [ctx.t.nothingToUndo] };
  }
  if (report.undoneAt !== null || !(await store.withdrawReport(report.id, new Date(ctx.now).toISOString()))) {
    return { tone: "info", lines: [ctx.t.alreadyWithdrawn] };
  }
  const progress = await dayProgress(store, ctx, report.day);
  return withdrawalConfirmation(ctx.t, { report, today: ctx.today, progress });
}
