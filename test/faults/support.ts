import { sql } from "kysely";
import type { FakeSlack } from "../fakes/slack-api.js";
import { startFakeSlack } from "../fakes/slack-api.js";
import type { TestDatabase } from "../support/databases.js";
import {
  commandRequest,
  postToSlackEndpoint,
  SIGNING_SECRET,
  slackFixture,
  slashCommand,
} from "../support/slack-client.js";
import { AYU, CHANNEL, MAYA } from "../support/slack-service.js";

/** Four reps, so a stream of reports is four people's messages, each person's handled in order. */
export const REPS = [AYU, "U0REP00002", "U0REP00003", "U0REP00004"] as const;

export async function faultSlack(): Promise<FakeSlack> {
  return startFakeSlack({
    users: Object.fromEntries([
      [MAYA, { name: "Maya" }],
      ...REPS.map((id, i) => [id, { name: `Rep ${i + 1}` }]),
    ]),
    channels: { [CHANNEL]: [MAYA, ...REPS] },
  });
}

/** The environment of a service that talks to the fake Slack over HTTP. */
export function slackEnv(
  database: TestDatabase,
  fake: FakeSlack,
  url = database.url,
): Record<string, string> {
  return {
    DATABASE_URL: url,
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    LOG_LEVEL: "error",
  };
}

const BASE_TS = Math.floor(Date.now() / 1000) - 60;

/** Report number `n` as a channel message event: "met 1 client", its own event_id and ts. */
export function reportEvent(n: number, user: string = REPS[n % REPS.length] ?? AYU) {
  const payload = slackFixture("message-channel.json");
  const ts = `${BASE_TS}.${String(n).padStart(6, "0")}`;
  payload.event.text = "met 1 client";
  payload.event.ts = ts;
  payload.event.event_ts = ts;
  payload.event.user = user;
  payload.event_id = `EvFault${n}`;
  return { payload, messageId: `${CHANNEL}:${ts}`, ts };
}

/** Makes the channel a team, with Maya its manager and the reps on it. */
export async function setUpTeam(port: number, fake: FakeSlack): Promise<void> {
  const url = fake.responseUrl("setup");
  const response = await postToSlackEndpoint(
    port,
    commandRequest(slashCommand({ text: "setup", user_id: MAYA, user_name: "maya", response_url: url })),
  );
  if (response.status !== 200) throw new Error(`setup answered ${response.status}`);
  await fake.waitFor(() => fake.responses.some((r) => r.path.endsWith("/respond/setup")), 10_000);
}

/** The platform message ids of the reports that count, one entry per stored row. */
export async function storedMessageIds(database: TestDatabase): Promise<string[]> {
  const rows = await database.connection.db
    .selectFrom("reports")
    .select("messageId")
    .where("undoneAt", "is", null)
    .execute();
  return rows.map((r) => r.messageId ?? "").sort();
}

export async function totalVisits(database: TestDatabase): Promise<number> {
  const row = await database.connection.db
    .selectFrom("reports")
    .select((eb) => eb.fn.sum<number | string | null>("visits").as("visits"))
    .where("undoneAt", "is", null)
    .executeTakeFirst();
  return Number(row?.visits ?? 0);
}

/** Waits until no delivery is waiting or being handled (what a restarted or surviving process must finish). */
export async function drained(database: TestDatabase, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await sql<{ open: number | string }>`
      select count(*) as open from inbox where status in ('pending', 'processing')`.execute(
      database.connection.db,
    );
    if (Number(rows[0]?.open ?? 0) === 0) return;
    if (Date.now() > deadline)
      throw new Error(`${rows[0]?.open} deliveries still open after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
