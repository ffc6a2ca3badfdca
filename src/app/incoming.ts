import type { Locale } from "../core/locale.js";
import type { Platform } from "../core/team.js";

/** A message as every platform hands it to the bot, after the adapter has translated the payload. */
export interface Incoming {
  platform: Platform;
  /** The Slack workspace (team_id), the Telegram bot, the console's demo workspace. */
  workspace: { externalId: string; name?: string };
  /** The channel or group that is the sales team; absent in a direct message, where the member's team is used. */
  team?: { externalId: string; name?: string };
  /** `handle`: a Telegram @username, without the @, so `funnel @budi` can find them. */
  user: { externalId: string; displayName: string; localeHint?: Locale; handle?: string };
  /** The text after any command prefix (`/sales `, `/report`) was removed. */
  text: string;
  /**
   * How the message reached the bot: an explicit command (slash command, console line), a direct message, or a
   * plain message in the team channel — where chatter must be ignored, not answered.
   */
  via: "command" | "direct" | "channel";
  /**
   * The first word is the platform's fixed command name (Telegram's `/today` from the menu), not words the person
   * chose: it says nothing about the language they write in.
   */
  menuCommand?: boolean;
  /** The platform's id for this message, so a redelivery or an edit never counts twice. */
  messageId?: string;
  /** When the platform received it, epoch ms. */
  receivedAt: number;
  /**
   * When the person first wrote the message, epoch ms, where the platform says (Slack's ts, Telegram's date): the
   * day a report belongs to is computed from it, so an edit tomorrow does not move today's report.
   */
  sentAt?: number;
  /**
   * When this text of the message was written — its first send, or its latest edit — epoch ms, where the platform
   * says: a late delivery of an older text never overwrites a newer one.
   */
  revisedAt?: number;
  /** The sender's IANA time zone from their platform profile, fetched only when a new team needs one. */
  lookupTimeZone?: () => Promise<string | undefined>;
  /**
   * The people the platform makes the team's managers (Telegram group admins), fetched fresh when setting a team
   * up or using a manager-only command. Absent where roles are Corong's own (Slack, the console).
   */
  lookupManagers?: (teamExternalId: string) => Promise<PlatformPerson[]>;
  /**
   * The people in the channel (bots excluded), where the platform can list them (Slack): they are the team's reps
   * from the moment it is set up, so a rep who never wrote is still reminded and on the digest.
   */
  lookupMembers?: () => Promise<PlatformPerson[]>;
  /** Someone's name by their platform id, for a person named in a command ("manager @U123"). */
  lookupPerson?: (externalId: string) => Promise<PlatformPerson | undefined>;
  /** The person whose message this one replies to (a Telegram reply), for "funnel" asked as a reply. */
  replyTo?: PlatformPerson;
  /** A shared location: a visit checked in where the rep is. */
  location?: { latitude: number; longitude: number };
}

export interface PlatformPerson {
  externalId: string;
  displayName: string;
}

/** A button the user pressed under one of the bot's replies. */
export interface IncomingAction extends Omit<Incoming, "text" | "via"> {
  /** The ReplyButton action: "undo", "add:visits", "add:followUps", "team:<id>". */
  action: string;
}

/** Who is looking, for views that are not an answer to a message (Slack's App Home). */
export type Viewer = Omit<Incoming, "text" | "via" | "messageId" | "team">;
