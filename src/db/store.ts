import type { Kysely } from "kysely";
import type { Store } from "../app/ports.js";
import * as calendar from "./calendar-repository.js";
import * as checkins from "./checkin-repository.js";
import { groupCommit } from "./group-commit.js";
import * as inbox from "./inbox-repository.js";
import * as installations from "./installation-repository.js";
import * as jobs from "./job-repository.js";
import * as members from "./member-repository.js";
import * as pacing from "./pacing-repository.js";
import * as reports from "./report-repository.js";
import type { Database } from "./schema.js";
import * as settings from "./setting-repository.js";
import * as signIn from "./sign-in-repository.js";
import * as teams from "./team-repository.js";
import { isTransientDatabaseError, type RetryPolicy, retryTransient } from "./transient.js";

export interface StoreOptions {
  /** Told whether each call reached the database, so /healthz can say so without asking it. */
  onOutcome?: (reached: boolean, error?: unknown) => void;
}

/**
 * How long one call keeps retrying a dropped connection or a locked file. Recording a delivery must finish in time
 * for the platform's acknowledgement deadline (Slack's is 3 s); other work may wait a little longer.
 */
const POLICIES: Partial<Record<keyof Store, RetryPolicy>> = {
  acceptDelivery: { budgetMs: 1000, boundEachAttempt: true },
};
const DEFAULT_POLICY: RetryPolicy = { budgetMs: 3000 };

/**
 * The Store port over one Kysely database (SQLite or Postgres). Every call goes through the one retry place:
 * transient errors are retried with backoff, then surface as CorongError("unavailable"). Each call is a single
 * statement or one transaction, and safe to repeat.
 */
export function createStore(db: Kysely<Database>, options: StoreOptions = {}): Store {
  // A workspace's row id never changes and the row is never deleted: each is looked up once per process, not once
  // per message.
  const workspaceIds = new Map<string, number>();
  // Writes arriving at the same moment share one commit: under load, one fsync for many instead of one each.
  // Each still resolves only once it is committed, so "accepted means durable" holds as before.
  const acceptTogether = groupCommit(db, inbox.insertDelivery, (d) =>
    [d.platform, d.workspace, d.key].join("\u0000"),
  );
  const saveReportsTogether = groupCommit(db, reports.saveReport, (r) =>
    [r.workspaceId, r.messageId ?? ""].join("\u0000"),
  );
  const settleTogether = groupCommit(db, inbox.settleDelivery, (item) => String(item.id).padStart(16, "0"));
  const calls: Store = {
    async ensureWorkspace(platform, externalId, name, at) {
      const key = `${platform}:${externalId}`;
      const known = workspaceIds.get(key);
      if (known !== undefined) return known;
      const id = await teams.ensureWorkspace(db, platform, externalId, name, at);
      if (workspaceIds.size < 10_000) workspaceIds.set(key, id);
      return id;
    },
    findTeam: (...args) => teams.findTeam(db, ...args),
    getTeam: (...args) => teams.getTeam(db, ...args),
    createTeam: (team, at) => db.transaction().execute((trx) => teams.createTeam(trx, team, at)),
    updateTeam: (...args) => teams.updateTeam(db, ...args),
    listSettingHistory: (...args) => settings.listSettingHistory(db, ...args),
    recordSetting: (teamId, name, value, from, at, member) =>
      db.transaction().execute(async (trx) => {
        await settings.recordSetting(trx, teamId, name, value, from, at, member);
        return teams.getTeamOrThrow(trx, teamId);
      }),
    listTeams: () => teams.listTeams(db),
    ensureMember: (...args) => members.ensureMember(db, ...args),
    ensureMemberIfMissing: (...args) => members.ensureMemberIfMissing(db, ...args),
    setMemberLocale: (...args) => members.setMemberLocale(db, ...args),
    setMemberLastLocale: (...args) => members.setMemberLastLocale(db, ...args),
    roleOf: (...args) => members.roleOf(db, ...args),
    setRole: (...args) => members.setRole(db, ...args),
    joinTeam: (...args) => members.joinTeam(db, ...args),
    listMemberTeams: (...args) => members.listMemberTeams(db, ...args),
    findInTeamChannel: (...args) => members.findInTeamChannel(db, ...args),
    setDefaultTeam: (...args) => members.setDefaultTeam(db, ...args),
    listTeamMembers: (...args) => members.listTeamMembers(db, ...args),
    saveReport: saveReportsTogether,
    findReportByMessage: (...args) => reports.findReportByMessage(db, ...args),
    getReport: (...args) => reports.getReport(db, ...args),
    lastActiveReport: (...args) => reports.lastActiveReport(db, ...args),
    withdrawReport: (...args) => reports.withdrawReport(db, ...args),
    recordDeletion: (deletion) => db.transaction().execute((trx) => reports.recordDeletion(trx, deletion)),
    findReportWithdrawnBy: (...args) => reports.findReportWithdrawnBy(db, ...args),
    saveCheckIn: (checkIn) => db.transaction().execute((trx) => checkins.saveCheckIn(trx, checkIn)),
    countCheckIns: (...args) => checkins.countCheckIns(db, ...args),
    acceptDelivery: acceptTogether,
    claimDueDeliveries: (...args) => inbox.claimDueDeliveries(db, ...args),
    renewDeliveries: (...args) => inbox.renewDeliveries(db, ...args),
    settleDelivery: settleTogether,
    parkDeliveries: (...args) => inbox.parkDeliveries(db, ...args),
    countOpenDeliveries: () => inbox.countOpenDeliveries(db),
    listTeamsWithPlatform: () => teams.listTeamsWithPlatform(db),
    getTeamWithPlatform: (...args) => teams.getTeamWithPlatform(db, ...args),
    listDueTeamsWithPlatform: (...args) => teams.listDueTeamsWithPlatform(db, ...args),
    setTeamsNextDue: (entries, checkedAt) =>
      db.transaction().execute((trx) => teams.setManyTeamsNextDue(trx, entries, checkedAt)),
    listTeamHolidays: (...args) => calendar.listTeamHolidays(db, ...args),
    addTeamHoliday: (...args) => calendar.addTeamHoliday(db, ...args),
    addDaysOff: (...args) => calendar.addDaysOff(db, ...args),
    listDaysOff: (...args) => calendar.listDaysOff(db, ...args),
    claimJob: (...args) => jobs.claimJob(db, ...args),
    markJobSent: (...args) => jobs.markJobSent(db, ...args),
    releaseJob: (...args) => jobs.releaseJob(db, ...args),
    failJob: (...args) => jobs.failJob(db, ...args),
    isJobSettled: (...args) => jobs.isJobSettled(db, ...args),
    saveJobPayload: (...args) => jobs.saveJobPayload(db, ...args),
    jobPayload: (...args) => jobs.jobPayload(db, ...args),
    pruneLedgers: (...args) => jobs.pruneLedgers(db, ...args),
    sumCountsByMember: (...args) => reports.sumCountsByMember(db, ...args),
    sumCountsByMemberPerDay: (...args) => reports.sumCountsByMemberPerDay(db, ...args),
    sumCountsByTeamMemberPiece: (...args) => reports.sumCountsByTeamMemberPiece(db, ...args),
    countCheckInsByTeamPiece: (...args) => checkins.countCheckInsByTeamPiece(db, ...args),
    listMembersOfTeams: (...args) => members.listMembersOfTeams(db, ...args),
    listSettingHistoryOfTeams: (...args) => settings.listSettingHistoryOfTeams(db, ...args),
    listHolidaysOfTeams: (...args) => calendar.listHolidaysOfTeams(db, ...args),
    listDaysOffOfTeams: (...args) => calendar.listDaysOffOfTeams(db, ...args),
    listReportsInRange: (...args) => reports.listReportsInRange(db, ...args),
    createLoginLink: (...args) => signIn.createLoginLink(db, ...args),
    loginLinkState: (...args) => signIn.loginLinkState(db, ...args),
    redeemLoginLink: (tokenHash, session) =>
      db.transaction().execute((trx) => signIn.redeemLoginLink(trx, tokenHash, session)),
    findWebSession: (...args) => signIn.findWebSession(db, ...args),
    setWebSessionLocale: (...args) => signIn.setWebSessionLocale(db, ...args),
    endWebSession: (...args) => signIn.endWebSession(db, ...args),
    getWorkspace: (...args) => installations.getWorkspace(db, ...args),
    saveSlackInstallation: (installation, at) =>
      db.transaction().execute((trx) => installations.saveSlackInstallation(trx, installation, at)),
    findSlackInstallation: (...args) => installations.findSlackInstallation(db, ...args),
    deleteSlackInstallation: (id, at, installedBefore) =>
      db.transaction().execute((trx) => installations.deleteSlackInstallation(trx, id, at, installedBefore)),
    listSlackInstallations: () => installations.listSlackInstallations(db),
    resealSlackInstallation: (...args) => installations.resealSlackInstallation(db, ...args),
    reserveSendSlot: (...args) => pacing.reserveSendSlot(db, ...args),
  };
  const retrying = Object.entries(calls).map(([name, call]: [string, (...args: unknown[]) => unknown]) => {
    const policy = POLICIES[name as keyof Store] ?? DEFAULT_POLICY;
    const wrapped = async (...args: unknown[]) => {
      try {
        const result = await retryTransient(async () => call(...args), policy);
        options.onOutcome?.(true);
        return result;
      } catch (error) {
        // A wrong query reached the database all the same; only an unreachable one is news for /healthz.
        options.onOutcome?.(!isTransientDatabaseError(error), error);
        throw error;
      }
    };
    return [name, wrapped] as const;
  });
  return Object.fromEntries(retrying) as unknown as Store;
}
