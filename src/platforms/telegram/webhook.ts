import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { isUnavailable } from "../../app/errors.js";
import type { Intake } from "../../app/intake.js";
import type { Logger } from "../../app/logger.js";
import { answer, readBodyOrRefuse } from "../../http/body.js";
import { telegramDelivery } from "./updates.js";

function sameSecret(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== "string") return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The webhook Telegram posts updates to. An update is answered 200 only once it is recorded in the inbox; while it
 * cannot be, the answer is 503 and Telegram delivers it again. A wrong secret gets 403, a body that is not an
 * update 400; neither changes anything.
 */
export function createTelegramWebhook(options: {
  secret: string;
  botId: string;
  intake: Intake;
  clock: () => number;
  logger: Logger;
}): RequestListener {
  const { intake, logger } = options;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!sameSecret(req.headers["x-telegram-bot-api-secret-token"], options.secret)) {
      answer(res, 403);
      return;
    }
    const raw = await readBodyOrRefuse(req, res);
    if (!raw) return;
    let payload: unknown;
    try {
      payload = JSON.parse(raw.toString("utf8"));
    } catch {
      payload = undefined;
    }
    const delivery = telegramDelivery(payload, options.botId, options.clock());
    if (!delivery) {
      logger.warn({}, "refused a webhook request that is not a Telegram update");
      answer(res, 400, "not a Telegram update");
      return;
    }
    let item: Awaited<ReturnType<Intake["accept"]>>;
    try {
      item = await intake.accept(delivery);
    } catch (error) {
      if (!isUnavailable(error)) throw error;
      answer(res, 503);
      return;
    }
    answer(res, 200);
    if (item) void intake.run(item);
  }

  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error({ err: error }, "receiving a Telegram update failed");
      answer(res, 500);
    });
  };
}
