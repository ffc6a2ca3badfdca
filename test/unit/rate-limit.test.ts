import { describe, expect, it } from "vitest";
import { createSendPacer } from "../../src/platforms/rate-limit.js";

/** A pacer on a clock the test moves: sleeping advances time instead of waiting. */
function pacedClock(options: Parameters<typeof createSendPacer>[0]) {
  let now = 0;
  const sendsAt: number[] = [];
  const pacer = createSendPacer({
    ...options,
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

  it("lets a burst under Telegram's 20-per-minute group limit out at once, then waits for the window", async () => {
    const clock = pacedClock({
      perKey: { limit: 20, windowMs: 60_000 },
      overall: { limit: 30, windowMs: 1000 },
    });
    for (let i = 0; i < 21; i++) await clock.send("group");
    expect(clock.sendsAt.slice(0, 20).every((t) => t === 0)).toBe(true);
    expect(clock.sendsAt[20]).toBe(60_000);
  });

  it("keeps Telegram's 30 per second overall across chats", async () => {
    const clock = pacedClock({
      perKey: { limit: 20, windowMs: 60_000 },
      overall: { limit: 30, windowMs: 1000 },
    });
    for (let i = 0; i < 31; i++) await clock.send(`user-${i}`);
    expect(clock.sendsAt[29]).toBe(0);
    expect(clock.sendsAt[30]).toBe(1000);
  });
});
