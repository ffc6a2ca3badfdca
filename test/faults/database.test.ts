import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FakeSlack } from "../fakes/slack-api.js";
import { DIALECTS, type TestDatabase } from "../support/databases.js";
import { holdDatabase } from "../support/hold-database.js";
import { type ServiceProcess, spawnService } from "../support/service-process.js";
import {
  commandRequest,
  deliverLikeSlack,
  postToSlackEndpoint,
  slashCommand,
} from "../support/slack-client.js";
import {
  drained,
  faultSlack,
  REPS,
  reportEvent,
  setUpTeam,
  slackEnv,
  sleep,
  storedMessageIds,
  totalVisits,
} from "./support.js";

/** How long the database is held, as another process or a long migration would. */
const HOLD_MS = 8000;

interface Timed {
  ms: number;
  status: number;
  text: string;
}

async function timed(work: () => Promise<{ status: number; text: string }>): Promise<Timed> {
  const started = Date.now();
  const { status, text } = await work();
  return { ms: Date.now() - started, status, text };
}

/** Polls /healthz every 200 ms until `until` resolves, timing each answer. */
async function watchHealth(port: number, until: Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  let done = false;
  void until.then(() => {
    done = true;
  });
  while (!done) {
    const t = await timed(async () => {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(5000) });
      return { status: response.status, text: await response.text() };
    });
    times.push(t.status === 200 ? t.ms : Number.POSITIVE_INFINITY);
    await sleep(200);
  }
  return times;
}

describe.each(DIALECTS)("A database that is held or drops connections, on $name", (dialect) => {
  let database: TestDatabase;
  let fake: FakeSlack;
  let service: ServiceProcess | undefined;

  beforeEach(async () => {
    database = await dialect.create();
    fake = await faultSlack();
  });
  afterEach(async () => {
    if (service && service.child.exitCode === null) {
      service.signal("SIGKILL");
      await service.exited();
    }
    service = undefined;
    await fake.close();
    await database.drop();
  });

  /**
   * Holds the database for HOLD_MS: the whole SQLite file, or the Postgres reports table (so deliveries can still be
   * recorded, and wait to be handled).
   */
  async function hold(): Promise<{ released: Promise<void> }> {
    const release = await holdDatabase(database, "reports");
    return { released: sleep(HOLD_MS).then(release) };
  }

  it("answers every slash command within 3 s and /healthz within 1 s while the database is held for 8 s", async () => {
    service = await spawnService(slackEnv(database, fake));
    const { port } = service;
    await setUpTeam(port, fake);
    const { released } = await hold();
    const health = watchHealth(port, released);
    const commands: Array<Promise<Timed & { trigger: string; n: number }>> = [];
    const events: Array<Promise<{ acknowledged: boolean }>> = [];
    for (let n = 0; n < 12; n++) {
      const body = slashCommand({
        text: "met 1 client",
        user_id: REPS[n % REPS.length] ?? "",
        response_url: fake.responseUrl(`held-${n}`),
      });
      const trigger = new URLSearchParams(body).get("trigger_id") ?? "";
      commands.push(
        timed(() => postToSlackEndpoint(port, commandRequest(body, { timeoutMs: 5000 }))).then((t) => ({
          ...t,
          trigger,
          n,
        })),
      );
      if (n % 3 === 0) events.push(deliverLikeSlack(() => port, reportEvent(n).payload));
      await sleep(HOLD_MS / 12);
    }
    const answered = await Promise.all(commands);
    await released;
    const healthTimes = await health;
    const eventOutcomes = await Promise.all(events);
    await drained(database);

    expect(answered.filter((c) => c.status !== 200 || c.ms >= 3000)).toEqual([]);
    expect(healthTimes.filter((ms) => ms >= 1000)).toEqual([]);
    // A command that could not be recorded says so in its answer; every other one was recorded, and is stored.
    const refused = answered.filter((c) => c.text.includes("nothing was recorded"));
    const recorded = answered.filter((c) => !c.text.includes("nothing was recorded"));
    const acknowledgedEvents = eventOutcomes.filter((e) => e.acknowledged).length;
    expect(acknowledgedEvents).toBe(events.length);
    const stored = await storedMessageIds(database);
    expect(stored.filter((id) => id.startsWith("command:"))).toEqual(
      recorded.map((c) => `command:${c.trigger}`).sort(),
    );
    expect(await totalVisits(database)).toBe(recorded.length + acknowledgedEvents);
    // Every recorded command was confirmed through its response_url once the database was back.
    for (const c of recorded) {
      await fake.waitFor(() =>
        fake.responses.some(
          (r) => r.path.endsWith(`/held-${c.n}`) && String(r.body.text).includes("✅ Logged"),
        ),
      );
    }
    if (dialect.name === "postgres") expect(refused).toEqual([]);
  }, 60_000);

  it.runIf(dialect.name === "postgres")(
    "stays up while its connections are terminated every 0.7 s, and stores every acknowledged report once",
    async () => {
      const url = `${database.url}&application_name=corong_fault`;
      service = await spawnService(slackEnv(database, fake, url), { leaseMs: 2000 });
      const { port } = service;
      await setUpTeam(port, fake);
      const admin = new pg.Client({ connectionString: database.url });
      await admin.connect();
      let terminating = true;
      let terminated = 0;
      const terminator = (async () => {
        while (terminating) {
          const { rowCount } = await admin.query(
            "select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'corong_fault'",
          );
          terminated += rowCount ?? 0;
          await sleep(700);
        }
      })();
      const stream = Array.from({ length: 100 }, (_, n) => reportEvent(n));
      const outcomes: Array<Promise<{ acknowledged: boolean }>> = [];
      for (const event of stream) {
        outcomes.push(deliverLikeSlack(() => port, event.payload));
        await sleep(60);
      }
      const results = await Promise.all(outcomes);
      terminating = false;
      await terminator;
      await admin.end();
      await drained(database);

      expect(terminated).toBeGreaterThan(5);
      expect(service.child.exitCode).toBeNull();
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      const acknowledged = stream.filter((_, n) => results[n]?.acknowledged).map((e) => e.messageId);
      expect(acknowledged).toHaveLength(stream.length);
      expect(await storedMessageIds(database)).toEqual([...acknowledged].sort());
      expect(await totalVisits(database)).toBe(acknowledged.length);
    },
    90_000,
  );
});
