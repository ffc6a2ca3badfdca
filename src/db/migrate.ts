import { type Kysely, type Migration, type MigrationResultSet, Migrator, sql } from "kysely";
import type { Dialect } from "../../migrations/dialect.js";
import { MIGRATIONS } from "../../migrations/index.js";
import type { Database } from "./schema.js";
import { retryTransient } from "./transient.js";

const MIGRATION_RETRY = { budgetMs: 60_000, maxDelayMs: 2000 };

/** Brings the schema up to date. Safe to run at every start and from several replicas at once (Kysely locks). */
export async function migrateToLatest(connection: {
  db: Kysely<Database>;
  dialect: Dialect;
}): Promise<MigrationResultSet> {
  const { db, dialect } = connection;
  const schema =
    dialect === "postgres"
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  const migrations: Record<string, Migration> = {};
  for (const [name, migration] of Object.entries(MIGRATIONS)) {
    migrations[name] = {
      up: (kdb) => migration.up(kdb, dialect),
      ...(migration.down
        ? { down: (kdb: Kysely<unknown>) => migration.down?.(kdb, dialect) ?? Promise.resolve() }
        : {}),
    };
  }
  // Kysely looks for its ledger tables across all schemas unless told which one is ours.
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  // Replicas starting together queue on Kysely's migration lock; a wait past the lock timeout is tried again.
  return retryTransient(async () => {
    const result = await migrator.migrateToLatest();
    if (result.error) throw result.error;
    return result;
  }, MIGRATION_RETRY);
}
