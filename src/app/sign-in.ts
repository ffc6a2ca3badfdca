import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Locale } from "../core/locale.js";
import type { Reply } from "../core/reply.js";
import type { Platform, TeamMember } from "../core/team.js";
import { type RequestContext, requestContext } from "./context.js";
import type { Store, WebSession } from "./ports.js";

/** A login link opens the dashboard once, within this long: long enough to switch to a laptop, short to leak. */
export const LOGIN_LINK_TTL_MS = 15 * 60_000;
/** A working day on the dashboard; then a new link from the chat. */
export const SESSION_TTL_MS = 12 * 60 * 60_000;

/**
 * 256 bits from the OS as hex: a link token, a session cookie or a CSRF token. Hex, not base64url: an underscore
 * in a link would read as italics to Slack's mrkdwn.
 */
export function newSecret(): string {
  return randomBytes(32).toString("hex");
}

/** How a secret is stored and looked up: a database copy holds no link or session that signs anyone in. */
export function secretHash(secret: string): string {
  return createHash("sha256").update(secret).digest("base64url");
}

/** Compares a submitted token with the expected one in constant time. */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The dashboard's address as members reach it: `PUBLIC_URL` behind a proxy, else this machine's port. */
export type DashboardBase = () => string | null;

/** Mints a one-time link that signs `memberId` in to the team's dashboard. */
export async function mintLoginLink(
  store: Store,
  input: { teamId: number; memberId: number; now: number; base: string },
): Promise<string> {
  const token = newSecret();
  await store.createLoginLink({
    tokenHash: secretHash(token),
    teamId: input.teamId,
    memberId: input.memberId,
    at: new Date(input.now).toISOString(),
    expiresAt: new Date(input.now + LOGIN_LINK_TTL_MS).toISOString(),
  });
  return `${input.base.replace(/\/+$/, "")}/dashboard/login/${token}`;
}

/** Uses a link: a new session's cookie value, or null when the link cannot sign anyone in (any more). */
export async function redeemLoginLink(
  store: Store,
  token: string,
  now: number,
): Promise<{ cookie: string; session: WebSession } | null> {
  const cookie = newSecret();
  const session = await store.redeemLoginLink(secretHash(token), {
    idHash: secretHash(cookie),
    csrfToken: newSecret(),
    at: new Date(now).toISOString(),
    expiresAt: new Date(now + SESSION_TTL_MS).toISOString(),
  });
  return session ? { cookie, session } : null;
}

/** Who a session cookie signs in, as they are now, or why nobody. */
export type SignedIn =
  | { kind: "none" }
  /** The session was open but may be no more: the member left the team, or is a manager no longer. */
  | { kind: "ended"; locale: Locale | null; platform: Platform | null }
  | { kind: "open"; ctx: RequestContext; session: WebSession; idHash: string; members: TeamMember[] };

/**
 * The member a session cookie signs in, with their team and role as they are now: a manager who is a manager no
 * more, or anyone who left the team, has the session ended there and then. The language is the one chosen on the
 * dashboard, else the member's.
 */
export async function openSession(store: Store, cookie: string | undefined, now: number): Promise<SignedIn> {
  const at = new Date(now).toISOString();
  const idHash = cookie ? secretHash(cookie) : null;
  const session = idHash ? await store.findWebSession(idHash, at) : null;
  if (!idHash || !session) return { kind: "none" };
  const [found, members] = await Promise.all([
    store.getTeamWithPlatform(session.teamId),
    store.listTeamMembers(session.teamId),
  ]);
  const member = members.find((m) => m.id === session.memberId);
  if (!found || !member || (session.role === "manager" && member.role !== "manager")) {
    await store.endWebSession(idHash, at);
    return {
      kind: "ended",
      locale: member ? (session.locale ?? member.locale) : null,
      platform: found?.platform ?? null,
    };
  }
  const ctx = requestContext({
    team: found.team,
    member: { ...member, locale: session.locale ?? member.locale },
    role: member.role,
    now,
    platform: found.platform,
  });
  return { kind: "open", ctx, session, idHash, members };
}

/**
 * `dashboard` in the chat: a private one-time link, never into a group (where it goes to the asker's private
 * chat, or the group hears how to open one). A manager's opens the team's pages, a rep's their own figures.
 */
export async function dashboardReply(
  store: Store,
  ctx: RequestContext,
  base: DashboardBase | undefined,
): Promise<Reply> {
  const url = base?.();
  if (!url) return { tone: "error", lines: [ctx.t.web.unavailable] };
  const link = await mintLoginLink(store, {
    teamId: ctx.team.id,
    memberId: ctx.member.id,
    now: ctx.now,
    base: url,
  });
  return {
    tone: "success",
    lines: [ctx.t.web.linkReady(ctx.team.name, link, ctx.role !== "manager"), ctx.t.web.linkRules],
    privately: { sent: ctx.t.web.linkSentPrivately, unreachable: ctx.t.coach.startPrivateChat },
  };
}
