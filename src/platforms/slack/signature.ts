import { createHmac, timingSafeEqual } from "node:crypto";

/** Slack's window: a request signed more than five minutes from now, either way, is refused as a replay. */
const MAX_SKEW_SECONDS = 5 * 60;

export type SignatureVerdict = "ok" | "missing" | "stale" | "mismatch";

/**
 * Checks X-Slack-Signature over `v0:{timestamp}:{raw body}` with the signing secret, and that the timestamp is
 * within five minutes of now in either direction (Bolt's own check lets any future timestamp through).
 */
export function verifySlackSignature(input: {
  signingSecret: string;
  timestamp: string | undefined;
  signature: string | undefined;
  body: Buffer;
  nowMs: number;
}): SignatureVerdict {
  const { timestamp, signature } = input;
  if (!timestamp || !signature) return "missing";
  if (!/^\d{1,12}$/.test(timestamp)) return "stale";
  if (Math.abs(input.nowMs / 1000 - Number(timestamp)) > MAX_SKEW_SECONDS) return "stale";
  const expected = Buffer.from(
    `v0=${createHmac("sha256", input.signingSecret).update(`v0:${timestamp}:`).update(input.body).digest("hex")}`,
  );
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? "ok" : "mismatch";
}
