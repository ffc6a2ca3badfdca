import type { Kysely, Transaction } from "kysely";
import type { NewTeam, TeamSettingsPatch } from "../app/ports.js";
import type { Platform, Team } from "../core/team.js";
import { toTeam } from "./rows.js";
import type { Database, TeamRowUpdate } from "./schema.js";
import { recordInitialSettings } from "./setting-repository.js";

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Finds or creates the workspace; concurrent first messages from one workspace create it once. Reads first, since
 * every message asks and a write would take SQLite's write lock for nothing.
 */
export async function ensureWorkspace(
  db: Db,
  platform: Platform,
  externalId: string,
  name: string | null,
  at: string,
): Promise<number> {
  const find = () =>
    db
      .selectFrom("workspaces")
      .select("id")
      .where("platform", "=", platform)
      .where("externalId", "=", externalId)
      .executeTakeFirst();
  const known = await find();
  if (known) return Number(known.id);
  await db
    .insertInto("workspaces")
    .values({ platform, externalId, name, createdAt: at })
    .onConflict((oc) => oc.columns(["platform", "externalId"]).doNothing())
    .execute();
  const created = await find();
  if (!created) throw new Error(`workspace ${platform}:${externalId} was not created`);
  return Number(created.id);
}

export async function findTeam(db: Db, workspaceId: number, externalId: string): Promise<Team | null> {
  const row = await db
    .selectFrom("teams")
    .selectAll()
    .where("workspaceId", "=", workspaceId)
    .where("externalId", "=", externalId)
    .executeTakeFirst();
  return row ? toTeam(row) : null;
}

export async function getTeam(db: Db, teamId: number): Promise<Team | null> {
  const row = await db.selectFrom("teams").selectAll().where("id", "=", teamId).executeTakeFirst();
  return row ? toTeam(row) : null;
}

export async function getTeamOrThrow(db: Db, teamId: number): Promise<Team> {
  const team = await getTeam(db, teamId);
  if (!team) throw new Error(`team ${teamId} not found`);
  return team;
}

export async function listTeams(db: Db): Promise<Team[]> {
  const rows = await db.selectFrom("teams").selectAll().orderBy("id").execute();
  return rows.map(toTeam);
}

/** Creates the team with its quotas on record, or returns the existing one when the channel is already a team. */
export async function createTeam(db: Db, team: NewTeam, at: string): Promise<Team> {
  await db
    .insertInto("teams")
    .values({ ...team, createdAt: at })
    .onConflict((oc) => oc.columns(["workspaceId", "externalId"]).doNothing())
    .execute();
  const created = await findTeam(db, team.workspaceId, team.externalId);
  if (!created) throw new Error(`team ${team.externalId} was not created`);
  await recordInitialSettings(db, created.id, at);
  return created;
}

export async function updateTeam(db: Db, teamId: number, patch: TeamSettingsPatch): Promise<Team> {
  const set: TeamRowUpdate = {};
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.timezone !== undefined) set.timezone = patch.timezone;
  if (patch.locale !== undefined) set.locale = patch.locale;
  if (patch.workingDays !== undefined) set.workingDays = patch.workingDays.join(",");
  if (patch.reminderTime !== undefined) set.reminderTime = patch.reminderTime;
  if (patch.nudgeTime !== undefined) set.nudgeTime = patch.nudgeTime;
  if (patch.digestTime !== undefined) set.digestTime = patch.digestTime;
  if (patch.country !== undefined) set.country = patch.country;
  if (patch.repVisibility !== undefined) set.repVisibility = patch.repVisibility;
  if (patch.alertDay !== undefined) set.alertDay = patch.alertDay;
  if (patch.alertTime !== undefined) set.alertTime = patch.alertTime;
  if (patch.recapDay !== undefined) set.recapDay = patch.recapDay;
  if (patch.recapTime !== undefined) set.recapTime = patch.recapTime;
  // Any change may move a scheduled time: the scheduler looks at the team again on its next tick.
  if (Object.keys(set).length > 0)
    await db
      .updateTable("teams")
      .set({ ...set, nextDueAt: null, dueCheckedAt: null })
      .where("id", "=", teamId)
      .execute();
  return getTeamOrThrow(db, teamId);
}

/** Every team with the platform it lives on: what the scheduler walks each minute. */
function teamsWithPlatform(db: Db) {
  return db
    .selectFrom("teams")
    .innerJoin("workspaces", "workspaces.id", "teams.workspaceId")
    .selectAll("teams")
    .select("workspaces.platform");
}

export async function listTeamsWithPlatform(db: Db): Promise<Array<{ team: Team; platform: Platform }>> {
  const rows = await teamsWithPlatform(db).orderBy("teams.id").execute();
  return rows.map((row) => ({ team: toTeam(row), platform: row.platform as Platform }));
}

/** One team with the platform it lives on (the dashboard's signed-in team). */
export async function getTeamWithPlatform(
  db: Db,
  teamId: number,
): Promise<{ team: Team; platform: Platform } | null> {
  const row = await teamsWithPlatform(db).where("teams.id", "=", teamId).executeTakeFirst();
  return row ? { team: toTeam(row), platform: row.platform as Platform } : null;
}

/**
 * The teams the scheduler must look at `at`: those whose next instant has come, those never looked at, and those
 * looked at "later" than `at` (a clock set back, or `corong jobs run --now` in the past).
 */
export async function listDueTeamsWithPlatform(
  db: Db,
  at: string,
): Promise<Array<{ team: Team; platform: Platform }>> {
  const rows = await teamsWithPlatform(db)
    // A workspace that removed the bot gets nothing until it installs again.
    .where("workspaces.uninstalledAt", "is", null)
    .where((eb) =>
      eb.or([
        eb("teams.nextDueAt", "is", null),
        eb("teams.nextDueAt", "<=", at),
        eb("teams.dueCheckedAt", ">", at),
      ]),
    )
    .orderBy("teams.id")
    .execute();
  return rows.map((row) => ({ team: toTeam(row), platform: row.platform as Platform }));
}

/** The schedule a next instant was worked out from: teams alike in it are written by one statement. */
function scheduleOf(team: Team): string {
  return [
    team.timezone,
    team.workingDays.join(","),
    team.reminderTime,
    team.nudgeTime,
    team.digestTime,
    team.alertDay,
    team.alertTime,
    team.recapDay,
    team.recapTime,
  ].join("|");
}

/**
 * Records when the scheduler next needs each team, worked out from `team` as it was read: a team whose settings
 * changed meanwhile is not written and stays due, so a new time is never hidden behind an old one. One statement
 * serves each group of teams that share the instant and the schedule it came from: after an upgrade, ten thousand
 * teams in a handful of zones are a handful of statements, not ten thousand.
 */
export async function setManyTeamsNextDue(
  db: Db,
  entries: ReadonlyArray<{ team: Team; nextDueAt: string }>,
  checkedAt: string,
): Promise<void> {
  const groups = new Map<string, { team: Team; nextDueAt: string; ids: number[] }>();
  for (const { team, nextDueAt } of entries) {
    const key = `${nextDueAt}|${scheduleOf(team)}`;
    const group = groups.get(key);
    if (group) group.ids.push(team.id);
    else groups.set(key, { team, nextDueAt, ids: [team.id] });
  }
  for (const { team, nextDueAt, ids } of groups.values())
    for (let i = 0; i < ids.length; i += 500)
      await setTeamsNextDue(db, ids.slice(i, i + 500), team, nextDueAt, checkedAt);
}

async function setTeamsNextDue(
  db: Db,
  ids: number[],
  team: Team,
  nextDueAt: string,
  checkedAt: string,
): Promise<void> {
  await db
    .updateTable("teams")
    .set({ nextDueAt, dueCheckedAt: checkedAt })
    .where("id", "in", ids)
    .where("timezone", "=", team.timezone)
    .where("workingDays", "=", team.workingDays.join(","))
    .where("reminderTime", "=", team.reminderTime)
    .where("nudgeTime", "=", team.nudgeTime)
    .where("digestTime", "=", team.digestTime)
    .where("alertDay", "=", team.alertDay)
    .where("alertTime", "=", team.alertTime)
    .where("recapDay", "=", team.recapDay)
    .where("recapTime", "=", team.recapTime)
    .execute();
}
