import { Telegraf, TelegramError } from "telegraf";
import type { CallbackQuery, Message, Update, User, UserFromGetMe } from "telegraf/types";
import type { Bot } from "../../app/bot.js";
import { CorongError } from "../../app/errors.js";
import type { Incoming, PlatformPerson } from "../../app/incoming.js";
import type { DeliveryNotice, Intake } from "../../app/intake.js";
import type { Logger } from "../../app/logger.js";
import type { InboxItem, Messenger, Store } from "../../app/ports.js";
import { COMMAND_HEADS } from "../../core/commands.js";
import type { Locale } from "../../core/locale.js";
import type { Reply } from "../../core/reply.js";
import { type MenuCommand, textsFor } from "../../core/texts/index.js";
import { deliveryNotice, wantsDeliveryNotice } from "../../core/views/delivery.js";
import type { Route } from "../../http/server.js";
import { createSendPacer } from "../rate-limit.js";
import { toTelegramMessage } from "./html.js";
import { startPolling } from "./polling.js";
import { botIdOf } from "./updates.js";
import { createTelegramWebhook } from "./webhook.js";

export interface TelegramAdapterOptions {
  botToken: string;
  /** Another Bot API server (a local one, or a test fake); Telegram's by default. */
  apiRoot?: string;
  /** Webhook mode: Telegram posts updates to `url`, each carrying `secret` in X-Telegram-Bot-Api-Secret-Token. */
  webhook?: { url: string; secret: string };
  bot: Bot;
  /** Where updates are recorded before Telegram is told they were received, and handled from. */
  intake: Intake;
  /** The pace of sends, shared with every replica. */
  store: Pick<Store, "reserveSendSlot">;
  logger: Logger;
  clock: () => number;
  /** The language of a notice to someone whose Telegram client does not say. */
  defaultLocale: Locale;
  /** How many times one call is retried after a 429 (each after the `retry_after` Telegram asks for). */
  maxRetries?: number;
}

export interface TelegramAdapter {
  telegraf: Telegraf;
  /** How scheduled reminders, nudges and digests reach Telegram. */
  messenger: Messenger;
  /** Webhook mode: the route the shared HTTP server serves at the webhook URL's path. */
  webhookRoute?: Route;
  /** Reads the bot's identity, registers the command menu, then polls or registers the webhook. */
  start(): Promise<void>;
  /** Stops polling: no new update is fetched. */
  stop(): Promise<void>;
}

/** The command menu, in the order Telegram shows it. */
const MENU: readonly MenuCommand[] = [
  "report",
  "today",
  "week",
  "funnel",
  "team",
  "trend",
  "leaderboard",
  "dashboard",
  "plan",
  "target",
  "quota",
  "undo",
  "lang",
  "setup",
  "settings",
  "off",
  "help",
  "start",
];
/** What a bare /command in a group may be for this bot; anything else is left to other bots. */
const KNOWN_COMMANDS = new Set<string>([...MENU, ...COMMAND_HEADS]);
const ALLOWED_UPDATES = ["message", "edited_message", "callback_query"] as const;

type ChatMessage = Message & { chat: { id: number; type: string; title?: string } };

/**
 * Telegram as a thin adapter: updates become `Incoming`, the bot answers, replies become Telegram HTML with
 * inline keyboards. Telegraf is the Bot API client. Every update — webhook or long polling — is recorded in the
 * inbox before Telegram is told it was received, and handled from the record once per update_id, the updates of
 * one chat one after another, so an edit never overtakes the message it edits.
 */
export function createTelegramAdapter(options: TelegramAdapterOptions): TelegramAdapter {
  const { bot, intake, clock } = options;
  const botId = botIdOf(options.botToken);
  const logger = options.logger.child({ platform: "telegram" });
  const maxRetries = options.maxRetries ?? 3;
  const telegraf = new Telegraf(options.botToken, {
    // Replies go out as API calls, never inside the webhook's HTTP answer: the same path in both modes.
    telegram: { webhookReply: false, ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}) },
  });
  const api = telegraf.telegram;
  let me: UserFromGetMe | undefined;
  let polling: { stop(): Promise<void> } | undefined;

  /** Runs one Bot API call, waiting out a 429 as long as Telegram's `retry_after` says. */
  async function call<T>(method: string, work: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        const retryAfter =
          error instanceof TelegramError && error.code === 429 ? (error.parameters?.retry_after ?? 1) : null;
        if (retryAfter === null || attempt >= maxRetries) throw error;
        logger.warn(
          { method, retryAfter, attempt: attempt + 1 },
          "Telegram rate limit: waiting before retrying",
        );
        await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
      }
    }
  }

  function identity(): UserFromGetMe {
    if (!me) throw new Error("the Telegram adapter has not started");
    return me;
  }

  function person(user: User) {
    return {
      externalId: String(user.id),
      displayName:
        [user.first_name, user.last_name].filter(Boolean).join(" ") || user.username || String(user.id),
      ...localeHint(user.language_code),
      // So "/funnel @budi" finds Budi by the @username the manager types.
      ...(user.username ? { handle: user.username } : {}),
    };
  }

  async function lookupManagers(chatId: string): Promise<PlatformPerson[]> {
    const admins = await call("getChatAdministrators", () => api.getChatAdministrators(chatId));
    return admins.filter((a) => !a.user.is_bot).map((a) => person(a.user));
  }

  function base(chat: ChatMessage["chat"], from: User, receivedAt: number) {
    const self = identity();
    const inGroup = chat.type !== "private";
    return {
      platform: "telegram" as const,
      workspace: { externalId: String(self.id), name: self.username },
      ...(inGroup ? { team: { externalId: String(chat.id), name: chat.title ?? String(chat.id) } } : {}),
      user: person(from),
      receivedAt,
      lookupManagers,
    };
  }

  /** Where a message sits and what its text asks, as `Incoming`; null when it is not for this bot. */
  function toIncoming(message: ChatMessage, edited: boolean, receivedAt: number): Incoming | null {
    const from = message.from;
    if (!from || from.is_bot || message.chat.type === "channel") return null;
    const inGroup = message.chat.type !== "private";
    const self = identity();
    // "/funnel" sent as a reply to a rep's message asks about that rep.
    const repliedTo = "reply_to_message" in message ? message.reply_to_message?.from : undefined;
    const common = {
      ...base(message.chat, from, receivedAt),
      messageId: `${message.chat.id}:${message.message_id}`,
      // An edited message keeps the date it was first sent: its report stays on that day.
      sentAt: message.date * 1000,
      // This text's own time, so a late delivery of an older text cannot overwrite it.
      revisedAt: ("edit_date" in message && message.edit_date ? message.edit_date : message.date) * 1000,
      ...(repliedTo && !repliedTo.is_bot && repliedTo.id !== from.id ? { replyTo: person(repliedTo) } : {}),
    };
    if ("location" in message && message.location) {
      // A live location keeps editing its message as the rep moves: only the first position checks in.
      if (edited) return null;
      const { latitude, longitude } = message.location;
      return { ...common, text: "", via: inGroup ? "channel" : "direct", location: { latitude, longitude } };
    }
    const text = "text" in message ? message.text : undefined;
    if (text === undefined) return null;
    const command = /^\/([A-Za-z0-9_]+)(?:@([A-Za-z0-9_]+))?(?:\s+([\s\S]*))?$/.exec(text.trim());
    if (command) {
      const [, name = "", target, args = ""] = command;
      if (target && target.toLowerCase() !== self.username.toLowerCase()) return null;
      const lower = name.toLowerCase();
      // A bare command in a group may be another bot's.
      if (inGroup && !target && !KNOWN_COMMANDS.has(lower)) return null;
      // /start may carry a deep-link payload; it always opens the help.
      const asked = lower === "start" ? "help" : `${lower} ${args}`.trim();
      return { ...common, text: asked, via: "command", menuCommand: true };
    }
    if (!inGroup) return { ...common, text, via: "direct" };
    const mention = new RegExp(`@${self.username}\\b`, "i");
    const repliesToBot = "reply_to_message" in message && message.reply_to_message?.from?.id === self.id;
    if (mention.test(text) || repliesToBot) {
      return { ...common, text: text.replace(mention, " ").replace(/\s+/g, " ").trim(), via: "command" };
    }
    return { ...common, text, via: "channel" };
  }

  async function onMessage(message: ChatMessage, edited: boolean, receivedAt: number): Promise<void> {
    const incoming = toIncoming(message, edited, receivedAt);
    if (!incoming) return;
    const reply = await bot.handle(incoming);
    if (message.chat.type === "private") return answer(() => send(message.chat.id, reply));
    const notices = reply.privately;
    if (notices) return answer(() => sendPrivately(message, reply, notices));
    await answer(() => send(message.chat.id, reply, message.message_id));
  }

  /** An answer for the asker alone, asked in a group: to their private chat, and a word in the group. */
  async function sendPrivately(
    message: ChatMessage,
    reply: Reply,
    notices: { sent: string; unreachable: string },
  ) {
    const { privately: _, ...answer } = reply;
    // Whatever stops the private message (never started, blocked, Telegram failing), the group hears why, and
    // the figures stay out of it.
    const notice = await send(message.from?.id ?? 0, answer).then(
      () => notices.sent,
      (error: unknown) => {
        logger.warn({ err: error, chat: message.from?.id }, "a private answer could not be sent");
        return notices.unreachable;
      },
    );
    await send(message.chat.id, { tone: "info", lines: [notice] }, message.message_id);
  }

  /**
   * Sends the answer to an update the bot has already handled. Whatever it stored stands, so a failure here is
   * logged and ends the update: retrying would only re-answer, and giving up later would tell the rep a saved
   * report was lost. Rate limits were already waited out in `call`.
   */
  async function answer(work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (error) {
      logger.warn({ err: error }, "answering on Telegram failed; what the update did is stored");
    }
  }

  async function send(chatId: number, reply: Reply, replyTo?: number): Promise<void> {
    if (reply.silent) return;
    const { text, reply_markup } = toTelegramMessage(reply);
    await call("sendMessage", () =>
      api.sendMessage(chatId, text, {
        parse_mode: "HTML",
        // The only links the bot sends are dashboard sign-ins: no preview to fetch them.
        link_preview_options: { is_disabled: true },
        ...(reply_markup ? { reply_markup } : {}),
        ...(replyTo ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
      }),
    );
    if (reply.image) {
      const image = reply.image;
      // The chart only repeats the table just sent: a failed upload is logged, not a reason to answer again.
      await call("sendPhoto", () =>
        api.sendPhoto(
          chatId,
          { source: Buffer.from(image.png), filename: image.fileName },
          { caption: image.title },
        ),
      ).catch((error: unknown) => logger.warn({ err: error, chat: chatId }, "sending a chart failed"));
    }
    if (reply.file) {
      const file = reply.file;
      await call("sendDocument", () =>
        api.sendDocument(
          chatId,
          { source: Buffer.from(file.bytes), filename: file.fileName },
          { caption: file.title },
        ),
      ).catch((error: unknown) => logger.warn({ err: error, chat: chatId }, "sending a file failed"));
    }
  }

  // Telegram's limits for bots: about 30 messages a second overall and 20 a minute into one group.
  const pacer = createSendPacer({
    scope: "telegram",
    // A digest's text and chart go out together; the pace after that stays within 20 a minute.
    perKey: { limit: 20, windowMs: 60_000, burst: 4 },
    overall: { limit: 30, windowMs: 1000, burst: 10 },
    reserve: options.store.reserveSendSlot,
    now: clock,
  });
  const messenger: Messenger = {
    async sendDirect(_team, member, reply) {
      await pacer.slot(member.externalId);
      // A private chat's id is the user's id; it works once the rep has started the bot.
      await undeliverableIfBlocked(() => send(Number(member.externalId), reply));
    },
    async postToTeam(team, reply) {
      await pacer.slot(team.externalId);
      await undeliverableIfBlocked(() => send(Number(team.externalId), reply));
    },
    async postChart(team, chart) {
      await pacer.slot(team.externalId);
      await undeliverableIfBlocked(() =>
        call("sendPhoto", () =>
          api.sendPhoto(
            Number(team.externalId),
            { source: Buffer.from(chart.png), filename: chart.fileName },
            { caption: chart.title },
          ),
        ),
      );
    },
  };

  async function onCallback(query: CallbackQuery, receivedAt: number): Promise<void> {
    const message = query.message && "chat" in query.message ? (query.message as ChatMessage) : undefined;
    const data = "data" in query ? query.data : undefined;
    // A retried press finds its query answered long ago (Telegram refuses a second answer): the spinner is the
    // only thing at stake, never a reason to fail the press.
    const stopSpinner = (text?: string) =>
      answer(() => call("answerCallbackQuery", () => api.answerCbQuery(query.id, text)));
    if (!message || !data) {
      await stopSpinner();
      return;
    }
    const inGroup = message.chat.type !== "private";
    const owner = "reply_to_message" in message ? message.reply_to_message?.from?.id : undefined;
    if (inGroup && owner !== undefined && owner !== query.from.id) {
      const t = textsFor(localeHint(query.from.language_code).localeHint ?? "en");
      await stopSpinner(t.notYourButtons);
      return;
    }
    // Ack first: the button stops spinning at once, the answer follows by editing the message.
    await stopSpinner();
    const reply = await bot.handleAction({
      ...base(message.chat, query.from, receivedAt),
      action: data,
      messageId: `callback:${query.id}`,
    });
    if (reply.silent) return;
    const { text, reply_markup } = toTelegramMessage(reply);
    try {
      await call("editMessageText", () =>
        api.editMessageText(message.chat.id, message.message_id, undefined, text, {
          parse_mode: "HTML",
          ...(reply_markup ? { reply_markup } : {}),
        }),
      );
    } catch (error) {
      // Pressing a button twice can produce the same text, which Telegram refuses to "edit".
      if (error instanceof TelegramError && /message is not modified/i.test(error.description)) return;
      logger.warn({ err: error }, "answering a button on Telegram failed; what the press did is stored");
    }
  }

  async function onUpdate(update: Update, receivedAt: number): Promise<void> {
    if ("message" in update) return onMessage(update.message as ChatMessage, false, receivedAt);
    if ("edited_message" in update) return onMessage(update.edited_message as ChatMessage, true, receivedAt);
    if ("callback_query" in update) return onCallback(update.callback_query, receivedAt);
  }

  /** Tells the sender about an update that was not handled at once; chatter in a group is left alone. */
  async function notify(item: InboxItem, notice: DeliveryNotice): Promise<void> {
    const update = item.payload as Update;
    const message = ("message" in update ? update.message : undefined) as ChatMessage | undefined;
    const query = "callback_query" in update ? update.callback_query : undefined;
    const chat = message?.chat ?? (query?.message as ChatMessage | undefined)?.chat;
    const from = message?.from ?? query?.from;
    if (!chat || !from) return;
    const text = message && "text" in message ? message.text : "";
    const inGroup = chat.type !== "private";
    const command = !message || text.startsWith("/");
    if (!wantsDeliveryNotice({ text, inTeamChannel: inGroup, command, receivedAt: item.receivedAt })) return;
    const t = textsFor(localeHint(from.language_code).localeHint ?? options.defaultLocale);
    await send(chat.id, deliveryNotice(t, notice, text), inGroup ? message?.message_id : undefined);
  }

  intake.handle("telegram", {
    process: async (item) => {
      // Updates can be taken up before start() finished (after a restart); the bot's identity comes first.
      if (!me) throw new Error("the Telegram adapter has not started yet");
      await onUpdate(item.payload as Update, item.receivedAt);
    },
    notify,
  });

  return {
    telegraf,
    messenger,
    ...(options.webhook
      ? {
          webhookRoute: {
            method: "POST" as const,
            path: new URL(options.webhook.url).pathname,
            handle: createTelegramWebhook({
              secret: options.webhook.secret,
              botId,
              intake,
              clock,
              logger,
            }),
          },
        }
      : {}),
    async start() {
      me = await call("getMe", () => api.getMe());
      telegraf.botInfo = me;
      for (const locale of ["en", "id"] as const) {
        const t = textsFor(locale);
        const commands = MENU.map((command) => ({ command, description: t.commandMenu[command] }));
        await call("setMyCommands", () =>
          api.setMyCommands(commands, locale === "en" ? {} : { language_code: locale }),
        ).catch((error: unknown) =>
          logger.warn({ err: error, locale }, "registering the command menu failed"),
        );
      }
      if (options.webhook) {
        const { url, secret } = options.webhook;
        await call("setWebhook", () =>
          api.setWebhook(url, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] }),
        );
        logger.info({ bot: me.username, mode: "webhook" }, "Telegram connected");
        return;
      }
      // Long polling and a webhook exclude each other; a webhook left by an earlier deployment goes first.
      await call("deleteWebhook", () => api.deleteWebhook());
      polling = startPolling({ api, botId, allowedUpdates: ALLOWED_UPDATES, intake, clock, logger });
      logger.info({ bot: me.username, mode: "polling" }, "Telegram connected");
    },
    async stop() {
      await polling?.stop();
      polling = undefined;
    },
  };
}

/**
 * A 403 (the user never started the bot or blocked it, the bot left the group) or a chat that no longer exists
 * will not change with retries.
 */
async function undeliverableIfBlocked<T>(send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (error instanceof TelegramError && (error.code === 403 || /chat not found/i.test(error.description))) {
      throw new CorongError("undeliverable", `Telegram refused: ${error.description}`, { cause: error });
    }
    throw error;
  }
}

/** `language_code` as the bot's locale hint: Indonesian or English; other languages follow the team. */
function localeHint(code: string | undefined): { localeHint?: Locale } {
  if (!code) return {};
  const language = code.toLowerCase().split("-")[0];
  return language === "id" || language === "en" ? { localeHint: language } : {};
}
