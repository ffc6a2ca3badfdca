import type { Digest, DigestRow, Trend } from "../digest.js";
import { ACTIVITY_METRICS, BENCHMARK, FUNNEL_METRICS, FUNNEL_STAGES, type Metric } from "../metrics.js";
import type { Reply } from "../reply.js";
import type { Texts } from "../texts/index.js";
import { countWithMetric, metricName } from "../texts/metric-words.js";
import { monthLabel, rangeLabel } from "./dates.js";
import { percent, ratioText } from "./funnel.js";
import { planView } from "./plan.js";

const ARROW: Record<Trend, string> = { up: "▲", down: "▼", flat: "=", new: "" };

/** A rep who reported on fewer than half their working days is the first coaching conversation of the week. */
function lowReporting(row: DigestRow): boolean {
  return row.expectedDays > 0 && row.daysReported * 2 < row.expectedDays;
}

function changeLine(t: Texts, digest: Digest): string | null {
  const watched: Metric[] = ["visits", "followUps", "leads", "closed"];
  if (watched.every((m) => digest.previousTotals[m] === 0)) return null;
  return watched
    .map((m) => {
      const now = digest.totals[m];
      const before = digest.previousTotals[m];
      const change = before === 0 ? null : Math.round(((now - before) / before) * 100);
      const arrow = now > before ? "▲" : now < before ? "▼" : "=";
      return `${metricName(t.locale, m)} ${arrow}${change !== null && change !== 0 ? ` ${Math.abs(change)}%` : ""}`;
    })
    .join(" · ");
}

/**
 * The Monday digest: where the funnel leaks and who needs help, readable in ten seconds. The text stands on its
 * own; the chart beside it only repeats the funnel.
 */
export function digestView(
  t: Texts,
  digest: Digest,
  options: { example: string; targetCommand: string },
): Reply {
  const title = t.digestTitle(digest.teamName, digest.week, rangeLabel(t, digest.range));
  const totals = digest.totals;
  const anything = [...ACTIVITY_METRICS, ...FUNNEL_METRICS].some((m) => totals[m] > 0);
  const lines: string[] = [];
  if (!anything) lines.push(t.digestEmpty(options.example));
  const rest = (["followUps", "relationshipContacts", "referralsAsked", "referralsReceived"] as const)
    .map((m) => countWithMetric(t.locale, m, totals[m]))
    .join(" · ");
  lines.push(
    t.digestTeam({
      visits: countWithMetric(t.locale, "visits", totals.visits),
      attainment: digest.visitAttainment === null ? null : percent(digest.visitAttainment),
      rest,
    }),
  );
  const weakest = digest.funnel.weakest
    ? `${t.conversionName(digest.funnel.weakest).toLowerCase()} (${percent(digest.funnel.weakest.rate)} vs ${percent(digest.funnel.weakest.benchmark)})`
    : null;
  if (digest.funnel.hasData) {
    lines.push(
      [...FUNNEL_STAGES, "closed" as const].map((s) => `${t.stageName(s)} ${totals[s]}`).join(" → "),
      t.digestFunnel(
        ratioText(t, digest.funnel),
        FUNNEL_STAGES.map((s) => BENCHMARK[s]).join(" : "),
        weakest,
      ),
    );
  }
  if (digest.checkIns > 0) lines.push(t.checkInsLine(digest.checkIns, totals.visits));
  const change = changeLine(t, digest);
  if (change) lines.push(t.digestVersusLastWeek(change));
  if (digest.direction) lines.push(t.coach.digestDirection(digest.direction));

  const footer: string[] = [];
  if (digest.top && digest.top.visitAttainment !== null) {
    footer.push(t.digestTop(digest.top.name, percent(digest.top.visitAttainment), digest.top.closed));
  }
  if (digest.mostImproved && digest.mostImproved.name !== digest.top?.name) {
    const { name, from, to } = digest.mostImproved;
    footer.push(t.coach.digestMostImproved(name, percent(from), percent(to)));
  }
  if (digest.funnel.weakest) footer.push(t.tip(digest.funnel.weakest));
  else if (digest.funnel.onBenchmark) footer.push(t.onBenchmark);
  else if (digest.funnel.hasData && !digest.funnel.ratio) footer.push(t.noLeadsYet);
  const plan = planView(t, {
    month: monthLabel(t, digest.planMonth),
    plan: digest.plan,
    targetCommand: options.targetCommand,
  });
  footer.push(`${plan.title}: ${plan.lines.slice(0, 2).join(" ")}`);

  return {
    tone: "info",
    title,
    lines,
    table: {
      columns: [...t.digestColumns],
      rows: digest.rows.map((row) => [
        row.name,
        `${row.visits}/${row.visitTarget}`,
        String(row.followUps),
        // Reports on a weekend or a day off are counted in the totals, not as extra days on the attendance line.
        `${Math.min(row.daysReported, row.expectedDays)}/${row.expectedDays}`,
        `${ARROW[row.trend]}${lowReporting(row) ? `  ${t.digestLowReporting(row.daysReported, row.expectedDays)}` : ""}`,
      ]),
      align: ["left", "right", "right", "right", "left"],
    },
    footer,
  };
}
