/**
 * Spaces out sends per key (a channel, a chat) and overall, the way platforms ask bots to: Slack about one
 * message per second per channel, Telegram 30 per second overall and 20 per minute per group. Callers await
 * their slot; nothing is dropped.
 */
export function createSendPacer(options: {
  /** Minimum gap between two sends to the same key. */
  perKeyIntervalMs: number;
  /** Minimum gap between any two sends. */
  overallIntervalMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}) {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  const nextByKey = new Map<string, number>();
  let nextOverall = 0;
  return {
    /** Resolves when a send to `key` may go out, and books that slot. */
    async slot(key: string): Promise<void> {
      const at = now();
      const start = Math.max(at, nextByKey.get(key) ?? 0, nextOverall);
      nextByKey.set(key, start + options.perKeyIntervalMs);
      nextOverall = start + (options.overallIntervalMs ?? 0);
      if (nextByKey.size > 10_000) {
        for (const [k, next] of nextByKey) if (next < at) nextByKey.delete(k);
      }
      if (start > at) await sleep(start - at);
    },
  };
}
