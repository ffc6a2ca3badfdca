import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

/**
 * Table types as the app sees them: CamelCasePlugin maps `follow_ups` to `followUps`, so metric columns carry
 * the metric names used everywhere else.
 */
export interface Database {
  workspaces: WorkspacesTable;
  teams: TeamsTable;
  members: MembersTable;
  teamMembers: TeamMembersTable;
  reports: ReportsTable;
  jobRuns: JobRunsTable;
  inbox: InboxTable;
  visitCheckins: VisitCheckinsTable;
  teamHolidays: TeamHolidaysTable;
  daysOff: DaysOffTable;
  settingHistory: SettingHistoryTable;
  loginLinks: LoginLinksTable;
  webSessions: WebSessionsTable;
  slackInstallations: SlackInstallationsTable;
  sendPacing: SendPacingTable;
}

export interface SendPacingTable {
  key: string;
  /** Epoch ms; Postgres hands a bigint back as a string. */
  tatMs: number | string;
}

export interface SlackInstallationsTable {
  id: string;
  enterpriseId: string | null;
  teamId: string | null;
  /** The whole installation as JSON, sealed (src/secrets/sealer.ts). */
  sealed: string;
  installedAt: string;
  updatedAt: string;
}

export interface LoginLinksTable {
  tokenHash: string;
  teamId: number;
  memberId: number;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface WebSessionsTable {
  idHash: string;
  teamId: number;
  memberId: number;
  role: string;
  csrfToken: string;
  locale: string | null;
  createdAt: string;
  expiresAt: string;
  endedAt: string | null;
}

export interface SettingHistoryTable {
  teamId: number;
  memberKey: ColumnType<string, string | undefined, string>;
  name: string;
  value: number | null;
  effectiveFrom: string;
  createdAt: string;
}

export interface TeamHolidaysTable {
  teamId: number;
  day: string;
  name: string | null;
}

export interface DaysOffTable {
  teamId: number;
  memberId: number;
  day: string;
  createdAt: string;
}

/** A visit checked in by location; its count lives in the report it belongs to. */
export interface VisitCheckinsTable {
  id: Generated<number>;
  reportId: number;
  teamId: number;
  memberId: number;
  latitude: number;
  longitude: number;
  checkedInAt: string;
}

export interface WorkspacesTable {
  id: Generated<number>;
  platform: string;
  externalId: string;
  name: string | null;
  createdAt: string;
  /** Set when the platform said the bot was removed (Slack app_uninstalled); its jobs wait for a reinstall. */
  uninstalledAt: string | null;
}

export interface TeamsTable {
  id: Generated<number>;
  workspaceId: number;
  externalId: string;
  name: string;
  timezone: string;
  locale: string;
  workingDays: ColumnType<string, string | undefined, string>;
  quotaVisits: ColumnType<number, number | undefined, number>;
  quotaFollowUps: ColumnType<number, number | undefined, number>;
  reminderTime: ColumnType<string, string | undefined, string>;
  nudgeTime: ColumnType<string, string | undefined, string>;
  digestTime: ColumnType<string, string | undefined, string>;
  monthlyTarget: number | null;
  country: ColumnType<string | null, string | null | undefined, string | null>;
  repVisibility: ColumnType<string, string | undefined, string>;
  alertDay: ColumnType<number, number | undefined, number>;
  alertTime: ColumnType<string, string | undefined, string>;
  recapDay: ColumnType<number, number | undefined, number>;
  recapTime: ColumnType<string, string | undefined, string>;
  createdAt: string;
  nextDueAt: ColumnType<string | null, string | null | undefined, string | null>;
  dueCheckedAt: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface MembersTable {
  id: Generated<number>;
  workspaceId: number;
  externalId: string;
  displayName: string;
  locale: string | null;
  lastLocale: ColumnType<string | null, string | null | undefined, string | null>;
  handle: ColumnType<string | null, string | null | undefined, string | null>;
  defaultTeamId: number | null;
  createdAt: string;
}

export interface TeamMembersTable {
  teamId: number;
  memberId: number;
  role: string;
  joinedAt: string;
}

export interface ReportsTable {
  id: Generated<number>;
  workspaceId: number;
  teamId: number;
  memberId: number;
  day: string;
  visits: number | null;
  followUps: number | null;
  relationshipContacts: number | null;
  referralsAsked: number | null;
  referralsReceived: number | null;
  leads: number | null;
  prospects: number | null;
  potential: number | null;
  closeable: number | null;
  closed: number | null;
  sourceText: string;
  messageId: string | null;
  createdAt: string;
  updatedAt: string;
  undoneAt: string | null;
  withdrawnBy: ColumnType<string | null, string | null | undefined, string | null>;
  revisedAt: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface JobRunsTable {
  id: Generated<number>;
  teamId: number;
  kind: string;
  periodKey: string;
  memberKey: ColumnType<string, string | undefined, string>;
  status: string;
  leaseUntil: string | null;
  attempts: ColumnType<number, number | undefined, number>;
  createdAt: string;
  sentAt: string | null;
  payload: ColumnType<Uint8Array | null, Uint8Array | null | undefined, Uint8Array | null>;
}

export interface InboxTable {
  id: Generated<number>;
  platform: string;
  workspaceKey: string;
  deliveryKey: string;
  orderingKey: string;
  payload: string | null;
  receivedAt: string;
  status: string;
  dueAt: string;
  claimedBy: ColumnType<string, string | undefined, string>;
  attempts: ColumnType<number, number | undefined, number>;
  lastError: string | null;
  settledAt: string | null;
}

export type TeamRow = Selectable<TeamsTable>;
export type NewTeamRow = Insertable<TeamsTable>;

export type TeamRowUpdate = Updateable<TeamsTable>;
export type MemberRow = Selectable<MembersTable>;
export type ReportRow = Selectable<ReportsTable>;
export type NewReportRow = Insertable<ReportsTable>;
