import type { Kysely } from "kysely";
import { type CorongMigration, withId } from "./dialect.js";

/**
 * The ledger of platform deliveries (Slack event_id, Telegram update_id): a retry of a delivery that was already
 * handled is skipped even after a restart, while a retry whose original never arrived is handled normally.
 */
export const inboundEvents: CorongMigration = {
  async up(db: Kysely<unknown>, dialect) {
    await withId(db.schema.createTable("inbound_events"), dialect)
      .addColumn("platform", "text", (c) => c.notNull())
      .addColumn("workspace_key", "text", (c) => c.notNull())
      .addColumn("event_id", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("lease_until", "text", (c) => c.notNull())
      // The process that claimed it: after a restart, a claim left by the process that died is taken over at once.
      .addColumn("claimed_by", "text", (c) => c.notNull().defaultTo(""))
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("done_at", "text")
      .addUniqueConstraint("inbound_events_once", ["platform", "workspace_key", "event_id"])
      .execute();
  },
};
