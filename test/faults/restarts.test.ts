import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FakeSlack } from "../fakes/slack-api.js";
import { DIALECTS, type TestDatabase } from "../support/databases.js";
import { type ServiceProcess, spawnService } from "../support/service-process.js";
import { deliverLikeSlack } from "../support/slack-client.js";
import {
  drained,
  faultSlack,
  reportEvent,
  setUpTeam,
  slackEnv,
  sleep,
  storedMessageIds,
  totalVisits,
} from "./support.js";

const STREAM = 40;

/**
 * A process stopped or killed in the middle of a stream of reports, then started again, as a deploy or a crash
 * does. Slack resends what was not answered; what was answered must be stored, once.
 */
describe.each(DIALECTS)("Restarts mid-stream on $name", (dialect) => {
  let database: TestDatabase;
  let fake: FakeSlack;
  let running: ServiceProcess | undefined;

  beforeEach(async () => {
    database = await dialect.create();
    fake = await faultSlack();
  });
  afterEach(async () => {
    if (running && running.child.exitCode === null && running.child.signalCode === null) {
      running.signal("SIGKILL");
      await running.exited();
    }
    await fake.close();
    await database.drop();
  });

  async function streamWithStop(stop: (service: ServiceProcess) => void) {
    let service = await spawnService(slackEnv(database, fake), { leaseMs: 2000 });
    running = service;
    let port = service.port;
    await setUpTeam(port, fake);
    // Every confirmation takes a while, so reports are still being handled when the process is stopped.
    fake.slow("chat.postEphemeral", 200);
    const events = Array.from({ length: STREAM }, (_, n) => reportEvent(n));
    const outcomes: Array<Promise<{ acknowledged: boolean }>> = [];
    let stoppedAt = 0;
    for (const [n, event] of events.entries()) {
      outcomes.push(deliverLikeSlack(() => port, event.payload));
      await sleep(25);
      if (n === STREAM / 2) {
        stoppedAt = Date.now();
        stop(service);
      }
    }
    const exit = await service.exited();
    service = await spawnService(slackEnv(database, fake), { leaseMs: 2000 });
    running = service;
    port = service.port;
    const results = await Promise.all(outcomes);
    await drained(database);
    const acknowledged = events.filter((_, n) => results[n]?.acknowledged).map((e) => e.messageId);
    return { events, acknowledged, exit, stoppedAt };
  }

  async function expectEveryAcknowledgedStoredOnce(run: Awaited<ReturnType<typeof streamWithStop>>) {
    // Slack's retries reach the restarted process, so in the end every report was acknowledged...
    expect(run.acknowledged).toHaveLength(STREAM);
    // ...and every acknowledged one is stored, once.
    expect(await storedMessageIds(database)).toEqual([...run.acknowledged].sort());
    expect(await totalVisits(database)).toBe(run.acknowledged.length);
    // Each rep saw their ✅ on every report.
    const reacted = new Set(fake.callsTo("reactions.add").map((c) => c.args.timestamp));
    expect(run.events.filter((e) => !reacted.has(e.ts))).toEqual([]);
  }

  it("SIGTERM: drains within 10 s; after the restart every acknowledged report is stored once", async () => {
    const run = await streamWithStop((s) => s.signal("SIGTERM"));
    expect(run.exit.code).toBe(0);
    expect(run.exit.at - run.stoppedAt).toBeLessThan(10_000);
    await expectEveryAcknowledgedStoredOnce(run);
  }, 90_000);

  it("kill -9: after the restart every acknowledged report is stored once", async () => {
    await expectEveryAcknowledgedStoredOnce(await streamWithStop((s) => s.signal("SIGKILL")));
  }, 90_000);
});
