import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeSlack } from "../fakes/slack-api.js";
import { BOT_TOKEN, type FakeTelegram, startFakeTelegram } from "../fakes/telegram-api.js";
import { runCli } from "../support/cli.js";
import { DIALECTS, type TestDatabase } from "../support/databases.js";
import { type ServiceProcess, spawnService } from "../support/service-process.js";
import { postToSlackEndpoint } from "../support/slack-client.js";
import { WEBHOOK_SECRET, WEBHOOK_URL } from "../support/telegram-service.js";
import { faultSlack, slackEnv } from "./support.js";

const [sqlite] = DIALECTS;

function missingDatabase(url: string): string {
  const parsed = new URL(url);
  parsed.pathname = "/corong_no_such_database";
  parsed.search = "";
  return parsed.toString();
}

/** Bodies that are JSON but not a payload, and bodies that are not JSON at all. */
const BAD_JSON = ["null", "[]", "42", '"text"', "true", "{}", '{"type":"event_callback"}', "{", ""];

describe("bad input never stops the process", () => {
  let database: TestDatabase;
  let slack: FakeSlack;
  let telegram: FakeTelegram;
  let service: ServiceProcess;

  beforeAll(async () => {
    if (!sqlite) throw new Error("no SQLite");
    database = await sqlite.create();
    slack = await faultSlack();
    telegram = await startFakeTelegram();
    service = await spawnService({
      ...slackEnv(database, slack),
      TELEGRAM_BOT_TOKEN: BOT_TOKEN,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      TELEGRAM_WEBHOOK_URL: WEBHOOK_URL,
      TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
    });
  }, 30_000);
  afterAll(async () => {
    service.signal("SIGTERM");
    await service.exited();
    await slack.close();
    await telegram.close();
    await database.drop();
  });

  async function nothingRecorded() {
    const { rows } = await sql<{ n: number }>`select count(*) as n from inbox`.execute(
      database.connection.db,
    );
    expect(Number(rows[0]?.n)).toBe(0);
    expect(service.child.exitCode).toBeNull();
    expect((await fetch(`http://127.0.0.1:${service.port}/healthz`)).status).toBe(200);
  }

  it.each(BAD_JSON)("answers a signed Slack JSON body %j with 400 and records nothing", async (body) => {
    const response = await postToSlackEndpoint(service.port, { body, contentType: "application/json" });
    expect(response.status).toBe(400);
    await nothingRecorded();
  });

  it.each(["payload=null", "payload=%5B", "payload=%7B%7D", "command=%2Fsales", ""])(
    "answers a signed Slack form body %j with 400 and records nothing",
    async (body) => {
      const response = await postToSlackEndpoint(service.port, {
        body,
        contentType: "application/x-www-form-urlencoded",
      });
      expect(response.status).toBe(400);
      await nothingRecorded();
    },
  );

  it("refuses a body that is too large without reading it", async () => {
    const body = JSON.stringify({ type: "event_callback", padding: "x".repeat(2 * 1024 * 1024) });
    // 413, or the connection closed before the client finished sending: either way nothing is taken in.
    const status = await postToSlackEndpoint(service.port, { body, contentType: "application/json" }).then(
      (r) => r.status,
      () => 413,
    );
    expect(status).toBe(413);
    await nothingRecorded();
  });

  it.each([...BAD_JSON, '{"update_id":"7"}', '{"update_id":-1}'])(
    "answers a Telegram webhook body %j with the right secret with 400 and records nothing",
    async (body) => {
      const response = await fetch(`http://127.0.0.1:${service.port}${new URL(WEBHOOK_URL).pathname}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": WEBHOOK_SECRET },
        body,
      });
      expect(response.status).toBe(400);
      await nothingRecorded();
    },
  );

  it("refuses a Telegram webhook call without the secret with 403", async () => {
    const response = await fetch(`http://127.0.0.1:${service.port}${new URL(WEBHOOK_URL).pathname}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "guess" },
      body: '{"update_id":1,"message":{"message_id":1,"date":0,"chat":{"id":1,"type":"private"},"text":"hi"}}',
    });
    expect(response.status).toBe(403);
    await nothingRecorded();
  });
});

describe("a database that cannot be opened stops start-up with one line", () => {
  const notADatabase = join(tmpdir(), `corong-not-a-db-${process.pid}.db`);
  writeFileSync(notADatabase, "this is a text file, not SQLite\n".repeat(100));
  const postgres = process.env.TEST_POSTGRES_URL;
  const cases: Array<[string, string, RegExp]> = [
    ["an unparseable URL", "postgres://bad host:xx/db", /DATABASE_URL: is not a valid URL/],
    ["a folder that cannot be made", "sqlite:/proc/x/y.db", /DATABASE_URL: cannot create the folder/],
    ["a file that is not SQLite", `sqlite:${notADatabase}`, /DATABASE_URL: .* is not a SQLite database/],
    [
      "a server that refuses connections",
      "postgres://postgres@127.0.0.1:1/test",
      /DATABASE_URL: cannot connect to PostgreSQL at 127\.0\.0\.1:1\/test: connection refused/,
    ],
    ...(postgres
      ? ([
          [
            "a database that does not exist",
            missingDatabase(postgres),
            /DATABASE_URL: .*database "corong_no_such_database" does not exist.*createdb/,
          ],
        ] as Array<[string, string, RegExp]>)
      : []),
  ];

  it.each(cases)("%s", async (_name, url, expected) => {
    const started = Date.now();
    const result = await runCli(["migrate"], { env: { DATABASE_URL: url } });
    expect(Date.now() - started).toBeLessThan(8000);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split("\n");
    const named = lines.filter((line) => line.includes("DATABASE_URL"));
    expect(named).toHaveLength(1);
    expect(named[0]).toMatch(expected);
    // No stack trace: what an operator can fix is said in words.
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
