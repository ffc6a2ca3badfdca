import type { Kysely, Transaction } from "kysely";
import type { DateRange } from "../core/calendar.js";
import type { Database } from "./schema.js";

type Db = Kysely<Database> | Transaction<Database>;

/** Days a manager declared holidays for the team, on top of the country's public holidays. */
export async function listTeamHolidays(db: Db, teamId: number, range: DateRange): Promise<string[]> {
  const rows = await db
    .selectFrom("teamHolidays")
    .select("day")
    .where("teamId", "=", teamId)
    .where("day", ">=", range.start)
    .where("day", "<=", range.end)
    .orderBy("day")
    .execute();
  return rows.map((r) => r.day);
}

export async function addTeamHoliday(
  db: Db,
  teamId: number,
  day: string,
  name: string | null,
): Promise<void> {
  await db
    .insertInto("teamHolidays")
    .values({ teamId, day, name })
    .onConflict((oc) => oc.columns(["teamId", "day"]).doUpdateSet({ name }))
    .execute();
}

/** Marks the days off; marking a day twice is harmless. */
export async function addDaysOff(
  db: Db,
  teamId: number,
  memberId: number,
  days: string[],
  at: string,
): Promise<void> {
  if (days.length === 0) return;
  await db
    .insertInto("daysOff")
    .values(days.map((day) => ({ teamId, memberId, day, createdAt: at })))
    .onConflict((oc) => oc.columns(["teamId", "memberId", "day"]).doNothing())
    .execute();
}

export async function listDaysOff(
  db: Db,
  teamId: number,
  range: DateRange,
): Promise<Array<{ memberId: number; day: string }>> {
  const rows = await db
    .selectFrom("daysOff")
    .select(["memberId", "day"])
    .where("teamId", "=", teamId)
    .where("day", ">=", range.start)
    .where("day", "<=", range.end)
    .execute();
  return rows.map((r) => ({ memberId: Number(r.memberId), day: r.day }));
}
