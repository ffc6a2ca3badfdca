import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely } from "kysely";

/** The SQL dialects Corong runs on; migrations are shared and differ only where SQL does. */
export type Dialect = "sqlite" | "postgres";

/** A Kysely migration that also knows which dialect it runs on. */
export interface CorongMigration {
  up(db: Kysely<unknown>, dialect: Dialect): Promise<void>;
  down?(db: Kysely<unknown>, dialect: Dialect): Promise<void>;
}

/** Adds an auto-incrementing integer primary key `id`: `serial` on Postgres, `integer autoincrement` on SQLite. */
export function withId<T extends string>(table: CreateTableBuilder<T, never>, dialect: Dialect) {
  return dialect === "postgres"
    ? table.addColumn("id", "serial", (c: ColumnDefinitionBuilder) => c.primaryKey())
    : table.addColumn("id", "integer", (c: ColumnDefinitionBuilder) => c.primaryKey().autoIncrement());
}
