import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/app/logger.js";
import { loadConfig } from "../../src/config.js";
import { type Service, startService } from "../../src/main.js";
import type { FakeSlack } from "../fakes/slack-api.js";
import { DIALECTS, type TestDatabase } from "../support/databases.js";
import {
  commandRequest,
  eventRequest,
  postToSlackEndpoint,
  SIGNING_SECRET,
  sign,
  slashCommand,
} from "../support/slack-client.js";
import { AYU } from "../support/slack-service.js";
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

async function replica(database: TestDatabase, fake: FakeSlack): Promise<Service> {
  return startService(loadConfig({ ...slackEnv(database, fake), PORT: "0" }), {
    logger: silentLogger,
    schedule: false,
    slackRetryConfig: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 50 },
  });
}

describe.each(DIALECTS)("Replicas and replays on $name", (dialect) => {
  let database: TestDatabase;
  let fake: FakeSlack;
  let services: Service[] = [];

  beforeEach(async () => {
    database = await dialect.create();
    fake = await faultSlack();
  });
  afterEach(async () => {
    await Promise.all(services.map((s) => s.stop()));
    services = [];
    await fake.close();
    await database.drop();
  });

  it("two replicas receiving the same 20 events at the same moment handle each once", async () => {
    const a = await replica(database, fake);
    const b = await replica(database, fake);
    services = [a, b];
    await setUpTeam(a.port, fake);
    const events = Array.from({ length: 20 }, (_, n) => reportEvent(n));
    const answers = await Promise.all(
      events.flatMap((e) => [a, b].map((s) => postToSlackEndpoint(s.port, eventRequest(e.payload)))),
    );
    expect(answers.map((r) => r.status)).toEqual(answers.map(() => 200));
    await drained(database);
    await fake.waitFor(() => fake.callsTo("chat.postEphemeral").length >= 20);
    // A moment more, for any second handling to show itself.
    await sleep(500);
    expect(await storedMessageIds(database)).toEqual(events.map((e) => e.messageId).sort());
    expect(fake.callsTo("reactions.add")).toHaveLength(20);
    expect(fake.callsTo("chat.postEphemeral")).toHaveLength(20);
  });

  it("a signed /sales undo replayed five times withdraws one report", async () => {
    const service = await replica(database, fake);
    services = [service];
    await setUpTeam(service.port, fake);
    for (const [n, visits] of [3, 4].entries()) {
      const url = fake.responseUrl(`report-${n}`);
      await postToSlackEndpoint(
        service.port,
        commandRequest(slashCommand({ text: `met ${visits} clients`, user_id: AYU, response_url: url })),
      );
      await fake.waitFor(() => fake.responses.some((r) => r.path.endsWith(`/report-${n}`)));
    }
    // One invocation, captured with its signature and sent again and again within Slack's window.
    const body = slashCommand({ text: "undo", user_id: AYU, response_url: fake.responseUrl("undo") });
    const timestamp = Math.floor(Date.now() / 1000);
    const replay = () =>
      fetch(`http://127.0.0.1:${service.port}/slack/events`, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "x-slack-request-timestamp": String(timestamp),
          "x-slack-signature": sign(SIGNING_SECRET, timestamp, body),
        },
        body,
      }).then((r) => r.status);
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push(await replay());
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    await drained(database);
    await sleep(300);
    expect(fake.responses.filter((r) => r.path.endsWith("/undo"))).toHaveLength(1);
    expect(String(fake.responses.find((r) => r.path.endsWith("/undo"))?.body.text)).toContain(
      "Withdrawn: 4 visits",
    );
    expect(await totalVisits(database)).toBe(3);
  });

  it("a signed report command replayed 100 times is stored and answered once", async () => {
    const service = await replica(database, fake);
    services = [service];
    await setUpTeam(service.port, fake);
    const body = slashCommand({
      text: "met 2 clients",
      user_id: AYU,
      response_url: fake.responseUrl("once"),
    });
    const request = commandRequest(body, { timestamp: Math.floor(Date.now() / 1000) });
    const statuses = await Promise.all(
      Array.from({ length: 100 }, () => postToSlackEndpoint(service.port, request).then((r) => r.status)),
    );
    expect(new Set(statuses)).toEqual(new Set([200]));
    await drained(database);
    await sleep(300);
    expect(fake.responses.filter((r) => r.path.endsWith("/once"))).toHaveLength(1);
    expect(await totalVisits(database)).toBe(2);
  });
});
