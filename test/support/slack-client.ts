import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";

export const SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

const fixtureDir = new URL("../fixtures/slack/", import.meta.url);

/** A recorded Slack payload from test/fixtures/slack, deep-copied so a test can change it. */
// biome-ignore lint/suspicious/noExplicitAny: recorded payloads are edited field by field in tests
export function slackFixture<T = Record<string, any>>(name: string): T {
  return JSON.parse(readFileSync(new URL(name, fixtureDir), "utf8"));
}

let triggers = 0;

/**
 * A trigger_id as Slack makes one: new for every invocation (a replayed request carries the old one). Tests that
 * press a recorded button or submit a recorded form use it so each press is its own delivery.
 */
export function freshTriggerId(): string {
  triggers += 1;
  return `${13345224609 + triggers}.738474920.${process.pid.toString(16)}${triggers.toString(16).padStart(6, "0")}`;
}

/**
 * The recorded slash command body with some fields replaced, form-encoded as Slack sends it. Each call is a new
 * invocation with its own trigger_id, unless the fields name one.
 */
export function slashCommand(fields: Record<string, string>): string {
  const params = new URLSearchParams(readFileSync(new URL("slash-command.txt", fixtureDir), "utf8").trim());
  params.set("trigger_id", freshTriggerId());
  for (const [key, value] of Object.entries(fields)) params.set(key, value);
  return params.toString();
}

export interface SlackRequest {
  body: string;
  contentType: "application/json" | "application/x-www-form-urlencoded";
  /** Unix seconds; defaults to now. */
  timestamp?: number;
  /** Sign with this secret (default: the app's); null sends no signature at all. */
  secret?: string | null;
  /** Sign one body, send another: what a tampering proxy would do. */
  sentBody?: string;
  retryNum?: number;
}

export function sign(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

/** Posts to /slack/events exactly as Slack does: raw body, signature over `v0:ts:body`, retry headers. */
export async function postToSlackEndpoint(
  port: number,
  request: SlackRequest,
): Promise<{ status: number; text: string }> {
  const timestamp = request.timestamp ?? Math.floor(Date.now() / 1000);
  const secret = request.secret === undefined ? SIGNING_SECRET : request.secret;
  const headers: Record<string, string> = { "content-type": request.contentType };
  if (secret !== null) {
    headers["x-slack-request-timestamp"] = String(timestamp);
    headers["x-slack-signature"] = sign(secret, timestamp, request.body);
  }
  if (request.retryNum !== undefined) {
    headers["x-slack-retry-num"] = String(request.retryNum);
    headers["x-slack-retry-reason"] = "http_timeout";
  }
  const response = await fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: "POST",
    headers,
    body: request.sentBody ?? request.body,
  });
  return { status: response.status, text: await response.text() };
}

export function eventRequest(payload: unknown, extra: Partial<SlackRequest> = {}): SlackRequest {
  return { body: JSON.stringify(payload), contentType: "application/json", ...extra };
}

export function commandRequest(body: string, extra: Partial<SlackRequest> = {}): SlackRequest {
  return { body, contentType: "application/x-www-form-urlencoded", ...extra };
}
