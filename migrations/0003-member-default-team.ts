import type { Kysely } from "kysely";
import type { CorongMigration } from "./dialect.js";

/** A rep in several teams chooses where direct messages are booked; the choice is remembered. */
export const memberDefaultTeam: CorongMigration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable("members")
      .addColumn("default_team_id", "integer", (c) => c.references("teams.id").onDelete("set null"))
      .execute();
  },
};
