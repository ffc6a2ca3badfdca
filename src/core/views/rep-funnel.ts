import { leakOwner } from "../coaching.js";
import type { FunnelAnalysis } from "../funnel.js";
import { BENCHMARK, FUNNEL_STAGES } from "../metrics.js";
import type { Reply } from "../reply.js";
import type { Texts } from "../texts/index.js";
import { percent, ratioText } from "./funnel.js";

const BENCHMARK_RATIO = FUNNEL_STAGES.map((s) => BENCHMARK[s]).join(" : ");

/**
 * One rep's funnel beside the team's: the rep's stage counts and ratio, each conversion for the rep, the team and
 * the benchmark, and whether the weakest transition is the rep's own leak or the whole team's.
 */
export function repFunnelView(
  t: Texts,
  input: { title: string; name: string; rep: FunnelAnalysis; team: FunnelAnalysis; helpCommand: string },
): Reply {
  const { rep, team, name } = input;
  if (!rep.hasData) return { tone: "info", title: input.title, lines: [t.funnelEmpty(input.helpCommand)] };
  const c = rep.counts;
  const chain = [...FUNNEL_STAGES, "closed" as const].map((s) => `${t.stageName(s)} ${c[s]}`).join(" → ");
  const owner = leakOwner(rep, team);
  const footer: string[] = [];
  if (!rep.ratio) footer.push(t.noLeadsYet);
  else if (rep.weakest && owner)
    footer.push(t.coach.repWeakest(name, rep.weakest, owner), t.tip(rep.weakest));
  else if (rep.onBenchmark) footer.push(t.onBenchmark);
  return {
    tone: "info",
    title: input.title,
    lines: [chain, t.coach.repRatios(ratioText(t, rep), ratioText(t, team), BENCHMARK_RATIO)],
    table: {
      columns: [...t.coach.repColumns(name)],
      rows: rep.conversions.map((cv) => {
        const teams = team.conversions.find((x) => x.from === cv.from);
        const mark = { above: "▲", on: "=", below: "▼", unknown: "" }[cv.status];
        return [
          t.conversionName(cv),
          percent(cv.rate),
          percent(teams?.rate ?? null),
          percent(cv.benchmark),
          rep.weakest?.from === cv.from ? `${mark} ${t.weakest}` : mark,
        ];
      }),
      align: ["left", "right", "right", "right", "left"],
    },
    footer,
  };
}
