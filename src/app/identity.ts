import { isSameProfile, type Member, type Role, type Team } from "../core/team.js";
import type { Incoming } from "./incoming.js";
import type { Store } from "./ports.js";

export interface Identity {
  workspaceId: number;
  member: Member;
  /** When the message arrived, as stored timestamps write it. */
  at: string;
}

/** The workspace and member a message comes from, created on first contact. */
export async function identify(
  store: Store,
  who: Pick<Incoming, "platform" | "workspace" | "user" | "receivedAt">,
): Promise<Identity> {
  const { workspaceId, at } = await workspaceOf(store, who);
  const member = await store.ensureMember(
    workspaceId,
    who.user.externalId,
    who.user.displayName,
    at,
    ...(who.user.handle ? [who.user.handle] : []),
  );
  return { workspaceId, member, at };
}

/**
 * The member, team and role when the message comes from a known member of the channel's team whose profile is
 * unchanged; null when anything is to be created or updated (the usual path does that).
 */
export async function knownInChannel(
  store: Store,
  incoming: Incoming,
): Promise<(Identity & { team: Team; role: Role }) | null> {
  if (!incoming.team) return null;
  const { workspaceId, at } = await workspaceOf(store, incoming);
  const found = await store.findInTeamChannel(
    workspaceId,
    incoming.team.externalId,
    incoming.user.externalId,
  );
  if (!found?.member || !found.role) return null;
  if (!isSameProfile(found.member, incoming.user.displayName, incoming.user.handle)) return null;
  return {
    workspaceId,
    member: found.member,
    at,
    team: found.team,
    role: found.role,
  };
}

/** The workspace a message came through (created on first contact), and its arrival as stored timestamps write it. */
async function workspaceOf(
  store: Store,
  who: Pick<Incoming, "platform" | "workspace" | "receivedAt">,
): Promise<{ workspaceId: number; at: string }> {
  const at = new Date(who.receivedAt).toISOString();
  const workspaceId = await store.ensureWorkspace(
    who.platform,
    who.workspace.externalId,
    who.workspace.name ?? null,
    at,
  );
  return { workspaceId, at };
}
