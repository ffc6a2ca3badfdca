import { fstatSync } from "node:fs";
import type { RequestListener } from "node:http";
import { tmpdir } from "node:os";
import { dirname } from "node:path";
import type { webApi } from "@slack/bolt";
import cron from "node-cron";
import { type Bot, createBot } from "./app/bot.js";
import { DEMO, seedDemo } from "./app/demo.js";
import { createIntake } from "./app/intake.js";
import { createJobRunner, type TickReport } from "./app/jobs.js";
import type { Logger } from "./app/logger.js";
import type { Store } from "./app/ports.js";
import type { Config } from "./config.js";
import { localDateAt } from "./core/calendar.js";
import { type Connection, openDatabase } from "./db/connect.js";
import { migrateToLatest } from "./db/migrate.js";
import { createStore } from "./db/store.js";
import { createDatabaseHealth, type Health } from "./http/health.js";
import { createPrometheusTelemetry } from "./http/metrics.js";
import { type HttpServer, type Mount, type Route, startHttpServer } from "./http/server.js";
import { createLogger } from "./logger.js";
import { runConsoleChat } from "./platforms/console/console-chat.js";
import { createConsoleMessenger } from "./platforms/console/console-messenger.js";
import {
  createSlackAdapter,
  type SlackAdapter,
  type SlackInstallations,
} from "./platforms/slack/slack-adapter.js";
import type { TelegramAdapter } from "./platforms/telegram/telegram-adapter.js";

export interface ServiceOptions {
  clock?: () => number;
  logger?: Logger;
  /** Serve Slack events, the Telegram webhook and /healthz (default true; `corong jobs run` needs none). */
  serveHttp?: boolean;
  /** Tick the scheduler every minute with node-cron (default true; tests drive `runJobs` themselves). */
  schedule?: boolean;
  /** Receive messages (Telegram polling or webhook registration, Slack Socket Mode); default true. */
  receive?: boolean;
  /** Tests shorten the Web API client's backoff; production keeps Slack's recommended policy. */
  slackRetryConfig?: webApi.RetryOptions;
  /** How many times a Bot API call is retried after a 429; each retry waits Telegram's retry_after. */
  telegramMaxRetries?: number;
  /** How long a delivery's claim holds before another process may take it over (default 30 s). */
  deliveryLeaseMs?: number;
}

/** A stop finishes what is in hand for this long, then parks the rest: well inside a 10-second kill timeout. */
const DRAIN_MS = 6000;

export interface Service {
  /** The HTTP port actually bound (PORT=0 picks a free one). */
  port: number;
  store: Store;
  bot: Bot;
  /** One scheduler tick at `now`: what node-cron calls every minute. */
  runJobs(now: number): Promise<TickReport>;
  /** Whether the database answers, as /healthz reports it. */
  health(): Health;
  /**
   * Stops taking deliveries (the HTTP port answers 503 meanwhile, so platforms send them again), finishes what is
   * in hand or parks it for the next process, then closes the port and the database.
   */
  stop(): Promise<void>;
}

export function hasPlatform(config: Config): boolean {
  return Boolean(config.SLACK_BOT_TOKEN || config.SLACK_CLIENT_ID || config.TELEGRAM_BOT_TOKEN);
}

/**
 * The composition root for a deployment: database, bot, the configured platforms and one HTTP port for Slack's
 * events, Telegram's webhook and /healthz. Only here is the clock read.
 */
export async function startService(config: Config, options: ServiceOptions = {}): Promise<Service> {
  const clock = options.clock ?? Date.now;
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const connection = await openDatabase(config.DATABASE_URL, { logger });
  try {
    return await startOn(connection, config, { ...options, clock, logger });
  } catch (error) {
    await connection.close().catch(() => {});
    throw error;
  }
}

async function startOn(
  connection: Connection,
  config: Config,
  options: ServiceOptions & { clock: () => number; logger: Logger },
): Promise<Service> {
  const { clock, logger } = options;
  await migrateToLatest(connection);
  const database = createDatabaseHealth(connection, clock);
  const store = createStore(connection.db, { onOutcome: database.record });
  const metrics = createPrometheusTelemetry({ poolStats: connection.poolStats });
  const telemetry = metrics.telemetry;
  // The dashboard is served wherever the HTTP port is; its links name the address members reach it at.
  let dashboardBase: string | null = null;
  const bot = createBot({
    store,
    logger,
    defaults: { timeZone: config.DEFAULT_TIMEZONE, locale: config.DEFAULT_LOCALE },
    dashboard: () => dashboardBase,
    telemetry,
  });
  const intake = createIntake({
    store,
    logger,
    clock,
    telemetry,
    ...(options.deliveryLeaseMs ? { leaseMs: options.deliveryLeaseMs } : {}),
  });
  const routes: Route[] = [metrics.route];
  let slack: SlackAdapter | undefined;
  const installations = config.SLACK_CLIENT_ID
    ? await slackInstallations(config, store, logger, clock, () => dashboardBase ?? "")
    : undefined;
  if (installations) routes.push(...installations.routes);
  if (config.SLACK_BOT_TOKEN || installations) {
    slack = createSlackAdapter({
      ...(config.SLACK_BOT_TOKEN ? { botToken: config.SLACK_BOT_TOKEN } : {}),
      ...(installations ? { installations } : {}),
      store,
      ...(config.SLACK_SIGNING_SECRET ? { signingSecret: config.SLACK_SIGNING_SECRET } : {}),
      ...(config.SLACK_APP_TOKEN ? { appToken: config.SLACK_APP_TOKEN } : {}),
      ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
      ...(options.slackRetryConfig ? { retryConfig: options.slackRetryConfig } : {}),
      bot,
      intake,
      logger,
      clock,
      defaultLocale: config.DEFAULT_LOCALE,
    });
    if (slack.eventsListener)
      routes.push({ method: "POST", path: "/slack/events", handle: slack.eventsListener });
  }
  let telegram: TelegramAdapter | undefined;
  if (config.TELEGRAM_BOT_TOKEN) {
    // Loaded only when configured: a Slack-only deployment never pays for telegraf.
    const { createTelegramAdapter } = await import("./platforms/telegram/telegram-adapter.js");
    telegram = createTelegramAdapter({
      botToken: config.TELEGRAM_BOT_TOKEN,
      ...(config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {}),
      ...(config.TELEGRAM_WEBHOOK_URL && config.TELEGRAM_WEBHOOK_SECRET
        ? { webhook: { url: config.TELEGRAM_WEBHOOK_URL, secret: config.TELEGRAM_WEBHOOK_SECRET } }
        : {}),
      ...(options.telegramMaxRetries !== undefined ? { maxRetries: options.telegramMaxRetries } : {}),
      store,
      bot,
      intake,
      logger,
      clock,
      defaultLocale: config.DEFAULT_LOCALE,
    });
    if (telegram.webhookRoute) routes.push(telegram.webhookRoute);
  }
  const jobs = createJobRunner({
    store,
    logger,
    telemetry,
    messengers: {
      console: createConsoleMessenger(process.stdout, consoleChartDir(config)),
      ...(slack ? { slack: slack.messenger } : {}),
      ...(telegram ? { telegram: telegram.messenger } : {}),
    },
  });
  let stopping = false;
  const http =
    options.serveHttp === false
      ? null
      : await startHttpServer({
          port: config.PORT,
          routes,
          mounts: [dashboardMount(config, store, logger, clock, () => dashboardBase ?? "")],
          logger,
          health: () => database.health(),
          accepting: () => !stopping,
        });
  if (http) dashboardBase = publicBase(config, http.port);
  const receive = options.receive !== false;
  try {
    if (receive) await slack?.start();
    // The webhook is registered once its route answers, so Telegram's first delivery finds it.
    if (receive) await telegram?.start();
  } catch (error) {
    await http?.close();
    await slack?.stop();
    throw error;
  }
  // Deliveries recorded before now (parked by the last process, or left by one that died) are taken up once
  // the platforms can be answered; deliveries arriving meanwhile waited in the inbox.
  if (receive) intake.start();
  database.start();
  // One tick a minute is enough: every job stays due for a while and the ledger makes each happen once.
  const ticker =
    options.schedule === false
      ? null
      : cron.schedule("* * * * *", () => jobs.runDue(clock()).then(() => undefined), {
          noOverlap: true,
          name: "corong-jobs",
        });
  logger.info({ port: http?.port, slack: Boolean(slack), telegram: Boolean(telegram) }, "Corong is running");
  let stopped: Promise<void> | undefined;
  return {
    port: http?.port ?? 0,
    store,
    bot,
    runJobs: (now) => jobs.runDue(now),
    health: () => database.health(),
    stop() {
      stopped ??= (async () => {
        stopping = true;
        await ticker?.destroy();
        await Promise.allSettled([telegram?.stop(), slack?.stop()]);
        const { finished, parked } = await intake.stop(DRAIN_MS);
        logger.info({ finished, parked }, "stopped taking deliveries; parked ones go to the next process");
        database.stop();
        await http?.close();
        await connection.close();
      })();
      return stopped;
    },
  };
}

/** "Add to Slack": the install routes, and the store every workspace's sealed token is kept in. */
async function slackInstallations(
  config: Config,
  store: Store,
  logger: Logger,
  clock: () => number,
  publicUrl: () => string,
): Promise<SlackInstallations & { routes: Route[] }> {
  if (!config.SLACK_CLIENT_ID || !config.SLACK_CLIENT_SECRET || !config.SLACK_STATE_SECRET)
    throw new Error("installing in several Slack workspaces needs its configuration (see loadConfig)");
  // Loaded only when configured: a single-workspace deployment never pays for the install pages.
  const [{ createSlackInstall }, { createInstallationStore }, { sealerFor }] = await Promise.all([
    import("./platforms/slack/install.js"),
    import("./platforms/slack/installation-store.js"),
    import("./secrets/sealer-config.js"),
  ]);
  const sealer = sealerFor(config);
  // Said at start, not first at a rep's message: installations this process has no key for.
  const unopenable = (await store.listSlackInstallations()).filter((row) => !sealer.hasKeyFor(row.sealed));
  if (unopenable.length > 0)
    logger.error(
      { workspaces: unopenable.map((row) => row.id) },
      "some Slack installations were sealed with a key this process does not have: add it to CORONG_PREVIOUS_ENCRYPTION_KEYS",
    );
  const installationStore = createInstallationStore({ store, sealer, clock });
  const { installer, routes } = createSlackInstall({
    clientId: config.SLACK_CLIENT_ID,
    clientSecret: config.SLACK_CLIENT_SECRET,
    stateSecret: config.SLACK_STATE_SECRET,
    installationStore,
    ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
    publicUrl,
    defaultLocale: config.DEFAULT_LOCALE,
    logger,
  });
  return { installer, store: installationStore, routes };
}

/** Where members' browsers reach this process: `PUBLIC_URL` behind a proxy, else this machine's port. */
export function publicBase(config: Config, port: number): string {
  return (config.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, "");
}

function dashboardMount(
  config: Config,
  store: Store,
  logger: Logger,
  clock: () => number,
  publicUrl: () => string,
): Mount {
  // The dashboard (Hono, its templates) loads on its first request: a process nobody opens it on never pays.
  let listener: Promise<RequestListener> | undefined;
  return {
    prefix: "/dashboard",
    handle(req, res) {
      listener ??= import("./web/dashboard.js").then(({ createDashboard }) =>
        createDashboard({ store, logger, clock, publicUrl, defaultLocale: config.DEFAULT_LOCALE }),
      );
      listener.then(
        (handle) => handle(req, res),
        (error: unknown) => {
          logger.error({ err: error }, "the dashboard could not be loaded");
          if (!res.headersSent) res.writeHead(500).end();
        },
      );
    },
  };
}

/** Console teams live in the console's own SQLite file; their charts are written next to it. */
function consoleChartDir(config: Config): string {
  return config.DATABASE_URL.startsWith("sqlite:")
    ? dirname(config.DATABASE_URL.slice("sqlite:".length))
    : tmpdir();
}

/** The console chat on the demo team: what `npm start` opens when no platform is configured. */
export async function startConsole(config: Config, options: { asManager?: boolean } = {}): Promise<void> {
  const clock = Date.now;
  const connection = await openDatabase(config.DATABASE_URL);
  await migrateToLatest(connection);
  const store = createStore(connection.db);
  const logger = createLogger("warn");
  // The dashboard on this machine, for trying it: a busy port only means no dashboard, not no chat.
  let base: string | null = null;
  const http: HttpServer | null = await startHttpServer({
    port: config.PORT,
    routes: [],
    mounts: [dashboardMount(config, store, logger, clock, () => base ?? "")],
    logger,
  }).catch((error: unknown) => {
    const why = (error as NodeJS.ErrnoException).code === "EADDRINUSE" ? "is in use" : "could not be opened";
    process.stderr.write(
      `Dashboard off: port ${config.PORT} ${why} (set PORT to another one). The chat works.\n`,
    );
    return null;
  });
  base = http ? publicBase(config, http.port) : null;
  const bot = createBot({
    store,
    logger,
    defaults: { timeZone: config.DEFAULT_TIMEZONE, locale: config.DEFAULT_LOCALE },
    dashboard: () => base,
  });
  const now = clock();
  const at = new Date(now).toISOString();
  const { team, created } = await seedDemo(store, {
    today: localDateAt(now, config.DEFAULT_TIMEZONE),
    timezone: config.DEFAULT_TIMEZONE,
    locale: config.DEFAULT_LOCALE,
    at,
  });
  const interactive = Boolean(process.stdin.isTTY);
  if (created && interactive) process.stdout.write("Seeded the demo team with four weeks of activity.\n");
  if (options.asManager) {
    const you = await store.ensureMember(team.workspaceId, DEMO.you.externalId, DEMO.you.displayName, at);
    await store.setRole(team.id, you.id, "manager", at);
  }
  await runConsoleChat({
    bot,
    input: process.stdin,
    output: process.stdout,
    interactive,
    clock,
    locale: config.DEFAULT_LOCALE,
    chartDir: consoleChartDir(config),
  });
  await http?.close();
  await connection.close();
}

/** Whether the console chat has anyone to read from: a terminal, a pipe or a file, not /dev/null or nothing. */
function hasConsoleInput(): boolean {
  if (process.stdin.isTTY) return true;
  try {
    const input = fstatSync(0);
    return input.isFIFO() || input.isFile() || input.isSocket();
  } catch {
    return false;
  }
}

/** Past this a stop that has not finished exits anyway: orchestrators kill at 10 s, and parked work is safe. */
const HARD_STOP_MS = 9500;

/**
 * `corong start`: the service when a platform is configured, the console chat otherwise. SIGTERM or SIGINT
 * drains it (a second one exits at once).
 */
/** Resolves with the process's exit code once the bot has stopped. */
export async function start(
  config: Config,
  options: { asManager?: boolean; service?: ServiceOptions } = {},
): Promise<number> {
  if (!hasPlatform(config)) {
    if (!hasConsoleInput()) {
      // A container started without a platform token: the console would read nothing and exit 0, and the
      // operator would see a service that "ran" and stopped.
      process.stderr.write(
        "No platform configured (set SLACK_BOT_TOKEN or TELEGRAM_BOT_TOKEN) and no terminal for the console chat; exiting.\n",
      );
      return 1;
    }
    await startConsole(config, options);
    return 0;
  }
  const logger = options.service?.logger ?? createLogger(config.LOG_LEVEL);
  // A stray rejection is a bug to log, not a reason to drop every conversation in flight.
  process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled rejection"));
  const service = await startService(config, { ...options.service, logger });
  await new Promise<void>((resolve) => {
    const shutdown = (signal: NodeJS.Signals) => {
      process.off("SIGINT", shutdown);
      process.off("SIGTERM", shutdown);
      process.once(signal, () => process.exit(1));
      logger.info({ signal }, "stopping");
      setTimeout(() => {
        logger.error({}, "stopping took too long; exiting with deliveries left to the next process");
        process.exit(1);
      }, HARD_STOP_MS).unref();
      service.stop().then(resolve, (error: unknown) => {
        logger.error({ err: error }, "stopping failed");
        resolve();
      });
    };
    process.on("SIGINT", shutdown);
    process.on("SIGTERM", shutdown);
  });
  return 0;
}
