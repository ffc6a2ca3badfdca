import type { Kysely } from "kysely";
import type { CorongMigration } from "./dialect.js";

/** Days a manager declares holidays for the team, on top of its country's public holidays. */
export const teamHolidays: CorongMigration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("team_holidays")
      .addColumn("team_id", "integer", (c) => c.notNull().references("teams.id").onDelete("cascade"))
      .addColumn("day", "text", (c) => c.notNull())
      .addColumn("name", "text")
      .addPrimaryKeyConstraint("team_holidays_pk", ["team_id", "day"])
      .execute();
  },
};
