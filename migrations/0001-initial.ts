import type { Kysely } from "kysely";
import { type CorongMigration, withId } from "./dialect.js";

/**
 * Workspaces, teams, members and their roles, reports, and the job ledger.
 * Timestamps are ISO-8601 UTC text and days are YYYY-MM-DD text on both dialects: the app passes the clock in,
 * and text sorts the same way everywhere.
 */
export const initial: CorongMigration = {
  async up(db: Kysely<unknown>, dialect) {
    await withId(db.schema.createTable("workspaces"), dialect)
      .addColumn("platform", "text", (c) => c.notNull())
      .addColumn("external_id", "text", (c) => c.notNull())
      .addColumn("name", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addUniqueConstraint("workspaces_platform_external_id", ["platform", "external_id"])
      .execute();

    await withId(db.schema.createTable("teams"), dialect)
      .addColumn("workspace_id", "integer", (c) =>
        c.notNull().references("workspaces.id").onDelete("cascade"),
      )
      .addColumn("external_id", "text", (c) => c.notNull())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("timezone", "text", (c) => c.notNull())
      .addColumn("locale", "text", (c) => c.notNull())
      .addColumn("working_days", "text", (c) => c.notNull().defaultTo("1,2,3,4,5"))
      .addColumn("quota_visits", "integer", (c) => c.notNull().defaultTo(5))
      .addColumn("quota_follow_ups", "integer", (c) => c.notNull().defaultTo(3))
      .addColumn("reminder_time", "text", (c) => c.notNull().defaultTo("16:00"))
      .addColumn("nudge_time", "text", (c) => c.notNull().defaultTo("13:00"))
      .addColumn("digest_time", "text", (c) => c.notNull().defaultTo("08:00"))
      .addColumn("monthly_target", "integer")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addUniqueConstraint("teams_workspace_external_id", ["workspace_id", "external_id"])
      .execute();

    await withId(db.schema.createTable("members"), dialect)
      .addColumn("workspace_id", "integer", (c) =>
        c.notNull().references("workspaces.id").onDelete("cascade"),
      )
      .addColumn("external_id", "text", (c) => c.notNull())
      .addColumn("display_name", "text", (c) => c.notNull())
      .addColumn("locale", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addUniqueConstraint("members_workspace_external_id", ["workspace_id", "external_id"])
      .execute();

    await db.schema
      .createTable("team_members")
      .addColumn("team_id", "integer", (c) => c.notNull().references("teams.id").onDelete("cascade"))
      .addColumn("member_id", "integer", (c) => c.notNull().references("members.id").onDelete("cascade"))
      .addColumn("role", "text", (c) => c.notNull())
      .addColumn("joined_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("team_members_pk", ["team_id", "member_id"])
      .execute();

    // A metric column is null when the message did not mention it, 0 when it said "0 visits".
    let reports = withId(db.schema.createTable("reports"), dialect)
      .addColumn("workspace_id", "integer", (c) =>
        c.notNull().references("workspaces.id").onDelete("cascade"),
      )
      .addColumn("team_id", "integer", (c) => c.notNull().references("teams.id").onDelete("cascade"))
      .addColumn("member_id", "integer", (c) => c.notNull().references("members.id").onDelete("cascade"))
      .addColumn("day", "text", (c) => c.notNull());
    for (const column of METRIC_COLUMNS) reports = reports.addColumn(column, "integer");
    await reports
      .addColumn("source_text", "text", (c) => c.notNull())
      .addColumn("message_id", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .addColumn("undone_at", "text")
      // Several NULL message ids (console reports) are allowed by both dialects.
      .addUniqueConstraint("reports_workspace_message_id", ["workspace_id", "message_id"])
      .execute();
    // Team funnels read (team, day); a rep's totals read (team, member, day); undo reads the member's latest.
    await db.schema.createIndex("reports_team_day").on("reports").columns(["team_id", "day"]).execute();
    await db.schema
      .createIndex("reports_team_member_day")
      .on("reports")
      .columns(["team_id", "member_id", "day"])
      .execute();
    await db.schema
      .createIndex("reports_member_team_created")
      .on("reports")
      .columns(["member_id", "team_id", "created_at"])
      .execute();

    await withId(db.schema.createTable("job_runs"), dialect)
      .addColumn("team_id", "integer", (c) => c.notNull().references("teams.id").onDelete("cascade"))
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("period_key", "text", (c) => c.notNull())
      // '' rather than NULL for team-wide jobs: NULLs would never collide in the unique constraint.
      .addColumn("member_key", "text", (c) => c.notNull().defaultTo(""))
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("lease_until", "text")
      .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("sent_at", "text")
      .addUniqueConstraint("job_runs_once", ["team_id", "kind", "period_key", "member_key"])
      .execute();
  },
};

const METRIC_COLUMNS = [
  "visits",
  "follow_ups",
  "relationship_contacts",
  "referrals_asked",
  "referrals_received",
  "leads",
  "prospects",
  "potential",
  "closeable",
  "closed",
] as const;
