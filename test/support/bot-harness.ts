import { type Bot, createBot } from "../../src/app/bot.js";
import type { Incoming } from "../../src/app/incoming.js";
import { silentLogger } from "../../src/app/logger.js";
import type { Store } from "../../src/app/ports.js";
import { replyToText } from "../../src/core/reply.js";
import type { Team } from "../../src/core/team.js";
import { createStore } from "../../src/db/store.js";
import type { TestDatabase } from "./databases.js";

/** Wednesday 2 December 2026, 10:00 in Jakarta. */
export const WED_10AM_JAKARTA = Date.parse("2026-12-02T10:00:00+07:00");

export interface Harness {
  store: Store;
  bot: Bot;
  team: Team;
  /** Sends a message as `user` and returns the reply as plain text ("" when the bot stays silent). */
  send(text: string, options?: Partial<Omit<Incoming, "text" | "user">> & { user?: string }): Promise<string>;
}

/** A Slack-like workspace with one team ("Sales JKT", Asia/Jakarta) and its manager "maya". */
export async function harness(
  database: TestDatabase,
  workspace = "T1",
  options: { dashboard?: () => string | null } = {},
): Promise<Harness> {
  const store = createStore(database.connection.db);
  const bot = createBot({
    store,
    logger: silentLogger,
    defaults: { timeZone: "Asia/Jakarta", locale: "en" },
    ...(options.dashboard ? { dashboard: options.dashboard } : {}),
  });
  const at = new Date(WED_10AM_JAKARTA).toISOString();
  const workspaceId = await store.ensureWorkspace("slack", workspace, "Acme", at);
  const team = await store.createTeam(
    { workspaceId, externalId: "C-SALES", name: "Sales JKT", timezone: "Asia/Jakarta", locale: "en" },
    at,
  );
  const manager = await store.ensureMember(workspaceId, "maya", "Maya", at);
  await store.setRole(team.id, manager.id, "manager", at);
  return {
    store,
    bot,
    team,
    async send(text, options = {}) {
      const { user = "ayu", ...rest } = options;
      const reply = await bot.handle({
        platform: "slack",
        workspace: { externalId: workspace },
        team: { externalId: "C-SALES" },
        user: { externalId: user, displayName: user.charAt(0).toUpperCase() + user.slice(1) },
        via: "direct",
        receivedAt: WED_10AM_JAKARTA,
        ...rest,
        text,
      });
      return replyToText(reply);
    },
  };
}
