import type { Store } from "../../src/app/ports.js";
import type { Counts } from "../../src/core/metrics.js";
import type { Member, Team } from "../../src/core/team.js";

export interface JobsTeam {
  team: Team;
  maya: Member;
  reps: Record<"ayu" | "budi" | "citra", Member>;
  /** Stores a report for `member` on `day`, as the bot would after parsing it. */
  report(member: Member, day: string, counts: Partial<Counts>): Promise<void>;
}

/** "Sales JKT" (Asia/Jakarta, Slack workspace T1), manager Maya, reps Ayu, Budi and Citra, all since `at`. */
export function jobsTeam(store: Store, at: string): Promise<JobsTeam> {
  return jobsTeamIn(store, "T1", at);
}

/** The same team in another Slack workspace. */
export async function jobsTeamIn(store: Store, workspace: string, at: string): Promise<JobsTeam> {
  const workspaceId = await store.ensureWorkspace("slack", workspace, "Acme", at);
  const team = await store.createTeam(
    { workspaceId, externalId: "C1", name: "Sales JKT", timezone: "Asia/Jakarta", locale: "en" },
    at,
  );
  const maya = await store.ensureMember(workspaceId, "U0", "Maya", at);
  await store.setRole(team.id, maya.id, "manager", at);
  const member = async (id: string, name: string) => {
    const m = await store.ensureMember(workspaceId, id, name, at);
    await store.joinTeam(team.id, m.id, at);
    return m;
  };
  const reps = {
    ayu: await member("U1", "Ayu"),
    budi: await member("U2", "Budi"),
    citra: await member("U3", "Citra"),
  };
  return {
    team,
    maya,
    reps,
    async report(who, day, counts) {
      await store.saveReport({
        workspaceId,
        teamId: team.id,
        memberId: who.id,
        day,
        counts,
        sourceText: JSON.stringify(counts),
        messageId: null,
        at: `${day}T03:00:00.000Z`,
      });
    },
  };
}
