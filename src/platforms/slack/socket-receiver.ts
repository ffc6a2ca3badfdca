import { createRequire } from "node:module";
import type { webApi } from "@slack/bolt";
import type { Logger as SlackLogger } from "@slack/logger";
import type { SocketModeClient as SocketModeClientType } from "@slack/socket-mode";
import type { Intake } from "../../app/intake.js";
import type { Logger } from "../../app/logger.js";
import { classifySocketEnvelope } from "./deliveries.js";
import { type NotSaved, receiveSlackDelivery } from "./receive.js";

const require = createRequire(import.meta.url);

/** Slack redelivers an unacknowledged Socket Mode event up to three times. */
const LAST_RETRY = 3;

type Envelope = {
  ack: (response?: Record<string, unknown>) => Promise<void>;
  type: string;
  body: unknown;
  retry_num?: number;
};

/**
 * Socket Mode, received the same way as HTTP: each envelope is recorded in the inbox before it is acknowledged, so
 * an event whose ack never went out is redelivered by Slack, and one that was acknowledged is never lost.
 */
export function createSlackSocket(options: {
  appToken: string;
  clientOptions: webApi.WebClientOptions;
  intake: Intake;
  clock: () => number;
  logger: Logger;
  slackLogger: SlackLogger;
  notSaved: NotSaved;
}) {
  // Loaded only when Socket Mode is configured: an HTTP deployment never pays for the WebSocket client.
  const { SocketModeClient } = require("@slack/socket-mode") as {
    SocketModeClient: typeof SocketModeClientType;
  };
  const client = new SocketModeClient({
    appToken: options.appToken,
    logger: options.slackLogger,
    clientOptions: options.clientOptions,
  });
  client.on("slack_event", (envelope: Envelope) => {
    const request = classifySocketEnvelope(envelope.type, envelope.body, options.clock());
    const done =
      request.kind === "delivery"
        ? receiveSlackDelivery(
            options.intake,
            request.delivery,
            {
              ack: async (body) => envelope.ack(body as Record<string, unknown> | undefined),
              retryLater: async () => {},
              lastTry: (envelope.retry_num ?? 0) >= LAST_RETRY,
            },
            options.notSaved,
          )
        : envelope.ack();
    done.catch((error: unknown) => options.logger.error({ err: error }, "receiving a Slack envelope failed"));
  });
  return {
    start: () => client.start().then(() => undefined),
    stop: () => client.disconnect(),
  };
}
