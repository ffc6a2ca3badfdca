import { funnelChartSvg } from "../charts/funnel-chart.js";
import { trendChartSvg } from "../charts/trend-chart.js";
import {
  type DateRange,
  earlierDay,
  isoWeekOf,
  isoWeekRange,
  type LocalDate,
  monthRange,
} from "../core/calendar.js";
import { toCsv } from "../core/export/csv.js";
import { periodRows, reportRows } from "../core/export/rows.js";
import { type RepFigures, teamReps } from "../core/figures.js";
import { analyzeFunnel, type FunnelAnalysis } from "../core/funnel.js";
import { type Counts, FUNNEL_STAGES } from "../core/metrics.js";
import type { ChosenPeriod } from "../core/period-choice.js";
import type { Reply } from "../core/reply.js";
import type { Report, TeamMember } from "../core/team.js";
import { monthLabel, rangeLabel } from "../core/views/dates.js";
import { funnelView, ratioText } from "../core/views/funnel.js";
import { planView } from "../core/views/plan.js";
import { repFunnelView } from "../core/views/rep-funnel.js";
import { fromFirstActiveWeek, type TrendWeek } from "../core/views/trend.js";
import { todayRoster, trendWeeks } from "./coaching.js";
import type { RequestContext } from "./context.js";
import { loadDailyFigures, loadTeamFigures } from "./figures.js";
import { monthPlanAsOf } from "./plans.js";
import type { Store } from "./ports.js";

/**
 * What the dashboard's pages show, read through the same functions as the chat (loadTeamFigures, the trend's
 * weeks, the month plan) and laid out by the same views where the chat has one: a page and a command for the
 * same period cannot disagree. The web adapter only turns these into HTML and CSV.
 */

/** Whose figures the viewer may open: a manager anyone's on the team, a rep their own alone. */
export function maySee(ctx: RequestContext, memberId: number): boolean {
  return ctx.role === "manager" || memberId === ctx.member.id;
}

/** The last day a period's figures count up to: nothing is expected of days that have not come. */
const asOfFor = (range: DateRange, today: LocalDate) => earlierDay(range.end, today);

export interface OverviewPage {
  label: string;
  previousLabel: string;
  reps: Array<{ now: RepFigures; before: RepFigures }>;
  totals: Counts;
  expected: { visits: number; followUps: number };
  /** Who has not reported today; null when today is outside the period or not a working day. */
  missingToday: string[] | null;
  funnel: Reply;
  chartSvg: string | null;
}

export async function overviewPage(
  store: Store,
  ctx: RequestContext,
  period: ChosenPeriod,
): Promise<OverviewPage> {
  const { range, previous } = period;
  const [members, now, before, today, checkIns] = await Promise.all([
    store.listTeamMembers(ctx.team.id),
    loadTeamFigures(store, ctx.team, range, asOfFor(range, ctx.today)),
    loadTeamFigures(store, ctx.team, previous, asOfFor(previous, ctx.today)),
    todayRoster(store, ctx),
    store.countCheckIns({ teamId: ctx.team.id, range }),
  ]);
  const reps = teamReps(now, members).map((rep) => ({ now: rep, before: before.rep(rep.memberId) }));
  const label = rangeLabel(ctx.t, range);
  const analysis = analyzeFunnel(now.totals);
  const inPeriod = range.start <= ctx.today && ctx.today <= range.end;
  return {
    label,
    previousLabel: rangeLabel(ctx.t, previous),
    reps,
    totals: now.totals,
    expected: {
      visits: reps.reduce((sum, r) => sum + r.now.expected.visits, 0),
      followUps: reps.reduce((sum, r) => sum + r.now.expected.followUps, 0),
    },
    missingToday:
      inPeriod && today.workingDay
        ? today.today.filter((r) => r.daysReported === 0 && !r.off).map((r) => r.displayName)
        : null,
    funnel: funnelView(ctx.t, {
      title: ctx.t.web.funnelHeading,
      analysis,
      helpCommand: `${ctx.commandPrefix}help`,
      checkIns: { count: checkIns, visits: now.totals.visits },
    }),
    chartSvg: funnelChart(ctx, analysis, label),
  };
}

function funnelChart(ctx: RequestContext, analysis: FunnelAnalysis, subtitle: string): string | null {
  if (!analysis.hasData) return null;
  return funnelChartSvg(ctx.t, { title: ctx.team.name, subtitle, analysis });
}

export async function overviewCsv(store: Store, ctx: RequestContext, period: ChosenPeriod): Promise<string> {
  const [members, figures] = await Promise.all([
    store.listTeamMembers(ctx.team.id),
    loadTeamFigures(store, ctx.team, period.range, asOfFor(period.range, ctx.today)),
  ]);
  const table = periodRows([{ range: period.range, reps: teamReps(figures, members) }]);
  return toCsv(table.header, table.rows);
}

/** The most weeks one trend shows: the ISO weeks a 366-day period can touch. */
const MAX_TREND_WEEKS = 54;

/** The ISO weeks a period touches, as the chat's trend counts them (the last one so far, if it is this week). */
async function periodWeeks(store: Store, ctx: RequestContext, range: DateRange) {
  const first = isoWeekRange(range.start).start;
  const last = isoWeekRange(range.end).start;
  const count = Math.min(
    MAX_TREND_WEEKS,
    Math.round((Date.parse(last) - Date.parse(first)) / (7 * 86_400_000)) + 1,
  );
  // As the chat's trend: a new team's weeks start when it did, not with weeks of zeros.
  return fromFirstActiveWeek(await trendWeeks(store, ctx, count, last));
}

export interface TrendPage {
  label: string;
  weeks: Array<TrendWeek & { ratio: string }>;
  chartSvg: string | null;
}

export async function trendPage(store: Store, ctx: RequestContext, period: ChosenPeriod): Promise<TrendPage> {
  const weeks = (await periodWeeks(store, ctx, period.range)).map((w) => ({
    ...w,
    ratio: w.analysis.ratio ? ratioText(ctx.t, w.analysis) : "",
  }));
  const active = weeks.some((w) => w.analysis.hasData || w.counts.visits > 0);
  const label = rangeLabel(ctx.t, {
    start: weeks[0]?.range.start ?? period.range.start,
    end: period.range.end,
  });
  return {
    label,
    weeks,
    chartSvg: active
      ? trendChartSvg(ctx.t, {
          title: ctx.t.coach.trendChartTitle(ctx.team.name, weeks.length),
          subtitle: label,
          weeks,
        })
      : null,
  };
}

export async function trendCsv(store: Store, ctx: RequestContext, period: ChosenPeriod): Promise<string> {
  const weeks = await periodWeeks(store, ctx, period.range);
  return toCsv(
    [
      "week",
      "from",
      "to",
      ...FUNNEL_STAGES,
      "closed",
      "visits",
      "visits_quota",
      "prospects_per_10_leads",
      "potential_per_10_leads",
      "closeable_per_10_leads",
    ],
    weeks.map((w) => [
      `${isoWeekOf(w.range.start).year}-W${String(w.week).padStart(2, "0")}`,
      w.range.start,
      w.range.end,
      ...FUNNEL_STAGES.map((s) => w.counts[s]),
      w.counts.closed,
      w.counts.visits,
      w.expectedVisits,
      w.analysis.ratio?.prospects ?? null,
      w.analysis.ratio?.potential ?? null,
      w.analysis.ratio?.closeable ?? null,
    ]),
  );
}

export interface RepPage {
  member: TeamMember;
  label: string;
  figures: RepFigures;
  days: Array<{ day: LocalDate; figures: RepFigures }>;
  funnel: Reply;
  reports: Report[];
}

/** One rep's figures per day of the period, each day scored as the chat scores it. */
async function repDays(store: Store, ctx: RequestContext, member: TeamMember, range: DateRange) {
  const days = await loadDailyFigures(store, ctx.team, range, ctx.today, member.id);
  return days.map(({ day, figures }) => ({
    range: { start: day, end: day },
    reps: [figures.rep(member.id, member.displayName)],
  }));
}

export async function repPage(
  store: Store,
  ctx: RequestContext,
  member: TeamMember,
  period: ChosenPeriod,
): Promise<RepPage> {
  const { range } = period;
  const label = rangeLabel(ctx.t, range);
  const [figures, days, reports] = await Promise.all([
    loadTeamFigures(store, ctx.team, range, asOfFor(range, ctx.today)),
    repDays(store, ctx, member, range),
    store.listReportsInRange(ctx.team.id, range),
  ]);
  return {
    member,
    label,
    figures: figures.rep(member.id, member.displayName),
    days: days.flatMap((d) => d.reps.map((figures) => ({ day: d.range.start, figures }))),
    funnel: repFunnelView(ctx.t, {
      title: ctx.t.web.funnelHeading,
      name: member.displayName,
      rep: analyzeFunnel(figures.rep(member.id).counts),
      team: analyzeFunnel(figures.totals),
      helpCommand: `${ctx.commandPrefix}help`,
    }),
    reports: reports.filter((r) => r.memberId === member.id),
  };
}

export async function repCsv(
  store: Store,
  ctx: RequestContext,
  member: TeamMember,
  period: ChosenPeriod,
): Promise<string> {
  const table = periodRows(await repDays(store, ctx, member, period.range));
  return toCsv(table.header, table.rows);
}

/** Every report of the period, withdrawn ones marked: a manager's whole team, a rep's own. */
export async function reportsCsv(
  store: Store,
  ctx: RequestContext,
  period: ChosenPeriod,
  onlyMemberId?: number,
): Promise<string> {
  const reports = await store.listReportsInRange(ctx.team.id, period.range);
  const table = reportRows(
    onlyMemberId === undefined ? reports : reports.filter((r) => r.memberId === onlyMemberId),
    ctx.platform,
  );
  return toCsv(table.header, table.rows);
}

export interface PlanPage {
  month: string;
  /** The day the plan stands on: today, or the period's last day when it is over. */
  asOf: LocalDate;
  plan: Awaited<ReturnType<typeof monthPlanAsOf>>;
  reply: Reply;
}

/** The reverse funnel for the month of the period's last day (this month unless the period is over). */
export async function planPage(store: Store, ctx: RequestContext, period: ChosenPeriod): Promise<PlanPage> {
  const asOf = asOfFor(period.range, ctx.today);
  const plan = await monthPlanAsOf(store, ctx.team, asOf);
  const month = monthLabel(ctx.t, monthRange(asOf).start);
  return {
    month,
    asOf,
    plan,
    reply: planView(ctx.t, { month, plan, targetCommand: `${ctx.commandPrefix}target 8` }),
  };
}

export async function planCsv(store: Store, ctx: RequestContext, period: ChosenPeriod): Promise<string> {
  const { plan, asOf } = await planPage(store, ctx, period);
  const header = ["as_of", "stage", "needed", "per_working_day", "working_days", "rate_from"];
  if (!plan) return toCsv(header, []);
  const rateFrom = (stage: string) =>
    Object.entries(plan.plan.basis).find(([key]) => key.startsWith(`${stage}->`))?.[1] ?? null;
  return toCsv(
    header,
    FUNNEL_STAGES.map((stage) => [
      asOf,
      stage,
      plan.plan.needed[stage],
      plan.plan.perWorkingDay[stage],
      plan.plan.workingDays,
      rateFrom(stage),
    ]),
  );
}
