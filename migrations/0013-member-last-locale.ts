import type { Kysely } from "kysely";
import type { CorongMigration } from "./dialect.js";

/**
 * The language a member last wrote in, for members who never chose one: a message both languages share
 * ("closing 2") is answered in the language of the conversation, not flipped to the team's.
 */
export const memberLastLocale: CorongMigration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable("members").addColumn("last_locale", "text").execute();
  },
};
