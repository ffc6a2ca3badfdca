import type { Kysely, Transaction } from "kysely";
import { type ScoredSetting, type SettingChange, SINCE_ALWAYS } from "../core/setting-history.js";
import type { Database } from "./schema.js";

type Db = Kysely<Database> | Transaction<Database>;

/** The team's setting changes, oldest first. */
export async function listSettingHistory(db: Db, teamId: number): Promise<SettingChange[]> {
  const rows = await db
    .selectFrom("settingHistory")
    .select(["name", "value", "effectiveFrom"])
    .where("teamId", "=", teamId)
    .where("memberKey", "=", "")
    .orderBy("effectiveFrom")
    .execute();
  return rows.map((row) => ({
    name: row.name as ScoredSetting,
    value: row.value === null ? null : Number(row.value),
    from: row.effectiveFrom,
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
): Promise<void> {
  await db
    .insertInto("settingHistory")
    .values({ teamId, memberKey: "", name, value, effectiveFrom: from, createdAt: at })
    .onConflict((oc) =>
      oc.columns(["teamId", "memberKey", "name", "effectiveFrom"]).doUpdateSet({ value, createdAt: at }),
    )
    .execute();
  const current =
    name === "quota.visits"
      ? { quotaVisits: value ?? 0 }
      : name === "quota.followUps"
        ? { quotaFollowUps: value ?? 0 }
        : { monthlyTarget: value };
  await db.updateTable("teams").set(current).where("id", "=", teamId).execute();
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
