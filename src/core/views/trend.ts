import type { DateRange } from "../calendar.js";
import { ratioDirection } from "../coaching.js";
import type { FunnelAnalysis } from "../funnel.js";
import type { Counts } from "../metrics.js";
import type { Reply, ReplyImage } from "../reply.js";
import type { Texts } from "../texts/index.js";
import { percent, ratioText } from "./funnel.js";

export interface TrendWeek {
  /** ISO week number. */
  week: number;
  /** Its Monday to Sunday. */
  range: DateRange;
  counts: Counts;
  /** The team's visits expected that week, each rep's own quota and days counted. */
  expectedVisits: number;
  analysis: FunnelAnalysis;
}

/**
 * The weeks worth showing: from the first with any activity on (a new team's trend starts when it started, not
 * with weeks of zeros against a quota nobody was asked for yet). This week always stays.
 */
export function fromFirstActiveWeek<T extends TrendWeek>(weeks: readonly T[]): T[] {
  const first = weeks.findIndex((w) => w.analysis.hasData || w.counts.visits > 0 || w.counts.followUps > 0);
  return first === -1 ? weeks.slice(-1) : weeks.slice(first);
}

/** Week by week: visits against quota, leads, and the funnel's ratio; then which way the ratio is going. */
export function trendView(t: Texts, input: { title: string; weeks: TrendWeek[]; image?: ReplyImage }): Reply {
  const active = input.weeks.filter((w) => w.analysis.hasData || w.counts.visits > 0);
  if (active.length === 0) return { tone: "info", title: input.title, lines: [t.coach.trendEmpty] };
  const direction = ratioDirection(input.weeks.map((w) => w.counts));
  return {
    tone: "info",
    title: input.title,
    lines: [],
    table: {
      columns: [...t.coach.trendColumns],
      rows: input.weeks.map((w) => [
        String(w.week),
        String(w.counts.visits),
        percent(w.expectedVisits > 0 ? w.counts.visits / w.expectedVisits : null),
        String(w.counts.leads),
        ratioText(t, w.analysis),
      ]),
      align: ["right", "right", "right", "right", "left"],
    },
    footer: direction ? [t.coach.trendDirection(direction)] : [],
    ...(input.image ? { image: input.image } : {}),
  };
}
