import type { Kysely, Transaction } from "kysely";
import type { DateRange } from "../core/calendar.js";
import type { Database } from "./schema.js";

type Db = Kysely<Database> | Transaction<Database>;

/** Days a manager declared holidays for the team, on top of the country's public holidays. */
export async function listTeamHolidays(db: Db, teamId: number, range: DateRange): Promise<string[]> {
  return (await listHolidaysOfTeams(db, [teamId], range)).map((r) => r.day);
}

/** The declared holidays of many teams in one read, each team's in day order. */
export async function listHolidaysOfTeams(
  db: Db,
  teamIds: readonly number[],
  range: DateRange,
): Promise<Array<{ teamId: number; day: string }>> {
  if (teamIds.length === 0) return [];
  const rows = await db
    .selectFrom("teamHolidays")
    .select(["teamId", "day"])
    .where("teamId", "in", teamIds)
    .where("day", ">=", range.start)
    .where("day", "<=", range.end)
    .orderBy("teamId")
    .orderBy("day")
    .execute();
  return rows.map((r) => ({ teamId: Number(r.teamId), day: r.day }));
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
  return (await listDaysOffOfTeams(db, [teamId], range)).map(({ memberId, day }) => ({ memberId, day }));
}

/** The days off of many teams' members in one read. */
export async function listDaysOffOfTeams(
  db: Db,
  teamIds: readonly number[],
  range: DateRange,
): Promise<Array<{ teamId: number; memberId: number; day: string }>> {
  if (teamIds.length === 0) return [];
  const rows = await db
    .selectFrom("daysOff")
    .select(["teamId", "memberId", "day"])
    .where("teamId", "in", teamIds)
    .where("day", ">=", range.start)
    .where("day", "<=", range.end)
    .execute();
  return rows.map((r) => ({ teamId: Number(r.teamId), memberId: Number(r.memberId), day: r.day }));
}
