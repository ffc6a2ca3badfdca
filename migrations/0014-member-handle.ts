import type { Kysely } from "kysely";
import type { CorongMigration } from "./dialect.js";

/** A member's handle where the platform has one (a Telegram @username): `funnel @budi` finds them by it. */
export const memberHandle: CorongMigration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable("members").addColumn("handle", "text").execute();
  },
};
