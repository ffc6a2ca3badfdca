import type { Kysely } from "kysely";
import type { CorongMigration } from "./dialect.js";

/**
 * Which command withdrew a report (a Slack trigger_id, a Telegram message): handling the same `undo` twice, after
 * a crash or a redelivery, finds the report it already withdrew instead of withdrawing the one before it.
 */
export const reportWithdrawnBy: CorongMigration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable("reports").addColumn("withdrawn_by", "text").execute();
  },
};
