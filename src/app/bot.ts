import { canonicalTimeZone } from "../core/calendar.js";
import { type Command, commandLanguage, parseCommand } from "../core/commands.js";
import type { Locale } from "../core/locale.js";
import { messageLanguage } from "../core/parse/index.js";
import { type Reply, SILENT } from "../core/reply.js";
import type { Role, Team } from "../core/team.js";
import { textsFor } from "../core/texts/index.js";
import { formatCounts } from "../core/texts/metric-words.js";
import { helpView } from "../core/views/help.js";
import { checkInVisit } from "./checkins.js";
import { leaderboard, repFunnel, teamRoster, trend } from "./coaching.js";
import { COMMAND_PREFIX, type RequestContext, requestContext } from "./context.js";
import { isUnavailable } from "./errors.js";
import { exportReply } from "./export.js";
import { identify, knownInChannel } from "./identity.js";
import type { Incoming, IncomingAction, Viewer } from "./incoming.js";
import type { Logger } from "./logger.js";
import { NO_TELEMETRY, type Store, type Telemetry } from "./ports.js";
import { logReport, undoLastReport, undoReport, withdrawDeletedMessage } from "./reports.js";
import { changeSetting, markDaysOff, showSettings } from "./schedule-settings.js";
import { setLanguage, setMonthlyTarget, setQuota, showQuota } from "./settings.js";
import { type DashboardBase, dashboardReply } from "./sign-in.js";
import { monthPlan, teamFunnel, todaySummary, weekSummary } from "./summaries.js";
import { addChannelMembers, addManager, setTeamTimeZone, setUpTeam, syncTeamManagers } from "./teams.js";

/**
 * Every answer is a Reply; a failure is logged and becomes a friendly one. The one exception is
 * CorongError("unavailable"): the database cannot be reached, nothing was half-done, and the caller decides —
 * retry the delivery later, or tell the person nothing was saved.
 */
export interface Bot {
  /** Answers one message. */
  handle(incoming: Incoming): Promise<Reply>;
  /** Answers a button press under an earlier reply. */
  handleAction(action: IncomingAction): Promise<Reply>;
  /** The platform says a message was deleted: its report, if any, is withdrawn. Null when there was none. */
  handleDeletion(incoming: Omit<Incoming, "text" | "via"> & { messageId: string }): Promise<Reply | null>;
  /** Someone joined the team's channel: they are a rep from now on. */
  memberJoined(viewer: Viewer & { team: NonNullable<Incoming["team"]> }): Promise<void>;
  /** The member's day, week and team funnel, for a home screen. */
  home(viewer: Viewer): Promise<Reply[]>;
}

export interface BotDeps {
  store: Store;
  logger: Logger;
  /** What a new team starts with when its platform says nothing better. */
  defaults: { timeZone: string; locale: Locale };
  /** Where the dashboard is reached; absent (or null) where this process serves none. */
  dashboard?: DashboardBase;
  telemetry?: Telemetry;
}

type Resolved = { ctx: RequestContext } | { reply: Reply };

/** Commands that need a manager: where the platform names the managers, they are re-read first. */
const MANAGER_ONLY = new Set<Command["kind"]>([
  "quota",
  "target",
  "addManager",
  "timezone",
  "settings",
  "roster",
]);

/** Whether the asker's role decides the answer, so the platform's managers are worth re-reading first. */
function needsRole(command: Command, incoming: Incoming): boolean {
  // A dashboard link carries the role it was asked with: a removed Telegram admin must not get a manager's.
  if (MANAGER_ONLY.has(command.kind) || command.kind === "dashboard") return true;
  // Someone else's funnel is for managers (a rep's own is not).
  return (
    command.kind === "funnel" && (command.who ? "mention" in command.who : incoming.replyTo !== undefined)
  );
}

/** The one entry point every platform calls: routes a message to its use case and returns what to say. */
export function createBot(deps: BotDeps): Bot {
  const { store, logger } = deps;

  async function guarded<T>(incoming: Omit<Incoming, "text" | "via">, fallback: T, work: () => Promise<T>) {
    try {
      return await work();
    } catch (error) {
      if (isUnavailable(error)) throw error;
      logger.error(
        {
          err: error,
          platform: incoming.platform,
          workspace: incoming.workspace.externalId,
          team: incoming.team?.externalId,
          user: incoming.user.externalId,
          messageId: incoming.messageId,
        },
        "handling a message failed",
      );
      return fallback;
    }
  }

  const failure = (incoming: Omit<Incoming, "text" | "via">): Reply => ({
    tone: "error",
    lines: [
      textsFor(
        languageOf({ text: "", via: "direct", ...incoming }) ??
          incoming.user.localeHint ??
          deps.defaults.locale,
      ).somethingWentWrong,
    ],
  });

  return {
    handle: (incoming) =>
      guarded(incoming, failure(incoming), async () => {
        if (incoming.location) return checkIn(deps, incoming, incoming.location);
        // In a team channel only reports are read: "help" or "week" there is conversation, not a command.
        const command: Command =
          incoming.via === "channel" ? { kind: "report", text: incoming.text } : parseCommand(incoming.text);
        if (command.kind === "setup") return setUp(deps, incoming);
        const resolved = await resolveContext(deps, incoming);
        if ("reply" in resolved) return resolved.reply;
        const ctx = needsRole(command, incoming)
          ? await withPlatformManagers(deps, resolved.ctx, incoming)
          : resolved.ctx;
        return route(deps, ctx, command, incoming);
      }),

    handleAction: (incoming) =>
      guarded(incoming, failure(incoming), async () => {
        const choice = /^team:(\d+)$/.exec(incoming.action);
        if (choice) return chooseTeam(deps, incoming, Number(choice[1]));
        const resolved = await resolveContext(deps, { ...incoming, text: "", via: "direct" });
        if ("reply" in resolved) return resolved.reply;
        const { ctx } = resolved;
        const undo = /^undo(?::(\d+))?$/.exec(incoming.action);
        if (undo)
          return undo[1]
            ? undoReport(store, ctx, Number(undo[1]))
            : undoLastReport(store, ctx, incoming.messageId);
        const add = /^add:(visits|followUps)$/.exec(incoming.action);
        if (add?.[1] === "visits" || add?.[1] === "followUps") {
          // A quick +1 is a report like any other, so it is parsed, stored once per press and confirmed the same way.
          const text = formatCounts(ctx.locale, { [add[1]]: 1 });
          return logReport(store, ctx, { text, messageId: incoming.messageId ?? null, inChannel: false });
        }
        // Where a platform has no form to open, the reminder's report button asks for one line instead.
        if (incoming.action === "report:form") return info(ctx.t.reportPrompt);
        return SILENT;
      }),

    handleDeletion: (incoming) =>
      guarded(incoming, null, async () => {
        const resolved = await resolveContext(deps, { ...incoming, text: "", via: "channel" });
        if ("reply" in resolved) return null;
        return withdrawDeletedMessage(store, resolved.ctx, incoming.messageId);
      }),

    memberJoined: (viewer) =>
      guarded(viewer, undefined, async () => {
        const { workspaceId, member, at } = await identify(store, viewer);
        const team = await store.findTeam(workspaceId, viewer.team.externalId);
        if (team) await store.joinTeam(team.id, member.id, at);
      }),

    home: (viewer) =>
      guarded(viewer, [failure(viewer)], async () => {
        const resolved = await resolveContext(deps, { ...viewer, text: "", via: "direct" });
        if ("reply" in resolved) return [resolved.reply];
        const { ctx } = resolved;
        return Promise.all([
          todaySummary(store, ctx),
          weekSummary(store, ctx),
          teamFunnel(store, ctx, "week"),
        ]);
      }),
  };
}

/**
 * The language a message is written in: its command word ("hari ini", "today"), else the words of the report;
 * null when both languages share every word ("closing 2").
 */
function languageOf(incoming: Incoming): Locale | null {
  if (!incoming.text) return null;
  if (incoming.menuCommand) return messageLanguage(incoming.text.replace(/^\S+\s*/, ""));
  return commandLanguage(incoming.text) ?? messageLanguage(incoming.text);
}

/**
 * Who is asking and for which team, and in which language to answer: the member's choice, else the language of
 * the message, else the one they last wrote in (remembered here), else their platform's, else the team's. A direct
 * message is booked to the member's team, asking when there are several.
 */
async function resolveContext({ store, defaults }: BotDeps, incoming: Incoming): Promise<Resolved> {
  // Most messages are a known member, under the same name, in their team's channel: one read answers all of it.
  const known = await knownInChannel(store, incoming);
  const identity = known ?? (await identify(store, incoming));
  const { workspaceId, at } = identity;
  let { member } = identity;
  const language = languageOf(incoming);
  if (!member.locale && language && language !== member.lastLocale) {
    await store.setMemberLastLocale(member.id, language);
    member = { ...member, lastLocale: language };
  }
  const t = textsFor(
    member.locale ?? language ?? member.lastLocale ?? incoming.user.localeHint ?? defaults.locale,
  );
  const prefix = COMMAND_PREFIX[incoming.platform];
  let team: Team | null;
  let role: Role | null = null;
  if (known) {
    team = known.team;
    role = known.role;
  } else if (incoming.team) {
    team = await store.findTeam(workspaceId, incoming.team.externalId);
    // Chatter in a channel that is not a team is none of the bot's business.
    if (!team) return { reply: incoming.via === "channel" ? SILENT : info(t.teamNotSetUp(`${prefix}setup`)) };
    // Whoever talks in a team channel is on the team.
    role = await store.joinTeam(team.id, member.id, at);
  } else {
    const teams = (await store.listMemberTeams(member.id)).filter((tm) => tm.workspaceId === workspaceId);
    team =
      teams.length === 1 ? (teams[0] ?? null) : (teams.find((tm) => tm.id === member.defaultTeamId) ?? null);
    if (teams.length === 0) return { reply: info(t.noTeam(`${prefix}setup`)) };
    if (!team) {
      return {
        reply: {
          ...info(t.chooseTeam),
          buttons: teams.map((tm) => ({ action: `team:${tm.id}`, label: tm.name })),
        },
      };
    }
  }
  return {
    ctx: requestContext({
      team,
      member,
      role: role ?? (await store.roleOf(team.id, member.id)) ?? "rep",
      now: incoming.receivedAt,
      platform: incoming.platform,
      localeHint: incoming.user.localeHint,
      messageLocale: language,
    }),
  };
}

function info(line: string): Reply {
  return { tone: "info", lines: [line] };
}

async function setUp(deps: BotDeps, incoming: Incoming): Promise<Reply> {
  const t = textsFor(languageOf(incoming) ?? incoming.user.localeHint ?? deps.defaults.locale);
  if (!incoming.team) return info(t.setupInChannel);
  // Where the platform names the managers, only one of them may make the group a team (and a failed lookup
  // refuses rather than letting anyone in).
  const admins = await incoming.lookupManagers?.(incoming.team.externalId);
  if (admins && !admins.some((a) => a.externalId === incoming.user.externalId)) {
    return { tone: "error", lines: [t.setupAdminsOnly] };
  }
  const zone = await incoming.lookupTimeZone?.().catch(() => undefined);
  const identity = await identify(deps.store, incoming);
  const { reply, team } = await setUpTeam(deps.store, {
    identity,
    platform: incoming.platform,
    channel: incoming.team,
    timeZone: (zone && canonicalTimeZone(zone)) || deps.defaults.timeZone,
    locale: incoming.user.localeHint ?? deps.defaults.locale,
  });
  if (admins) {
    await syncTeamManagers(deps.store, { team, admins, memberId: identity.member.id, at: identity.at });
  }
  const people = await incoming.lookupMembers?.().catch((error: unknown) => {
    // Reps still join the team the first time they write.
    deps.logger.warn({ err: error, team: team.externalId }, "listing the channel's members failed");
    return [];
  });
  if (people?.length) await addChannelMembers(deps.store, team, people, identity.at);
  return reply;
}

/** The request with the member's role as the platform has it now (Telegram group admins are the managers). */
async function withPlatformManagers(
  deps: BotDeps,
  ctx: RequestContext,
  incoming: Incoming,
): Promise<RequestContext> {
  if (!incoming.lookupManagers) return ctx;
  const admins = await incoming.lookupManagers(ctx.team.externalId).catch((error: unknown) => {
    // The stored roles stand when the platform cannot be asked.
    deps.logger.warn({ err: error, team: ctx.team.externalId }, "looking up the team's managers failed");
    return undefined;
  });
  if (!admins) return ctx;
  const at = new Date(ctx.now).toISOString();
  const role = await syncTeamManagers(deps.store, { team: ctx.team, admins, memberId: ctx.member.id, at });
  return { ...ctx, role };
}

/** A shared location in a direct message checks in one visit; in a team chat it is conversation. */
async function checkIn(
  deps: BotDeps,
  incoming: Incoming,
  location: NonNullable<Incoming["location"]>,
): Promise<Reply> {
  if (incoming.via === "channel") return SILENT;
  const resolved = await resolveContext(deps, incoming);
  if ("reply" in resolved) return resolved.reply;
  return checkInVisit(deps.store, resolved.ctx, { ...location, messageId: incoming.messageId ?? null });
}

async function chooseTeam(deps: BotDeps, incoming: IncomingAction, teamId: number): Promise<Reply> {
  const { member } = await identify(deps.store, incoming);
  const team = (await deps.store.listMemberTeams(member.id)).find((tm) => tm.id === teamId);
  if (!team) return SILENT;
  await deps.store.setDefaultTeam(member.id, team.id);
  return info(textsFor(member.locale ?? incoming.user.localeHint ?? team.locale).teamChosen(team.name));
}

async function route(
  deps: BotDeps,
  ctx: RequestContext,
  command: Command,
  incoming: Incoming,
): Promise<Reply> {
  const { store } = deps;
  const telemetry = deps.telemetry ?? NO_TELEMETRY;
  telemetry.command(ctx.platform, command.kind);
  switch (command.kind) {
    case "report":
      return logReport(
        store,
        ctx,
        {
          text: command.text,
          messageId: incoming.messageId ?? null,
          inChannel: incoming.via === "channel",
          writtenAt: incoming.sentAt,
          revisedAt: incoming.revisedAt,
        },
        telemetry,
      );
    case "today":
      return todaySummary(store, ctx);
    case "week":
      return weekSummary(store, ctx);
    case "funnel": {
      // "funnel" sent as a reply to a rep's message (Telegram) asks for that rep's.
      const asked =
        command.who ?? (incoming.replyTo ? { externalId: incoming.replyTo.externalId } : undefined);
      return asked ? repFunnel(store, ctx, command.period, asked) : teamFunnel(store, ctx, command.period);
    }
    case "roster":
      return teamRoster(store, ctx);
    case "leaderboard":
      return leaderboard(store, ctx, command.period);
    case "trend":
      return trend(store, ctx, command.weeks);
    case "export":
      return exportReply(store, ctx, command.period);
    case "dashboard":
      return dashboardReply(store, ctx, deps.dashboard);
    case "plan":
      return monthPlan(store, ctx);
    case "target":
      return setMonthlyTarget(store, ctx, command.closings);
    case "quota":
      return setQuota(store, ctx, {
        metric: command.metric,
        value: command.value,
        ...(command.who ? { who: { mention: command.who } } : {}),
      });
    case "quotaShow":
      return showQuota(store, ctx);
    case "undo":
      return undoLastReport(store, ctx, incoming.messageId);
    case "lang":
      return setLanguage(store, ctx, command.locale);
    case "addManager":
      return addManager(store, ctx, command.userId, incoming.lookupPerson);
    case "timezone":
      return setTeamTimeZone(store, ctx, command.timeZone);
    case "setup":
      return info(ctx.t.alreadySetUp(ctx.team.name, ctx.team.timezone));
    case "settingsShow":
      return showSettings(ctx);
    case "settings":
      return changeSetting(store, ctx, command.change);
    case "daysOff":
      return markDaysOff(store, ctx, command.days);
    case "usage":
      return { tone: "error", lines: [ctx.t.usage(command.command)] };
    case "help":
      return helpView(ctx.t, ctx.commandPrefix);
  }
}
