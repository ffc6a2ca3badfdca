import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { type Connection, connect } from "../../src/db/connect.js";
import { migrateToLatest } from "../../src/db/migrate.js";

/** A fresh, migrated database of one dialect, and how to throw it away. */
export interface TestDatabase {
  connection: Connection;
  url: string;
  drop(): Promise<void>;
}

export interface DialectUnderTest {
  name: "sqlite" | "postgres";
  create(): Promise<TestDatabase>;
}

const postgresUrl = process.env.TEST_POSTGRES_URL;

const sqlite: DialectUnderTest = {
  name: "sqlite",
  async create() {
    const dir = mkdtempSync(join(tmpdir(), "corong-test-"));
    const url = `sqlite:${join(dir, "corong.db")}`;
    const connection = connect(url);
    await migrateToLatest(connection);
    return {
      connection,
      url,
      async drop() {
        await connection.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

/** Each test database is its own Postgres schema, so parallel test files never see each other's rows. */
function postgres(url: string): DialectUnderTest {
  return {
    name: "postgres",
    async create() {
      const schema = `corong_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      await admin.end();
      // The schema rides in the URL, so a service started from config lands in it too.
      const schemaUrl = `${url}${url.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
      const connection = connect(schemaUrl);
      await migrateToLatest(connection);
      return {
        connection,
        url: schemaUrl,
        async drop() {
          await connection.close();
          const cleanup = new pg.Client({ connectionString: url });
          await cleanup.connect();
          await cleanup.query(`drop schema ${schema} cascade`);
          await cleanup.end();
        },
      };
    },
  };
}

if (!postgresUrl) {
  console.warn("TEST_POSTGRES_URL is not set: the PostgreSQL suites are SKIPPED; only SQLite runs.");
}

/** The dialects every storage and use-case suite runs against. */
export const DIALECTS: DialectUnderTest[] = [sqlite, ...(postgresUrl ? [postgres(postgresUrl)] : [])];
