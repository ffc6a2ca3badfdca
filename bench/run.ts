import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "@slack/bolt";
import SqliteDatabase from "better-sqlite3";
import { createBot } from "../src/app/bot.js";
import { seedDemo } from "../src/app/demo.js";
import { createJobRunner } from "../src/app/jobs.js";
import { silentLogger } from "../src/app/logger.js";
import type { Messenger, Store } from "../src/app/ports.js";
import { mintLoginLink } from "../src/app/sign-in.js";
import { type ChartRenderer, svgToPng } from "../src/charts/render-png.js";
import { loadConfig } from "../src/config.js";
import { parseReport } from "../src/core/parse/index.js";
import { type Connection, connect } from "../src/db/connect.js";
import { migrateToLatest } from "../src/db/migrate.js";
import { createStore } from "../src/db/store.js";
import { startService } from "../src/main.js";
import { startFakeSlack } from "../test/fakes/slack-api.js";
import { signIn, startDashboard } from "../test/support/dashboard-client.js";
import {
  eventRequest,
  postToSlackEndpoint,
  SIGNING_SECRET,
  slackFixture,
} from "../test/support/slack-client.js";
import { generateCorpus } from "./corpus.js";
import { benchDigestData } from "./digest-data.js";

/**
 * Throughput as ratios against baselines measured in the same process on the same machine, so the figures
 * mean the same on a fast laptop and a slow CI box.
 */

function rate(count: number, run: () => void): number {
  const start = process.hrtime.bigint();
  run();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return count / seconds;
}

async function rateAsync(count: number, run: () => Promise<void>): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return count / seconds;
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

function benchParse() {
  const corpus = generateCorpus(100_000);
  const ctx = { today: "2026-12-02" };
  let sink = 0;
  // Warm up the JIT on a slice so both runs measure steady state.
  for (const text of corpus.slice(0, 5_000)) sink += parseReport(text, ctx).ok ? 1 : 0;
  // Baseline: the least any parser must do — lower-case the text and split it into words.
  const baseline = rate(corpus.length, () => {
    for (const text of corpus) sink += text.toLowerCase().split(/[\s,;|+=:]+/).length;
  });
  const parse = rate(corpus.length, () => {
    for (const text of corpus) sink += parseReport(text, ctx).ok ? 1 : 0;
  });
  console.log(
    `parse     ${fmt(parse)} messages/s   baseline (lower-case + split) ${fmt(baseline)}/s   ratio ${(baseline / parse).toFixed(1)}x slower`,
  );
  if (sink < 0) console.log("unreachable: keeps the work from being optimised away");
}

async function benchIngest() {
  const count = 5_000;
  const dir = mkdtempSync(join(tmpdir(), "corong-bench-"));
  try {
    const connection = connect(`sqlite:${join(dir, "ingest.db")}`);
    await migrateToLatest(connection);
    const store = createStore(connection.db);
    const at = "2026-12-02T03:00:00.000Z";
    const workspaceId = await store.ensureWorkspace("console", "bench", null, at);
    await store.createTeam(
      { workspaceId, externalId: "team", name: "Bench", timezone: "Asia/Jakarta", locale: "en" },
      at,
    );
    const bot = createBot({
      store,
      logger: silentLogger,
      defaults: { timeZone: "Asia/Jakarta", locale: "en" },
    });
    const corpus = generateCorpus(count, 7);
    const receivedAt = Date.parse("2026-12-02T10:00:00+07:00");
    const ingest = await rateAsync(count, async () => {
      for (let i = 0; i < count; i++) {
        await bot.handle({
          platform: "console",
          workspace: { externalId: "bench" },
          team: { externalId: "team" },
          user: { externalId: `rep-${i % 20}`, displayName: `Rep ${i % 20}` },
          text: corpus[i] ?? "",
          via: "direct",
          messageId: `m-${i}`,
          receivedAt,
        });
      }
    });
    await connection.close();

    // Baseline: the same rows straight into a table of the same shape, one autocommitted insert each.
    const raw = new SqliteDatabase(join(dir, "raw.db"));
    raw.pragma("journal_mode = WAL");
    raw.pragma("synchronous = NORMAL");
    raw.exec(`create table reports (id integer primary key autoincrement, workspace_id integer, team_id integer,
      member_id integer, day text, visits integer, follow_ups integer, leads integer, source_text text,
      message_id text, created_at text, updated_at text, undone_at text, unique (workspace_id, message_id))`);
    const insert = raw.prepare(
      "insert into reports (workspace_id, team_id, member_id, day, visits, follow_ups, leads, source_text, message_id, created_at, updated_at) values (1, 1, ?, '2026-12-02', ?, ?, ?, ?, ?, ?, ?)",
    );
    const baseline = rate(count, () => {
      for (let i = 0; i < count; i++) insert.run(i % 20, 4, 2, 1, corpus[i] ?? "", `m-${i}`, at, at);
    });
    raw.close();
    console.log(`ingest    ${fmt(ingest)} reports/s through bot.handle (parse, resolve team, save, totals)`);
    console.log(
      `          raw better-sqlite3 insert ${fmt(baseline)} rows/s   ratio ${(baseline / ingest).toFixed(1)}x slower`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A fresh, migrated SQLite database in a temp folder for one measurement, thrown away after. */
async function withBenchDatabase<T>(
  name: string,
  work: (store: Store, connection: Connection) => Promise<T>,
): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), `corong-bench-${name}-`));
  const connection = connect(`sqlite:${join(dir, `${name}.db`)}`);
  try {
    await migrateToLatest(connection);
    return await work(createStore(connection.db), connection);
  } finally {
    await connection.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Each dashboard page on the demo team (four weeks, four reps) over real HTTP: median time and size. */
async function benchDashboard() {
  await withBenchDatabase("web", async (store) => {
    const now = Date.parse("2026-12-02T10:00:00+07:00");
    const at = new Date(now).toISOString();
    const { team } = await seedDemo(store, {
      today: "2026-12-02",
      timezone: "Asia/Jakarta",
      locale: "en",
      at,
    });
    const manager = await store.ensureMember(team.workspaceId, "you", "You", at);
    await store.setRole(team.id, manager.id, "manager", at);
    const web = await startDashboard(store, () => now);
    const base = web.base;
    const link = await mintLoginLink(store, { teamId: team.id, memberId: manager.id, now, base });
    const cookie = `corong_session=${await signIn(link)}`;
    const ayu = (await store.listTeamMembers(team.id)).find((m) => m.externalId === "ayu")?.id;
    const time = async (path: string) => {
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < 25; i++) {
        const start = process.hrtime.bigint();
        const res = await fetch(`${base}${path}`, { headers: { cookie } });
        bytes = (await res.arrayBuffer()).byteLength;
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      return { ms: median(times), bytes };
    };
    // Baseline: the same server answering /healthz, the HTTP round trip with no work behind it.
    const floor = await time("/healthz");
    console.log(`dashboard baseline GET /healthz ${floor.ms.toFixed(2)} ms (median of 25)`);
    for (const path of [
      "/dashboard",
      "/dashboard?period=quarter",
      "/dashboard/trend",
      "/dashboard/plan",
      `/dashboard/reps/${ayu}?period=month`,
      "/dashboard/reports.csv?period=quarter",
    ]) {
      const { ms, bytes } = await time(path);
      console.log(
        `          ${path.padEnd(40)} ${ms.toFixed(1).padStart(6)} ms  ${(bytes / 1024).toFixed(1).padStart(6)} KiB  ${(ms / floor.ms).toFixed(0)}x the floor`,
      );
    }
    await web.close();
  });
}

/** `teams` Slack teams of five reps, each with a working week of reports (30 Nov - 4 Dec 2026): a Monday's digests. */
async function seedDigestTeams(
  store: Store,
  workspaceId: number,
  teams: number,
  prefix: string,
): Promise<void> {
  const at = "2026-11-23T00:00:00.000Z";
  for (let i = 0; i < teams; i++) {
    const team = await store.createTeam(
      { workspaceId, externalId: `${prefix}${i}`, name: `Team ${i}`, timezone: "Asia/Jakarta", locale: "en" },
      at,
    );
    for (let r = 0; r < 5; r++) {
      const member = await store.ensureMember(workspaceId, `U${prefix}${i}-${r}`, `Rep ${r}`, at);
      await store.joinTeam(team.id, member.id, at);
      for (const day of ["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04"])
        await store.saveReport({
          workspaceId,
          teamId: team.id,
          memberId: member.id,
          day,
          counts: { visits: 3 + r, followUps: 2, leads: 4, prospects: 2, potential: 1, closeable: r % 2 },
          sourceText: "bench",
          messageId: null,
          at,
        });
    }
  }
}

/**
 * The Monday digests of many teams going out, as the event loop sees it: how long a Slack acknowledgement could be
 * held up (the loop's worst and p99 delay while the tick runs), with each chart rendered on the loop (the old
 * way, the baseline) and on the chart worker.
 */
async function benchDigestTick() {
  const teams = 60;
  const monday = Date.parse("2026-12-07T08:00:00+07:00");
  const run = async (label: string, renderChart: ChartRenderer | undefined) => {
    await withBenchDatabase("digest", async (store) => {
      const at = "2026-11-23T00:00:00.000Z";
      const workspaceId = await store.ensureWorkspace("slack", "bench", null, at);
      await seedDigestTeams(store, workspaceId, teams, "C");
      let posted = 0;
      const messenger: Messenger = {
        async sendDirect() {},
        async postToTeam() {
          posted += 1;
        },
        async postChart() {
          posted += 1;
        },
      };
      const jobs = createJobRunner({
        store,
        logger: silentLogger,
        messengers: { slack: messenger },
        ...(renderChart ? { renderChart } : {}),
      });
      // The loop's longest stall: the widest gap between runs of a 5 ms timer, the last stretch included (a tick
      // that never yields would otherwise record nothing at all).
      const rssBefore = process.memoryUsage().rss;
      let rssPeak = rssBefore;
      let last = performance.now();
      let worst = 0;
      const gaps: number[] = [];
      const sample = () => {
        const at = performance.now();
        gaps.push(at - last);
        worst = Math.max(worst, at - last);
        last = at;
        rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
      };
      const sampler = setInterval(sample, 5);
      const start = performance.now();
      await jobs.runDue(monday);
      const seconds = (performance.now() - start) / 1000;
      sample();
      clearInterval(sampler);
      const p99 = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length * 0.99)] ?? 0;
      console.log(
        `          ${label.padEnd(22)} ${posted / 2} digests in ${seconds.toFixed(2)} s · longest stall ${worst.toFixed(0)} ms, p99 gap ${p99.toFixed(0)} ms (${gaps.length} samples) · RSS +${((rssPeak - rssBefore) / 2 ** 20).toFixed(0)} MiB`,
      );
    });
  };
  console.log(
    `digests   ${teams} teams' Monday digests in one tick (text + chart each), an in-process messenger:`,
  );
  await run("charts on the loop", async (svg) => svgToPng(svg));
  await run("charts on the worker", undefined);
}

/**
 * One scheduler tick with nothing due, for many teams: the first after a start with no schedule recorded (every
 * team worked out), then the steady state (only due teams read), beside a hand-written select of every team.
 */
async function benchSchedulerTick() {
  await withBenchDatabase("tick", async (store, connection) => {
    const at = "2026-11-01T00:00:00.000Z";
    const workspaceId = await store.ensureWorkspace("slack", "bench", null, at);
    // Zones a few hours apart, so one instant finds every team between its jobs.
    const zones = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "Asia/Singapore", "Asia/Tokyo"];
    const count = 10_000;
    await connection.db.transaction().execute(async (trx) => {
      for (let i = 0; i < count; i += 500) {
        await trx
          .insertInto("teams")
          .values(
            Array.from({ length: Math.min(500, count - i) }, (_, j) => ({
              workspaceId,
              externalId: `C${i + j}`,
              name: `Team ${i + j}`,
              timezone: zones[(i + j) % zones.length] ?? "Asia/Jakarta",
              locale: "en",
              createdAt: at,
            })),
          )
          .execute();
      }
    });
    const messenger: Messenger = { async sendDirect() {}, async postToTeam() {}, async postChart() {} };
    const jobs = createJobRunner({ store, logger: silentLogger, messengers: { slack: messenger } });
    // Thursday 09:00-11:00 local: after Wednesday's reminders ended, before Thursday's nudge.
    const now = Date.parse("2026-12-03T02:00:00Z");
    const time = async (run: () => Promise<unknown>) => {
      const start = performance.now();
      await run();
      return performance.now() - start;
    };
    const first = await time(() => jobs.runDue(now));
    const steady: number[] = [];
    for (let i = 1; i <= 5; i++) steady.push(await time(() => jobs.runDue(now + i * 60_000)));
    const baseline: number[] = [];
    for (let i = 0; i < 5; i++)
      baseline.push(await time(() => connection.db.selectFrom("teams").selectAll().execute()));
    console.log(
      `schedule  tick with nothing due, ${fmt(count)} teams: first after a start ${first.toFixed(0)} ms, then ${median(steady).toFixed(1)} ms (median of 5)`,
    );
    console.log(
      `          hand-written select of every team ${median(baseline).toFixed(1)} ms   steady tick ratio ${(median(steady) / median(baseline)).toFixed(2)}x`,
    );
  });
}

/**
 * Slack channel reports at saturation over real HTTP: 2,000 signed message events at concurrency 16 into the
 * running service (inbox, bot, SQLite, a ✅ and an ephemeral answer through the Web API to a fake Slack on
 * loopback), beside a bare Bolt app doing the least the same job needs: Bolt's own receiver, one SQLite insert
 * and the same two Web API calls per message. Both use fsync FULL, as Corong does. Throughput is until every
 * message is stored and answered; ack latency is each POST's.
 */
async function benchSlackChannel() {
  const count = Number(process.env.BENCH_COUNT ?? 2000);
  const concurrency = 16;
  const stamp = Math.floor(Date.now() / 1000) - 120;
  const event = (n: number) => {
    const payload = slackFixture("message-channel.json");
    payload.event.text = `met ${1 + (n % 5)} clients, 2 follow-ups`;
    payload.event.user = `U0BENCH${String(n % 20).padStart(3, "0")}`;
    payload.event.ts = `${stamp + Math.floor(n / 1000)}.${String(n % 1000).padStart(6, "0")}`;
    payload.event.event_ts = payload.event.ts;
    payload.event_id = `EvBench${n}`;
    return payload;
  };
  const lightCount = 400;
  let eventsMade = 0;
  async function load(port: number, done: () => Promise<boolean>, total = count, parallel = concurrency) {
    const latencies: number[] = [];
    const cpuBefore = process.cpuUsage();
    const start = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: parallel }, async () => {
        while (next < total) {
          next++;
          // Every event is new to whichever app gets it: ids run on across runs.
          const n = eventsMade++;
          const sent = performance.now();
          const answer = await postToSlackEndpoint(port, eventRequest(event(n)));
          latencies.push(performance.now() - sent);
          if (answer.status !== 200) throw new Error(`event ${n} answered ${answer.status}`);
        }
      }),
    );
    while (!(await done())) await new Promise((resolve) => setTimeout(resolve, 5));
    const seconds = (performance.now() - start) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    latencies.sort((a, b) => a - b);
    return {
      perSecond: total / seconds,
      p50: latencies[Math.floor(total * 0.5)] ?? 0,
      p99: latencies[Math.floor(total * 0.99)] ?? 0,
      cpuMs: (cpu.user + cpu.system) / 1000 / total,
    };
  }
  const dir = mkdtempSync(join(tmpdir(), "corong-bench-slack-"));
  try {
    // The baseline: a bare Bolt app.
    const fakeBare = await startFakeSlack();
    const raw = new SqliteDatabase(join(dir, "bare.db"));
    raw.pragma("journal_mode = WAL");
    raw.pragma("synchronous = FULL");
    raw.exec(
      "create table reports (id integer primary key, user text, channel text, ts text, text text, unique (channel, ts))",
    );
    const insert = raw.prepare("insert or ignore into reports (user, channel, ts, text) values (?, ?, ?, ?)");
    const bare = new App({
      token: "xoxb-bare",
      signingSecret: SIGNING_SECRET,
      clientOptions: { slackApiUrl: fakeBare.apiUrl },
      logLevel: "error" as never,
    });
    bare.message(async ({ message, client }) => {
      const m = message as { user?: string; channel: string; ts: string; text?: string };
      insert.run(m.user ?? "", m.channel, m.ts, m.text ?? "");
      await client.reactions.add({ channel: m.channel, timestamp: m.ts, name: "white_check_mark" });
      await client.chat.postEphemeral({ channel: m.channel, user: m.user ?? "", text: "Logged" });
    });
    const server = (await bare.start(0)) as unknown as import("node:http").Server;
    const barePort = (server.address() as import("node:net").AddressInfo).port;
    const baseline = await load(barePort, async () => fakeBare.callsTo("chat.postEphemeral").length >= count);
    await bare.stop();
    raw.close();
    await fakeBare.close();

    const fake = await startFakeSlack();
    const url = `sqlite:${join(dir, "corong.db")}`;
    const service = await startService(
      loadConfig({
        DATABASE_URL: url,
        PORT: "0",
        SLACK_BOT_TOKEN: "xoxb-bench",
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
        LOG_LEVEL: "silent",
      }),
      { logger: silentLogger, schedule: false },
    );
    const at = new Date().toISOString();
    const workspaceId = await service.store.ensureWorkspace("slack", "T123ABC456", "Bench", at);
    await service.store.createTeam(
      { workspaceId, externalId: "C123ABC456", name: "#sales", timezone: "Asia/Jakarta", locale: "en" },
      at,
    );
    const corong = await load(
      service.port,
      async () =>
        fake.callsTo("chat.postEphemeral").length >= count &&
        (await service.store.countOpenDeliveries()) === 0,
    );

    // Acks while the Monday digests go out: the same load, lighter, with and without a digest tick beside it.
    const teams = 60;
    await seedDigestTeams(service.store, workspaceId, teams, "C0DIGEST");
    const light = async () => {
      const answered = fake.callsTo("chat.postEphemeral").length;
      return load(
        service.port,
        async () =>
          fake.callsTo("chat.postEphemeral").length >= answered + lightCount &&
          (await service.store.countOpenDeliveries()) === 0,
        lightCount,
        4,
      );
    };
    const quiet = await light();
    const ticking = service.runJobs(Date.parse("2026-12-07T08:00:00+07:00"));
    const duringDigests = await light();
    const tick = await ticking;
    await service.stop();
    await fake.close();
    const row = (label: string, r: typeof corong) =>
      `          ${label.padEnd(16)} ${fmt(r.perSecond)} reports/s · ack p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms · CPU ${r.cpuMs.toFixed(2)} ms/report`;
    console.log(
      `slack     ${fmt(count)} channel reports at concurrency ${concurrency}, over HTTP to a fake Slack:`,
    );
    console.log(row("bare Bolt app", baseline));
    console.log(row("Corong", corong));
    console.log(
      `          ratio ${(corong.perSecond / baseline.perSecond).toFixed(2)}x the bare app's throughput · ack p99 ${(corong.p99 / baseline.p99).toFixed(2)}x · CPU ${(corong.cpuMs / baseline.cpuMs).toFixed(2)}x`,
    );
    const digestPosts = tick.sent.filter((s) => s.kind === "digest").length;
    console.log(
      `          ${lightCount} reports at concurrency 4: ack p99 ${quiet.p99.toFixed(1)} ms quiet, ${duringDigests.p99.toFixed(1)} ms while ${digestPosts} digests go out (${(duringDigests.p99 / quiet.p99).toFixed(2)}x)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A free loopback port. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as import("node:net").AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Idle memory and cold start of `corong start` (Slack over HTTP, SQLite), beside the bare Bolt app of
 * bench/bare-bolt-app.mjs, each a fresh `node` process: the time from spawn to the first 200 from /healthz, and
 * the resident memory after it has sat idle (median of three runs each).
 */
async function benchStartup() {
  const dir = mkdtempSync(join(tmpdir(), "corong-bench-start-"));
  const idleMs = 8_000;
  const runOnce = async (args: string[], env: Record<string, string>) => {
    const port = await freePort();
    const start = performance.now();
    const child = spawn(process.execPath, args, {
      env: { PATH: process.env.PATH ?? "", ...env, PORT: String(port) },
      stdio: ["ignore", "ignore", "ignore"],
    });
    try {
      let ready = 0;
      while (!ready) {
        const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
          (r) => r.ok,
          () => false,
        );
        if (ok) ready = performance.now() - start;
        else await new Promise((resolve) => setTimeout(resolve, 10));
        if (performance.now() - start > 30_000) throw new Error(`${args.join(" ")} never answered /healthz`);
      }
      await new Promise((resolve) => setTimeout(resolve, idleMs));
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      const rssKiB = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return { startMs: ready, rssMiB: rssKiB / 1024 };
    } finally {
      child.kill("SIGKILL");
    }
  };
  const slack = {
    SLACK_BOT_TOKEN: "xoxb-bench",
    SLACK_SIGNING_SECRET: "bench-secret",
    SLACK_API_URL: "http://127.0.0.1:9/api/",
  };
  const medianOf = async (args: string[], env: Record<string, string>) => {
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await runOnce(args, env));
    return { startMs: median(runs.map((r) => r.startMs)), rssMiB: median(runs.map((r) => r.rssMiB)) };
  };
  try {
    const bare = await medianOf([join(import.meta.dirname, "bare-bolt-app.mjs")], {
      ...slack,
      BARE_DB_PATH: join(dir, "bare.db"),
    });
    const corong = await medianOf([join(import.meta.dirname, "..", "bin", "corong.js"), "start"], {
      ...slack,
      DATABASE_URL: `sqlite:${join(dir, "corong.db")}`,
      LOG_LEVEL: "warn",
    });
    console.log(
      `startup   corong start (Slack HTTP, SQLite) beside a bare Bolt + SQLite app, fresh processes:`,
    );
    console.log(
      `          cold start to /healthz ${corong.startMs.toFixed(0)} ms vs ${bare.startMs.toFixed(0)} ms (${(corong.startMs / bare.startMs).toFixed(2)}x)`,
    );
    console.log(
      `          idle RSS after ${idleMs / 1000} s ${corong.rssMiB.toFixed(0)} MiB vs ${bare.rssMiB.toFixed(0)} MiB (${(corong.rssMiB / bare.rssMiB).toFixed(2)}x)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`Corong bench · Node ${process.version} · ${new Date().toISOString()}`);
// `npm run bench -- --slack` runs only the Slack saturation row (for profiling it with --cpu-prof).
if (process.argv.includes("--slack")) {
  await benchSlackChannel();
  process.exit(0);
}
// Postgres rows run where a server is named (this machine's: postgres://postgres@127.0.0.1:5432/test).
const postgresUrl = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL;
if (process.argv.includes("--digest-data")) {
  await benchDigestData(postgresUrl);
  process.exit(0);
}
if (process.argv.includes("--startup")) {
  await benchStartup();
  process.exit(0);
}
benchParse();
await benchIngest();
await benchSlackChannel();
await benchDashboard();
await benchDigestTick();
await benchDigestData(postgresUrl);
await benchSchedulerTick();
await benchStartup();
console.log(`memory    peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB for the whole run`);
