import { createBot } from "./app/bot.js";
import { DEMO, seedDemo } from "./app/demo.js";
import type { Config } from "./config.js";
import { localDateAt } from "./core/calendar.js";
import { connect } from "./db/connect.js";
import { migrateToLatest } from "./db/migrate.js";
import { createStore } from "./db/store.js";
import { createLogger } from "./logger.js";
import { runConsoleChat } from "./platforms/console/console-chat.js";

export interface StartOptions {
  /** Console only: chat as the demo team's manager, to try quotas and targets. */
  asManager?: boolean;
}

/**
 * The composition root: config -> database -> bot -> platforms. Only here is the clock read. With no platform
 * tokens configured, the bot runs as a console chat on the demo team.
 */
export async function start(config: Config, options: StartOptions = {}): Promise<void> {
  const clock = () => Date.now();
  const hasPlatform = Boolean(config.SLACK_BOT_TOKEN || config.TELEGRAM_BOT_TOKEN);
  const logger = createLogger(hasPlatform ? config.LOG_LEVEL : "warn");
  const connection = connect(config.DATABASE_URL);
  await migrateToLatest(connection);
  const store = createStore(connection.db);
  const bot = createBot({
    store,
    logger,
    defaults: { timeZone: config.DEFAULT_TIMEZONE, locale: config.DEFAULT_LOCALE },
  });

  if (hasPlatform) {
    logger.error(
      {},
      "Slack and Telegram adapters are not part of this build yet; unset their tokens to use the console",
    );
    await connection.close();
    process.exitCode = 1;
    return;
  }

  const now = clock();
  const { team, created } = await seedDemo(store, {
    today: localDateAt(now, config.DEFAULT_TIMEZONE),
    timezone: config.DEFAULT_TIMEZONE,
    locale: config.DEFAULT_LOCALE,
    at: new Date(now).toISOString(),
  });
  const interactive = Boolean(process.stdin.isTTY);
  if (created && interactive) process.stdout.write("Seeded the demo team with four weeks of activity.\n");
  if (options.asManager) {
    const you = await store.ensureMember(
      team.workspaceId,
      DEMO.you.externalId,
      DEMO.you.displayName,
      new Date(now).toISOString(),
    );
    await store.setRole(team.id, you.id, "manager", new Date(now).toISOString());
  }
  await runConsoleChat({ bot, input: process.stdin, output: process.stdout, interactive, clock });
  await connection.close();
}
