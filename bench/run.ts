import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SqliteDatabase from "better-sqlite3";
import { createBot } from "../src/app/bot.js";
import { seedDemo } from "../src/app/demo.js";
import { createJobRunner } from "../src/app/jobs.js";
import { silentLogger } from "../src/app/logger.js";
import type { Messenger, Store } from "../src/app/ports.js";
import { mintLoginLink } from "../src/app/sign-in.js";
import { type ChartRenderer, svgToPng } from "../src/charts/render-png.js";
import { parseReport } from "../src/core/parse/index.js";
import { type Connection, connect } from "../src/db/connect.js";
import { migrateToLatest } from "../src/db/migrate.js";
import { createStore } from "../src/db/store.js";
import { signIn, startDashboard } from "../test/support/dashboard-client.js";
import { generateCorpus } from "./corpus.js";

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
      for (let i = 0; i < teams; i++) {
        const team = await store.createTeam(
          { workspaceId, externalId: `C${i}`, name: `Team ${i}`, timezone: "Asia/Jakarta", locale: "en" },
          at,
        );
        for (let r = 0; r < 5; r++) {
          const member = await store.ensureMember(workspaceId, `U${i}-${r}`, `Rep ${r}`, at);
          await store.joinTeam(team.id, member.id, at);
          for (const day of ["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04"]) {
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

console.log(`Corong bench · Node ${process.version} · ${new Date().toISOString()}`);
benchParse();
await benchIngest();
await benchDashboard();
await benchDigestTick();
await benchSchedulerTick();
console.log(`memory    peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB for the whole run`);
