import type { Kysely, Transaction } from "kysely";
import { type ScoredSetting, type SettingChange, SINCE_ALWAYS } from "../core/setting-history.js";
import type { Database } from "./schema.js";

type Db = Kysely<Database> | Transaction<Database>;

/** The team's setting changes and its reps' own, oldest first. */
export async function listSettingHistory(db: Db, teamId: number): Promise<SettingChange[]> {
  return (await listSettingHistoryOfTeams(db, [teamId])).map(({ teamId: _, ...change }) => change);
}

/** The setting histories of many teams in one read, each in the order `listSettingHistory` gives. */
export async function listSettingHistoryOfTeams(
  db: Db,
  teamIds: readonly number[],
): Promise<Array<SettingChange & { teamId: number }>> {
  if (teamIds.length === 0) return [];
  const rows = await db
    .selectFrom("settingHistory")
    .select(["teamId", "name", "value", "effectiveFrom", "memberKey"])
    .where("teamId", "in", teamIds)
    .orderBy("teamId")
    .orderBy("effectiveFrom")
    .orderBy("name")
    .orderBy("memberKey")
    .execute();
  return rows.map((row) => ({
    teamId: Number(row.teamId),
    name: row.name as ScoredSetting,
    value: row.value === null ? null : Number(row.value),
    from: row.effectiveFrom,
    ...(row.memberKey === "" ? {} : { member: Number(row.memberKey) }),
  }));
}

/**
 * Records that `name` is `value` from day `from` on (a second change the same day replaces the first), and keeps
 * the team row's current value in step: the row answers "what is it now", the history "what was it then".
 */
export async function recordSetting(
  db: Db,
  teamId: number,
  name: ScoredSetting,
  value: number | null,
  from: string,
  at: string,
  member?: number,
): Promise<void> {
  const memberKey = member === undefined ? "" : String(member);
  await db
    .insertInto("settingHistory")
    .values({ teamId, memberKey, name, value, effectiveFrom: from, createdAt: at })
    .onConflict((oc) =>
      oc.columns(["teamId", "memberKey", "name", "effectiveFrom"]).doUpdateSet({ value, createdAt: at }),
    )
    .execute();
  // Only the team's own daily quotas and target have a "now" on the team row; the rest live in the history alone.
  if (member !== undefined) return;
  const current =
    name === "quota.visits"
      ? { quotaVisits: value ?? 0 }
      : name === "quota.followUps"
        ? { quotaFollowUps: value ?? 0 }
        : name === "monthlyTarget"
          ? { monthlyTarget: value }
          : null;
  if (current) await db.updateTable("teams").set(current).where("id", "=", teamId).execute();
}

/** A new team's quotas, in force since always: its first days are scored like the rest. */
export async function recordInitialSettings(db: Db, teamId: number, at: string): Promise<void> {
  const team = await db
    .selectFrom("teams")
    .select(["quotaVisits", "quotaFollowUps"])
    .where("id", "=", teamId)
    .executeTakeFirstOrThrow();
  await db
    .insertInto("settingHistory")
    .values([
      { teamId, name: "quota.visits", value: team.quotaVisits, effectiveFrom: SINCE_ALWAYS, createdAt: at },
      {
        teamId,
        name: "quota.followUps",
        value: team.quotaFollowUps,
        effectiveFrom: SINCE_ALWAYS,
        createdAt: at,
      },
    ])
    .onConflict((oc) => oc.doNothing())
    .execute();
}
