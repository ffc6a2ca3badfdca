import type { LeaderboardRow } from "../coaching.js";
import type { Reply } from "../reply.js";
import type { Texts } from "../texts/index.js";
import { percent } from "./funnel.js";

/** Reps ranked by visit quota attainment, with closings and referrals (asked / received) beside. */
export function leaderboardView(t: Texts, input: { title: string; rows: LeaderboardRow[] }): Reply {
  const ranked = input.rows.filter((r) => r.attainment !== null);
  if (ranked.length === 0) return { tone: "info", title: input.title, lines: [t.coach.leaderboardEmpty] };
  return {
    tone: "info",
    title: input.title,
    lines: [],
    table: {
      columns: [...t.coach.leaderboardColumns],
      rows: ranked.map((r, i) => [
        String(i + 1),
        r.name,
        percent(r.attainment),
        `${r.visits}/${r.expected}`,
        String(r.closed),
        `${r.referralsAsked}/${r.referralsReceived}`,
      ]),
      align: ["right", "left", "right", "right", "right", "right"],
    },
  };
}
