import type { Kysely, Transaction } from "kysely";
import type { LoginLinkState, NewLoginLink, NewWebSession, WebSession } from "../app/ports.js";
import { isLocale } from "../core/locale.js";
import { toRole } from "./rows.js";
import type { Database } from "./schema.js";

type Db = Kysely<Database> | Transaction<Database>;

export async function createLoginLink(db: Db, link: NewLoginLink): Promise<void> {
  await db
    .insertInto("loginLinks")
    .values({
      tokenHash: link.tokenHash,
      teamId: link.teamId,
      memberId: link.memberId,
      createdAt: link.at,
      expiresAt: link.expiresAt,
      usedAt: null,
    })
    .execute();
}

/** What opening the link would do now, without using it: a link preview or a second look changes nothing. */
export async function loginLinkState(db: Db, tokenHash: string, at: string): Promise<LoginLinkState> {
  const link = await db
    .selectFrom("loginLinks")
    .select(["expiresAt", "usedAt"])
    .where("tokenHash", "=", tokenHash)
    .executeTakeFirst();
  if (!link) return "unknown";
  if (link.usedAt !== null) return "used";
  return link.expiresAt <= at ? "expired" : "valid";
}

/**
 * Uses the link and opens a session with the member's role on the team as it is now, in one transaction: of two
 * browsers opening the same link at once, one is signed in. Null when the link was used, expired, never minted,
 * or its member has left the team.
 */
export async function redeemLoginLink(
  db: Transaction<Database>,
  tokenHash: string,
  session: NewWebSession,
): Promise<WebSession | null> {
  const link = await db
    .updateTable("loginLinks")
    .set({ usedAt: session.at })
    .where("tokenHash", "=", tokenHash)
    .where("usedAt", "is", null)
    .where("expiresAt", ">", session.at)
    .returning(["teamId", "memberId"])
    .executeTakeFirst();
  if (!link) return null;
  const membership = await db
    .selectFrom("teamMembers")
    .select("role")
    .where("teamId", "=", link.teamId)
    .where("memberId", "=", link.memberId)
    .executeTakeFirst();
  if (!membership) return null;
  const opened: WebSession = {
    teamId: Number(link.teamId),
    memberId: Number(link.memberId),
    role: toRole(membership.role),
    csrfToken: session.csrfToken,
    locale: null,
    expiresAt: session.expiresAt,
  };
  await db
    .insertInto("webSessions")
    .values({
      idHash: session.idHash,
      teamId: opened.teamId,
      memberId: opened.memberId,
      role: opened.role,
      csrfToken: opened.csrfToken,
      locale: null,
      createdAt: session.at,
      expiresAt: session.expiresAt,
      endedAt: null,
    })
    .execute();
  return opened;
}

/** The session, while it is neither signed out nor expired. */
export async function findWebSession(db: Db, idHash: string, at: string): Promise<WebSession | null> {
  const row = await db
    .selectFrom("webSessions")
    .selectAll()
    .where("idHash", "=", idHash)
    .where("endedAt", "is", null)
    .where("expiresAt", ">", at)
    .executeTakeFirst();
  if (!row) return null;
  return {
    teamId: Number(row.teamId),
    memberId: Number(row.memberId),
    role: toRole(row.role),
    csrfToken: row.csrfToken,
    locale: row.locale !== null && isLocale(row.locale) ? row.locale : null,
    expiresAt: row.expiresAt,
  };
}

export async function setWebSessionLocale(db: Db, idHash: string, locale: string): Promise<void> {
  await db.updateTable("webSessions").set({ locale }).where("idHash", "=", idHash).execute();
}

export async function endWebSession(db: Db, idHash: string, at: string): Promise<void> {
  await db
    .updateTable("webSessions")
    .set({ endedAt: at })
    .where("idHash", "=", idHash)
    .where("endedAt", "is", null)
    .execute();
}

/** Links and sessions that ended or expired before `before`: nothing can sign in with them any more. */
export async function pruneSignIns(db: Db, before: string): Promise<number> {
  const links = await db.deleteFrom("loginLinks").where("expiresAt", "<", before).executeTakeFirst();
  const sessions = await db.deleteFrom("webSessions").where("expiresAt", "<", before).executeTakeFirst();
  return Number(links.numDeletedRows) + Number(sessions.numDeletedRows);
}
