import type { Kysely, Transaction } from "kysely";
import type { NewCheckIn, PeriodQuery, SaveReportOutcome } from "../app/ports.js";
import { type DateRange, spanOf } from "../core/calendar.js";
import { pieceOf } from "./pieces.js";
import { saveReport } from "./report-repository.js";
import type { Database } from "./schema.js";

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Stores a location check-in as its one-visit report plus where and when, once per platform message: a
 * redelivered location is a duplicate of the same report and the same check-in.
 */
export async function saveCheckIn(db: Db, checkIn: NewCheckIn): Promise<SaveReportOutcome> {
  const outcome = await saveReport(db, checkIn.report);
  await db
    .insertInto("visitCheckins")
    .values({
      reportId: outcome.report.id,
      teamId: checkIn.report.teamId,
      memberId: checkIn.report.memberId,
      latitude: checkIn.latitude,
      longitude: checkIn.longitude,
      checkedInAt: checkIn.report.at,
    })
    .onConflict((oc) => oc.column("reportId").doNothing())
    .execute();
  return outcome;
}

/** The visits checked in by location over the range, withdrawn reports excluded: what both counts below count. */
function checkInsOf(db: Db, teamIds: readonly number[], range: DateRange, memberId?: number) {
  let q = db
    .selectFrom("visitCheckins")
    .innerJoin("reports", "reports.id", "visitCheckins.reportId")
    .select((eb) => eb.fn.count<string | number>("visitCheckins.id").as("n"))
    .where("reports.teamId", "in", teamIds)
    .where("reports.day", ">=", range.start)
    .where("reports.day", "<=", range.end)
    .where("reports.undoneAt", "is", null);
  if (memberId !== undefined) q = q.where("reports.memberId", "=", memberId);
  return q;
}

/** How many visits in the period were checked in by location (withdrawn reports excluded). */
export async function countCheckIns(db: Db, query: PeriodQuery): Promise<number> {
  const row = await checkInsOf(db, [query.teamId], query.range, query.memberId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** How many active reports were visits checked in by location, per team and piece of days (`partitionRanges`). */
export async function countCheckInsByTeamPiece(
  db: Db,
  teamIds: readonly number[],
  pieces: readonly DateRange[],
): Promise<Array<{ teamId: number; piece: number; checkIns: number }>> {
  const span = spanOf(pieces);
  if (teamIds.length === 0 || !span) return [];
  const rows = await checkInsOf(db, teamIds, span)
    .select((eb) => ["reports.teamId", pieceOf(eb.ref("reports.day"), pieces).as("piece")])
    .groupBy(["reports.teamId", "piece"])
    .execute();
  return rows.map((r) => ({ teamId: Number(r.teamId), piece: Number(r.piece), checkIns: Number(r.n) }));
}
