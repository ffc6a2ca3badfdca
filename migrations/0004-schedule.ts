import type { Kysely } from "kysely";
import type { CorongMigration } from "./dialect.js";

/**
 * What the scheduler must respect: the team's country (for public holidays), days a manager adds as holidays,
 * and days a rep is off. Nobody is reminded on those days and they do not count against quota.
 */
export const schedule: CorongMigration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable("teams").addColumn("country", "text").execute();
    await db.schema
      .createTable("team_holidays")
      .addColumn("team_id", "integer", (c) => c.notNull().references("teams.id").onDelete("cascade"))
      .addColumn("day", "text", (c) => c.notNull())
      .addColumn("name", "text")
      .addPrimaryKeyConstraint("team_holidays_pk", ["team_id", "day"])
      .execute();
    await db.schema
      .createTable("days_off")
      .addColumn("team_id", "integer", (c) => c.notNull().references("teams.id").onDelete("cascade"))
      .addColumn("member_id", "integer", (c) => c.notNull().references("members.id").onDelete("cascade"))
      .addColumn("day", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("days_off_pk", ["team_id", "member_id", "day"])
      .execute();
  },
};
