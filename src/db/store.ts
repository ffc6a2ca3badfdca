import type { Kysely } from "kysely";
import type { Store } from "../app/ports.js";
import * as calendar from "./calendar-repository.js";
import * as checkins from "./checkin-repository.js";
import * as deliveries from "./delivery-repository.js";
import * as jobs from "./job-repository.js";
import * as members from "./member-repository.js";
import * as reports from "./report-repository.js";
import type { Database } from "./schema.js";
import * as teams from "./team-repository.js";

/** The Store port over one Kysely database (SQLite or Postgres). */
export function createStore(db: Kysely<Database>): Store {
  return {
    ensureWorkspace: (...args) => teams.ensureWorkspace(db, ...args),
    findTeam: (...args) => teams.findTeam(db, ...args),
    getTeam: (...args) => teams.getTeam(db, ...args),
    createTeam: (...args) => teams.createTeam(db, ...args),
    updateTeam: (...args) => teams.updateTeam(db, ...args),
    listTeams: () => teams.listTeams(db),
    ensureMember: (...args) => members.ensureMember(db, ...args),
    ensureMemberIfMissing: (...args) => members.ensureMemberIfMissing(db, ...args),
    setMemberLocale: (...args) => members.setMemberLocale(db, ...args),
    roleOf: (...args) => members.roleOf(db, ...args),
    setRole: (...args) => members.setRole(db, ...args),
    joinTeam: (...args) => members.joinTeam(db, ...args),
    listMemberTeams: (...args) => members.listMemberTeams(db, ...args),
    setDefaultTeam: (...args) => members.setDefaultTeam(db, ...args),
    listTeamMembers: (...args) => members.listTeamMembers(db, ...args),
    saveReport: (report) => db.transaction().execute((trx) => reports.saveReport(trx, report)),
    findReportByMessage: (...args) => reports.findReportByMessage(db, ...args),
    getReport: (...args) => reports.getReport(db, ...args),
    lastActiveReport: (...args) => reports.lastActiveReport(db, ...args),
    withdrawReport: (...args) => reports.withdrawReport(db, ...args),
    saveCheckIn: (checkIn) => db.transaction().execute((trx) => checkins.saveCheckIn(trx, checkIn)),
    countCheckIns: (...args) => checkins.countCheckIns(db, ...args),
    claimDelivery: (...args) => deliveries.claimDelivery(db, ...args),
    completeDelivery: (...args) => deliveries.completeDelivery(db, ...args),
    releaseDelivery: (...args) => deliveries.releaseDelivery(db, ...args),
    listTeamsWithPlatform: () => teams.listTeamsWithPlatform(db),
    listTeamHolidays: (...args) => calendar.listTeamHolidays(db, ...args),
    addTeamHoliday: (...args) => calendar.addTeamHoliday(db, ...args),
    addDaysOff: (...args) => calendar.addDaysOff(db, ...args),
    listDaysOff: (...args) => calendar.listDaysOff(db, ...args),
    claimJob: (...args) => jobs.claimJob(db, ...args),
    markJobSent: (...args) => jobs.markJobSent(db, ...args),
    releaseJob: (...args) => jobs.releaseJob(db, ...args),
    failJob: (...args) => jobs.failJob(db, ...args),
    isJobSettled: (...args) => jobs.isJobSettled(db, ...args),
    pruneLedgers: (...args) => jobs.pruneLedgers(db, ...args),
    sumCounts: (...args) => reports.sumCounts(db, ...args),
    sumCountsByMember: (...args) => reports.sumCountsByMember(db, ...args),
    daysReported: (...args) => reports.daysReported(db, ...args),
  };
}
