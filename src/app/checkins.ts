import type { Reply } from "../core/reply.js";
import { dayLabel } from "../core/views/dates.js";
import type { RequestContext } from "./context.js";
import type { Store } from "./ports.js";
import { dayProgress } from "./reports.js";

/**
 * A rep shared their location: one visit, booked to today and stored with where and when, once per platform
 * message. Answered with today's totals against quota.
 */
export async function checkInVisit(
  store: Store,
  ctx: RequestContext,
  input: { latitude: number; longitude: number; messageId: string | null },
): Promise<Reply> {
  const outcome = await store.saveCheckIn({
    report: {
      workspaceId: ctx.team.workspaceId,
      teamId: ctx.team.id,
      memberId: ctx.member.id,
      day: ctx.today,
      counts: { visits: 1 },
      sourceText: `📍 ${input.latitude.toFixed(5)},${input.longitude.toFixed(5)}`,
      messageId: input.messageId,
      at: new Date(ctx.now).toISOString(),
    },
    latitude: input.latitude,
    longitude: input.longitude,
  });
  const day = dayLabel(ctx.t, outcome.report.day, ctx.today);
  const progress = await dayProgress(store, ctx, outcome.report.day);
  return {
    tone: "success",
    lines: [ctx.t.checkedIn(day), ...(progress ? [ctx.t.progressLine(day, progress)] : [])],
    buttons: [{ action: `undo:${outcome.report.id}`, label: ctx.t.undoButton }],
  };
}
