import type { Kysely } from "kysely";
import type { CorongMigration } from "./dialect.js";

/** The inbox (0008) records and deduplicates every delivery; the claim-only ledger it replaces goes. */
export const dropInboundEvents: CorongMigration = {
  async up(db: Kysely<unknown>) {
    await db.schema.dropTable("inbound_events").ifExists().execute();
  },
};
