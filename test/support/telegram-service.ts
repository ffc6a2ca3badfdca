import { readFileSync } from "node:fs";
import type { Logger } from "../../src/app/logger.js";
import { silentLogger } from "../../src/app/logger.js";
import { loadConfig } from "../../src/config.js";
import { type Service, startService } from "../../src/main.js";
import { BOT_TOKEN, type FakeTelegram, type FakeUser, startFakeTelegram } from "../fakes/telegram-api.js";
import type { TestDatabase } from "./databases.js";

export const GROUP = { id: -1001234567890, title: "Sales JKT", type: "supergroup" } as const;
export const GROUP_B = { id: -1009876543210, title: "Sales <SBY> & Co", type: "supergroup" } as const;
export const AYU: FakeUser = {
  id: 111111111,
  is_bot: false,
  first_name: "Ayu",
  last_name: "Lestari",
  username: "ayu_lestari",
  language_code: "en",
};
export const MAYA: FakeUser = { id: 222222222, is_bot: false, first_name: "Maya", language_code: "en" };
export const BUDI: FakeUser = { id: 333333333, is_bot: false, first_name: "Budi", language_code: "id" };
export const WEBHOOK_SECRET = "corong_webhook_secret-123";
export const WEBHOOK_URL = "https://corong.example.com/telegram/webhook";

const fixtureDir = new URL("../fixtures/telegram/", import.meta.url);

/** A recorded Bot API update from test/fixtures/telegram, deep-copied so a test can change it. */
// biome-ignore lint/suspicious/noExplicitAny: recorded updates are edited field by field in tests
export function telegramFixture<T = Record<string, any>>(name: string): T {
  return JSON.parse(readFileSync(new URL(name, fixtureDir), "utf8"));
}

/** Starts the real service (telegraf polling, or the webhook on the shared port) against a fake Bot API. */
export async function startTelegramService(
  database: TestDatabase,
  /** `clock`: the service's now, for a test that must run on a known day. */
  options: { fake?: FakeTelegram; webhook?: boolean; logger?: Logger; clock?: () => number } = {},
): Promise<{ service: Service; fake: FakeTelegram }> {
  const fake = options.fake ?? (await startFakeTelegram({ admins: { [String(GROUP.id)]: [MAYA] } }));
  const config = loadConfig({
    DATABASE_URL: database.url,
    PORT: "0",
    TELEGRAM_BOT_TOKEN: BOT_TOKEN,
    TELEGRAM_API_ROOT: fake.apiRoot,
    ...(options.webhook
      ? { TELEGRAM_WEBHOOK_URL: WEBHOOK_URL, TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET }
      : {}),
    LOG_LEVEL: "silent",
  });
  const service = await startService(config, {
    logger: options.logger ?? silentLogger,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  return { service, fake };
}
