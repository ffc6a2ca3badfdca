import type { Member } from "../core/team.js";
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
  const at = new Date(who.receivedAt).toISOString();
  const workspaceId = await store.ensureWorkspace(
    who.platform,
    who.workspace.externalId,
    who.workspace.name ?? null,
    at,
  );
  const member = await store.ensureMember(
    workspaceId,
    who.user.externalId,
    who.user.displayName,
    at,
    ...(who.user.handle ? [who.user.handle] : []),
  );
  return { workspaceId, member, at };
}
