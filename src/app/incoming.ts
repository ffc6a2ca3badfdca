import type { Locale } from "../core/locale.js";
import type { Platform } from "../core/team.js";

/** A message as every platform hands it to the bot, after the adapter has translated the payload. */
export interface Incoming {
  platform: Platform;
  /** The Slack workspace (team_id), the Telegram bot, the console's demo workspace. */
  workspace: { externalId: string; name?: string };
  /** The channel or group that is the sales team. */
  team: { externalId: string; name?: string };
  user: { externalId: string; displayName: string; localeHint?: Locale };
  /** The text after any command prefix (`/sales `, `/report`) was removed. */
  text: string;
  /**
   * How the message reached the bot: an explicit command (slash command, console line), a direct message, or a
   * plain message in the team channel — where chatter must be ignored, not answered.
   */
  via: "command" | "direct" | "channel";
  /** The platform's id for this message, so a redelivery or an edit never counts twice. */
  messageId?: string;
  /** When the platform received it, epoch ms: the day a report belongs to is computed from this. */
  receivedAt: number;
}
