import type { Texts } from "../core/texts/index.js";
import type { TrendWeek } from "../core/views/trend.js";
import { text } from "./svg.js";

/** Square and large-type like the funnel chart: read on a phone, in a chat, at a third of its size. */
const WIDTH = 1080;
const HEIGHT = 1080;
const LEFT = 96;
const RIGHT = 48;
const PLOT_WIDTH = WIDTH - LEFT - RIGHT;
/** Upper panel: visits against quota. Lower panel: prospects per 10 leads against the benchmark's 5. */
const BARS = { top: 230, height: 380 };
const RATIO = { top: 720, height: 230 };
const BENCHMARK_PROSPECTS_PER_10 = 5;
const RATIO_MAX = 10;

/**
 * Week by week: each week's visits as a bar with the quota drawn over it as a dashed mark, and below, the
 * prospects per 10 leads as a line against the benchmark's 5 — the two things a manager watches for a trend.
 */
export function trendChartSvg(
  t: Texts,
  input: { title: string; subtitle: string; weeks: TrendWeek[] },
): string {
  const { weeks } = input;
  const slot = PLOT_WIDTH / Math.max(1, weeks.length);
  const barWidth = Math.min(72, slot * 0.6);
  const scaleMax = Math.max(1, ...weeks.map((w) => Math.max(w.counts.visits, w.expectedVisits)));
  const barHeight = (n: number) => (n / scaleMax) * BARS.height;
  const x = (i: number) => LEFT + slot * i + slot / 2;
  const ratioY = (r: number) =>
    RATIO.top + RATIO.height - (Math.min(r, RATIO_MAX) / RATIO_MAX) * RATIO.height;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    text(48, 92, 54, input.title, 'font-weight="700" fill="#0f172a"'),
    text(48, 146, 34, input.subtitle, 'fill="#475569"'),
    text(48, BARS.top - 24, 30, t.coach.trendChartLegend.visits, 'font-weight="700" fill="#1d4ed8"'),
    text(WIDTH - RIGHT - 260, BARS.top - 24, 28, t.coach.trendChartLegend.quota, 'fill="#f97316"'),
    text(48, RATIO.top - 24, 30, t.coach.trendChartLegend.ratio, 'font-weight="700" fill="#16a34a"'),
    `<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${BARS.top + BARS.height}" y2="${BARS.top + BARS.height}" stroke="#cbd5e1" stroke-width="2"/>`,
    `<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${ratioY(BENCHMARK_PROSPECTS_PER_10)}" y2="${ratioY(BENCHMARK_PROSPECTS_PER_10)}" stroke="#f97316" stroke-width="4" stroke-dasharray="16 10"/>`,
    text(
      LEFT - 60,
      ratioY(BENCHMARK_PROSPECTS_PER_10) + 10,
      28,
      String(BENCHMARK_PROSPECTS_PER_10),
      'fill="#f97316"',
    ),
  ];
  const points: string[] = [];
  weeks.forEach((week, i) => {
    const cx = x(i);
    const bar = barHeight(week.counts.visits);
    const floor = BARS.top + BARS.height;
    const short = week.expectedVisits > 0 && week.counts.visits < week.expectedVisits;
    parts.push(
      `<rect x="${cx - barWidth / 2}" y="${floor - bar}" width="${barWidth}" height="${bar}" rx="8" fill="${short ? "#93c5fd" : "#2563eb"}"/>`,
    );
    if (week.expectedVisits > 0) {
      const quotaY = floor - barHeight(week.expectedVisits);
      parts.push(
        `<line x1="${cx - barWidth / 2 - 8}" x2="${cx + barWidth / 2 + 8}" y1="${quotaY}" y2="${quotaY}" stroke="#f97316" stroke-width="5" stroke-dasharray="10 6"/>`,
      );
    }
    parts.push(text(cx - 18, floor + 40, 28, String(week.week), 'fill="#475569"'));
    const { leads, prospects } = week.counts;
    if (leads > 0) {
      const y = ratioY((prospects / leads) * 10);
      points.push(`${cx},${y}`);
      parts.push(`<circle cx="${cx}" cy="${y}" r="9" fill="#16a34a"/>`);
    }
  });
  if (points.length > 1) {
    parts.push(`<polyline points="${points.join(" ")}" fill="none" stroke="#16a34a" stroke-width="5"/>`);
  }
  parts.push("</svg>");
  return parts.join("\n");
}
