import type { webApi } from "@slack/bolt";
import type { NewDelivery } from "../../app/ports.js";
import type { Locale } from "../../core/locale.js";
import { textsFor } from "../../core/texts/index.js";
import { type DeliveryNoticeKind, deliveryNotice, wantsDeliveryNotice } from "../../core/views/delivery.js";
import { toSlackMessage } from "./blocks.js";
import type { SlackDelivery } from "./deliveries.js";
import type { ProfileCache } from "./profiles.js";
import type { NotSaved } from "./receive.js";

/** Who sent a delivery and where an answer about it can reach them, read from the raw payload. */
interface SlackSender {
  user: string;
  channel?: string;
  /** A direct message with the bot: a normal reply reaches the sender there. */
  direct: boolean;
  responseUrl?: string;
  /** What they wrote, so a notice can say which message it is about. */
  text: string;
}

type Json = Record<string, unknown>;
const str = (value: unknown): string | undefined => (typeof value === "string" && value ? value : undefined);
const obj = (value: unknown): Json => (typeof value === "object" && value !== null ? (value as Json) : {});

/**
 * The sender of a delivery worth telling about: anyone who used a command, a button or a DM, and in a team channel
 * only someone whose message is a report (chatter there gets no answer, not even this one).
 */
function senderOf(payload: unknown, receivedAt: number): SlackSender | null {
  const p = obj(payload);
  if (p.type === "event_callback") {
    const event = obj(p.event);
    const inner = obj(event.message);
    const user = str(event.user) ?? str(inner.user);
    if (!user || event.type !== "message") return null;
    const channel = str(event.channel);
    const direct = event.channel_type === "im";
    const text = str(event.text) ?? str(inner.text) ?? "";
    if (!wantsDeliveryNotice({ text, inTeamChannel: !direct, command: false, receivedAt })) return null;
    return { user, ...(channel ? { channel } : {}), direct, text };
  }
  const user = str(p.user_id) ?? str(obj(p.user).id);
  if (!user) return null;
  const responseUrl =
    str(p.response_url) ?? str(obj(Array.isArray(p.response_urls) ? p.response_urls[0] : {}).response_url);
  const channel = str(p.channel_id) ?? str(obj(p.channel).id);
  return {
    user,
    ...(channel ? { channel } : {}),
    direct: Boolean(channel?.startsWith("D")),
    ...(responseUrl ? { responseUrl } : {}),
    text: str(p.command) ? `${p.command} ${str(p.text) ?? ""}` : "",
  };
}

/** How long a notice waits for the sender's profile before answering in the default language. */
const PROFILE_WAIT_MS = 400;

/**
 * Tells a Slack user about a delivery that was not handled at once: not recorded (send it again), recorded but
 * late, or given up. The language is their Slack profile's, since their Corong settings may be out of reach.
 */
export function createSlackNotices(options: {
  client: webApi.WebClient;
  /** The bot token for a workspace; null when it has none (not installed), and then nobody is told. */
  tokenFor: (workspace: string) => Promise<string | null>;
  profiles: ProfileCache;
  defaultLocale: Locale;
}) {
  const { client, profiles } = options;

  /**
   * The sender's language from their Slack profile — unless users.info is slow to say: a notice often answers a
   * request Slack waits on (3 s), and the profile lookup retries for minutes. Then the default language it is.
   */
  async function localeOf(teamId: string, user: string): Promise<Locale> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), PROFILE_WAIT_MS);
    });
    // The token too may be slow to come (it is read from the database, which may be why we are here).
    const profile = options
      .tokenFor(teamId)
      .then((token) => (token ? profiles.get(client, teamId, user, undefined, token) : undefined))
      .catch(() => undefined);
    try {
      return (await Promise.race([profile, late]))?.locale ?? options.defaultLocale;
    } finally {
      clearTimeout(timer);
    }
  }

  async function tell(delivery: NewDelivery, kind: DeliveryNoticeKind): Promise<void> {
    const sender = senderOf(delivery.payload, delivery.receivedAt);
    const teamId = delivery.workspace;
    if (!sender) return;
    const message = toSlackMessage(
      deliveryNotice(textsFor(await localeOf(teamId, sender.user)), kind, sender.text),
    );
    if (sender.responseUrl) {
      const response = await fetch(sender.responseUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ response_type: "ephemeral", replace_original: false, ...message }),
      });
      if (!response.ok) throw new Error(`response_url answered ${response.status}`);
    } else {
      const token = await options.tokenFor(teamId);
      if (!token) return;
      if (sender.channel && !sender.direct)
        await client.chat.postEphemeral({ token, channel: sender.channel, user: sender.user, ...message });
      else await client.chat.postMessage({ token, channel: sender.channel ?? sender.user, ...message });
    }
  }

  const notSaved: NotSaved = {
    async answerFor(delivery: SlackDelivery) {
      const payload = obj(delivery.payload);
      const t = textsFor(
        delivery.user ? await localeOf(delivery.workspace, delivery.user) : options.defaultLocale,
      );
      // A form stays open with the reason under its first field, as Slack shows input errors.
      if (payload.type === "view_submission") {
        return { response_action: "errors", errors: { visits: t.notSavedTryAgain } };
      }
      if (delivery.kind === "command") {
        return { response_type: "ephemeral", ...toSlackMessage(deliveryNotice(t, "notSaved")) };
      }
      // The event's answer (retry later, or not) need not wait for the notice to go out.
      void tell(delivery, "notSaved").catch(() => {});
      return undefined;
    },
    tell: (delivery) => tell(delivery, "notSaved"),
  };

  return { notSaved, tell };
}
