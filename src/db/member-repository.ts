import type { Kysely, Transaction } from "kysely";
import type { Locale } from "../core/locale.js";
import { isSameProfile, type Member, type Role, type Team, type TeamMember } from "../core/team.js";
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
  if (known && (!rename || isSameProfile(toMember(known), m.displayName, m.handle))) return toMember(known);
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
  return (await listMembersOfTeams(db, [teamId])).map(({ teamId: _, ...member }) => member);
}

/** The members of many teams in one read, each team's in the order `listTeamMembers` gives (name, then id). */
export async function listMembersOfTeams(
  db: Db,
  teamIds: readonly number[],
): Promise<Array<TeamMember & { teamId: number }>> {
  if (teamIds.length === 0) return [];
  const rows = await db
    .selectFrom("teamMembers")
    .innerJoin("members", "members.id", "teamMembers.memberId")
    .selectAll("members")
    .select(["teamMembers.teamId", "teamMembers.role", "teamMembers.joinedAt"])
    .where("teamMembers.teamId", "in", teamIds)
    .orderBy("teamMembers.teamId")
    .orderBy("members.displayName")
    .orderBy("members.id")
    .execute();
  return rows.map((row) => ({
    ...toMember(row),
    role: toRole(row.role),
    joinedAt: row.joinedAt,
    teamId: Number(row.teamId),
  }));
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

/**
 * The team of a channel, and the member writing in it with their role there (null where unknown): one read for
 * what most messages need. Null when the channel is no team.
 */
export async function findInTeamChannel(
  db: Db,
  workspaceId: number,
  teamExternalId: string,
  memberExternalId: string,
): Promise<{ team: Team; member: Member | null; role: Role | null } | null> {
  const row = await db
    .selectFrom("teams")
    .leftJoin("members", (join) =>
      join.on("members.workspaceId", "=", workspaceId).on("members.externalId", "=", memberExternalId),
    )
    .leftJoin("teamMembers", (join) =>
      join.onRef("teamMembers.teamId", "=", "teams.id").onRef("teamMembers.memberId", "=", "members.id"),
    )
    .selectAll("teams")
    .select([
      "members.id as memberId",
      "members.externalId as memberExternalId",
      "members.displayName as memberDisplayName",
      "members.locale as memberLocale",
      "members.lastLocale as memberLastLocale",
      "members.handle as memberHandle",
      "members.defaultTeamId as memberDefaultTeamId",
      "members.createdAt as memberCreatedAt",
      "teamMembers.role as memberRole",
    ])
    .where("teams.workspaceId", "=", workspaceId)
    .where("teams.externalId", "=", teamExternalId)
    .executeTakeFirst();
  if (!row) return null;
  const member =
    row.memberId === null
      ? null
      : toMember({
          id: row.memberId,
          workspaceId,
          externalId: row.memberExternalId ?? memberExternalId,
          displayName: row.memberDisplayName ?? "",
          locale: row.memberLocale ?? null,
          lastLocale: row.memberLastLocale ?? null,
          handle: row.memberHandle ?? null,
          defaultTeamId: row.memberDefaultTeamId ?? null,
          createdAt: row.memberCreatedAt ?? "",
        });
  return { team: toTeam(row), member, role: row.memberRole === null ? null : toRole(row.memberRole) };
}
