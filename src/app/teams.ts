import { canonicalTimeZone } from "../core/calendar.js";
import type { Locale } from "../core/locale.js";
import type { Reply } from "../core/reply.js";
import type { Platform, Role, Team } from "../core/team.js";
import { textsFor } from "../core/texts/index.js";
import { COMMAND_PREFIX, type RequestContext } from "./context.js";
import type { Identity } from "./identity.js";
import type { PlatformPerson } from "./incoming.js";
import type { Store } from "./ports.js";

/**
 * Makes the channel a team with the caller as its manager. Running it again in a team changes nothing and says so.
 */
export async function setUpTeam(
  store: Store,
  input: {
    identity: Identity;
    platform: Platform;
    channel: { externalId: string; name?: string };
    timeZone: string;
    locale: Locale;
  },
): Promise<{ reply: Reply; team: Team }> {
  const { workspaceId, member, at } = input.identity;
  const t = textsFor(member.locale ?? input.locale);
  const existing = await store.findTeam(workspaceId, input.channel.externalId);
  if (existing) {
    await store.joinTeam(existing.id, member.id, at);
    return {
      reply: { tone: "info", lines: [t.alreadySetUp(existing.name, existing.timezone)] },
      team: existing,
    };
  }
  const team = await store.createTeam(
    {
      workspaceId,
      externalId: input.channel.externalId,
      name: input.channel.name ?? input.channel.externalId,
      timezone: input.timeZone,
      locale: input.locale,
    },
    at,
  );
  await store.setRole(team.id, member.id, "manager", at);
  return {
    reply: {
      tone: "success",
      lines: [t.setupDone(team.name, team.timezone, COMMAND_PREFIX[input.platform])],
    },
    team,
  };
}

/** Makes another member of the workspace a manager of this team (managers only). */
export async function addManager(
  store: Store,
  ctx: RequestContext,
  userId: string,
  lookupPerson?: (externalId: string) => Promise<PlatformPerson | undefined>,
): Promise<Reply> {
  if (ctx.role !== "manager") return { tone: "error", lines: [ctx.t.managersOnly("manager")] };
  const at = new Date(ctx.now).toISOString();
  const person = await lookupPerson?.(userId).catch(() => undefined);
  // Without a profile the platform id stands in until they first write and their name is filled in.
  const member = person
    ? await store.ensureMember(ctx.team.workspaceId, userId, person.displayName, at)
    : await store.ensureMemberIfMissing(ctx.team.workspaceId, userId, userId, at);
  await store.joinTeam(ctx.team.id, member.id, at);
  await store.setRole(ctx.team.id, member.id, "manager", at);
  return { tone: "success", lines: [ctx.t.managerAdded(`@${member.displayName}`)] };
}

export async function setTeamTimeZone(store: Store, ctx: RequestContext, timeZone: string): Promise<Reply> {
  if (ctx.role !== "manager") return { tone: "error", lines: [ctx.t.managersOnly("timezone")] };
  const zone = canonicalTimeZone(timeZone);
  if (!zone) return { tone: "error", lines: [ctx.t.badTimezone(timeZone)] };
  await store.updateTeam(ctx.team.id, { timezone: zone });
  return { tone: "success", lines: [ctx.t.timezoneSet(zone)] };
}

/**
 * Makes the team's managers exactly the people the platform names (Telegram group admins): they become managers,
 * and a manager the platform no longer names becomes a rep. Returns the role `memberId` has afterwards.
 */
export async function syncTeamManagers(
  store: Store,
  input: { team: Team; admins: PlatformPerson[]; memberId: number; at: string },
): Promise<Role> {
  const { team, admins, at } = input;
  const adminIds = new Set<number>();
  for (const admin of admins) {
    const member = await store.ensureMemberIfMissing(
      team.workspaceId,
      admin.externalId,
      admin.displayName,
      at,
    );
    adminIds.add(member.id);
    if ((await store.roleOf(team.id, member.id)) !== "manager")
      await store.setRole(team.id, member.id, "manager", at);
  }
  for (const member of await store.listTeamMembers(team.id)) {
    if (member.role === "manager" && !adminIds.has(member.id))
      await store.setRole(team.id, member.id, "rep", at);
  }
  return adminIds.has(input.memberId) ? "manager" : ((await store.roleOf(team.id, input.memberId)) ?? "rep");
}

/** Puts the channel's people on the team as reps (managers keep their role). */
export async function addChannelMembers(
  store: Store,
  team: Team,
  people: PlatformPerson[],
  at: string,
): Promise<void> {
  for (const person of people) {
    const member = await store.ensureMemberIfMissing(
      team.workspaceId,
      person.externalId,
      person.displayName,
      at,
    );
    await store.joinTeam(team.id, member.id, at);
  }
}
