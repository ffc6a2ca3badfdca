import { type Kysely, sql } from "kysely";
import type { CorongMigration } from "./dialect.js";

/** Settings in force before any recorded change: the team's values apply to every earlier day. */
const SINCE_ALWAYS = "0001-01-01";

/**
 * The history of the settings a period is scored against (daily quotas, the monthly closing target): one row per
 * change, in force from its day on, so last week is scored against last week's quota even after a change today.
 * `member_key` is '' for the team; a member's own setting would carry their id. Each team's current values are
 * recorded as in force since always.
 */
export const settingHistory: CorongMigration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("setting_history")
      .addColumn("team_id", "integer", (c) => c.notNull().references("teams.id").onDelete("cascade"))
      .addColumn("member_key", "text", (c) => c.notNull().defaultTo(""))
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("value", "integer")
      .addColumn("effective_from", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("setting_history_pk", ["team_id", "member_key", "name", "effective_from"])
      .execute();
    await sql`
      insert into setting_history (team_id, member_key, name, value, effective_from, created_at)
      select id, '', 'quota.visits', quota_visits, ${SINCE_ALWAYS}, created_at from teams
      union all
      select id, '', 'quota.followUps', quota_follow_ups, ${SINCE_ALWAYS}, created_at from teams
      union all
      select id, '', 'monthlyTarget', monthly_target, ${SINCE_ALWAYS}, created_at from teams
        where monthly_target is not null`.execute(db);
  },
};
