/**
 * Sending as fast as a platform allows and no faster, shared by every replica: the generic cell rate algorithm
 * (GCRA). Each key (a channel, a chat, "overall") keeps one number, its theoretical arrival time (TAT); a send
 * books the next slot by moving it on by one interval. One number per key can be updated in a single atomic
 * statement, which is what lets several processes share a limit through the database without locks.
 */

/** "At most `limit` sends in any `windowMs`", letting up to `burst` of them go out back to back. */
export interface RateLimit {
  limit: number;
  windowMs: number;
  burst?: number;
}

/** A limit as GCRA keeps it: one send per `intervalMs`, up to `toleranceMs` ahead of that pace. */
export interface Pace {
  intervalMs: number;
  toleranceMs: number;
}

/**
 * The pace that never exceeds `limit` in any window. A burst of b costs headroom: with tolerance (b-1)·T, any
 * window of length W holds at most 1 + (W + (b-1)·T)/T sends, which is `limit` when T = W/(limit-b+1).
 */
export function paceOf(rule: RateLimit): Pace {
  const burst = Math.min(Math.max(1, rule.burst ?? 1), rule.limit);
  const intervalMs = rule.windowMs / (rule.limit - burst + 1);
  return { intervalMs: Math.ceil(intervalMs), toleranceMs: Math.ceil(intervalMs) * (burst - 1) };
}

/**
 * The key's TAT after booking a send at `now`: what the database stores (`max(tat, now) + interval`), a TAT that
 * a clock running ahead left far in the future held to `now + maxAheadMs` first.
 */
export function nextArrival(
  tat: number | null,
  now: number,
  pace: Pace,
  maxAheadMs = Number.POSITIVE_INFINITY,
): number {
  return Math.min(Math.max(tat ?? now, now), now + maxAheadMs) + pace.intervalMs;
}

/** When the send booked by moving the TAT to `bookedTat` may go out: now, or once the pace allows it. */
export function slotOf(bookedTat: number, now: number, pace: Pace): number {
  return Math.max(now, bookedTat - pace.intervalMs - pace.toleranceMs);
}
