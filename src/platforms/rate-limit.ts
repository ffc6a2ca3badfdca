import { type Pace, paceOf, type RateLimit, slotOf } from "../core/pacing.js";

export type { RateLimit } from "../core/pacing.js";

/** Books a send for `key` at one per `intervalMs` and returns the booked arrival time (Store.reserveSendSlot). */
export type ReserveSlot = (key: string, now: number, intervalMs: number) => Promise<number>;

/**
 * Spaces out sends the way platforms ask bots to — Slack about one message per second per channel, Telegram 30
 * per second overall and 20 per minute into one group — per key and overall, across every replica: the slots are
 * booked in the database, so two processes posting to one channel share its limit. Callers await their slot;
 * nothing is dropped, and a burst within the limit goes out at once.
 */
export function createSendPacer(options: {
  /** Names this platform's keys apart from another's. */
  scope: string;
  perKey?: RateLimit;
  overall?: RateLimit;
  reserve: ReserveSlot;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}) {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  const perKey = options.perKey ? paceOf(options.perKey) : null;
  const overall = options.overall ? paceOf(options.overall) : null;

  async function book(key: string, pace: Pace | null, from: number): Promise<number> {
    if (!pace) return from;
    return slotOf(await options.reserve(key, from, pace.intervalMs), from, pace);
  }

  return {
    /** Resolves when a send to `key` may go out, having booked that moment for every replica. */
    async slot(key: string): Promise<void> {
      const at = now();
      // The overall slot is booked from the key's: a send held back for its channel does not take a place in
      // the overall pace before it can use it.
      const keySlot = await book(`${options.scope}:${key}`, perKey, at);
      // "*" is no chat or channel id, so the overall pace has a key of its own (Postgres text takes no NUL).
      const start = await book(`${options.scope}:*`, overall, keySlot);
      const wait = start - now();
      if (wait > 0) await sleep(wait);
    },
  };
}
