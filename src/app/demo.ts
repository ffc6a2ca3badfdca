import { addDays, instantAt, isoWeekday } from "../core/calendar.js";
import type { Locale } from "../core/locale.js";
import type { PartialCounts } from "../core/metrics.js";
import { SINCE_ALWAYS } from "../core/setting-history.js";
import type { Team } from "../core/team.js";
import type { Store } from "./ports.js";

/** Where the console chat lives: one demo workspace with one team. */
export const DEMO = {
  workspace: "local",
  team: "demo",
  teamName: "Sales Demo",
  you: { externalId: "you", displayName: "You" },
} as const;

interface DemoRep {
  externalId: string;
  name: string;
  /** How hard this rep works the process, 0..1: the digest should show a spread worth coaching. */
  discipline: number;
  /** Visits a day well under quota: the rep the manager's alert and `team` name as behind. */
  behind?: boolean;
  /** Prospects rarely become potential: the leak `funnel @budi` shows is his, not the team's. */
  stallsAtProspects?: boolean;
}

const REPS: readonly DemoRep[] = [
  { externalId: "ayu", name: "Ayu", discipline: 0.9 },
  { externalId: "budi", name: "Budi", discipline: 0.7, stallsAtProspects: true },
  { externalId: "citra", name: "Citra", discipline: 1 },
  { externalId: "dedi", name: "Dedi", discipline: 0.4, behind: true },
];

/** mulberry32: a tiny seeded generator, so the demo is the same on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A believable day: visits drive follow-ups and leads, and the funnel narrows (and leaks) on the way down. */
function demoDay(rand: () => number, rep: DemoRep): PartialCounts {
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const visits = rep.behind
    ? between(1, 2)
    : Math.max(0, Math.round(between(3, 6) * (0.5 + rep.discipline / 2)));
  const leads = between(1, 3);
  const prospects = rep.stallsAtProspects
    ? Math.min(leads, between(1, 2))
    : Math.round(leads * (0.3 + rand() * 0.4));
  const potential = rep.stallsAtProspects
    ? rand() < 0.1
      ? 1
      : 0
    : Math.round(prospects * (0.45 + rand() * 0.4));
  const closeable = rand() < 0.35 * rep.discipline ? 1 : 0;
  const closed = closeable === 1 && rand() < 0.5 ? 1 : 0;
  return {
    visits,
    followUps: Math.round(between(1, 4) * rep.discipline),
    relationshipContacts: between(0, 2),
    referralsAsked: rand() < rep.discipline * 0.6 ? between(1, 2) : 0,
    referralsReceived: rand() < rep.discipline * 0.3 ? 1 : 0,
    leads,
    prospects,
    potential,
    closeable,
    closed,
  };
}

/** Reports a real rep would type for those counts, in English or Indonesian. */
function demoText(counts: PartialCounts, locale: Locale): string {
  const c = (m: keyof PartialCounts) => counts[m] ?? 0;
  return locale === "id"
    ? `ketemu ${c("visits")} klien, ${c("followUps")} follow up, ${c("relationshipContacts")} klien lama, minta referensi ${c("referralsAsked")}, dapat ${c("referralsReceived")} referensi, ${c("leads")} leads baru, ${c("prospects")} prospek, ${c("potential")} potensial, ${c("closeable")} closeable, closing ${c("closed")}`
    : `met ${c("visits")} clients, ${c("followUps")} follow-ups, ${c("relationshipContacts")} old clients, ${c("referralsAsked")} referrals asked, ${c("referralsReceived")} referrals received, ${c("leads")} new leads, ${c("prospects")} prospects, ${c("potential")} potential, ${c("closeable")} closeable, ${c("closed")} closed`;
}

/**
 * Creates the demo team (once) and fills the four weeks before `today` with activity for four reps, through
 * the same store path real reports take. Running it again adds nothing: each demo report has a message id.
 */
export async function seedDemo(
  store: Store,
  input: { today: string; timezone: string; locale: Locale; at: string },
): Promise<{ team: Team; created: boolean }> {
  const workspaceId = await store.ensureWorkspace("console", DEMO.workspace, "Console", input.at);
  const existing = await store.findTeam(workspaceId, DEMO.team);
  const team =
    existing ??
    (await store.createTeam(
      {
        workspaceId,
        externalId: DEMO.team,
        name: DEMO.teamName,
        timezone: input.timezone,
        locale: input.locale,
      },
      input.at,
    ));
  if (existing) return { team, created: false };
  // The demo's target stands since always, so every month of its history has a plan.
  const withTarget = await store.recordSetting(team.id, "monthlyTarget", 8, SINCE_ALWAYS, input.at);
  const manager = await store.ensureMember(workspaceId, "maya", "Maya", input.at);
  await store.setRole(team.id, manager.id, "manager", input.at);
  const you = await store.ensureMember(workspaceId, DEMO.you.externalId, DEMO.you.displayName, input.at);
  await store.joinTeam(team.id, you.id, input.at);

  const rand = random(20261130);
  // The reps have been on the team since their history starts, so every day of it was theirs to work.
  const joined = new Date(instantAt(addDays(input.today, -28), "00:00", input.timezone)).toISOString();
  for (const rep of REPS) {
    const member = await store.ensureMember(workspaceId, rep.externalId, rep.name, input.at);
    await store.joinTeam(team.id, member.id, joined);
    for (let back = 28; back >= 1; back--) {
      const day = addDays(input.today, -back);
      if (!withTarget.workingDays.includes(isoWeekday(day))) continue;
      // Less disciplined reps skip reporting on some days: the digest's "days reported" column shows it.
      if (rand() > 0.5 + rep.discipline / 2) continue;
      const counts = demoDay(rand, rep);
      await store.saveReport({
        workspaceId,
        teamId: team.id,
        memberId: member.id,
        day,
        counts,
        sourceText: demoText(counts, rep.externalId === "budi" || rep.externalId === "dedi" ? "id" : "en"),
        messageId: `demo:${rep.externalId}:${day}`,
        at: `${day}T10:00:00.000Z`,
      });
    }
  }
  return { team: withTarget, created: true };
}
