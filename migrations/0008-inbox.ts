import type { Kysely } from "kysely";
import { type CorongMigration, withId } from "./dialect.js";

/**
 * The inbox: every platform delivery (a Slack event, command or button press, a Telegram update) is written here
 * in one short insert before the platform is told it was received, and handled from here. A delivery is unique
 * per (platform, workspace, delivery key), so a retry or a second replica receiving the same one adds nothing.
 * `due_at` is when it may next be taken: the end of the lease while one process handles it, the retry time after
 * a failure.
 */
export const inbox: CorongMigration = {
  async up(db: Kysely<unknown>, dialect) {
    await withId(db.schema.createTable("inbox"), dialect)
      .addColumn("platform", "text", (c) => c.notNull())
      .addColumn("workspace_key", "text", (c) => c.notNull())
      .addColumn("delivery_key", "text", (c) => c.notNull())
      // Deliveries with the same ordering key (one person's messages) are handled one after another.
      .addColumn("ordering_key", "text", (c) => c.notNull())
      // The payload as received; cleared once handled, so the table keeps no message text it no longer needs.
      .addColumn("payload", "text")
      .addColumn("received_at", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("due_at", "text", (c) => c.notNull())
      .addColumn("claimed_by", "text", (c) => c.notNull().defaultTo(""))
      .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("last_error", "text")
      .addColumn("settled_at", "text")
      .addUniqueConstraint("inbox_once", ["platform", "workspace_key", "delivery_key"])
      .execute();
    await db.schema.createIndex("inbox_due").on("inbox").columns(["status", "due_at"]).execute();
  },
};
