import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { Intake } from "../../app/intake.js";
import type { Logger } from "../../app/logger.js";
import { answer, readBodyOrRefuse } from "../../http/body.js";
import { parseSlackBody } from "./deliveries.js";
import { type NotSaved, receiveSlackDelivery } from "./receive.js";
import { verifySlackSignature } from "./signature.js";

/** Slack retries an event three times; the third retry is its last. */
const LAST_RETRY = 3;

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * POST /slack/events for events, slash commands and interactions: verify the signature and the timestamp, read
 * the payload, record it in the inbox, then answer. Bad requests get 400/401 and change nothing; a failure here is
 * a 500 for Slack to retry, never a stopped process.
 */
export function createSlackHttpListener(options: {
  signingSecret: string;
  intake: Intake;
  clock: () => number;
  logger: Logger;
  notSaved: NotSaved;
}): RequestListener {
  const { intake, logger } = options;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBodyOrRefuse(req, res);
    if (!raw) return;
    const receivedAt = options.clock();
    const verdict = verifySlackSignature({
      signingSecret: options.signingSecret,
      timestamp: header(req, "x-slack-request-timestamp"),
      signature: header(req, "x-slack-signature"),
      body: raw,
      nowMs: receivedAt,
    });
    if (verdict !== "ok") {
      logger.warn({ verdict }, "refused a Slack request whose signature does not verify");
      answer(res, 401);
      return;
    }
    const request = parseSlackBody(raw, header(req, "content-type"), receivedAt);
    switch (request.kind) {
      case "invalid":
        logger.warn({ reason: request.reason }, "refused a signed Slack request that is not a Slack payload");
        answer(res, 400, request.reason);
        return;
      case "challenge":
        answer(res, 200, { challenge: request.challenge });
        return;
      case "nothing":
        answer(res, 200);
        return;
      case "delivery":
        await receiveSlackDelivery(
          intake,
          request.delivery,
          {
            ack: async (body) => answer(res, 200, body),
            retryLater: async () => answer(res, 503),
            lastTry: Number(header(req, "x-slack-retry-num") ?? 0) >= LAST_RETRY,
          },
          options.notSaved,
        );
    }
  }

  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error({ err: error }, "receiving a Slack request failed");
      answer(res, 500);
    });
  };
}
