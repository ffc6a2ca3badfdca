import type { Kysely } from "kysely";
import type { CorongMigration } from "./dialect.js";

/**
 * The dashboard's sign-in: one-time login links minted in the chat, and the browser sessions they open. Both are
 * stored by the SHA-256 of their secret, never the secret itself, so a copy of the database signs nobody in. They
 * live in the database, not in process memory: a session survives a restart and works on every replica.
 */
export const webSignIn: CorongMigration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("login_links")
      .addColumn("token_hash", "text", (c) => c.primaryKey())
      .addColumn("team_id", "integer", (c) => c.notNull().references("teams.id").onDelete("cascade"))
      .addColumn("member_id", "integer", (c) => c.notNull().references("members.id").onDelete("cascade"))
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("expires_at", "text", (c) => c.notNull())
      .addColumn("used_at", "text")
      .execute();
    await db.schema
      .createTable("web_sessions")
      .addColumn("id_hash", "text", (c) => c.primaryKey())
      .addColumn("team_id", "integer", (c) => c.notNull().references("teams.id").onDelete("cascade"))
      .addColumn("member_id", "integer", (c) => c.notNull().references("members.id").onDelete("cascade"))
      .addColumn("role", "text", (c) => c.notNull())
      .addColumn("csrf_token", "text", (c) => c.notNull())
      .addColumn("locale", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("expires_at", "text", (c) => c.notNull())
      .addColumn("ended_at", "text")
      .execute();
  },
};
