export interface RateLimit {
  /** At most this many sends… */
  limit: number;
  /** …in any window of this length. */
  windowMs: number;
}

/**
 * Spaces out sends the way platforms ask bots to — Slack about one message per second per channel, Telegram 30
 * per second overall and 20 per minute into one group — as sliding windows per key and overall. Callers await
 * their slot; nothing is dropped, and a short burst under the limit goes out at once.
 */
export function createSendPacer(options: {
  perKey?: RateLimit;
  overall?: RateLimit;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}) {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  const booked = new Map<string, number[]>();
  const overallKey = "\u0000overall";

  /** The earliest moment at or after `from` when one more send fits in `key`'s window. */
  function earliest(key: string, rule: RateLimit | undefined, from: number): number {
    if (!rule) return from;
    const stamps = booked.get(key) ?? [];
    const inWindow = stamps.filter((s) => s > from - rule.windowMs);
    if (inWindow.length < rule.limit) return from;
    // The send that must leave the window first decides when there is room again.
    return (inWindow[inWindow.length - rule.limit] ?? from) + rule.windowMs;
  }

  function book(key: string, rule: RateLimit | undefined, at: number) {
    if (!rule) return;
    const stamps = (booked.get(key) ?? []).filter((s) => s > at - rule.windowMs);
    stamps.push(at);
    booked.set(key, stamps);
  }

  return {
    /** Resolves when a send to `key` may go out, and books that moment. */
    async slot(key: string): Promise<void> {
      const at = now();
      let start = at;
      // Moving the start for one rule can only help the other, so two passes settle it.
      for (let i = 0; i < 2; i++) {
        start = Math.max(earliest(key, options.perKey, start), earliest(overallKey, options.overall, start));
      }
      book(key, options.perKey, start);
      book(overallKey, options.overall, start);
      if (booked.size > 10_000) {
        for (const [k, stamps] of booked) if ((stamps.at(-1) ?? 0) < at - 60_000) booked.delete(k);
      }
      if (start > at) await sleep(start - at);
    },
  };
}
