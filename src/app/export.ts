import {
  addDays,
  type DateRange,
  daysInRange,
  earlierDay,
  isoWeekRange,
  type LocalDate,
  laterDay,
  monthRange,
} from "../core/calendar.js";
import type { ExportPeriod } from "../core/commands.js";
import { toCsv } from "../core/export/csv.js";
import { type ExportPer, type PeriodFigures, periodRows, reportRows } from "../core/export/rows.js";
import { teamReps } from "../core/figures.js";
import type { Reply } from "../core/reply.js";
import type { Team } from "../core/team.js";
import { monthLabel, rangeLabel } from "../core/views/dates.js";
import { forAskerOnly } from "./coaching.js";
import type { RequestContext } from "./context.js";
import { loadTeamFigures } from "./figures.js";
import type { Store } from "./ports.js";

/** The longest range one export covers: a year, so a day-by-day export stays a few thousand rows. */
export const MAX_EXPORT_DAYS = 366;

function reportsCsv(reports: Parameters<typeof reportRows>[0], channel: string): string {
  const table = reportRows(reports, channel);
  return toCsv(table.header, table.rows);
}

/** The days or ISO weeks of a range, each week cut to the range so the rows add up to it. */
function periodsOf(range: DateRange, per: "day" | "week"): DateRange[] {
  if (per === "day") return daysInRange(range).map((day) => ({ start: day, end: day }));
  const periods: DateRange[] = [];
  for (let start = isoWeekRange(range.start).start; start <= range.end; start = addDays(start, 7)) {
    const end = addDays(start, 6);
    periods.push({ start: laterDay(start, range.start), end: earlierDay(end, range.end) });
  }
  return periods;
}

/**
 * A team's activity over a range as CSV: one row per report, or per rep and day or week, scored through the same
 * figures as the chat (quotas as they were, days off and holidays left out, nothing expected of days to come).
 */
export async function exportCsv(
  store: Store,
  team: Team,
  channel: string,
  range: DateRange,
  per: ExportPer,
  today: LocalDate,
): Promise<string> {
  if (per === "report") return reportsCsv(await store.listReportsInRange(team.id, range), channel);
  const members = await store.listTeamMembers(team.id);
  const periods: PeriodFigures[] = [];
  // One period at a time: a year of days is a few hundred reads, not a burst on the pool.
  for (const period of periodsOf(range, per)) {
    const figures = await loadTeamFigures(store, team, period, earlierDay(period.end, today));
    periods.push({ range: period, reps: teamReps(figures, members) });
  }
  const table = periodRows(periods);
  return toCsv(table.header, table.rows);
}

/** `export [week|month|last month]` in the chat: the period's reports as a CSV file, for managers. */
export async function exportReply(store: Store, ctx: RequestContext, period: ExportPeriod): Promise<Reply> {
  if (ctx.role !== "manager") return { tone: "error", lines: [ctx.t.exportManagersOnly] };
  const month = monthRange(ctx.today);
  const range =
    period === "week"
      ? isoWeekRange(ctx.today)
      : period === "month"
        ? month
        : monthRange(addDays(month.start, -1));
  const label = period === "week" ? rangeLabel(ctx.t, range) : monthLabel(ctx.t, range.start);
  const reports = await store.listReportsInRange(ctx.team.id, range);
  const bytes = new TextEncoder().encode(reportsCsv(reports, ctx.platform));
  return forAskerOnly(ctx, {
    tone: "success",
    lines: [ctx.t.exportReady(ctx.team.name, label, reports.length)],
    file: { bytes, fileName: `corong-${range.start}-${range.end}.csv`, title: `${ctx.team.name} · ${label}` },
  });
}
