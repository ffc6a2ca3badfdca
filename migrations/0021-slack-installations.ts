import type { Kysely } from "kysely";
import type { CorongMigration } from "./dialect.js";

/**
 * Slack workspaces that installed Corong through "Add to Slack". The installation (bot token, bot user, scopes,
 * installer) is kept sealed with AES-256-GCM under CORONG_ENCRYPTION_KEY; only what finds it (the workspace or
 * organisation id) is in the clear. A workspace that uninstalled keeps its teams and reports, marked
 * `uninstalled_at` so the scheduler leaves them be until it installs again.
 */
export const slackInstallations: CorongMigration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("slack_installations")
      // "T…" for a workspace install, "E…" for an organisation-wide one.
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("enterprise_id", "text")
      .addColumn("team_id", "text")
      .addColumn("sealed", "text", (c) => c.notNull())
      .addColumn("installed_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.alterTable("workspaces").addColumn("uninstalled_at", "text").execute();
  },
};
