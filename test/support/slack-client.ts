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
  /** More headers, as a proxy in front of Corong adds them (X-Request-Id). */
  headers?: Record<string, string>;
  body: string;
  contentType: "application/json" | "application/x-www-form-urlencoded";
  /** Unix seconds; defaults to now. */
  timestamp?: number;
  /** Sign with this secret (default: the app's); null sends no signature at all. */
  secret?: string | null;
  /** Sign one body, send another: what a tampering proxy would do. */
  sentBody?: string;
  retryNum?: number;
  /** Give up waiting for the answer after this many ms, as Slack does after 3 s. */
  timeoutMs?: number;
}

export function sign(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

/** Posts to /slack/events exactly as Slack does: raw body, signature over `v0:ts:body`, retry headers. */
export async function postToSlackEndpoint(
  port: number,
  request: SlackRequest,
): Promise<{ status: number; text: string; requestId: string | null }> {
  const timestamp = request.timestamp ?? Math.floor(Date.now() / 1000);
  const secret = request.secret === undefined ? SIGNING_SECRET : request.secret;
  const headers: Record<string, string> = { "content-type": request.contentType };
  if (secret !== null) {
    headers["x-slack-request-timestamp"] = String(timestamp);
    headers["x-slack-signature"] = sign(secret, timestamp, request.body);
  }
  Object.assign(headers, request.headers);
  if (request.retryNum !== undefined) {
    headers["x-slack-retry-num"] = String(request.retryNum);
    headers["x-slack-retry-reason"] = "http_timeout";
  }
  const response = await fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: "POST",
    headers,
    body: request.sentBody ?? request.body,
    ...(request.timeoutMs ? { signal: AbortSignal.timeout(request.timeoutMs) } : {}),
  });
  return {
    status: response.status,
    text: await response.text(),
    requestId: response.headers.get("x-request-id"),
  };
}

export function eventRequest(payload: unknown, extra: Partial<SlackRequest> = {}): SlackRequest {
  return { body: JSON.stringify(payload), contentType: "application/json", ...extra };
}

export function commandRequest(body: string, extra: Partial<SlackRequest> = {}): SlackRequest {
  return { body, contentType: "application/x-www-form-urlencoded", ...extra };
}

/** How Slack waits between an unanswered event and its retries; Slack's own are 1 and 5 minutes, compressed. */
const RETRY_DELAYS_MS = [1000, 3000, 6000];

/**
 * Delivers an event the way Slack does: the answer must be a 2xx within 3 s, or the event is sent again (three
 * retries, marked with X-Slack-Retry-Num). `port` is read at each try, so a retry can reach a restarted service.
 * Resolves with whether Slack would count it as acknowledged.
 */
export async function deliverLikeSlack(
  port: () => number,
  payload: unknown,
  delays: readonly number[] = RETRY_DELAYS_MS,
): Promise<{ acknowledged: boolean; attempts: number }> {
  for (let attempt = 0; attempt <= delays.length; attempt++) {
    try {
      const response = await postToSlackEndpoint(
        port(),
        eventRequest(payload, {
          timeoutMs: 3000,
          ...(attempt > 0 ? { retryNum: attempt } : {}),
        }),
      );
      if (response.status >= 200 && response.status < 300)
        return { acknowledged: true, attempts: attempt + 1 };
    } catch {
      // Refused (the process is down) or no answer in 3 s: Slack tries again later.
    }
    const delay = delays[attempt];
    if (delay !== undefined) await new Promise((resolve) => setTimeout(resolve, delay));
  }
  return { acknowledged: false, attempts: delays.length + 1 };
}
