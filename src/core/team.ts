import type { LocalDate } from "./calendar.js";
import type { Locale } from "./locale.js";
import type { Counts, PartialCounts } from "./metrics.js";

export type Platform = "slack" | "telegram" | "console";
export type Role = "rep" | "manager";

/** A sales team: a Slack channel or a Telegram group, with its own clock and quotas. */
export interface Team {
  id: number;
  workspaceId: number;
  externalId: string;
  name: string;
  /** IANA zone: days, weeks and schedules are the team's own. */
  timezone: string;
  locale: Locale;
  /** ISO weekdays the team works, 1 = Monday. */
  workingDays: number[];
  quota: { visits: number; followUps: number };
  reminderTime: string;
  nudgeTime: string;
  digestTime: string;
  /** Closings wanted this month; null until a manager sets one. */
  monthlyTarget: number | null;
  /** ISO 3166 country whose public holidays the team keeps; null means the one its time zone belongs to. */
  country: string | null;
  /** "team": reps may see each other's figures; "private" (default): only their own and the team's. */
  repVisibility: "team" | "private";
  /** The manager's alert about reps behind: ISO weekday (1 = Monday) and "HH:MM", team-local. */
  alertDay: number;
  alertTime: string;
  /** Each rep's week recap: ISO weekday and "HH:MM", team-local. */
  recapDay: number;
  recapTime: string;
}

export interface Member {
  id: number;
  workspaceId: number;
  externalId: string;
  displayName: string;
  /** The member's own language choice; null follows the message, then `lastLocale`, the platform hint, the team. */
  locale: Locale | null;
  /** The language the member last wrote in, when they have not chosen one. */
  lastLocale: Locale | null;
  /** Their handle on the platform, where it has one (Telegram @username, without the @). */
  handle: string | null;
  /** The team direct messages are booked to when the member is on several. */
  defaultTeamId: number | null;
}

export interface Report {
  id: number;
  teamId: number;
  memberId: number;
  day: string;
  /** Only the metrics the message mentioned. */
  counts: PartialCounts;
  sourceText: string;
  messageId: string | null;
  createdAt: string;
  undoneAt: string | null;
  /** When the platform says this text was written or last edited; null where it does not say (the console). */
  revisedAt: string | null;
}

/** Sums per member over a period, for the team views. */
export interface MemberTotals {
  memberId: number;
  displayName: string;
  counts: Counts;
  daysReported: number;
  /** The earliest day in the period they reported for, where known. */
  firstDay?: LocalDate;
}

/**
 * Whether the platform's profile (`displayName`, and `handle` where it sends one) is what is stored already: then
 * a message from them needs no write to the member.
 */
export function isSameProfile(member: Member, displayName: string, handle?: string): boolean {
  return member.displayName === displayName && member.handle === (handle?.toLowerCase() ?? member.handle);
}

/** A member as a team sees them: their role, and when they joined (an ISO instant). */
export interface TeamMember extends Member {
  role: Role;
  joinedAt: string;
}
