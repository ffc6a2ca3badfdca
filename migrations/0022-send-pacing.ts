import type { Kysely } from "kysely";
import type { CorongMigration } from "./dialect.js";

/**
 * Outbound pacing shared by every replica: per key (a Slack channel, a Telegram chat, a platform overall), the
 * instant the next send is due at the platform's pace, in epoch milliseconds (GCRA's theoretical arrival time,
 * src/core/pacing.ts). One row per key, moved on by a single atomic upsert per send.
 */
export const sendPacing: CorongMigration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("send_pacing")
      .addColumn("key", "text", (c) => c.primaryKey())
      .addColumn("tat_ms", "bigint", (c) => c.notNull())
      .execute();
  },
};
