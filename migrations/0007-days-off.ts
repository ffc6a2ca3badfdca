import type { Kysely } from "kysely";
import type { CorongMigration } from "./dialect.js";

/** Days a rep is off: nobody is reminded then, and they do not count against quota. */
export const daysOff: CorongMigration = {
  async up(db: Kysely<unknown>) {
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
