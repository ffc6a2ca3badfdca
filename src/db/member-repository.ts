import type { Kysely, Transaction } from "kysely";
import type { Locale } from "../core/locale.js";
import type { Member, Role, Team, TeamMember } from "../core/team.js";
import { toMember, toRole, toTeam } from "./rows.js";
import type { Database } from "./schema.js";

type Db = Kysely<Database> | Transaction<Database>;

/** Finds or creates the member, keeping the display name (and the handle, when given) current. */
export function ensureMember(
  db: Db,
  workspaceId: number,
  externalId: string,
  displayName: string,
  at: string,
  handle?: string,
) {
  return upsertMember(db, { workspaceId, externalId, displayName, at, handle }, true);
}

/** Finds the member, or creates them with `displayName` without renaming an existing one. */
export function ensureMemberIfMissing(
  db: Db,
  workspaceId: number,
  externalId: string,
  displayName: string,
  at: string,
) {
  return upsertMember(db, { workspaceId, externalId, displayName, at }, false);
}

async function upsertMember(
  db: Db,
  m: {
    workspaceId: number;
    externalId: string;
    displayName: string;
    at: string;
    handle?: string | undefined;
  },
  rename: boolean,
): Promise<Member> {
  const find = () =>
    db
      .selectFrom("members")
      .selectAll()
      .where("workspaceId", "=", m.workspaceId)
      .where("externalId", "=", m.externalId)
      .executeTakeFirst();
  // Most messages come from people already known under the same name: read, and write only on a change.
  const known = await find();
  const handle = m.handle?.toLowerCase() ?? known?.handle ?? null;
  if (known && (!rename || (known.displayName === m.displayName && known.handle === handle)))
    return toMember(known);
  await db
    .insertInto("members")
    .values({
      workspaceId: m.workspaceId,
      externalId: m.externalId,
      displayName: m.displayName,
      handle,
      locale: null,
      defaultTeamId: null,
      createdAt: m.at,
    })
    .onConflict((oc) => {
      const target = oc.columns(["workspaceId", "externalId"]);
      return rename ? target.doUpdateSet({ displayName: m.displayName, handle }) : target.doNothing();
    })
    .execute();
  const row = await find();
  if (!row) throw new Error(`member ${m.externalId} was not created`);
  return toMember(row);
}

export async function setMemberLocale(db: Db, memberId: number, locale: Locale | null): Promise<void> {
  await db.updateTable("members").set({ locale }).where("id", "=", memberId).execute();
}

export async function setMemberLastLocale(db: Db, memberId: number, locale: Locale): Promise<void> {
  await db.updateTable("members").set({ lastLocale: locale }).where("id", "=", memberId).execute();
}

export async function roleOf(db: Db, teamId: number, memberId: number): Promise<Role | null> {
  const row = await db
    .selectFrom("teamMembers")
    .select("role")
    .where("teamId", "=", teamId)
    .where("memberId", "=", memberId)
    .executeTakeFirst();
  return row ? toRole(row.role) : null;
}

export async function setRole(
  db: Db,
  teamId: number,
  memberId: number,
  role: Role,
  at: string,
): Promise<void> {
  await db
    .insertInto("teamMembers")
    .values({ teamId, memberId, role, joinedAt: at })
    .onConflict((oc) => oc.columns(["teamId", "memberId"]).doUpdateSet({ role }))
    .execute();
}

export async function joinTeam(db: Db, teamId: number, memberId: number, at: string): Promise<Role> {
  const known = await roleOf(db, teamId, memberId);
  if (known) return known;
  await db
    .insertInto("teamMembers")
    .values({ teamId, memberId, role: "rep", joinedAt: at })
    .onConflict((oc) => oc.columns(["teamId", "memberId"]).doNothing())
    .execute();
  return (await roleOf(db, teamId, memberId)) ?? "rep";
}

export async function listTeamMembers(db: Db, teamId: number): Promise<TeamMember[]> {
  const rows = await db
    .selectFrom("teamMembers")
    .innerJoin("members", "members.id", "teamMembers.memberId")
    .selectAll("members")
    .select(["teamMembers.role", "teamMembers.joinedAt"])
    .where("teamMembers.teamId", "=", teamId)
    .orderBy("members.displayName")
    .execute();
  return rows.map((row) => ({ ...toMember(row), role: toRole(row.role), joinedAt: row.joinedAt }));
}

/** The teams the member is on, oldest membership first. */
export async function listMemberTeams(db: Db, memberId: number): Promise<Team[]> {
  const rows = await db
    .selectFrom("teamMembers")
    .innerJoin("teams", "teams.id", "teamMembers.teamId")
    .selectAll("teams")
    .where("teamMembers.memberId", "=", memberId)
    .orderBy("teamMembers.joinedAt")
    .orderBy("teams.id")
    .execute();
  return rows.map(toTeam);
}

export async function setDefaultTeam(db: Db, memberId: number, teamId: number | null): Promise<void> {
  await db.updateTable("members").set({ defaultTeamId: teamId }).where("id", "=", memberId).execute();
}
