import { funnelChartSvg } from "../charts/funnel-chart.js";
import { svgToPng } from "../charts/render-png.js";
import type { DateRange, LocalDate } from "../core/calendar.js";
import type { Reply } from "../core/reply.js";
import type { Platform, Team } from "../core/team.js";
import { textsFor } from "../core/texts/index.js";
import { rangeLabel } from "../core/views/dates.js";
import { digestView } from "../core/views/digest.js";
import { COMMAND_PREFIX } from "./context.js";
import { buildDigest } from "./digests.js";
import type { Chart, Store } from "./ports.js";

/** The digest for a week as the team will see it on `today`: the text, and the funnel chart beside it. */
export async function renderDigest(
  store: Store,
  team: Team,
  week: DateRange,
  platform: Platform,
  today: LocalDate,
): Promise<{ reply: Reply; chart: Chart; svg: string }> {
  const t = textsFor(team.locale);
  const digest = await buildDigest(store, team, week, today);
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
    chart: {
      png: svgToPng(svg),
      fileName: `corong-funnel-${week.start}.png`,
      title: t.chartTitle(team.name, digest.week),
    },
  };
}
