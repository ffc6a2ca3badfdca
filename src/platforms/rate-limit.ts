import { type Pace, paceOf, type RateLimit, slotOf } from "../core/pacing.js";

export type { RateLimit } from "../core/pacing.js";

/**
 * The longest a send waits for its slot: well inside the 10-minute lease on a scheduled job, so a replica whose
 * clock runs ahead (its bookings far in the future) slows others down at worst, and never gets a job re-claimed
 * and sent again while this one still waits.
 */
export const MAX_WAIT_MS = 2 * 60_000;

/** Books a send for `key` at one per `intervalMs` and returns the booked arrival time (Store.reserveSendSlot). */
export type ReserveSlot = (
  key: string,
  now: number,
  intervalMs: number,
  maxAheadMs: number,
) => Promise<number>;

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

  async function waitUntil(at: number): Promise<void> {
    // Never past a job's lease, whatever a skewed clock booked: a later send beats a send twice.
    const wait = Math.min(at - now(), MAX_WAIT_MS);
    if (wait > 0) await sleep(wait);
  }

  async function book(key: string, pace: Pace | null, from: number): Promise<number> {
    if (!pace) return from;
    return slotOf(
      await options.reserve(key, from, pace.intervalMs, MAX_WAIT_MS + pace.toleranceMs),
      from,
      pace,
    );
  }

  return {
    /** Resolves when a send to `key` may go out, having booked that moment for every replica. */
    async slot(key: string): Promise<void> {
      await waitUntil(await book(`${options.scope}:${key}`, perKey, now()));
      // The overall place is booked only once the key's turn has come: booked ahead, one busy chat would move
      // the shared pace into the future and hold every other chat back with it. "*" is no chat or channel id
      // (and Postgres text takes no NUL).
      if (overall) await waitUntil(await book(`${options.scope}:*`, overall, now()));
    },
  };
}
