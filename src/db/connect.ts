import { existsSync, mkdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import SqliteDatabase from "better-sqlite3";
import {
  CamelCasePlugin,
  Kysely,
  type SqliteDatabase as KyselySqliteDatabase,
  PostgresDialect,
  SqliteDialect,
  sql,
} from "kysely";
import type PgModule from "pg";
import type { Dialect } from "../../migrations/dialect.js";
import type { Logger } from "../app/logger.js";
import type { Database } from "./schema.js";

const require = createRequire(import.meta.url);

export interface Connection {
  db: Kysely<Database>;
  dialect: Dialect;
  /** One cheap round trip: resolves when the database answers within `timeoutMs`, rejects otherwise. */
  probe(timeoutMs?: number): Promise<void>;
  /** Postgres: the pool's connections (open, idle) and the queries waiting for one. SQLite has no pool. */
  poolStats?(): { open: number; idle: number; waiting: number };
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** Postgres schema to use (tests isolate themselves in one schema each). */
  searchPath?: string;
  /** Max Postgres pool size. */
  poolSize?: number;
  /** Where a connection the server dropped is reported; without it, such an error would stop the process. */
  logger?: Logger;
}

/** The database named by DATABASE_URL cannot be used; the message is one line naming the variable and the fix. */
export class DatabaseOpenError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DatabaseOpenError";
  }
}

/**
 * Opens `sqlite:PATH` (better-sqlite3) or `postgres://...` (a pg Pool). Nothing here waits on the database: a
 * Postgres pool connects on first use, and SQLite never waits on a lock (see below).
 */
export function connect(url: string, options: ConnectOptions = {}): Connection {
  const plugins = [new CamelCasePlugin()];
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
    // Loaded only for a Postgres URL: an SQLite deployment never pays for the driver.
    const pg = require("pg") as typeof PgModule;
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      // A server that is down or unreachable fails a call in seconds, so it is retried, not waited on forever.
      connectionTimeoutMillis: 3000,
      keepAlive: true,
      idleTimeoutMillis: 30_000,
      // A table another session holds fails fast too, and is retried with backoff like a dropped connection.
      lock_timeout: 1000,
      // No statement runs for ever: one the server or the network sits on fails and is retried, not waited on.
      statement_timeout: 10_000,
      query_timeout: 15_000,
      ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
    });
    // A backend terminated by the server (restart, failover, idle timeout, pg_terminate_backend) emits "error" on
    // the pool or on the client; unhandled, that would stop the process. The pool drops the client and the next
    // call gets a fresh connection.
    const report = (error: Error) =>
      options.logger?.warn({ err: error }, "a database connection was lost; it will be replaced");
    pool.on("error", report);
    pool.on("connect", (client) => client.on("error", report));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins });
    return {
      db,
      dialect: "postgres",
      probe: (timeoutMs) => withTimeout(sql`select 1`.execute(db), timeoutMs),
      poolStats: () => ({ open: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
      close: () => db.destroy(),
    };
  }
  if (url.startsWith("sqlite:")) {
    const path = url.slice("sqlite:".length);
    if (path !== ":memory:") ensureDirectory(dirname(resolve(path)));
    const sqlite = new SqliteDatabase(path);
    sqlite.pragma("journal_mode = WAL");
    // better-sqlite3 is synchronous: a busy timeout would block the whole event loop (acks, /healthz) while
    // another process holds the file. So a held lock fails at once, and the store's retry waits on a timer.
    sqlite.pragma("busy_timeout = 0");
    sqlite.pragma("foreign_keys = ON");
    // FULL: in WAL mode NORMAL can lose the last commits to a power cut or an OS crash — among them inbox rows
    // a platform was already told were received. An fsync per commit is the price of "accepted means durable".
    sqlite.pragma("synchronous = FULL");
    // Fresh planner statistics where they are missing or stale, bounded in time: SQLite's advice for a
    // long-lived connection, at open and again at close.
    sqlite.pragma("optimize = 0x10002");
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
      plugins,
    });
    return {
      db,
      dialect: "sqlite",
      // A read of the schema: answers while another process writes (WAL), fails while the file is unusable.
      probe: (timeoutMs) => withTimeout(sql`select count(*) from sqlite_master`.execute(db), timeoutMs),
      async close() {
        try {
          sqlite.pragma("optimize");
        } catch {
          // Statistics are an optimisation; a busy file must not stop a shutdown.
        }
        await db.destroy();
      },
    };
  }
  throw new DatabaseOpenError(
    `DATABASE_URL: must start with sqlite: or postgres:// (got "${url.split(":")[0]}:")`,
  );
}

/** How many prepared statements an SQLite connection keeps: every query Corong runs, with room for list sizes. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * better-sqlite3 as Kysely sees it, with its prepared statements kept by their SQL. Kysely prepares every query
 * afresh, and for the small queries a report makes, preparing is most of the cost. Safe because better-sqlite3
 * runs one statement at a time to completion (Kysely does not stream here), and SQLite re-prepares a kept
 * statement itself when the schema changes.
 */
function withStatementCache(sqlite: SqliteDatabase.Database): KyselySqliteDatabase {
  const kept = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      const known = kept.get(sql);
      if (known) {
        // Most recently used last, so the oldest is the one let go.
        kept.delete(sql);
        kept.set(sql, known);
        return known;
      }
      const statement = sqlite.prepare(sql);
      kept.set(sql, statement);
      if (kept.size > STATEMENT_CACHE_SIZE) kept.delete(kept.keys().next().value as string);
      return statement;
    },
  };
}

/**
 * Connects and checks that the database answers, within a few seconds. A database that cannot be used stops
 * start-up with DatabaseOpenError: one line that names DATABASE_URL, what is wrong and what to do.
 */
export async function openDatabase(url: string, options: ConnectOptions = {}): Promise<Connection> {
  let connection: Connection;
  try {
    connection = connect(url, options);
  } catch (error) {
    throw asOpenError(error, url);
  }
  try {
    await connection.probe(5000);
    return connection;
  } catch (error) {
    await connection.close().catch(() => {});
    throw asOpenError(error, url);
  }
}

function asOpenError(error: unknown, url: string): DatabaseOpenError {
  if (error instanceof DatabaseOpenError) return error;
  const code = String((error as { code?: unknown }).code ?? "");
  const message = error instanceof Error ? error.message : String(error);
  const where = describe(url);
  const line = (() => {
    switch (code) {
      case "ECONNREFUSED":
        return `cannot connect to ${where}: connection refused. Is the server running, and is the port right?`;
      case "ENOTFOUND":
      case "EAI_AGAIN":
        return `cannot connect to ${where}: the host name does not resolve. Check the host in the URL.`;
      case "3D000":
        return `${where}: ${message}. Create it (createdb) or fix the database name in the URL.`;
      case "28P01":
      case "28000":
        return `${where}: ${message}. Check the user name and password in the URL.`;
      case "SQLITE_NOTADB":
        return `${where} is not a SQLite database. Point DATABASE_URL at a Corong database file or a new path.`;
      case "SQLITE_CANTOPEN":
        return `cannot open ${where}. Check that the path exists and is writable.`;
      case "EACCES":
      case "EPERM":
      case "ENOENT":
      case "ENOTDIR":
      case "EROFS":
      case "EEXIST":
        return `cannot create the folder for ${where} (${code}). Use a path in a writable folder.`;
      case "TIMEOUT":
        return `${where} did not answer within 5 seconds. Check that it is up and reachable.`;
      default:
        return `cannot open ${where}: ${message}`;
    }
  })();
  return new DatabaseOpenError(`DATABASE_URL: ${line}`, { cause: error });
}

/** The database a URL names, without its password, as an operator recognises it. */
function describe(url: string): string {
  if (url.startsWith("sqlite:")) return `the SQLite file ${url.slice("sqlite:".length)}`;
  try {
    const parsed = new URL(url);
    return `PostgreSQL at ${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
  } catch {
    return "the PostgreSQL server";
  }
}

function withTimeout<T>(work: Promise<T>, timeoutMs = 2000): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(
      () => reject(Object.assign(new Error("the database did not answer in time"), { code: "TIMEOUT" })),
      timeoutMs,
    );
    work.then(
      () => {
        clearTimeout(timer);
        resolvePromise();
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/**
 * Creates the folder level by level. `mkdirSync(..., { recursive: true })` never returns for some paths (under
 * /proc it loops on ENOENT), which would hang start-up; this fails with the first level that cannot be made.
 */
function ensureDirectory(dir: string): void {
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) {
      throw Object.assign(new Error(`${dir} is not a folder`), { code: "ENOTDIR" });
    }
    return;
  }
  const parent = dirname(dir);
  if (parent !== dir) ensureDirectory(parent);
  mkdirSync(dir);
}
