import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/app/logger.js";
import { loadConfig } from "../../src/config.js";
import { type Service, startService } from "../../src/main.js";
import { type FakeSlack, startFakeSlack } from "../fakes/slack-api.js";
import { startFakeSlackSocket } from "../fakes/slack-socket.js";
import { DIALECTS, type TestDatabase } from "../support/databases.js";
import { holdDatabase } from "../support/hold-database.js";
import { slackFixture, slashCommand } from "../support/slack-client.js";

describe.each(DIALECTS)("Slack in Socket Mode on $name", (dialect) => {
  let database: TestDatabase;
  let service: Service;
  let fake: FakeSlack;
  let socket: Awaited<ReturnType<typeof startFakeSlackSocket>>;
  let config: ReturnType<typeof loadConfig>;

  beforeEach(async () => {
    database = await dialect.create();
    socket = await startFakeSlackSocket();
    fake = await startFakeSlack({
      socketUrl: socket.url,
      users: { U123ABC456: { name: "Ayu" }, U0MAYA0001: { name: "Maya", tz: "Asia/Makassar" } },
    });
    config = loadConfig({
      DATABASE_URL: database.url,
      PORT: "0",
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_APP_TOKEN: "xapp-1-test-token",
      SLACK_API_URL: fake.apiUrl,
      LOG_LEVEL: "silent",
    });
    service = await startService(config, {
      logger: silentLogger,
      schedule: false,
      slackRetryConfig: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 50 },
    });
    await socket.connected();
  });
  afterEach(async () => {
    await service.stop();
    await socket.close();
    await fake.close();
    await database.drop();
  });

  it("connects through apps.connections.open and answers commands and events over the socket", async () => {
    expect(fake.callsTo("apps.connections.open")).toHaveLength(1);
    const command = (text: string, user: string, n: number) =>
      Object.fromEntries(
        new URLSearchParams(
          slashCommand({ text, user_id: user, response_url: fake.responseUrl(`socket-${n}`) }),
        ),
      );
    // A slash command is acknowledged on the socket at once; the answer follows through response_url.
    expect((await socket.send("slash_commands", command("setup", "U0MAYA0001", 1))).envelope_id).toBe(
      "env-1",
    );
    await fake.waitFor(() => fake.responses.some((r) => r.path.endsWith("/socket-1")));
    expect(JSON.stringify(fake.responses.at(-1)?.body)).toContain("Time zone Asia/Makassar");

    const event = slackFixture("message-channel.json");
    event.event.ts = `${Math.floor(Date.now() / 1000)}.000100`;
    await socket.send("events_api", event);
    await fake.waitFor(() => fake.callsTo("chat.postEphemeral").length === 1);
    expect(String(fake.callsTo("chat.postEphemeral")[0]?.args.text)).toContain(
      "✅ Logged for today: 4 visits · 2 follow-ups",
    );
    expect(fake.callsTo("reactions.add")).toHaveLength(1);
  });

  it("acknowledges an envelope only once it is recorded: held back while the database is, redelivered after", async () => {
    const setup = Object.fromEntries(
      new URLSearchParams(
        slashCommand({ text: "setup", user_id: "U0MAYA0001", response_url: fake.responseUrl(9) }),
      ),
    );
    await socket.send("slash_commands", setup);
    await fake.waitFor(() => fake.responses.some((r) => r.path.endsWith("/respond/9")));
    const event = slackFixture("message-channel.json");
    event.event.ts = `${Math.floor(Date.now() / 1000)}.000200`;
    const release = await holdDatabase(database);
    const unanswered = await Promise.race([
      socket.send("events_api", event).then(() => "acknowledged"),
      new Promise((resolve) => setTimeout(() => resolve("no ack"), 2000)),
    ]);
    expect(unanswered).toBe("no ack");
    // A command cannot wait for a redelivery: its ack tells the rep nothing was saved.
    const refused = await socket.send(
      "slash_commands",
      Object.fromEntries(new URLSearchParams(slashCommand({ text: "met 1 client" }))),
    );
    expect(JSON.stringify(refused.payload)).toContain("nothing was recorded");
    await release();
    // Slack sends the unacknowledged event again; this time it is recorded, acknowledged and handled.
    const ack = await socket.send("events_api", event, { retry_attempt: 1, retry_reason: "timeout" });
    expect(ack.envelope_id).toBeTruthy();
    await fake.waitFor(() => fake.callsTo("chat.postEphemeral").length >= 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.callsTo("reactions.add")).toHaveLength(1);
  });

  it("two replicas on one database share the socket's envelopes: every event acknowledged, stored and answered once", async () => {
    // A second replica of the same app: same database, same tokens, its own Socket Mode connection.
    const second = await startService(config, { logger: silentLogger, schedule: false });
    try {
      await socket.connected(2);
      const setup = Object.fromEntries(
        new URLSearchParams(
          slashCommand({ text: "setup", user_id: "U0MAYA0001", response_url: fake.responseUrl(5) }),
        ),
      );
      await socket.send("slash_commands", setup, {}, 0);
      await fake.waitFor(() => fake.responses.some((r) => r.path.endsWith("/respond/5")));
      const stamp = Math.floor(Date.now() / 1000);
      const events = Array.from({ length: 20 }, (_, n) => {
        const event = slackFixture("message-channel.json");
        event.event_id = `EvShared${n}`;
        event.event.text = "met 1 client";
        event.event.ts = `${stamp}.${String(n).padStart(6, "0")}`;
        return event;
      });
      // Slack spreads envelopes over the app's connections, and may redeliver one on another connection.
      const acks = await Promise.all([
        ...events.map((event, n) => socket.send("events_api", event, {}, n % 2)),
        ...events
          .slice(0, 6)
          .map((event, n) =>
            socket.send("events_api", event, { retry_attempt: 1, retry_reason: "timeout" }, (n + 1) % 2),
          ),
      ]);
      expect(acks).toHaveLength(26);
      await fake.waitFor(() => fake.callsTo("chat.postEphemeral").length >= 20);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(fake.callsTo("chat.postEphemeral")).toHaveLength(20);
      const stored = await database.connection.db
        .selectFrom("reports")
        .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.sum<number>("visits").as("visits")])
        .executeTakeFirstOrThrow();
      expect({ n: Number(stored.n), visits: Number(stored.visits) }).toEqual({ n: 20, visits: 20 });
    } finally {
      await second.stop();
    }
  });
});
