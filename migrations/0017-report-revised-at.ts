import type { Kysely } from "kysely";
import type { CorongMigration } from "./dialect.js";

/**
 * When the platform says the report's text was written or last edited (ISO instant). Deliveries of one message can
 * be handled out of order — a retry after a database blip, two replicas — so an older text never overwrites a newer
 * one, and a deletion (stored as the latest revision there can be) is never undone by a late original.
 */
export const reportRevisedAt: CorongMigration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable("reports").addColumn("revised_at", "text").execute();
  },
};
