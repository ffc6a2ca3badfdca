import { type Command, parseCommand } from "../core/commands.js";
import { type Reply, SILENT } from "../core/reply.js";
import { textsFor } from "../core/texts/index.js";
import { helpView } from "../core/views/help.js";
import { COMMAND_PREFIX, type RequestContext, requestContext } from "./context.js";
import type { Incoming } from "./incoming.js";
import type { Logger } from "./logger.js";
import type { Store } from "./ports.js";
import { logReport, undoLastReport } from "./reports.js";
import { setLanguage, setMonthlyTarget, setQuota, showQuota } from "./settings.js";
import { monthPlan, teamFunnel, todaySummary, weekSummary } from "./summaries.js";

export interface Bot {
  /** Answers one message. Never throws: a failure is logged and becomes a friendly reply. */
  handle(incoming: Incoming): Promise<Reply>;
}

export interface BotDeps {
  store: Store;
  logger: Logger;
}

/** The one entry point every platform calls: routes a message to its use case and returns what to say. */
export function createBot({ store, logger }: BotDeps): Bot {
  return {
    async handle(incoming) {
      try {
        const ctx = await resolveContext(store, incoming);
        if (!ctx) return notSetUp(incoming);
        // In a team channel only reports are read: "help" or "week" there is conversation, not a command.
        const command: Command =
          incoming.via === "channel" ? { kind: "report", text: incoming.text } : parseCommand(incoming.text);
        return await route(store, ctx, command, incoming);
      } catch (error) {
        logger.error(
          {
            err: error,
            platform: incoming.platform,
            team: incoming.team.externalId,
            user: incoming.user.externalId,
          },
          "handling a message failed",
        );
        return { tone: "error", lines: [textsFor(incoming.user.localeHint ?? "en").somethingWentWrong] };
      }
    },
  };
}

function notSetUp(incoming: Incoming): Reply {
  // Chatter in a channel that is not a team is none of the bot's business.
  if (incoming.via === "channel") return SILENT;
  const prefix = COMMAND_PREFIX[incoming.platform];
  return { tone: "info", lines: [textsFor(incoming.user.localeHint ?? "en").teamNotSetUp(`${prefix}setup`)] };
}

async function resolveContext(store: Store, incoming: Incoming): Promise<RequestContext | null> {
  const at = new Date(incoming.receivedAt).toISOString();
  const workspaceId = await store.ensureWorkspace(
    incoming.platform,
    incoming.workspace.externalId,
    incoming.workspace.name ?? null,
    at,
  );
  const team = await store.findTeam(workspaceId, incoming.team.externalId);
  if (!team) return null;
  const member = await store.ensureMember(
    workspaceId,
    incoming.user.externalId,
    incoming.user.displayName,
    at,
  );
  const role = await store.joinTeam(team.id, member.id, at);
  return requestContext({
    team,
    member,
    role,
    now: incoming.receivedAt,
    platform: incoming.platform,
    localeHint: incoming.user.localeHint,
  });
}

function route(
  store: Store,
  ctx: RequestContext,
  command: Command,
  incoming: Incoming,
): Promise<Reply> | Reply {
  switch (command.kind) {
    case "report":
      return logReport(store, ctx, {
        text: command.text,
        messageId: incoming.messageId ?? null,
        inChannel: incoming.via === "channel",
      });
    case "today":
      return todaySummary(store, ctx);
    case "week":
      return weekSummary(store, ctx);
    case "funnel":
      return teamFunnel(store, ctx, command.period);
    case "plan":
      return monthPlan(store, ctx);
    case "target":
      return setMonthlyTarget(store, ctx, command.closings);
    case "quota":
      return setQuota(store, ctx, command.metric, command.value);
    case "quotaShow":
      return showQuota(ctx);
    case "undo":
      return undoLastReport(store, ctx);
    case "lang":
      return setLanguage(store, ctx, command.locale);
    case "usage":
      return { tone: "error", lines: [ctx.t.usage(command.command)] };
    case "help":
      return helpView(ctx.t, ctx.commandPrefix);
  }
}
