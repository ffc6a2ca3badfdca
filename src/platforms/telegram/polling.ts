import { setTimeout as sleep } from "node:timers/promises";
import { type Telegram, TelegramError } from "telegraf";
import type { Update } from "telegraf/types";
import type { Intake } from "../../app/intake.js";
import type { Logger } from "../../app/logger.js";
import { telegramDelivery } from "./updates.js";

/** Seconds Telegram holds a getUpdates open when there is nothing new. */
const LONG_POLL_SECONDS = 50;

/** Collisions with another poller this far apart are told again, as a new problem. */
const COLLISION_QUIET_MS = 10 * 60_000;

/**
 * Long polling where the offset only moves past an update once the inbox has it: Telegram keeps what was not
 * confirmed and sends it again, so an update fetched while the database was down, or just before a crash, comes
 * back on the next call (and again after a restart) instead of being lost.
 */
export function startPolling(options: {
  api: Telegram;
  botId: string;
  allowedUpdates: readonly string[];
  intake: Intake;
  clock: () => number;
  logger: Logger;
}): { stop(): Promise<void> } {
  const { api, intake, logger } = options;
  const abort = new AbortController();
  const { signal } = abort;

  async function pause(ms: number) {
    await sleep(ms, undefined, { signal }).catch(() => {});
  }

  async function loop(): Promise<void> {
    let offset = 0;
    let failures = 0;
    let unrecorded = 0;
    /** Said once, and again only after a quiet spell: a second poller keeps colliding for as long as it runs. */
    let lastCollision = Number.NEGATIVE_INFINITY;
    while (!signal.aborted) {
      let updates: Update[];
      try {
        updates = await api.callApi(
          "getUpdates",
          { timeout: LONG_POLL_SECONDS, offset, allowed_updates: [...options.allowedUpdates] } as never,
          // telegraf types its option with the abort-controller polyfill; node-fetch takes the built-in one.
          { signal: signal as never },
        );
        failures = 0;
      } catch (error) {
        if (signal.aborted) return;
        failures++;
        if (error instanceof TelegramError && error.code === 401) {
          logger.error({ err: error }, "Telegram refused the bot token; polling stopped");
          return;
        }
        if (error instanceof TelegramError && error.code === 409) {
          // Only one process may long-poll a bot; two replicas polling take updates from each other in turn. A
          // webhook set by another process (one in webhook mode) refuses polling the same way.
          if (options.clock() - lastCollision > COLLISION_QUIET_MS)
            logger.error(
              {},
              /webhook/i.test(error.description)
                ? "this Telegram bot has a webhook set (another process runs in webhook mode), so it cannot be long-polled: give every process the same TELEGRAM_WEBHOOK_URL and TELEGRAM_WEBHOOK_SECRET"
                : "another process is long-polling this Telegram bot: only one may. With several replicas, set TELEGRAM_WEBHOOK_URL and TELEGRAM_WEBHOOK_SECRET (webhook mode) on all of them",
            );
          lastCollision = options.clock();
        } else {
          logger.warn({ err: error }, "fetching Telegram updates failed; trying again");
        }
        // 429 and 5xx: Telegram asks for patience.
        const retryAfter = error instanceof TelegramError ? error.parameters?.retry_after : undefined;
        // Against another poller, waiting longer only leaves updates waiting longer: they still take turns.
        const longest = error instanceof TelegramError && error.code === 409 ? 5000 : 30_000;
        await pause(retryAfter ? retryAfter * 1000 : Math.min(1000 * 2 ** (failures - 1), longest));
        continue;
      }
      for (const update of updates) {
        const delivery = telegramDelivery(update, options.botId, options.clock());
        if (!delivery) {
          logger.warn({}, "skipped something in getUpdates that is not an update");
          continue;
        }
        try {
          const item = await intake.accept(delivery);
          unrecorded = 0;
          if (item) void intake.run(item);
        } catch (error) {
          // Not recorded, so not confirmed: the next getUpdates from this offset brings it back.
          unrecorded++;
          logger.warn({ err: error, updateId: update.update_id }, "could not record a Telegram update yet");
          await pause(Math.min(1000 * 2 ** (unrecorded - 1), 30_000));
          break;
        }
        offset = update.update_id + 1;
      }
    }
  }

  const running = loop().catch((error: unknown) => logger.error({ err: error }, "Telegram polling stopped"));
  return {
    async stop() {
      abort.abort();
      await running;
    },
  };
}
