import type { Kysely, Transaction } from "kysely";
import type { NewReport, SaveReportOutcome } from "../app/ports.js";
import { type DateRange, spanOf } from "../core/calendar.js";
import { type Counts, emptyCounts, METRICS } from "../core/metrics.js";
import { DELETED_REVISION, isStaleRevision } from "../core/revisions.js";
import type { MemberTotals, Report } from "../core/team.js";
import { pieceOf } from "./pieces.js";
import { metricColumns, toReport } from "./rows.js";
import type { Database } from "./schema.js";

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Stores a report once per platform message: a redelivery is a duplicate, the same message with new text is
 * an edit — unless a newer revision (or the message's deletion) is stored already, when it is stale. The unique
 * (workspace, message id) constraint decides races between concurrent deliveries.
 */
export async function saveReport(db: Db, report: NewReport): Promise<SaveReportOutcome> {
  const row = {
    workspaceId: report.workspaceId,
    teamId: report.teamId,
    memberId: report.memberId,
    day: report.day,
    ...metricColumns(report.counts),
    sourceText: report.sourceText,
    messageId: report.messageId,
    createdAt: report.at,
    updatedAt: report.at,
    undoneAt: null,
    revisedAt: report.revisedAt ?? null,
  };
  if (report.messageId === null) {
    const created = await db.insertInto("reports").values(row).returningAll().executeTakeFirstOrThrow();
    return { kind: "created", report: toReport(created) };
  }
  const inserted = await db
    .insertInto("reports")
    .values(row)
    .onConflict((oc) => oc.columns(["workspaceId", "messageId"]).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { kind: "created", report: toReport(inserted) };

  const existing = await findReportByMessage(db, report.workspaceId, report.messageId);
  if (!existing) throw new Error(`report for message ${report.messageId} vanished during save`);
  // Only the author's own message can change their report; anything else is a redelivery.
  if (existing.memberId !== report.memberId) return { kind: "duplicate", report: existing };
  if (isStaleRevision(report.revisedAt, existing.revisedAt)) return { kind: "stale", report: existing };
  if (existing.sourceText === report.sourceText) return { kind: "duplicate", report: existing };
  // An edit re-asserts the report: one that was undone counts again with its new numbers. The revision is checked
  // again in the update itself, so two replicas handling two edits at once leave the newer one standing.
  const updated = await db
    .updateTable("reports")
    .set({
      undoneAt: null,
      withdrawnBy: null,
      day: report.day,
      ...metricColumns(report.counts),
      sourceText: report.sourceText,
      updatedAt: report.at,
      revisedAt: report.revisedAt ?? existing.revisedAt,
    })
    .where("id", "=", existing.id)
    .where((eb) =>
      eb.or([
        eb("revisedAt", "is", null),
        report.revisedAt ? eb("revisedAt", "<=", report.revisedAt) : eb("revisedAt", "<", DELETED_REVISION),
      ]),
    )
    .returningAll()
    .executeTakeFirst();
  if (!updated) {
    const newer = await findReportByMessage(db, report.workspaceId, report.messageId);
    return { kind: "stale", report: newer ?? existing };
  }
  return { kind: "updated", report: toReport(updated), previous: existing };
}

/**
 * The platform says the message was deleted: its report stops counting, and stays withdrawn whatever delivery of
 * the same message is handled later (a retried original, an edit on another replica). When the report is not
 * stored yet a withdrawn placeholder takes its place. Returns the report that was counting, if one was.
 */
export async function recordDeletion(
  db: Db,
  deletion: {
    workspaceId: number;
    teamId: number;
    memberId: number;
    day: string;
    messageId: string;
    at: string;
  },
): Promise<Report | null> {
  const placeholder = await db
    .insertInto("reports")
    .values({
      workspaceId: deletion.workspaceId,
      teamId: deletion.teamId,
      memberId: deletion.memberId,
      day: deletion.day,
      ...metricColumns({}),
      sourceText: "",
      messageId: deletion.messageId,
      createdAt: deletion.at,
      updatedAt: deletion.at,
      undoneAt: deletion.at,
      revisedAt: DELETED_REVISION,
    })
    .onConflict((oc) => oc.columns(["workspaceId", "messageId"]).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (placeholder) return null;
  const existing = await findReportByMessage(db, deletion.workspaceId, deletion.messageId);
  if (!existing || existing.memberId !== deletion.memberId) return null;
  const withdrawn = await db
    .updateTable("reports")
    .set({ undoneAt: deletion.at, updatedAt: deletion.at, revisedAt: DELETED_REVISION })
    .where("id", "=", existing.id)
    .where("undoneAt", "is", null)
    .executeTakeFirst();
  if (Number(withdrawn.numUpdatedRows) === 0) {
    // Already withdrawn (an undo, an earlier deletion): it stays so, for good.
    await db
      .updateTable("reports")
      .set({ revisedAt: DELETED_REVISION })
      .where("id", "=", existing.id)
      .execute();
    return null;
  }
  return existing;
}

export async function findReportByMessage(
  db: Db,
  workspaceId: number,
  messageId: string,
): Promise<Report | null> {
  const row = await db
    .selectFrom("reports")
    .selectAll()
    .where("workspaceId", "=", workspaceId)
    .where("messageId", "=", messageId)
    .executeTakeFirst();
  return row ? toReport(row) : null;
}

export async function getReport(db: Db, reportId: number): Promise<Report | null> {
  const row = await db.selectFrom("reports").selectAll().where("id", "=", reportId).executeTakeFirst();
  return row ? toReport(row) : null;
}

export async function lastActiveReport(db: Db, teamId: number, memberId: number): Promise<Report | null> {
  const row = await db
    .selectFrom("reports")
    .selectAll()
    .where("teamId", "=", teamId)
    .where("memberId", "=", memberId)
    .where("undoneAt", "is", null)
    .orderBy("createdAt", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ? toReport(row) : null;
}

/** Withdraws a report once; `by` names the command that did it, so handling that command again finds it. */
export async function withdrawReport(
  db: Db,
  reportId: number,
  at: string,
  by: string | null = null,
): Promise<boolean> {
  const result = await db
    .updateTable("reports")
    .set({ undoneAt: at, updatedAt: at, withdrawnBy: by })
    .where("id", "=", reportId)
    .where("undoneAt", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The report a command (its platform invocation id) withdrew, if it withdrew one. */
export async function findReportWithdrawnBy(db: Db, teamId: number, by: string): Promise<Report | null> {
  const row = await db
    .selectFrom("reports")
    .selectAll()
    .where("teamId", "=", teamId)
    .where("withdrawnBy", "=", by)
    .executeTakeFirst();
  return row ? toReport(row) : null;
}

/**
 * The one aggregate over reports: per member, the sums of the period's active (not withdrawn) reports and the
 * distinct days they reported. Every figure Corong shows is read from it.
 */
function countsByMember(db: Db, teamIds: readonly number[], range: DateRange, memberId?: number) {
  let query = db
    .selectFrom("reports")
    .innerJoin("members", "members.id", "reports.memberId")
    .select((eb) => [
      "reports.teamId",
      "reports.memberId",
      "members.displayName",
      eb.fn.count<string | number>("reports.day").distinct().as("daysReported"),
      eb.fn.min<string>("reports.day").as("firstDay"),
      ...METRICS.map((metric) => eb.fn.sum<string | number | null>(`reports.${metric}`).as(metric)),
    ])
    .where("reports.teamId", "in", teamIds)
    .where("reports.day", ">=", range.start)
    .where("reports.day", "<=", range.end)
    .where("reports.undoneAt", "is", null);
  if (memberId !== undefined) query = query.where("reports.memberId", "=", memberId);
  return query;
}

function toTotals(row: {
  memberId: number;
  displayName: string;
  daysReported: string | number;
  firstDay: string;
}) {
  return {
    memberId: Number(row.memberId),
    displayName: row.displayName,
    daysReported: Number(row.daysReported),
    firstDay: row.firstDay,
    counts: toCounts(row),
  };
}

export async function sumCountsByMember(
  db: Db,
  teamId: number,
  range: DateRange,
  memberId?: number,
): Promise<MemberTotals[]> {
  const rows = await countsByMember(db, [teamId], range, memberId)
    .groupBy(["reports.teamId", "reports.memberId", "members.displayName"])
    .orderBy("members.displayName")
    .orderBy("reports.memberId")
    .execute();
  return rows.map(toTotals);
}

/** The same sums, one set per member and day: a day-by-day table in one query instead of one per day. */
export async function sumCountsByMemberPerDay(
  db: Db,
  teamId: number,
  range: DateRange,
  memberId?: number,
): Promise<Array<MemberTotals & { day: string }>> {
  const rows = await countsByMember(db, [teamId], range, memberId)
    .select("reports.day")
    .groupBy(["reports.day", "reports.teamId", "reports.memberId", "members.displayName"])
    .orderBy("reports.day")
    .orderBy("members.displayName")
    .orderBy("reports.memberId")
    .execute();
  return rows.map((row) => ({ ...toTotals(row), day: row.day }));
}

/**
 * The same sums for many teams in one pass over the reports index: per team, member and piece of a partition
 * of days (`partitionRanges`), so any range made of pieces is their sum. Rows come in each team's member order
 * (name, then id), as `sumCountsByMember` gives them.
 */
export async function sumCountsByTeamMemberPiece(
  db: Db,
  teamIds: readonly number[],
  pieces: readonly DateRange[],
): Promise<Array<MemberTotals & { teamId: number; piece: number }>> {
  const span = spanOf(pieces);
  if (teamIds.length === 0 || !span) return [];
  const rows = await countsByMember(db, teamIds, span)
    .select((eb) => pieceOf(eb.ref("reports.day"), pieces).as("piece"))
    .groupBy(["reports.teamId", "members.displayName", "reports.memberId", "piece"])
    .orderBy("reports.teamId")
    .orderBy("members.displayName")
    .orderBy("reports.memberId")
    .orderBy("piece")
    .execute();
  return rows.map((row) => ({ ...toTotals(row), teamId: Number(row.teamId), piece: Number(row.piece) }));
}

/** Postgres returns sums as strings and empty sums as null: both become plain numbers here. */
function toCounts(row: Partial<Record<string, unknown>> | undefined): Counts {
  const counts = emptyCounts();
  if (!row) return counts;
  for (const metric of METRICS) counts[metric] = Number(row[metric] ?? 0);
  return counts;
}

/**
 * Every report of a team whose day falls in the range, withdrawn ones included, with the rep's name: what an
 * export lists. A deletion that arrived before its message (a placeholder with no text) is not a report.
 */
export async function listReportsInRange(
  db: Db,
  teamId: number,
  range: DateRange,
): Promise<Array<Report & { memberName: string }>> {
  const rows = await db
    .selectFrom("reports")
    .innerJoin("members", "members.id", "reports.memberId")
    .selectAll("reports")
    .select("members.displayName as memberName")
    .where("reports.teamId", "=", teamId)
    .where("reports.day", ">=", range.start)
    .where("reports.day", "<=", range.end)
    .where("reports.sourceText", "<>", "")
    .orderBy("reports.day")
    .orderBy("reports.createdAt")
    .orderBy("reports.id")
    .execute();
  return rows.map((row) => ({ ...toReport(row), memberName: row.memberName }));
}
