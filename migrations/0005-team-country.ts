import type { Kysely } from "kysely";
import type { CorongMigration } from "./dialect.js";

/** The country whose public holidays a team keeps; null means the one its time zone belongs to. */
export const teamCountry: CorongMigration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable("teams").addColumn("country", "text").execute();
  },
};
