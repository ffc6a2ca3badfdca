import type { Kysely } from "kysely";
import type { CorongMigration } from "./dialect.js";

/**
 * Whether reps may see each other's figures ("team") or only their own and the team's ("private", the default):
 * a manager's choice, `settings visibility team`.
 */
export const teamVisibility: CorongMigration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable("teams")
      .addColumn("rep_visibility", "text", (c) => c.notNull().defaultTo("private"))
      .execute();
  },
};
