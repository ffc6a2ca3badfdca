import { funnelChartSvg } from "../charts/funnel-chart.js";
import type { DateRange, LocalDate } from "../core/calendar.js";
import { METRICS } from "../core/metrics.js";
import type { Reply } from "../core/reply.js";
import type { Platform, Team } from "../core/team.js";
import { textsFor } from "../core/texts/index.js";
import { rangeLabel } from "../core/views/dates.js";
import { digestView } from "../core/views/digest.js";
import { COMMAND_PREFIX } from "./context.js";
import { buildDigest } from "./digests.js";
import { teamStartedOn } from "./figures.js";
import type { Chart, FigureReads } from "./ports.js";

export interface DigestPost {
  reply: Reply;
  /** The funnel chart, to render to PNG only by whoever posts it. */
  svg: string;
  chart: Omit<Chart, "png">;
  /** The team was set up after the week ended and nothing was reported for it: there is nothing to say. */
  beforeSetup: boolean;
}

/** The digest for a week as the team will see it on `today`: the text, and the funnel chart beside it. */
export async function renderDigest(
  store: FigureReads,
  team: Team,
  week: DateRange,
  platform: Platform,
  today: LocalDate,
): Promise<DigestPost> {
  const t = textsFor(team.locale);
  const [digest, members] = await Promise.all([
    buildDigest(store, team, week, today),
    store.listTeamMembers(team.id),
  ]);
  const started = teamStartedOn(members, team.timezone);
  const silent = METRICS.every((m) => digest.totals[m] === 0);
  const reply = digestView(t, digest, {
    example: t.reportExample,
    targetCommand: `${COMMAND_PREFIX[platform]}target 8`,
  });
  const svg = funnelChartSvg(t, {
    title: t.chartTitle(team.name, digest.week),
    subtitle: rangeLabel(t, week),
    analysis: digest.funnel,
  });
  return {
    reply,
    svg,
    chart: { fileName: `corong-funnel-${week.start}.png`, title: t.chartTitle(team.name, digest.week) },
    beforeSetup: silent && (started === null || started > week.end),
  };
}
