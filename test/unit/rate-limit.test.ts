import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nextArrival, paceOf, type RateLimit, slotOf } from "../../src/core/pacing.js";
import { createSendPacer, MAX_WAIT_MS } from "../../src/platforms/rate-limit.js";
import { busiestWindow } from "../support/windows.js";

/**
 * A pacer on a clock the test moves (sleeping advances time instead of waiting), booking its slots the way the
 * database does: `max(tat, now) + interval`, one number per key.
 */
function pacedClock(options: { perKey?: RateLimit; overall?: RateLimit }) {
  let now = 0;
  const sendsAt: number[] = [];
  const tats = new Map<string, number>();
  const pacer = createSendPacer({
    scope: "test",
    ...options,
    reserve: async (key, at, intervalMs, maxAheadMs) => {
      const tat = nextArrival(tats.get(key) ?? null, at, { intervalMs, toleranceMs: 0 }, maxAheadMs);
      tats.set(key, tat);
      return tat;
    },
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
  });
  return {
    async send(key: string) {
      await pacer.slot(key);
      sendsAt.push(now);
    },
    sendsAt,
  };
}

describe("send pacing", () => {
  it("keeps one message per second per Slack channel, without holding back other channels", async () => {
    const clock = pacedClock({ perKey: { limit: 1, windowMs: 1000 } });
    await clock.send("C1");
    await clock.send("C2");
    await clock.send("C1");
    await clock.send("C1");
    expect(clock.sendsAt).toEqual([0, 0, 1000, 2000]);
  });

  it("lets a digest's text and chart into a Telegram group at once, then keeps within 20 a minute", async () => {
    const clock = pacedClock({
      perKey: { limit: 20, windowMs: 60_000, burst: 4 },
      overall: { limit: 30, windowMs: 1000, burst: 10 },
    });
    for (let i = 0; i < 60; i++) await clock.send("group");
    expect(clock.sendsAt.slice(0, 4)).toEqual([0, 0, 0, 0]);
    expect(busiestWindow(clock.sendsAt, 60_000)).toBe(20);
  });

  it("keeps Telegram's 30 per second overall across chats", async () => {
    const clock = pacedClock({
      perKey: { limit: 20, windowMs: 60_000, burst: 4 },
      overall: { limit: 30, windowMs: 1000, burst: 10 },
    });
    for (let i = 0; i < 200; i++) await clock.send(`user-${i}`);
    expect(clock.sendsAt.slice(0, 10).every((t) => t === 0)).toBe(true);
    expect(busiestWindow(clock.sendsAt, 1000)).toBeLessThanOrEqual(30);
  });

  it("does not hold other chats back behind one busy group", async () => {
    const tats = new Map<string, number>();
    let waited = 0;
    const pacer = createSendPacer({
      scope: "telegram",
      perKey: { limit: 20, windowMs: 60_000, burst: 4 },
      overall: { limit: 30, windowMs: 1000, burst: 10 },
      reserve: async (key, at, intervalMs, maxAheadMs) => {
        const tat = nextArrival(tats.get(key) ?? null, at, { intervalMs, toleranceMs: 0 }, maxAheadMs);
        tats.set(key, tat);
        return tat;
      },
      // Every send asks at the same instant, as a tick's sends do.
      now: () => 0,
      sleep: async (ms) => {
        waited += ms;
      },
    });
    for (let i = 0; i < 10; i++) await pacer.slot("group");
    expect(waited).toBeGreaterThan(20_000);
    waited = 0;
    await pacer.slot("a-rep's-private-chat");
    expect(waited).toBeLessThan(100);
  });

  it("waits at most a couple of minutes for a slot, whatever a fast clock booked", async () => {
    let waited = 0;
    const pacer = createSendPacer({
      scope: "slack",
      perKey: { limit: 1, windowMs: 1000 },
      // A replica an hour ahead booked the channel's next slot.
      reserve: async () => 3_600_000,
      now: () => 0,
      sleep: async (ms) => {
        waited += ms;
      },
    });
    await pacer.slot("C1");
    expect(waited).toBe(MAX_WAIT_MS);
  });

  it("never lets more than the limit into any window, whatever the limit, burst and arrivals", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 100, max: 60_000 }),
        fc.array(fc.integer({ min: 0, max: 120_000 }), { minLength: 1, maxLength: 120 }),
        (limit, burst, windowMs, arrivals) => {
          const pace = paceOf({ limit, windowMs, burst });
          let tat: number | null = null;
          const sends = [...arrivals]
            .sort((a, b) => a - b)
            .map((now) => {
              tat = nextArrival(tat, now, pace);
              return slotOf(tat, now, pace);
            });
          expect(busiestWindow(sends, windowMs)).toBeLessThanOrEqual(limit);
        },
      ),
    );
  });
});
