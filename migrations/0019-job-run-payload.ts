import type { Kysely } from "kysely";
import type { CorongMigration } from "./dialect.js";

/**
 * What a claimed job made before it was sent (the digest's chart as PNG): a retry after a failed upload posts the
 * same picture as the text beside it, without rendering it again.
 */
export const jobRunPayload: CorongMigration = {
  async up(db: Kysely<unknown>, dialect) {
    await db.schema
      .alterTable("job_runs")
      .addColumn("payload", dialect === "postgres" ? "bytea" : "blob")
      .execute();
  },
};
