import type { DateRange } from "../core/calendar.js";
import type { Locale } from "../core/locale.js";
import type { PartialCounts } from "../core/metrics.js";
import type { Reply, ReplyImage } from "../core/reply.js";
import type { JobKind } from "../core/schedule.js";
import type { ScoredSetting, SettingChange } from "../core/setting-history.js";
import type { Member, MemberTotals, Platform, Report, Role, Team, TeamMember } from "../core/team.js";

export interface NewTeam {
  workspaceId: number;
  externalId: string;
  name: string;
  timezone: string;
  locale: Locale;
}

export type TeamSettingsPatch = Partial<
  Pick<
    Team,
    | "timezone"
    | "locale"
    | "workingDays"
    | "reminderTime"
    | "nudgeTime"
    | "digestTime"
    | "name"
    | "country"
    | "repVisibility"
    | "alertDay"
    | "alertTime"
    | "recapDay"
    | "recapTime"
  >
>;

export interface NewReport {
  workspaceId: number;
  teamId: number;
  memberId: number;
  day: string;
  counts: PartialCounts;
  sourceText: string;
  /** The platform's id for the message; null where the platform has none (the console). */
  messageId: string | null;
  at: string;
  /** When the platform says this text was written or edited: an older revision never overwrites a newer one. */
  revisedAt?: string | null;
}

/**
 * What saving a report did. A platform that delivers the same message twice gets "duplicate"; the same message
 * id with new text is an edit and gets "updated" — never a second row.
 */
export type SaveReportOutcome =
  | { kind: "created"; report: Report }
  | { kind: "duplicate"; report: Report }
  | { kind: "updated"; report: Report; previous: Report }
  /** A newer revision of the message (or its deletion) is stored already: this one changes nothing. */
  | { kind: "stale"; report: Report };

/** A visit checked in by sharing a location: the one-visit report it counts as, and where it was. */
export interface NewCheckIn {
  report: NewReport;
  latitude: number;
  longitude: number;
}

export interface PeriodQuery {
  teamId: number;
  range: DateRange;
  /** Only this member's reports; all the team's when absent. */
  memberId?: number;
}

/** What a platform delivered, as the inbox records it before the platform is told it was received. */
export interface NewDelivery {
  platform: Platform;
  /** The Slack workspace or Telegram bot it came through. */
  workspace: string;
  /** The platform's id for this delivery (Slack event_id or trigger_id, Telegram update_id): unique per workspace. */
  key: string;
  /** Deliveries with the same ordering key (one person's messages) are handled in the order they arrived. */
  ordering: string;
  /** The payload exactly as the platform sent it (parsed JSON). */
  payload: unknown;
  /** Epoch ms it arrived: the moment its report is dated by, however late it is handled. */
  receivedAt: number;
}

/** A recorded delivery, as one process holds it while handling it. */
export interface InboxItem extends NewDelivery {
  id: number;
  /** Which attempt this is (1 for the first); it fences the claim. */
  attempts: number;
}

/** How one attempt at a delivery ended. */
export type Settlement =
  | { status: "done"; at: string; error?: undefined }
  | { status: "failed"; at: string; error: string }
  | { status: "pending"; dueAt: string; error: string };

/** One scheduled job for one period: the ledger does each once, across restarts and replicas. */
export interface JobKey {
  teamId: number;
  kind: JobKind;
  periodKey: string;
  /**
   * The member a personal job is for; "" for a team-wide post, "chart" for the digest's chart, "*" for a finished
   * sweep over the whole team.
   */
  memberKey: string;
}

/** A one-time dashboard login link, stored by the hash of its token. */
export interface NewLoginLink {
  tokenHash: string;
  teamId: number;
  memberId: number;
  at: string;
  expiresAt: string;
}

export type LoginLinkState = "valid" | "used" | "expired" | "unknown";

/** A browser signed in to one team's dashboard, stored by the hash of its cookie. */
export interface NewWebSession {
  idHash: string;
  csrfToken: string;
  at: string;
  expiresAt: string;
}

export interface WebSession {
  teamId: number;
  memberId: number;
  /** The role the member had when they signed in: a manager's session ends when they stop being one. */
  role: Role;
  /** Every form the session posts carries it. */
  csrfToken: string;
  /** The language chosen on the dashboard; null follows the member's. */
  locale: Locale | null;
  expiresAt: string;
}

/** Persistence as the use cases need it. Implemented over Kysely for SQLite and Postgres (src/db/store.ts). */
export interface Store {
  ensureWorkspace(platform: Platform, externalId: string, name: string | null, at: string): Promise<number>;
  findTeam(workspaceId: number, externalId: string): Promise<Team | null>;
  getTeam(teamId: number): Promise<Team | null>;
  createTeam(team: NewTeam, at: string): Promise<Team>;
  /** Changes settings that do not score a period (those have a history: `recordSetting`). */
  updateTeam(teamId: number, patch: TeamSettingsPatch): Promise<Team>;
  /** The history of the settings periods are scored against (quotas, the monthly target). */
  listSettingHistory(teamId: number): Promise<SettingChange[]>;
  /** `name` is `value` from team-local day `from` on (for `member` alone, when given); returns the team. */
  recordSetting(
    teamId: number,
    name: ScoredSetting,
    value: number | null,
    from: string,
    at: string,
    member?: number,
  ): Promise<Team>;
  listTeams(): Promise<Team[]>;

  /** Finds or creates the member, keeping their name (and handle, where the platform has one) current. */
  ensureMember(
    workspaceId: number,
    externalId: string,
    displayName: string,
    at: string,
    handle?: string,
  ): Promise<Member>;
  /** Finds the member, or creates them with `displayName` without renaming an existing one. */
  ensureMemberIfMissing(
    workspaceId: number,
    externalId: string,
    displayName: string,
    at: string,
  ): Promise<Member>;
  setMemberLocale(memberId: number, locale: Locale | null): Promise<void>;
  /** Remembers the language the member last wrote in (for members who have not chosen one). */
  setMemberLastLocale(memberId: number, locale: Locale): Promise<void>;
  roleOf(teamId: number, memberId: number): Promise<Role | null>;
  /** Adds the member to the team with `role`, or changes their role. */
  setRole(teamId: number, memberId: number, role: Role, at: string): Promise<void>;
  /** Adds the member as a rep unless they are already on the team; returns their role. */
  joinTeam(teamId: number, memberId: number, at: string): Promise<Role>;
  /**
   * The team of a channel, and the member writing in it with their role there (null where unknown), in one read:
   * what most messages need. Null when the channel is no team.
   */
  findInTeamChannel(
    workspaceId: number,
    teamExternalId: string,
    memberExternalId: string,
  ): Promise<{ team: Team; member: Member | null; role: Role | null } | null>;
  listMemberTeams(memberId: number): Promise<Team[]>;
  setDefaultTeam(memberId: number, teamId: number | null): Promise<void>;
  listTeamMembers(teamId: number): Promise<TeamMember[]>;

  saveReport(report: NewReport): Promise<SaveReportOutcome>;
  findReportByMessage(workspaceId: number, messageId: string): Promise<Report | null>;
  getReport(reportId: number): Promise<Report | null>;
  /** The member's most recent report in the team that is not withdrawn. */
  lastActiveReport(teamId: number, memberId: number): Promise<Report | null>;
  /**
   * Withdraws a report; false when it was already withdrawn (so two undos never withdraw twice). `by` is the
   * command's platform id, where it has one.
   */
  withdrawReport(reportId: number, at: string, by?: string | null): Promise<boolean>;
  /**
   * The message was deleted on the platform: its report stops counting for good, whatever delivery of it is
   * handled later. Returns the report that was counting, if one was.
   */
  recordDeletion(deletion: {
    workspaceId: number;
    teamId: number;
    memberId: number;
    day: string;
    messageId: string;
    at: string;
  }): Promise<Report | null>;
  /** The report the command with platform id `by` withdrew, if any: the same undo handled twice finds it. */
  findReportWithdrawnBy(teamId: number, by: string): Promise<Report | null>;
  /** Saves a location check-in with its report, once per platform message (like `saveReport`). */
  saveCheckIn(checkIn: NewCheckIn): Promise<SaveReportOutcome>;
  /** How many of the period's active reports were visits checked in by location. */
  countCheckIns(query: PeriodQuery): Promise<number>;

  /** Records a delivery claimed by `owner`; null when it was recorded before (it is not handled again). */
  acceptDelivery(delivery: NewDelivery, owner: string, leaseUntil: string): Promise<InboxItem | null>;
  /** Takes deliveries that are due (retry time reached, or a lease that ran out), each for one caller only. */
  claimDueDeliveries(
    platforms: Platform[],
    at: string,
    leaseUntil: string,
    owner: string,
    limit: number,
  ): Promise<InboxItem[]>;
  renewDeliveries(owner: string, ids: number[], leaseUntil: string): Promise<void>;
  /** Ends an attempt; does nothing when the claim was taken over meanwhile. */
  settleDelivery(item: InboxItem, owner: string, settlement: Settlement): Promise<void>;
  /** Hands back the deliveries `ids` that `owner` holds, due at `at`; returns how many. */
  parkDeliveries(owner: string, ids: number[], at: string): Promise<number>;
  countOpenDeliveries(): Promise<number>;

  listTeamsWithPlatform(): Promise<Array<{ team: Team; platform: Platform }>>;
  getTeamWithPlatform(teamId: number): Promise<{ team: Team; platform: Platform } | null>;
  /** The teams whose next scheduled instant has come at `at` (or was never worked out). */
  listDueTeamsWithPlatform(at: string): Promise<Array<{ team: Team; platform: Platform }>>;
  /** When the scheduler next needs each team, unless its schedule changed since `team` was read; one transaction. */
  setTeamsNextDue(
    entries: ReadonlyArray<{ team: Team; nextDueAt: string }>,
    checkedAt: string,
  ): Promise<void>;
  listTeamHolidays(teamId: number, range: DateRange): Promise<string[]>;
  addTeamHoliday(teamId: number, day: string, name: string | null): Promise<void>;
  addDaysOff(teamId: number, memberId: number, days: string[], at: string): Promise<void>;
  listDaysOff(teamId: number, range: DateRange): Promise<Array<{ memberId: number; day: string }>>;

  /** The attempt number when this caller should do the job now, null when it is settled or claimed elsewhere. */
  claimJob(key: JobKey, at: string, leaseUntil: string): Promise<number | null>;
  markJobSent(key: JobKey, at: string): Promise<void>;
  releaseJob(key: JobKey, attempt: number, retryAt: string): Promise<void>;
  failJob(key: JobKey, attempt: number): Promise<void>;
  isJobSettled(key: JobKey): Promise<boolean>;
  /** Keeps what a claimed job made (the digest chart's PNG) for its retries. */
  saveJobPayload(key: JobKey, payload: Uint8Array): Promise<void>;
  jobPayload(key: JobKey): Promise<Uint8Array | null>;
  /** Deletes job ledger rows and settled deliveries from before `before`; returns how many. */
  pruneLedgers(before: string): Promise<number>;

  /**
   * Per-member sums and days reported over the period, for every member with a report in it (or only
   * `memberId`): the one aggregate every figure is read from (app/figures).
   */
  sumCountsByMember(teamId: number, range: DateRange, memberId?: number): Promise<MemberTotals[]>;
  /** The same sums per member and day (the dashboard's day-by-day table). */
  sumCountsByMemberPerDay(
    teamId: number,
    range: DateRange,
    memberId?: number,
  ): Promise<Array<MemberTotals & { day: string }>>;
  /**
   * The reads behind figures for many teams at once (the Monday digests, src/app/figure-batch.ts): each answers
   * what its one-team twin answers, for every team in `teamIds`, in one query. Sums and check-ins come per piece of
   * a partition of days (`partitionRanges`), so any range made of pieces is their sum.
   */
  sumCountsByTeamMemberPiece(
    teamIds: readonly number[],
    pieces: readonly DateRange[],
  ): Promise<Array<MemberTotals & { teamId: number; piece: number }>>;
  countCheckInsByTeamPiece(
    teamIds: readonly number[],
    pieces: readonly DateRange[],
  ): Promise<Array<{ teamId: number; piece: number; checkIns: number }>>;
  listMembersOfTeams(teamIds: readonly number[]): Promise<Array<TeamMember & { teamId: number }>>;
  listSettingHistoryOfTeams(teamIds: readonly number[]): Promise<Array<SettingChange & { teamId: number }>>;
  listHolidaysOfTeams(
    teamIds: readonly number[],
    range: DateRange,
  ): Promise<Array<{ teamId: number; day: string }>>;
  listDaysOffOfTeams(
    teamIds: readonly number[],
    range: DateRange,
  ): Promise<Array<{ teamId: number; memberId: number; day: string }>>;
  /** Every report with its day in the range, withdrawn ones too, with the rep's name, in day order. */
  listReportsInRange(teamId: number, range: DateRange): Promise<Array<Report & { memberName: string }>>;

  createLoginLink(link: NewLoginLink): Promise<void>;
  loginLinkState(tokenHash: string, at: string): Promise<LoginLinkState>;
  /** Uses the link once and opens a session for its member; null when it cannot be used. */
  redeemLoginLink(tokenHash: string, session: NewWebSession): Promise<WebSession | null>;
  findWebSession(idHash: string, at: string): Promise<WebSession | null>;
  setWebSessionLocale(idHash: string, locale: Locale): Promise<void>;
  endWebSession(idHash: string, at: string): Promise<void>;

  /** The platform and id of a workspace (a Slack team id), and whether the bot was removed from it. */
  getWorkspace(
    workspaceId: number,
  ): Promise<{ platform: string; externalId: string; uninstalledAt: string | null } | null>;
  /** Keeps a Slack installation; a workspace that had uninstalled is scheduled again. */
  saveSlackInstallation(installation: SealedInstallation, at: string): Promise<void>;
  findSlackInstallation(id: string): Promise<SealedInstallation | null>;
  /**
   * Forgets a Slack installation's tokens and stops its workspace's scheduled messages, unless it was installed
   * (again) at or after `installedBefore` (null: whenever it was).
   */
  deleteSlackInstallation(id: string, at: string, installedBefore: string | null): Promise<void>;
  listSlackInstallations(): Promise<SealedInstallation[]>;
  /** Replaces a sealed installation with `to` if it is still `from`; false when it changed meanwhile. */
  resealSlackInstallation(id: string, from: string, to: string): Promise<boolean>;

  /**
   * Books the next outbound send for `key` at one per `intervalMs`, for every replica; returns the booked TAT,
   * never more than `maxAheadMs` (plus one interval) past `now`.
   */
  reserveSendSlot(key: string, now: number, intervalMs: number, maxAheadMs: number): Promise<number>;
}

/**
 * What figures are read from (app/figures, plans, digests): the store itself, or a batch read ahead for many teams
 * that answers the same questions from memory.
 */
export type FigureReads = Pick<
  Store,
  | "sumCountsByMember"
  | "listSettingHistory"
  | "listTeamMembers"
  | "listTeamHolidays"
  | "listDaysOff"
  | "countCheckIns"
>;

/** A Slack installation as stored: found by workspace (`T…`) or organisation (`E…`) id, its tokens sealed. */
export interface SealedInstallation {
  id: string;
  enterpriseId: string | null;
  teamId: string | null;
  sealed: string;
}

/** A chart image that goes with a post (the digest's funnel, the trend). */
export type Chart = ReplyImage;

/**
 * How scheduled work reaches people, one implementation per platform (and the console, which prints). Sending
 * honours the platform's rate limits and Retry-After; a failure throws so the ledger can retry later, and a
 * message the platform will never take throws CorongError("undeliverable") so it is not retried.
 */
export interface Messenger {
  /** A private message to a member: a Slack DM, a Telegram private chat. */
  sendDirect(team: Team, member: Member, reply: Reply): Promise<void>;
  /** A post in the team's channel or group. */
  postToTeam(team: Team, reply: Reply): Promise<void>;
  /** An image in the team's channel or group (the digest's chart, right after its text). */
  postChart(team: Team, chart: Chart): Promise<void>;
}

/** What operators count, as the use cases see it; Prometheus behind it (src/http/metrics.ts), or nothing. */
export interface Telemetry {
  /** A report saved: a new one, an edit of one, or a platform's redelivery of one already stored. */
  reportStored(platform: Platform, outcome: "created" | "updated" | "duplicate"): void;
  /** A message read as a report and refused (`no_activity`, `too_large`, ...). */
  reportRefused(platform: Platform, reason: string): void;
  command(platform: Platform, kind: string): void;
  /** A delivery's attempt ended: handled, to be retried, or given up; `seconds` from claim to end. */
  delivery(platform: Platform, outcome: "done" | "retry" | "failed", seconds: number): void;
  /** A scheduled message: sent, to be retried, or given up. */
  jobRun(kind: string, outcome: "sent" | "retry" | "given_up"): void;
}

export const NO_TELEMETRY: Telemetry = {
  reportStored() {},
  reportRefused() {},
  command() {},
  delivery() {},
  jobRun() {},
};
