import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { buildDigest, digestPeriods, digestReads } from "../src/app/digests.js";
import { createJobRunner } from "../src/app/jobs.js";
import { silentLogger } from "../src/app/logger.js";
import type { Messenger, Store } from "../src/app/ports.js";
import { addDays, partitionRanges } from "../src/core/calendar.js";
import type { Team } from "../src/core/team.js";
import { type Connection, connect } from "../src/db/connect.js";
import { migrateToLatest } from "../src/db/migrate.js";
import { createStore } from "../src/db/store.js";

/**
 * The data of a Monday's digests for 1,000 teams of 10 reps with a year of daily reports each (3.65 M rows), on
 * both dialects: built team by team (the old way), read ahead for many teams, and the least any way must do: one
 * hand-written GROUP BY of the same reports per team, rep and week.
 */

const TEAMS = 1_000;
const REPS_PER_TEAM = 10;
const DAYS = 365;
const MONDAY = "2026-11-30";
const WEEK = { start: "2026-11-23", end: "2026-11-29" };
const FIRST_DAY = addDays(MONDAY, -(DAYS - 1));
const AT = "2025-11-01T00:00:00.000Z";

type Dialect = "sqlite" | "postgres";

/** `bulk` runs the big inserts: for Postgres a connection without the service's statement timeout. */
export async function seed(bulk: Kysely<unknown>, store: Store, dialect: Dialect): Promise<Team[]> {
  const db = bulk;
  const workspaceId = await store.ensureWorkspace("slack", "TBENCH", "Bench", AT);
  const teams: Team[] = [];
  for (let t = 0; t < TEAMS; t++) {
    const team = await store.createTeam(
      { workspaceId, externalId: `C${t}`, name: `Team ${t}`, timezone: "Asia/Jakarta", locale: "en" },
      AT,
    );
    // A monthly target on most teams, so the plan (its 12 weeks of history) is part of the digest.
    teams.push(
      t % 4 === 3 ? team : await store.recordSetting(team.id, "monthlyTarget", 8 + (t % 5), "2025-11-01", AT),
    );
  }
  const firstTeam = teams[0]?.id ?? 0;
  // Numbers 0..n-1 from a recursive CTE: both dialects, no round trip per row.
  const numbers = (n: number) =>
    sql`with recursive n(i) as (select 0 union all select i + 1 from n where i < ${sql.lit(n - 1)})`;
  await sql`${numbers(TEAMS * REPS_PER_TEAM)}
    insert into members (workspace_id, external_id, display_name, created_at)
    select ${workspaceId}, 'U' || i, 'Rep ' || i, ${AT} from n`.execute(db);
  await sql`insert into team_members (team_id, member_id, role, joined_at)
    select ${firstTeam} + (m.id - (select min(id) from members)) / ${sql.lit(REPS_PER_TEAM)}, m.id, 'rep', ${AT}
    from members m`.execute(db);
  const day =
    dialect === "sqlite"
      ? sql`date(${FIRST_DAY}, '+' || d.i || ' days')`
      : sql`to_char(date ${sql.lit(FIRST_DAY)} + d.i, 'YYYY-MM-DD')`;
  await sql`${numbers(DAYS)}
    insert into reports (workspace_id, team_id, member_id, day, visits, follow_ups, relationship_contacts,
      referrals_asked, referrals_received, leads, prospects, potential, closeable, closed, source_text, message_id,
      created_at, updated_at)
    select ${workspaceId}, tm.team_id, tm.member_id, ${day},
      (tm.member_id + d.i) % 7, (tm.member_id * 3 + d.i) % 4, d.i % 3,
      case when (tm.member_id + d.i) % 5 = 0 then 1 else null end, null,
      (tm.member_id + d.i * 3) % 5, (tm.member_id + d.i) % 3, (tm.member_id + d.i) % 2,
      case when (tm.member_id + d.i) % 4 = 0 then 1 else 0 end,
      case when (tm.member_id + d.i) % 9 = 0 then 1 else 0 end,
      'bench', null, ${AT}, ${AT}
    from team_members tm cross join n d`.execute(db);
  if (dialect === "postgres") await sql`vacuum analyze`.execute(db);
  else await sql`analyze`.execute(db);
  return teams;
}

/** The one hand-written query: the same reports summed per team, rep and week (pieces of the same span). */
async function groupBy(connection: Connection, teams: readonly Team[], dialect: Dialect) {
  const pieces = partitionRanges(digestPeriods(WEEK, MONDAY));
  const start = pieces[0]?.start ?? MONDAY;
  const end = pieces.at(-1)?.end ?? MONDAY;
  const week =
    dialect === "sqlite"
      ? sql`cast((julianday(day) - julianday(${start})) / 7 as integer)`
      : sql`(day::date - date ${sql.lit(start)}) / 7`;
  const { rows } = await sql`select team_id, member_id, ${week} as week, count(distinct day) as days,
      sum(visits), sum(follow_ups), sum(relationship_contacts), sum(referrals_asked), sum(referrals_received),
      sum(leads), sum(prospects), sum(potential), sum(closeable), sum(closed)
    from reports
    where team_id in (${sql.join(teams.map((t) => t.id))}) and day >= ${start} and day <= ${end}
      and undone_at is null
    group by team_id, member_id, week`.execute(connection.db);
  return rows.length;
}

async function time<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = process.hrtime.bigint();
  const result = await run();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
}

/** The digests of every team one after another, yielding between teams as the scheduler does; the longest stall. */
async function eachTeam(teams: readonly Team[], build: (team: Team) => Promise<unknown>): Promise<number> {
  const loop = watchLoop();
  try {
    for (const team of teams) {
      await build(team);
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    loop.stop();
  }
  return loop.longest();
}

/** The event loop's longest stall from now until `stop`, seen by a 1 ms timer. */
function watchLoop() {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  return { stop: () => clearInterval(timer), longest: () => longest };
}

async function measure(connection: Connection, dialect: Dialect, bulk: Kysely<unknown>) {
  const store = createStore(connection.db);
  const seeded = await time(() => seed(bulk, store, dialect));
  const teams = seeded.result;
  const best = async (runs: number, run: () => Promise<unknown>) => {
    let ms = Number.POSITIVE_INFINITY;
    for (let i = 0; i < runs; i++) ms = Math.min(ms, (await time(run)).ms);
    return ms;
  };
  const baseline = await best(3, () => groupBy(connection, teams, dialect));
  const byTeam = await time(() => eachTeam(teams, (team) => buildDigest(store, team, WEEK, MONDAY)));
  let ahead = { ms: Number.POSITIVE_INFINITY, result: 0 };
  for (let i = 0; i < 3; i++) {
    const readsFor = digestReads(
      store,
      teams.map((team) => ({ team, week: WEEK, today: MONDAY })),
    );
    const run = await time(() =>
      eachTeam(teams, async (team) => buildDigest(await readsFor(team.id), team, WEEK, MONDAY)),
    );
    if (run.ms < ahead.ms) ahead = run;
  }
  const row = (label: string, run: { ms: number; result: number }) =>
    `${label} ${run.ms.toFixed(0)} ms (${(run.ms / baseline).toFixed(1)}x, longest stall ${run.result.toFixed(0)} ms)`;
  const tick = dialect === "sqlite" ? await sendAll(store) : "";
  console.log(
    `          ${dialect.padEnd(8)} seeded in ${(seeded.ms / 1000).toFixed(0)} s · one GROUP BY ${baseline.toFixed(0)} ms · ${row("team by team", byTeam)} · ${row("read ahead", ahead)}${tick}`,
  );
}

/**
 * The Monday tick itself for every team, text and chart (rendered on the chart worker), into an in-process
 * messenger: how long, the loop's longest stall, and how far memory grows.
 */
async function sendAll(store: Store): Promise<string> {
  let posts = 0;
  const messenger: Messenger = {
    async sendDirect() {},
    async postToTeam() {
      posts++;
    },
    async postChart() {
      posts++;
    },
  };
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const memory = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }, 50);
  const loop = watchLoop();
  const runner = createJobRunner({ store, logger: silentLogger, messengers: { slack: messenger } });
  const { ms } = await time(() => runner.runDue(Date.parse(`${MONDAY}T08:00:00+07:00`)));
  clearInterval(memory);
  loop.stop();
  return `\n          ${"".padEnd(8)} the tick, text and chart: ${posts} posts in ${(ms / 1000).toFixed(1)} s · longest stall ${loop.longest().toFixed(0)} ms · RSS ${(rssBefore / 2 ** 20).toFixed(0)} MiB, peak +${((rssPeak - rssBefore) / 2 ** 20).toFixed(0)} MiB`;
}

export async function benchDigestData(postgresUrl: string | undefined) {
  console.log(
    `digest data: a Monday's digests for ${TEAMS.toLocaleString("en-US")} teams x ${REPS_PER_TEAM} reps x ${DAYS} days of reports (${((TEAMS * REPS_PER_TEAM * DAYS) / 1e6).toFixed(2)} M rows): the data, then on SQLite the tick with text and chart:`,
  );
  const dir = mkdtempSync(join(tmpdir(), "corong-bench-digest-data-"));
  const sqlite = connect(`sqlite:${join(dir, "digests.db")}`);
  try {
    await migrateToLatest(sqlite);
    await measure(sqlite, "sqlite", sqlite.db as unknown as Kysely<unknown>);
  } finally {
    await sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  }
  if (!postgresUrl) {
    console.log("          postgres skipped: set BENCH_POSTGRES_URL");
    return;
  }
  const schema = `corong_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  try {
    await admin.query(`create schema ${schema}`);
    const url = `${postgresUrl}${postgresUrl.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    const postgres = connect(url);
    const bulk = new Kysely<unknown>({
      // Seeding only: the rows are made consistent, so the foreign-key triggers (three per row) are skipped.
      dialect: new PostgresDialect({
        pool: new pg.Pool({ connectionString: url, max: 1, options: "-c session_replication_role=replica" }),
      }),
    });
    try {
      await migrateToLatest(postgres);
      await measure(postgres, "postgres", bulk);
    } finally {
      await bulk.destroy();
      await postgres.close();
    }
  } finally {
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}
