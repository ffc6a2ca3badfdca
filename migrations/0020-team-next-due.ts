import type { Kysely } from "kysely";
import type { CorongMigration } from "./dialect.js";

/**
 * When the scheduler next needs to look at a team (`next_due_at`), and when it worked that out (`due_checked_at`).
 * A tick reads only the teams whose instant has come, so ten thousand idle teams cost one indexed query, not ten
 * thousand time-zone computations. Null means "look now": a new team, changed settings, or every team after this
 * migration.
 */
export const teamNextDue: CorongMigration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable("teams").addColumn("next_due_at", "text").execute();
    await db.schema.alterTable("teams").addColumn("due_checked_at", "text").execute();
    await db.schema.createIndex("teams_next_due").on("teams").column("next_due_at").execute();
  },
};
