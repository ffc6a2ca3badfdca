import type { Kysely } from "kysely";
import { type CorongMigration, withId } from "./dialect.js";

/**
 * Visits checked in by sharing a location (Telegram): where and when, beside the one-visit report they count as.
 * The report carries the count, so withdrawing it withdraws the check-in from every total too.
 */
export const visitCheckins: CorongMigration = {
  async up(db: Kysely<unknown>, dialect) {
    await withId(db.schema.createTable("visit_checkins"), dialect)
      .addColumn("report_id", "integer", (c) => c.notNull().references("reports.id").onDelete("cascade"))
      .addColumn("team_id", "integer", (c) => c.notNull().references("teams.id").onDelete("cascade"))
      .addColumn("member_id", "integer", (c) => c.notNull().references("members.id").onDelete("cascade"))
      .addColumn("latitude", dialect === "postgres" ? "double precision" : "real", (c) => c.notNull())
      .addColumn("longitude", dialect === "postgres" ? "double precision" : "real", (c) => c.notNull())
      .addColumn("checked_in_at", "text", (c) => c.notNull())
      .addUniqueConstraint("visit_checkins_report", ["report_id"])
      .execute();
    await db.schema
      .createIndex("visit_checkins_team_member")
      .on("visit_checkins")
      .columns(["team_id", "member_id"])
      .execute();
  },
};
