import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createBot } from "../../src/app/bot.js";
import { createIntake } from "../../src/app/intake.js";
import { silentLogger } from "../../src/app/logger.js";
import type { Store } from "../../src/app/ports.js";
import { nextArrival } from "../../src/core/pacing.js";
import type { Team } from "../../src/core/team.js";
import { type Connection, connect } from "../../src/db/connect.js";
import { createStore } from "../../src/db/store.js";
import { createSlackAdapter } from "../../src/platforms/slack/slack-adapter.js";
import { type FakeSlack, startFakeSlack } from "../fakes/slack-api.js";
import { DIALECTS, type TestDatabase } from "../support/databases.js";
import { busiestWindow } from "../support/windows.js";

/** Ten a second instead of Slack's one, so that 40 messages take four seconds rather than forty. */
const LIMIT = { limit: 10, windowMs: 1000 };
/** How much later than its slot a request may arrive at the fake, from scheduling and the network alone. */
const JITTER_MS = 100;

/** One replica's sending side: its own database connection, and the real Slack adapter with its Web API client. */
function replica(
  url: string,
  fake: FakeSlack,
): { store: Store; connection: Connection; post: (team: Team, n: number) => Promise<void> } {
  const connection = connect(url);
  const store = createStore(connection.db);
  const intake = createIntake({ store, logger: silentLogger, clock: Date.now });
  const slack = createSlackAdapter({
    botToken: "xoxb-test-token",
    signingSecret: "unused",
    apiUrl: fake.apiUrl,
    store,
    bot: createBot({ store, logger: silentLogger, defaults: { timeZone: "Asia/Jakarta", locale: "en" } }),
    intake,
    logger: silentLogger,
    clock: Date.now,
    defaultLocale: "en",
    channelLimit: LIMIT,
  });
  return {
    store,
    connection,
    post: (team, n) => slack.messenger.postToTeam(team, { tone: "info", lines: [`message ${n}`] }),
  };
}

describe.each(DIALECTS)("Outbound pacing across replicas on $name", (dialect) => {
  let database: TestDatabase;
  let fake: FakeSlack;
  let connections: Connection[] = [];

  beforeEach(async () => {
    database = await dialect.create();
    fake = await startFakeSlack();
  });
  afterEach(async () => {
    await Promise.all(connections.map((c) => c.close()));
    connections = [];
    await fake.close();
    await database.drop();
  });

  it("two replicas posting 40 messages to one channel at once stay within the channel's limit in total", async () => {
    const store = createStore(database.connection.db);
    const at = new Date().toISOString();
    const workspaceId = await store.ensureWorkspace("slack", "T123ABC456", "Acme", at);
    const team = await store.createTeam(
      { workspaceId, externalId: "C0PACED001", name: "#sales", timezone: "Asia/Jakarta", locale: "en" },
      at,
    );
    const other = await store.createTeam(
      { workspaceId, externalId: "C0OTHER001", name: "#sales-bdg", timezone: "Asia/Jakarta", locale: "en" },
      at,
    );
    const a = replica(database.url, fake);
    const b = replica(database.url, fake);
    connections = [a.connection, b.connection];
    // Running replicas have their connections open: a first request's handshake would read as jitter.
    const warmUp = await store.createTeam(
      { workspaceId, externalId: "C0WARMUP01", name: "#warm-up", timezone: "Asia/Jakarta", locale: "en" },
      at,
    );
    await Promise.all([a.post(warmUp, -1), b.post(warmUp, -2)]);

    await Promise.all([
      ...Array.from({ length: 20 }, (_, n) => a.post(team, n)),
      ...Array.from({ length: 20 }, (_, n) => b.post(team, 20 + n)),
      // Another channel is not held back by this one's queue.
      a.post(other, 99),
    ]);

    const posts = fake.callsTo("chat.postMessage").filter((c) => c.args.channel === team.externalId);
    expect(posts.map((c) => c.args.text).sort()).toEqual(
      Array.from({ length: 40 }, (_, n) => `message ${n}`).sort(),
    );
    const times = posts.map((c) => c.at);
    // Ten in any second, give or take one that the network delivered a moment late beside one that was not.
    // Each replica pacing only itself would let 20 through in the first second.
    expect(busiestWindow(times, 1000)).toBeLessThanOrEqual(LIMIT.limit + 1);
    // In all: 40 at ten a second take at least 3.9 s from the first to the last.
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThanOrEqual(3900 - JITTER_MS);
    const otherPost = fake.callsTo("chat.postMessage").find((c) => c.args.channel === other.externalId);
    expect((otherPost?.at ?? Number.POSITIVE_INFINITY) - Math.min(...times)).toBeLessThan(1000);
  });

  it("books slots in the database exactly as the pace says, and forgets keys long idle", async () => {
    const store = createStore(database.connection.db);
    const pace = { intervalMs: 250, toleranceMs: 0 };
    let tat: number | null = null;
    const base = Date.parse("2026-12-01T00:00:00.000Z");
    for (const offset of [0, 10, 20, 900, 5000, 5001]) {
      const now = base + offset;
      tat = nextArrival(tat, now, pace);
      expect(await store.reserveSendSlot("test:C1", now, pace.intervalMs, 60_000)).toBe(tat);
    }
    expect(await store.reserveSendSlot("test:C2", base, 1000, 60_000)).toBe(base + 1000);
    await store.pruneLedgers(new Date(base + 3000).toISOString());
    // C2's last slot was long past, so it starts afresh; C1's is still ahead and is kept.
    expect(await store.reserveSendSlot("test:C2", base + 4000, 1000, 60_000)).toBe(base + 5000);
    expect(await store.reserveSendSlot("test:C1", base, pace.intervalMs, 60_000)).toBe(
      (tat ?? 0) + pace.intervalMs,
    );
    // A slot booked an hour ahead by a replica whose clock ran fast holds this one back a minute at most.
    const fast = base + 3_600_000;
    expect(await store.reserveSendSlot("test:C3", fast, 1000, 60_000)).toBe(fast + 1000);
    expect(await store.reserveSendSlot("test:C3", base, 1000, 60_000)).toBe(base + 60_000 + 1000);
  });
});
