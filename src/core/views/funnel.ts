import type { Conversion, FunnelAnalysis } from "../funnel.js";
import { BENCHMARK, FUNNEL_STAGES } from "../metrics.js";
import type { Reply } from "../reply.js";
import type { Texts } from "../texts/index.js";

/** 4.2 in English, 4,2 in Indonesian. */
export function decimal(t: Texts, n: number): string {
  return n.toLocaleString(t.locale === "id" ? "id-ID" : "en-US", { maximumFractionDigits: 1 });
}

export function percent(rate: number | null): string {
  return rate === null ? "—" : `${Math.round(rate * 100)}%`;
}

const BENCHMARK_RATIO = FUNNEL_STAGES.map((s) => BENCHMARK[s]).join(" : ");

/** "10 : 4.2 : 1.7 : 0.8", or dashes when there are no leads to normalise to. */
export function ratioText(t: Texts, analysis: FunnelAnalysis): string {
  const ratio = analysis.ratio;
  return ratio
    ? FUNNEL_STAGES.map((s) => decimal(t, ratio[s])).join(" : ")
    : FUNNEL_STAGES.map(() => "—").join(" : ");
}

function arrow(t: Texts, c: Conversion, weakest: Conversion | null): string {
  const mark = { above: "▲", on: "=", below: "▼", unknown: "" }[c.status];
  return weakest && c.from === weakest.from ? `${mark} ${t.weakest}` : mark;
}

/**
 * The team funnel for a period: stage counts, the ratio normalised to 10 leads beside 10:5:3:1, each
 * conversion against the benchmark's, and where it leaks with one thing to coach.
 */
export function funnelView(
  t: Texts,
  input: {
    title: string;
    analysis: FunnelAnalysis;
    helpCommand: string;
    /** Visits checked in by location in the period, of all visits; shown only when there are some. */
    checkIns?: { count: number; visits: number };
  },
): Reply {
  const { analysis, checkIns } = input;
  const checkInLines =
    checkIns && checkIns.count > 0 ? [t.checkInsLine(checkIns.count, checkIns.visits)] : [];
  if (!analysis.hasData)
    return { tone: "info", title: input.title, lines: [t.funnelEmpty(input.helpCommand), ...checkInLines] };
  const c = analysis.counts;
  const chain = [...FUNNEL_STAGES, "closed" as const].map((s) => `${t.stageName(s)} ${c[s]}`).join(" → ");
  const stageConversions = analysis.conversions.filter((cv) => cv.to !== "closed");
  const closing = analysis.conversions.find((cv) => cv.to === "closed");
  const footer: string[] = [];
  if (!analysis.ratio) footer.push(t.noLeadsYet);
  else if (analysis.weakest) footer.push(t.tip(analysis.weakest));
  else if (analysis.onBenchmark) footer.push(t.onBenchmark);
  return {
    tone: "info",
    title: input.title,
    lines: [
      chain,
      `${t.ratioLine(ratioText(t, analysis))} · ${t.benchmark} ${BENCHMARK_RATIO}`,
      ...checkInLines,
    ],
    table: {
      columns: ["", t.actual, t.benchmark, ""],
      rows: [
        ...stageConversions.map((cv) => [
          t.conversionName(cv),
          percent(cv.rate),
          percent(cv.benchmark),
          arrow(t, cv, analysis.weakest),
        ]),
        ...(closing && closing.rate !== null
          ? [
              [
                t.conversionName(closing),
                percent(closing.rate),
                percent(closing.benchmark),
                arrow(t, closing, null),
              ],
            ]
          : []),
      ],
      align: ["left", "right", "right", "left"],
    },
    footer,
  };
}
