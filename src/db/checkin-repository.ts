import type { Kysely, Transaction } from "kysely";
import type { NewCheckIn, PeriodQuery, SaveReportOutcome } from "../app/ports.js";
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

/** How many visits in the period were checked in by location (withdrawn reports excluded). */
export async function countCheckIns(db: Db, query: PeriodQuery): Promise<number> {
  let q = db
    .selectFrom("visitCheckins")
    .innerJoin("reports", "reports.id", "visitCheckins.reportId")
    .select((eb) => eb.fn.count<string | number>("visitCheckins.id").as("n"))
    .where("reports.teamId", "=", query.teamId)
    .where("reports.day", ">=", query.range.start)
    .where("reports.day", "<=", query.range.end)
    .where("reports.undoneAt", "is", null);
  if (query.memberId !== undefined) q = q.where("reports.memberId", "=", query.memberId);
  const row = await q.executeTakeFirst();
  return Number(row?.n ?? 0);
}
