import { createHash } from "node:crypto";
import type { NewDelivery } from "../../app/ports.js";

/** An Events API event, a slash command, or an interaction (button press, form submission). */
export type SlackDeliveryKind = "event" | "command" | "interaction";

export interface SlackDelivery extends NewDelivery {
  kind: SlackDeliveryKind;
  /** Who sent it, where the payload says: a notice about it goes to them. */
  user?: string;
}

/** What a request to the events endpoint turned out to be. */
export type SlackRequest =
  | { kind: "delivery"; delivery: SlackDelivery }
  | { kind: "challenge"; challenge: string }
  | { kind: "nothing" }
  | { kind: "invalid"; reason: string };

type Json = Record<string, unknown>;

const INTERACTION_TYPES = new Set([
  "block_actions",
  "view_submission",
  "view_closed",
  "shortcut",
  "message_action",
  "block_suggestion",
  "interactive_message",
]);

const text = (value: unknown): value is string => typeof value === "string" && value !== "";
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A key for a delivery the payload gives no id to: the same bytes replayed get the same key. */
function digest(raw: string): string {
  return createHash("sha256").update(raw).digest("hex").slice(0, 32);
}

/**
 * Reads the body of a signed request to /slack/events: JSON for events, a form for commands, a form with a JSON
 * `payload` for interactions. Anything else — not an object, a wrong shape — is "invalid" and changes nothing.
 */
export function parseSlackBody(
  raw: Buffer,
  contentType: string | undefined,
  receivedAt: number,
): SlackRequest {
  const body = raw.toString("utf8");
  let parsed: unknown;
  try {
    if (contentType?.includes("application/json")) parsed = JSON.parse(body);
    else if (contentType?.includes("application/x-www-form-urlencoded")) {
      const form = Object.fromEntries(new URLSearchParams(body));
      parsed = typeof form.payload === "string" ? JSON.parse(form.payload) : form;
    } else return { kind: "invalid", reason: `unsupported content type ${contentType ?? "(none)"}` };
  } catch {
    return { kind: "invalid", reason: "the body is not valid JSON" };
  }
  return classifySlackPayload(parsed, body, receivedAt);
}

/** What Socket Mode hands over: the envelope's type and its payload, already parsed. */
export function classifySocketEnvelope(type: string, payload: unknown, receivedAt: number): SlackRequest {
  if (!["events_api", "slash_commands", "interactive"].includes(type)) return { kind: "nothing" };
  return classifySlackPayload(payload, JSON.stringify(payload ?? null), receivedAt);
}

function classifySlackPayload(payload: unknown, raw: string, receivedAt: number): SlackRequest {
  if (!isObject(payload)) return { kind: "invalid", reason: "the payload is not an object" };
  const p = payload;
  if (p.type === "url_verification") {
    return text(p.challenge)
      ? { kind: "challenge", challenge: p.challenge }
      : { kind: "invalid", reason: "url_verification without a challenge" };
  }
  if (p.type === "app_rate_limited" || p.ssl_check !== undefined) return { kind: "nothing" };
  const base = { platform: "slack" as const, payload: p, receivedAt };
  if (p.type === "event_callback") {
    const event = p.event;
    if (!text(p.event_id) || !text(p.team_id) || !isObject(event) || !text(event.type)) {
      return { kind: "invalid", reason: "an event without event_id, team_id or event" };
    }
    const user = senderOf(event);
    return {
      kind: "delivery",
      delivery: {
        ...base,
        kind: "event",
        workspace: p.team_id,
        key: `event:${p.event_id}`,
        ordering: `${p.team_id}:${user ?? (text(event.channel) ? event.channel : "")}`,
        ...(user ? { user } : {}),
      },
    };
  }
  if (text(p.command)) {
    if (!text(p.team_id) || !text(p.user_id) || !text(p.channel_id)) {
      return { kind: "invalid", reason: "a command without team_id, user_id or channel_id" };
    }
    return {
      kind: "delivery",
      delivery: {
        ...base,
        kind: "command",
        workspace: p.team_id,
        // One invocation, one trigger_id: the same signed request sent again is the same delivery.
        key: `command:${text(p.trigger_id) ? p.trigger_id : digest(raw)}`,
        ordering: `${p.team_id}:${p.user_id}`,
        user: p.user_id,
      },
    };
  }
  if (text(p.type) && INTERACTION_TYPES.has(p.type)) {
    const user = isObject(p.user) && text(p.user.id) ? p.user.id : undefined;
    const team =
      isObject(p.team) && text(p.team.id) ? p.team.id : isObject(p.user) ? p.user.team_id : undefined;
    if (!user || !text(team)) return { kind: "invalid", reason: "an interaction without user or team" };
    return {
      kind: "delivery",
      delivery: {
        ...base,
        kind: "interaction",
        workspace: team,
        key: `interaction:${text(p.trigger_id) ? p.trigger_id : digest(raw)}`,
        ordering: `${team}:${user}`,
        user,
      },
    };
  }
  return { kind: "invalid", reason: "not an event, command or interaction" };
}

/** The person behind a message event, an edit or a deletion. */
function senderOf(event: Json): string | undefined {
  if (text(event.user)) return event.user;
  for (const inner of [event.message, event.previous_message]) {
    if (isObject(inner) && text(inner.user)) return inner.user;
  }
  return undefined;
}
