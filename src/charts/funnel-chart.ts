import type { FunnelAnalysis } from "../core/funnel.js";
import { BENCHMARK, FUNNEL_STAGES } from "../core/metrics.js";
import type { Texts } from "../core/texts/index.js";
import { text } from "./svg.js";

/** Square and large-type: the chart is read on a phone in a chat, often at a third of its size. */
const WIDTH = 1080;
const HEIGHT = 1080;
const ROW = 158;
const BAR_HEIGHT = 118;
const TOP = 200;
const LABEL_X = 48;
const BARS_LEFT = 420;
const BARS_WIDTH = 620;

/**
 * The team's funnel as centred bars, one per stage and one for closings, the 10:5:3:1 benchmark drawn as a
 * dashed outline scaled to the team's leads, and beside each bar its count and its conversion against the
 * benchmark's (red where it falls short).
 */
export function funnelChartSvg(
  t: Texts,
  input: { title: string; subtitle: string; analysis: FunnelAnalysis },
): string {
  const { counts, conversions } = input.analysis;
  const stages = [...FUNNEL_STAGES, "closed" as const];
  const leads = counts.leads;
  // Closings have no stage of their own in 10:5:3:1; "1 closeable may or may not close" reads as one in two.
  const benchmarkCounts: Record<string, number> = {
    leads,
    prospects: (leads * BENCHMARK.prospects) / BENCHMARK.leads,
    potential: (leads * BENCHMARK.potential) / BENCHMARK.leads,
    closeable: (leads * BENCHMARK.closeable) / BENCHMARK.leads,
    closed: (leads * BENCHMARK.closeable) / BENCHMARK.leads / 2,
  };
  const scaleMax = Math.max(1, ...stages.map((s) => Math.max(counts[s], benchmarkCounts[s] ?? 0)));
  const width = (n: number) => (n <= 0 ? 0 : Math.max(10, (n / scaleMax) * BARS_WIDTH));
  const centre = BARS_LEFT + BARS_WIDTH / 2;
  const colours = ["#1d4ed8", "#2563eb", "#3b82f6", "#60a5fa", "#16a34a"];
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    text(LABEL_X, 92, 54, input.title, 'font-weight="700" fill="#0f172a"'),
    text(LABEL_X, 146, 34, input.subtitle, 'fill="#475569"'),
  ];
  stages.forEach((stage, i) => {
    const y = TOP + i * ROW;
    const bar = width(counts[stage]);
    const outline = width(benchmarkCounts[stage] ?? 0);
    parts.push(
      `<rect x="${centre - bar / 2}" y="${y}" width="${bar}" height="${BAR_HEIGHT}" rx="14" fill="${colours[i]}"/>`,
    );
    if (outline > 0) {
      parts.push(
        `<rect x="${centre - outline / 2}" y="${y - 5}" width="${outline}" height="${BAR_HEIGHT + 10}" rx="18" fill="none" stroke="#f97316" stroke-width="5" stroke-dasharray="16 10"/>`,
      );
    }
    parts.push(
      text(LABEL_X, y + 52, 42, `${t.stageName(stage)} ${counts[stage]}`, 'font-weight="700" fill="#0f172a"'),
    );
    const conversion = conversions.find((c) => c.to === stage);
    if (conversion && conversion.rate !== null) {
      const short = conversion.status === "below";
      parts.push(
        text(
          LABEL_X,
          y + 98,
          32,
          `${short ? "▼" : "▲"} ${Math.round(conversion.rate * 100)}% · ${t.benchmark} ${Math.round(conversion.benchmark * 100)}%`,
          `fill="${short ? "#dc2626" : "#15803d"}"`,
        ),
      );
    }
  });
  parts.push(text(LABEL_X, HEIGHT - 40, 32, t.chartLegend, 'fill="#475569"'), "</svg>");
  return parts.join("\n");
}
