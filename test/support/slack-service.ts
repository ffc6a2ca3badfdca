import { silentLogger } from "../../src/app/logger.js";
import { loadConfig } from "../../src/config.js";
import { type Service, startService } from "../../src/main.js";
import { type FakeSlack, startFakeSlack } from "../fakes/slack-api.js";
import type { TestDatabase } from "./databases.js";
import { SIGNING_SECRET } from "./slack-client.js";

export const AYU = "U123ABC456";
export const MAYA = "U0MAYA0001";
export const CHANNEL = "C123ABC456";
/** In the sales channel but has never written in it. */
export const DEDI = "U0DEDI0001";
/** Joins the channel later. */
export const EKO = "U0EKO00001";

/** Starts the real service (Bolt over HTTP, the store, the bot) against a fake Slack on loopback. */
export async function startSlackService(
  database: TestDatabase,
  fake?: FakeSlack,
  /** The service's clock, for a test that must run on a known day; requests are then signed by it too. */
  clock?: () => number,
): Promise<{ service: Service; fake: FakeSlack }> {
  const slack =
    fake ??
    (await startFakeSlack({
      users: {
        [AYU]: { name: "Ayu", tz: "Asia/Jakarta" },
        [MAYA]: { name: "Maya", tz: "Europe/Berlin" },
        [DEDI]: { name: "Dedi", tz: "Asia/Jakarta" },
        [EKO]: { name: "Eko", tz: "Asia/Jakarta" },
        UB0TSTANDUP: { name: "Standup bot", isBot: true },
      },
      channels: { [CHANNEL]: [MAYA, AYU, DEDI, "UB0TSTANDUP"] },
    }));
  const config = loadConfig({
    DATABASE_URL: database.url,
    PORT: "0",
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    LOG_LEVEL: "silent",
  });
  const service = await startService(config, {
    logger: silentLogger,
    slackRetryConfig: { retries: 3, factor: 1, minTimeout: 10, maxTimeout: 50 },
    ...(clock ? { clock } : {}),
  });
  return { service, fake: slack };
}
