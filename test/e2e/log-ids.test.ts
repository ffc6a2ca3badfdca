import { Writable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { addDays, instantAt, localDateAt } from "../../src/core/calendar.js";
import { createLogger } from "../../src/logger.js";
import { type Service, startService } from "../../src/main.js";
import type { FakeSlack } from "../fakes/slack-api.js";
import { faultSlack, reportEvent, setUpTeam, slackEnv } from "../faults/support.js";
import { DIALECTS, type TestDatabase } from "../support/databases.js";
import { eventRequest, postToSlackEndpoint } from "../support/slack-client.js";

type Line = Record<string, unknown>;

describe.each(DIALECTS)("Log lines name what they were written for on $name", (dialect) => {
  let database: TestDatabase;
  let fake: FakeSlack;
  let service: Service;
  const lines: Line[] = [];

  beforeEach(async () => {
    lines.length = 0;
    database = await dialect.create();
    fake = await faultSlack();
    const stream = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    service = await startService(loadConfig({ ...slackEnv(database, fake), PORT: "0", LOG_LEVEL: "info" }), {
      logger: createLogger("info", stream),
      schedule: false,
      slackRetryConfig: { retries: 0, factor: 1, minTimeout: 10, maxTimeout: 10 },
    });
  });
  afterEach(async () => {
    await service.stop();
    await fake.close();
    await database.drop();
  });

  it("follows a request into the delivery it took in, and a scheduled message by its job", async () => {
    await setUpTeam(service.port, fake);
    fake.refuse("chat.postEphemeral", "internal_error", 5);
    const answered = await postToSlackEndpoint(
      service.port,
      eventRequest(reportEvent(1).payload, { headers: { "x-request-id": "lb-7f3a9c" } }),
    );
    expect(answered.status).toBe(200);
    expect(answered.requestId).toBe("lb-7f3a9c");
    await expect
      .poll(() => lines.find((l) => l.msg === "answering on Slack failed; what the message did is stored"))
      .toBeDefined();
    const failure = lines.find((l) => l.msg === "answering on Slack failed; what the message did is stored");
    expect(failure).toMatchObject({ request: "lb-7f3a9c", platform: "slack", delivery: expect.any(Number) });

    // Without a proxy's id, each request gets its own.
    const plain = await postToSlackEndpoint(service.port, eventRequest(reportEvent(2).payload));
    expect(plain.requestId).toMatch(/^[0-9a-f]{16}$/);

    // A scheduled message that fails is logged with its job.
    const team = (await service.store.listTeams())[0];
    if (!team) throw new Error("no team");
    fake.refuse("chat.postMessage", "internal_error", 100);
    const today = localDateAt(Date.now(), team.timezone);
    for (let day = 1; day <= 10 && !lines.some((l) => l.job); day++)
      await service.runJobs(instantAt(addDays(today, day), team.reminderTime, team.timezone) + 60_000);
    const jobLine = lines.find((l) => l.job);
    expect(jobLine?.msg).toBe("scheduled message failed; retrying later");
    expect(String(jobLine?.job)).toMatch(new RegExp(`^reminder:${team.id}:\\d{4}-\\d{2}-\\d{2}$`));
  });
});
