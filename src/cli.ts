import { writeFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { seedDemo } from "./app/demo.js";
import { renderDigest } from "./app/digest-post.js";
import { exportCsv, MAX_EXPORT_DAYS } from "./app/export.js";
import { lastCompleteWeek } from "./app/jobs.js";
import { mintLoginLink } from "./app/sign-in.js";
import { svgToPng } from "./charts/render-png.js";
import { type Config, ConfigError, loadConfig } from "./config.js";
import {
  dateInOwnOffset,
  daysInRange,
  isValidLocalDate,
  localDateAt,
  parseIsoInstant,
  parseIsoWeekKey,
} from "./core/calendar.js";
import type { ExportPer } from "./core/export/rows.js";
import { parseReport } from "./core/parse/index.js";
import type { ParseResult } from "./core/parse/types.js";
import { replyToText } from "./core/reply.js";
import type { Platform, Team } from "./core/team.js";
import { textsFor } from "./core/texts/index.js";
import { DatabaseOpenError, openDatabase } from "./db/connect.js";
import { migrateToLatest } from "./db/migrate.js";
import { createStore } from "./db/store.js";
import { publicBase, start, startService } from "./main.js";

const USAGE = `Usage: corong <command>
  start [--manager]             run the bot (console chat when no platform tokens are set)
  parse [--now ISO] TEXT        print how a message is understood, as JSON
  parse --jsonl                 read {"text", "now"} JSON lines on stdin, print one result per line
  migrate                       bring the database schema up to date
  seed-demo                     create the demo team with four weeks of activity
  jobs run --now ISO            run one scheduler tick at that instant, posting through the configured platforms
  digest --team ID [--week YYYY-Www] [--png FILE]
                                print a team's weekly digest (default: last week) without posting it
  export --team ID --from YYYY-MM-DD --to YYYY-MM-DD [--per report|day|week]
                                write the team's reports (or each rep's days or weeks) as CSV to stdout
  login-link --team ID [--member PLATFORM_USER_ID]
                                print a one-time dashboard link (15 minutes) for the member, or the team's
                                first manager; the address is PUBLIC_URL, else http://localhost:PORT
  reseal                        seal every Slack installation's tokens with CORONG_ENCRYPTION_KEY (after a key
                                rotation; the old key stays in CORONG_PREVIOUS_ENCRYPTION_KEYS until this ran)`;

/** The JSON contract of `corong parse`: counts of mentioned metrics, or a reason. */
function parseToJson(text: string, today: string): object {
  const result: ParseResult = parseReport(text, { today });
  if (result.ok) return { ok: true, date: result.date, counts: result.counts };
  const detail = {
    ...(result.metric ? { metric: result.metric } : {}),
    ...(result.value ? { value: result.value } : {}),
  };
  return { ok: false, error: result.error, message: textsFor("en").parseError(result.error, detail, "help") };
}

function todayFor(now: string | undefined, config: Config): string | null {
  if (now === undefined) return localDateAt(Date.now(), config.DEFAULT_TIMEZONE);
  return dateInOwnOffset(now);
}

async function parseCommandLine(args: string[], config: Config): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { now: { type: "string" }, jsonl: { type: "boolean" } },
    allowPositionals: true,
  });
  if (values.jsonl) {
    const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
    for await (const line of lines) {
      if (line.trim() === "") continue;
      process.stdout.write(`${JSON.stringify(parseJsonLine(line, values.now, config))}\n`);
    }
    return 0;
  }
  const today = todayFor(values.now, config);
  if (today === null) {
    process.stderr.write(`--now must be an ISO-8601 instant such as 2026-12-02T10:00:00+07:00\n`);
    return 2;
  }
  process.stdout.write(`${JSON.stringify(parseToJson(positionals.join(" "), today))}\n`);
  return 0;
}

function parseJsonLine(line: string, defaultNow: string | undefined, config: Config): object {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return { ok: false, error: "invalid_input", message: "not a JSON object" };
  }
  const { text, now } = (input ?? {}) as { text?: unknown; now?: unknown };
  if (typeof text !== "string")
    return { ok: false, error: "invalid_input", message: '"text" must be a string' };
  const today = todayFor(typeof now === "string" ? now : defaultNow, config);
  if (today === null)
    return { ok: false, error: "invalid_input", message: '"now" must be an ISO-8601 instant' };
  return parseToJson(text, today);
}

async function withDatabase(config: Config, work: (store: ReturnType<typeof createStore>) => Promise<void>) {
  const connection = await openDatabase(config.DATABASE_URL);
  try {
    await migrateToLatest(connection);
    await work(createStore(connection.db));
  } finally {
    await connection.close();
  }
}

/** Runs `work` on the team named `id` (its number or channel/group id); exit code 1 when there is none. */
async function withTeam(
  config: Config,
  id: string,
  work: (store: ReturnType<typeof createStore>, found: { team: Team; platform: Platform }) => Promise<void>,
): Promise<number> {
  let code = 0;
  await withDatabase(config, async (store) => {
    const found = await findTeam(store, id);
    if (found) await work(store, found);
    else code = 1;
  });
  return code;
}

/** A team by its number or its channel/group id; says which teams exist when there is no such team. */
async function findTeam(store: ReturnType<typeof createStore>, id: string) {
  const teams = await store.listTeamsWithPlatform();
  const found = teams.find(({ team }) => String(team.id) === id || team.externalId === id);
  if (!found) {
    const known = teams.map(({ team }) => `${team.id} (${team.name})`).join(", ");
    process.stderr.write(`No team "${id}". Teams: ${known}\n`);
  }
  return found ?? null;
}

async function exportCommand(args: string[], config: Config): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      team: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      per: { type: "string", default: "report" },
    },
  });
  const problem = !values.team
    ? "corong export needs --team ID (a team's number or its channel/group id)"
    : !values.from || !isValidLocalDate(values.from) || !values.to || !isValidLocalDate(values.to)
      ? "--from and --to must be dates like 2026-12-01"
      : values.from > values.to
        ? "--from must not be after --to"
        : daysInRange({ start: values.from, end: values.to }).length > MAX_EXPORT_DAYS
          ? `one export covers at most ${MAX_EXPORT_DAYS} days`
          : !EXPORT_PER.has(values.per ?? "")
            ? "--per must be report, day or week"
            : null;
  if (problem || !values.team || !values.from || !values.to) {
    process.stderr.write(`${problem}\n`);
    return 2;
  }
  const range = { start: values.from, end: values.to };
  const per = values.per as ExportPer;
  return withTeam(config, values.team, async (store, { team, platform }) => {
    const today = localDateAt(Date.now(), team.timezone);
    process.stdout.write(await exportCsv(store, team, platform, range, per, today));
  });
}

const EXPORT_PER: ReadonlySet<string> = new Set(["report", "day", "week"]);

async function loginLinkCommand(args: string[], config: Config): Promise<number> {
  const { values } = parseArgs({ args, options: { team: { type: "string" }, member: { type: "string" } } });
  if (!values.team) {
    process.stderr.write("corong login-link needs --team ID (a team's number or its channel/group id)\n");
    return 2;
  }
  const wanted = values.member;
  let code = 0;
  const found = await withTeam(config, values.team, async (store, { team }) => {
    const members = await store.listTeamMembers(team.id);
    const member = wanted
      ? members.find((m) => m.externalId === wanted)
      : members.find((m) => m.role === "manager");
    if (!member) {
      const who = members.map((m) => `${m.externalId} (${m.displayName}, ${m.role})`).join(", ");
      process.stderr.write(
        wanted
          ? `No member "${wanted}" on ${team.name}. Members: ${who || "none yet"}\n`
          : `${team.name} has no manager yet; pass --member PLATFORM_USER_ID. Members: ${who || "none yet"}\n`,
      );
      code = 1;
      return;
    }
    const url = await mintLoginLink(store, {
      teamId: team.id,
      memberId: member.id,
      now: Date.now(),
      base: publicBase(config, config.PORT),
    });
    process.stdout.write(
      `Dashboard link for ${member.displayName} (${member.role}) on ${team.name}, valid 15 minutes:\n${url}\n`,
    );
  });
  return found || code;
}

async function digestCommand(args: string[], config: Config): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { team: { type: "string" }, week: { type: "string" }, png: { type: "string" } },
  });
  if (!values.team) {
    process.stderr.write("corong digest needs --team ID (a team's number or its channel/group id)\n");
    return 2;
  }
  const week = values.week ? parseIsoWeekKey(values.week) : null;
  if (values.week && !week) {
    process.stderr.write(`--week must look like 2026-W48\n`);
    return 2;
  }
  return withTeam(config, values.team, async (store, { team, platform }) => {
    const today = localDateAt(Date.now(), team.timezone);
    const range = week ?? lastCompleteWeek(today).range;
    const { reply, svg } = await renderDigest(store, team, range, platform, today);
    process.stdout.write(`${replyToText(reply)}\n`);
    if (values.png) {
      writeFileSync(values.png, svgToPng(svg));
      process.stdout.write(`Chart written to ${values.png}\n`);
    }
  });
}

async function jobsCommand(args: string[], config: Config): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { now: { type: "string" } },
    allowPositionals: true,
  });
  const now = values.now ? parseIsoInstant(values.now) : Date.now();
  if (positionals[0] !== "run" || now === null) {
    process.stderr.write("Usage: corong jobs run --now 2026-12-07T08:00:00+07:00\n");
    return 2;
  }
  // Only the sending side: polling Telegram or opening a Socket Mode connection here would compete with the
  // running service for the same updates.
  const service = await startService(
    { ...config, PORT: 0 },
    { serveHttp: false, schedule: false, receive: false },
  );
  try {
    const report = await service.runJobs(now);
    process.stdout.write(`${report.sent.length} sent, ${report.failed} failed\n`);
    return report.failed > 0 ? 1 : 0;
  } finally {
    await service.stop();
  }
}

async function resealCommand(config: Config): Promise<number> {
  if (!config.CORONG_ENCRYPTION_KEY) {
    process.stderr.write("corong reseal needs CORONG_ENCRYPTION_KEY (the new key) set\n");
    return 2;
  }
  const [{ resealInstallations }, { sealerFor }] = await Promise.all([
    import("./platforms/slack/installation-store.js"),
    import("./secrets/sealer-config.js"),
  ]);
  let code = 0;
  await withDatabase(config, async (store) => {
    try {
      const { resealed, alreadyCurrent } = await resealInstallations(store, sealerFor(config));
      process.stdout.write(
        `Resealed ${resealed} Slack installation(s) with the current key; ${alreadyCurrent} already used it.\n`,
      );
    } catch (error) {
      // An installation sealed with a key that is not configured: nothing was lost, the key is missing.
      process.stderr.write(`corong reseal: ${error instanceof Error ? error.message : String(error)}\n`);
      code = 1;
    }
  });
  return code;
}

async function main(argv: string[]): Promise<number> {
  const [command = "start", ...rest] = argv;
  if (command === "help" || command === "--help" || command === "-h") {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const config = loadConfig();
  switch (command) {
    case "start": {
      const { values } = parseArgs({ args: rest, options: { manager: { type: "boolean" } } });
      return start(config, { asManager: values.manager ?? false });
    }
    case "parse":
      return parseCommandLine(rest, config);
    case "migrate":
      await withDatabase(config, async () => {
        process.stdout.write("Database schema is up to date.\n");
      });
      return 0;
    case "seed-demo":
      await withDatabase(config, async (store) => {
        const now = Date.now();
        const { created } = await seedDemo(store, {
          today: localDateAt(now, config.DEFAULT_TIMEZONE),
          timezone: config.DEFAULT_TIMEZONE,
          locale: config.DEFAULT_LOCALE,
          at: new Date(now).toISOString(),
        });
        process.stdout.write(created ? "Demo team created.\n" : "Demo team already exists.\n");
      });
      return 0;
    case "jobs":
      return jobsCommand(rest, config);
    case "digest":
      return digestCommand(rest, config);
    case "export":
      return exportCommand(rest, config);
    case "login-link":
      return loginLinkCommand(rest, config);
    case "reseal":
      return resealCommand(config);
    default:
      process.stderr.write(`Unknown command "${command}".\n${USAGE}\n`);
      return 2;
  }
}

// `corong parse --jsonl | head` closes the pipe early; that is the reader being done, not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // What an operator can fix is one line each; anything else is a bug, with its stack.
    if (error instanceof ConfigError || error instanceof DatabaseOpenError)
      process.stderr.write(`${error.message}\n`);
    else
      process.stderr.write(
        `corong: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
    process.exitCode = 1;
  },
);
