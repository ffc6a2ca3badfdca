import type { RequestListener } from "node:http";
import {
  App,
  type BlockAction,
  type ButtonAction,
  type Context,
  type KnownEventFromType,
  type Receiver,
  type types,
  webApi,
} from "@slack/bolt";
import type { InstallationStore, InstallProvider } from "@slack/oauth";
import type { Bot } from "../../app/bot.js";
import { CorongError } from "../../app/errors.js";
import type { Incoming } from "../../app/incoming.js";
import type { Intake } from "../../app/intake.js";
import type { Logger } from "../../app/logger.js";
import type { Messenger, Store } from "../../app/ports.js";
import type { Locale } from "../../core/locale.js";
import type { Reply } from "../../core/reply.js";
import type { Team } from "../../core/team.js";
import { textsFor } from "../../core/texts/index.js";
import { formatCounts } from "../../core/texts/metric-words.js";
import { createSendPacer, type RateLimit } from "../rate-limit.js";
import { ACTION_PREFIX, toSlackMessage } from "./blocks.js";
import { boltLogger } from "./bolt-logger.js";
import { createSlackHttpListener } from "./http-receiver.js";
import { installationIdOf, isNotInstalled } from "./installation-store.js";
import { plainTextFromSlack } from "./mrkdwn.js";
import { createSlackNotices } from "./notices.js";
import { createProfileCache } from "./profiles.js";
import { countsFromModal, REPORT_MODAL_ID, reportModal } from "./report-modal.js";
import { createSlackSocket } from "./socket-receiver.js";

/** One app serving the workspaces that installed it: their tokens come from the installation store. */
export interface SlackInstallations {
  installer: InstallProvider;
  store: InstallationStore & {
    /** Forgets the installation unless it was installed (again) at or after `before`. */
    forgetInstalledBefore(
      query: {
        teamId?: string | undefined;
        enterpriseId?: string | undefined;
        isEnterpriseInstall?: boolean;
      },
      before: string,
    ): Promise<void>;
  };
}

export interface SlackAdapterOptions {
  /** One workspace, its token from the environment; or `installations`, one token per workspace. */
  botToken?: string;
  installations?: SlackInstallations;
  /** Which Slack workspace a team is in, and the pace of sends shared with every replica. */
  store: Pick<Store, "getWorkspace" | "reserveSendSlot">;
  /** HTTP mode (Events API at POST /slack/events) verifies every request with it. */
  signingSecret?: string;
  /** Socket Mode when set. */
  appToken?: string;
  /** Web API base URL for every client the app creates. */
  apiUrl?: string;
  bot: Bot;
  /** Where deliveries are recorded before Slack is told they were received, and handled from. */
  intake: Intake;
  logger: Logger;
  clock: () => number;
  /** The language of a notice to someone whose Slack profile does not say (their report is not stored yet). */
  defaultLocale: Locale;
  /** How the Web API client retries (429 Retry-After is always honoured). */
  retryConfig?: webApi.RetryOptions;
  /** Scheduled posts per channel or DM (Slack asks for about one a second). */
  channelLimit?: RateLimit;
}

export interface SlackAdapter {
  app: App;
  /** How scheduled reminders, nudges and digests reach Slack. */
  messenger: Messenger;
  /** HTTP mode: the listener for POST /slack/events. Absent in Socket Mode. */
  eventsListener?: RequestListener;
  /** Socket Mode: opens the connection. HTTP mode: nothing to do, the shared HTTP server routes to it. */
  start(): Promise<void>;
  /** Socket Mode: closes the connection, so no new envelope arrives. */
  stop(): Promise<void>;
}

type MessageEvent = KnownEventFromType<"message">;

/** Slack errors that no retry will fix: the channel or user is gone, or the bot is not let in. */
const GONE = new Set([
  "channel_not_found",
  "not_in_channel",
  "is_archived",
  "user_not_found",
  "account_inactive",
  "cannot_dm_bot",
  "user_disabled",
]);

/** A Slack message ts ("1355517523.000005") as epoch ms. */
function slackTime(ts: string): number {
  return Math.round(Number.parseFloat(ts) * 1000);
}

async function undeliverableIfGone<T>(send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    if (code && GONE.has(code))
      throw new CorongError("undeliverable", `Slack refused: ${code}`, { cause: error });
    throw error;
  }
}
type Target = { kind: "direct"; channel: string } | { kind: "ephemeral"; channel: string; user: string };

/** When the inbox took the delivery in: replies and reports are dated by it, however late they are handled. */
function receivedAtOf(context: Context): number {
  return Number(context.receivedAt);
}

/**
 * Slack as a thin adapter: payloads become `Incoming`, the bot answers, replies become Block Kit. Every
 * delivery — over HTTP or Socket Mode — is recorded in the inbox before Slack is told it was received, and Bolt's
 * listeners run from the record, once, however often Slack sends it and whichever replica it reaches.
 */
export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const { bot, intake, clock } = options;
  const logger = options.logger.child({ platform: "slack" });
  const clientOptions: webApi.WebClientOptions = {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    // Bounded retries (429 Retry-After included) that end well inside the scheduler's 10-minute job lease.
    retryConfig: options.retryConfig ?? webApi.retryPolicies.fiveRetriesInFiveMinutes,
  };
  // The inbox is the receiver: it hands Bolt what it recorded (see below); Bolt never answers Slack itself.
  const receiver: Receiver = { init: () => {}, start: async () => {}, stop: async () => {} };
  const { installations } = options;
  if (!options.botToken && !installations)
    throw new Error("Slack needs a bot token or an installation store");
  const app = new App({
    ...(options.botToken ? { token: options.botToken } : { authorize: installations?.installer.authorize }),
    logger: boltLogger(logger),
    clientOptions,
    receiver,
  });
  const profiles = createProfileCache();

  /** A workspace's bot token: the one from the environment, or its installation's; null when it has none. */
  async function tokenFor(workspace: string): Promise<string | null> {
    if (options.botToken) return options.botToken;
    try {
      const installation = await installations?.store.fetchInstallation({
        teamId: workspace,
        enterpriseId: undefined,
        isEnterpriseInstall: false,
      });
      return installation?.bot?.token ?? null;
    } catch (error) {
      if (isNotInstalled(error)) return null;
      throw error;
    }
  }

  // One Web API client per workspace token for scheduled sends: a client that got a 429 holds its whole queue
  // until Retry-After, and one busy workspace must not hold back every other's reminders.
  const clients = new Map<string, webApi.WebClient>();
  function clientFor(token: string): webApi.WebClient {
    let client = clients.get(token);
    if (!client) {
      if (clients.size >= 1000) clients.delete(clients.keys().next().value ?? "");
      client = new webApi.WebClient(token, { ...clientOptions, logger: boltLogger(logger) });
      clients.set(token, client);
    }
    return client;
  }

  // A workspace row's Slack id never changes, so each is read once per process.
  const workspaceIds = new Map<number, string>();
  /** The token a scheduled message to `team` goes out with; undeliverable once its workspace removed the bot. */
  async function tokenForTeam(team: Team): Promise<string> {
    let workspace = workspaceIds.get(team.workspaceId);
    if (!workspace) {
      workspace = (await options.store.getWorkspace(team.workspaceId))?.externalId;
      if (!workspace) throw new CorongError("undeliverable", `workspace ${team.workspaceId} is not known`);
      workspaceIds.set(team.workspaceId, workspace);
    }
    const token = await tokenFor(workspace);
    if (!token)
      throw new CorongError("undeliverable", `Slack workspace ${workspace} has not installed Corong`);
    return token;
  }

  const notices = createSlackNotices({
    client: app.client,
    tokenFor,
    profiles,
    defaultLocale: options.defaultLocale,
  });
  const socket = options.appToken
    ? createSlackSocket({
        appToken: options.appToken,
        clientOptions,
        intake,
        clock,
        logger,
        slackLogger: boltLogger(logger),
        notSaved: notices.notSaved,
      })
    : undefined;

  async function person(client: webApi.WebClient, teamId: string, userId: string, fallbackName?: string) {
    const profile = await profiles.get(client, teamId, userId, fallbackName);
    return {
      user: {
        externalId: userId,
        displayName: profile.displayName,
        ...(profile.locale ? { localeHint: profile.locale } : {}),
      },
      lookupTimeZone: async () => profile.timeZone,
      lookupPerson: async (id: string) => ({
        externalId: id,
        displayName: (await profiles.get(client, teamId, id)).displayName,
      }),
    };
  }

  /** The people in a channel, bots left out, as `conversations.members` pages through them. */
  async function channelMembers(client: webApi.WebClient, teamId: string, channel: string) {
    const people: Array<{ externalId: string; displayName: string }> = [];
    let cursor: string | undefined;
    do {
      const page = await client.conversations.members({ channel, limit: 200, ...(cursor ? { cursor } : {}) });
      for (const id of page.members ?? []) {
        const profile = await profiles.get(client, teamId, id);
        if (!profile.isBot) people.push({ externalId: id, displayName: profile.displayName });
      }
      cursor = page.response_metadata?.next_cursor || undefined;
    } while (cursor);
    return people;
  }

  /**
   * Sends the answer to something the bot has already handled. Whatever it stored stands, so a failure here is
   * logged and ends the delivery: retrying it would only re-answer, and giving up later would tell the rep a
   * saved report was lost. The Web API client has already retried rate limits and server errors by then.
   */
  async function answer(work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (error) {
      logger.warn({ err: error }, "answering on Slack failed; what the message did is stored");
    }
  }

  async function deliver(client: webApi.WebClient, target: Target, reply: Reply | null): Promise<void> {
    if (!reply || reply.silent) return;
    const message = toSlackMessage(reply);
    await answer(() =>
      target.kind === "direct"
        ? client.chat.postMessage({ channel: target.channel, ...message })
        : client.chat.postEphemeral({ channel: target.channel, user: target.user, ...message }),
    );
    await sendImage(
      client,
      target.kind === "direct" ? { channel: target.channel } : { user: target.user },
      reply,
    );
  }

  /**
   * A reply's chart or export as a file in the asker's direct message with the bot: a file cannot be ephemeral,
   * and a chart or export asked for in the team channel is the asker's, not everyone's. The text already went
   * out, so a failed upload is logged rather than answered again.
   */
  async function sendImage(
    client: webApi.WebClient,
    to: { channel: string } | { user: string },
    reply: Reply,
  ): Promise<void> {
    const file = reply.image
      ? { bytes: reply.image.png, fileName: reply.image.fileName, title: reply.image.title }
      : reply.file;
    if (!file) return;
    try {
      const channel =
        "channel" in to ? to.channel : (await client.conversations.open({ users: to.user })).channel?.id;
      if (!channel) return;
      await client.filesUploadV2({
        channel_id: channel,
        file: Buffer.from(file.bytes),
        filename: file.fileName,
        title: file.title,
      });
    } catch (error) {
      logger.warn({ err: error }, "uploading a file failed");
    }
  }

  app.command("/sales", async ({ ack, command, respond, client, context }) => {
    await ack();
    const inDirect = command.channel_id.startsWith("D") || command.channel_name === "directmessage";
    const reply = await bot.handle({
      platform: "slack",
      workspace: { externalId: command.team_id, name: command.team_domain },
      ...(inDirect ? {} : { team: { externalId: command.channel_id, name: `#${command.channel_name}` } }),
      ...(await person(client, command.team_id, command.user_id, command.user_name)),
      ...(inDirect
        ? {}
        : { lookupMembers: () => channelMembers(client, command.team_id, command.channel_id) }),
      text: plainTextFromSlack(command.text ?? ""),
      via: "command",
      messageId: `command:${command.trigger_id}`,
      receivedAt: receivedAtOf(context),
    });
    if (reply.silent) return;
    await answer(() => respond({ response_type: "ephemeral", ...toSlackMessage(reply) }));
    await sendImage(client, inDirect ? { channel: command.channel_id } : { user: command.user_id }, reply);
  });

  app.action<BlockAction<ButtonAction>>(
    new RegExp(`^${ACTION_PREFIX}`),
    async ({ ack, body, action, respond, client, context }) => {
      await ack();
      const teamId = body.team?.id ?? body.user.team_id ?? "";
      const channel = body.channel?.id;
      if (action.action_id === `${ACTION_PREFIX}report:form`) {
        // Slack can show a real form: a number field per activity and stage, opened from the reminder.
        const { user } = await person(client, teamId, body.user.id, body.user.name);
        await client.views.open({ trigger_id: body.trigger_id, view: reportModal(user.localeHint ?? "en") });
        return;
      }
      const reply = await bot.handleAction({
        platform: "slack",
        workspace: { externalId: teamId },
        ...(channel && !channel.startsWith("D") ? { team: { externalId: channel } } : {}),
        ...(await person(client, teamId, body.user.id, body.user.name)),
        action: action.action_id.slice(ACTION_PREFIX.length),
        messageId: `action:${action.action_ts}`,
        receivedAt: receivedAtOf(context),
      });
      if (!reply.silent)
        await answer(() =>
          respond({ response_type: "ephemeral", replace_original: true, ...toSlackMessage(reply) }),
        );
    },
  );

  app.view(REPORT_MODAL_ID, async ({ ack, body, view, client, context }) => {
    const locale = view.private_metadata === "id" ? "id" : "en";
    const counts = countsFromModal(view.state.values);
    if (Object.keys(counts).length === 0) {
      // Keep the form open with the reason under the first field, as Slack shows input errors.
      await ack({ response_action: "errors", errors: { visits: textsFor(locale).reportFormEmpty } });
      return;
    }
    await ack();
    const teamId = body.team?.id ?? body.user.team_id ?? "";
    const reply = await bot.handle({
      platform: "slack",
      workspace: { externalId: teamId },
      ...(await person(client, teamId, body.user.id, body.user.name)),
      // The form's numbers become the same words a rep would type, so they take the one report path.
      text: formatCounts(locale, counts),
      via: "direct",
      messageId: `view:${view.id}`,
      receivedAt: receivedAtOf(context),
    });
    await deliver(client, { kind: "direct", channel: body.user.id }, reply);
  });

  app.event("message", async ({ event, body, client, context }) => {
    const teamId = (body as { team_id?: string }).team_id ?? "";
    await onMessage(client, teamId, event, receivedAtOf(context));
  });

  async function onMessage(
    client: webApi.WebClient,
    teamId: string,
    event: MessageEvent,
    receivedAt: number,
  ) {
    const inDirect = event.channel_type === "im";
    // In a DM the answer is a normal reply; in the team channel only the sender sees it.
    const answerTo = (user: string): Target =>
      inDirect
        ? { kind: "direct", channel: event.channel }
        : { kind: "ephemeral", channel: event.channel, user };
    const base = {
      platform: "slack" as const,
      workspace: { externalId: teamId },
      ...(inDirect ? {} : { team: { externalId: event.channel } }),
      receivedAt,
    };
    if (event.subtype === undefined || event.subtype === "file_share") {
      // Other bots (and this one) talk in channels too; only people report.
      if ("bot_id" in event && event.bot_id) return;
      if (!event.user || !event.text) return;
      const incoming: Incoming = {
        ...base,
        ...(await person(client, teamId, event.user)),
        text: plainTextFromSlack(event.text),
        via: inDirect ? "direct" : "channel",
        messageId: `${event.channel}:${event.ts}`,
        sentAt: slackTime(event.ts),
        revisedAt: slackTime(event.ts),
      };
      const reply = await bot.handle(incoming);
      if (reply.silent) return;
      if (!inDirect && reply.tone === "success") {
        // A redelivery finds the ✅ already there ("already_reacted"): that is the reaction, not a failure.
        await answer(() =>
          client.reactions.add({ channel: event.channel, timestamp: event.ts, name: "white_check_mark" }),
        );
      }
      await deliver(client, answerTo(event.user), reply);
      return;
    }
    if (event.subtype === "message_changed") {
      const edited = event.message as {
        user?: string;
        text?: string;
        ts: string;
        bot_id?: string;
        edited?: { ts?: string };
      };
      const before = event.previous_message as { text?: string } | undefined;
      // Link unfurls also arrive as edits; only a change of text can change a report.
      if (edited.bot_id || !edited.user || edited.text === before?.text) return;
      const reply = await bot.handle({
        ...base,
        ...(await person(client, teamId, edited.user)),
        text: plainTextFromSlack(edited.text ?? ""),
        via: inDirect ? "direct" : "channel",
        messageId: `${event.channel}:${edited.ts}`,
        // The original message's time: an edit tomorrow keeps today's report on today.
        sentAt: slackTime(edited.ts),
        // This text's own time: the edit's, so a late delivery of the original cannot undo it.
        revisedAt: slackTime(edited.edited?.ts ?? event.event_ts ?? edited.ts),
      });
      await deliver(client, answerTo(edited.user), reply);
      return;
    }
    if (event.subtype === "message_deleted") {
      const gone = event.previous_message as { user?: string; bot_id?: string } | undefined;
      if (!gone?.user || gone.bot_id) return;
      const reply = await bot.handleDeletion({
        ...base,
        ...(await person(client, teamId, gone.user)),
        messageId: `${event.channel}:${event.deleted_ts}`,
      });
      await deliver(client, answerTo(gone.user), reply);
    }
  }

  app.event("member_joined_channel", async ({ event, body, client, context }) => {
    const teamId = (body as { team_id?: string }).team_id ?? event.team ?? "";
    const profile = await profiles.get(client, teamId, event.user);
    if (profile.isBot) return;
    await bot.memberJoined({
      platform: "slack",
      workspace: { externalId: teamId },
      team: { externalId: event.channel },
      ...(await person(client, teamId, event.user)),
      receivedAt: receivedAtOf(context),
    });
  });

  app.event("app_home_opened", async ({ event, body, client, context }) => {
    if (event.tab !== "home") return;
    const teamId = (body as { team_id?: string }).team_id ?? "";
    const replies = await bot.home({
      platform: "slack",
      workspace: { externalId: teamId },
      ...(await person(client, teamId, event.user)),
      receivedAt: receivedAtOf(context),
    });
    const blocks = replies.flatMap((reply, i) => [
      ...(i > 0 ? [{ type: "divider" } as types.KnownBlock] : []),
      ...toSlackMessage({ ...reply, buttons: [] }).blocks,
    ]);
    await client.views.publish({ user_id: event.user, view: { type: "home", blocks } });
  });

  // Slack asks for about one message per second per channel; 429s beyond that are retried by the WebClient.
  const pacer = createSendPacer({
    scope: "slack",
    perKey: options.channelLimit ?? { limit: 1, windowMs: 1000 },
    reserve: options.store.reserveSendSlot,
    now: clock,
  });
  const messenger: Messenger = {
    async sendDirect(team, member, reply) {
      const token = await tokenForTeam(team);
      await pacer.slot(member.externalId);
      // Posting to a user id lands in the bot's direct message with them.
      await undeliverableIfGone(() =>
        clientFor(token).chat.postMessage({ channel: member.externalId, ...toSlackMessage(reply) }),
      );
    },
    async postToTeam(team, reply) {
      const token = await tokenForTeam(team);
      await pacer.slot(team.externalId);
      await undeliverableIfGone(() =>
        clientFor(token).chat.postMessage({ channel: team.externalId, ...toSlackMessage(reply) }),
      );
    },
    async postChart(team, chart) {
      const token = await tokenForTeam(team);
      await undeliverableIfGone(() =>
        clientFor(token).filesUploadV2({
          channel_id: team.externalId,
          file: Buffer.from(chart.png),
          filename: chart.fileName,
          title: chart.title,
        }),
      );
    },
  };

  /**
   * The workspace removed Corong (or revoked its bot token): its tokens are forgotten and its teams' scheduled
   * messages stop; their reports stay, for a reinstall to carry on from. With one token from the environment
   * there is no installation to forget.
   */
  async function uninstalled(body: {
    team_id?: string;
    enterprise_id?: string;
    is_enterprise_install?: boolean;
    event_time?: number;
  }) {
    if (!installations) return;
    const query = {
      teamId: body.team_id,
      enterpriseId: body.enterprise_id,
      isEnterpriseInstall: Boolean(body.is_enterprise_install),
    };
    // By when Slack says it happened: a retry of this event that comes after a reinstall leaves the new one be.
    const happened = body.event_time ? body.event_time * 1000 : clock();
    await installations.store.forgetInstalledBefore(query, new Date(happened).toISOString());
    logger.info(
      { workspace: installationIdOf(query) },
      "removed from a Slack workspace; its tokens are deleted",
    );
  }
  app.event("app_uninstalled", async ({ body }) => uninstalled(body));
  app.event("tokens_revoked", async ({ event, body }) => {
    // Only the bot's token matters: Corong asks for no user tokens.
    if ((event.tokens.bot ?? []).length > 0) await uninstalled(body);
  });

  // A listener that failed is the inbox's to retry: its error goes back through processEvent, unwrapped.
  app.error(async (error) => {
    if (isNotInstalled(error)) {
      // From a workspace that never installed Corong, or removed it: not ours to answer, and no retry will change it.
      logger.info({}, "ignored a Slack delivery from a workspace without an installation");
      return;
    }
    throw (error as { original?: unknown }).original ?? error;
  });

  intake.handle("slack", {
    process: (item, ack) =>
      app.processEvent({
        body: item.payload as Record<string, unknown>,
        ack: ack ?? (async () => {}),
        customProperties: { receivedAt: item.receivedAt },
      }),
    notify: (item, notice) => notices.tell(item, notice),
  });

  return {
    app,
    messenger,
    ...(options.signingSecret && !socket
      ? {
          eventsListener: createSlackHttpListener({
            signingSecret: options.signingSecret,
            intake,
            clock,
            logger,
            notSaved: notices.notSaved,
          }),
        }
      : {}),
    async start() {
      await socket?.start();
    },
    async stop() {
      await socket?.stop();
    },
  };
}
