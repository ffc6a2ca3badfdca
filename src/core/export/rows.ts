import type { DateRange } from "../calendar.js";
import type { RepFigures } from "../figures.js";
import { METRICS, type Metric } from "../metrics.js";
import type { Report } from "../team.js";
import type { CsvCell } from "./csv.js";

/** What one row of an export stands for. */
export type ExportPer = "report" | "day" | "week";

/** Column names, stable across languages so a spreadsheet or script built on them keeps working. */
const METRIC_COLUMNS: Record<Metric, string> = {
  visits: "visits",
  followUps: "follow_ups",
  relationshipContacts: "existing_client_checkins",
  referralsAsked: "referrals_asked",
  referralsReceived: "referrals_received",
  leads: "leads",
  prospects: "prospects",
  potential: "potential",
  closeable: "closeable",
  closed: "closed",
};

export interface ExportTable {
  header: string[];
  rows: CsvCell[][];
}

/** One row per report as the rep sent it: withdrawn ones too, marked with when. */
export function reportRows(
  reports: ReadonlyArray<Report & { memberName: string }>,
  channel: string,
): ExportTable {
  return {
    header: [
      "day",
      "rep",
      ...METRICS.map((m) => METRIC_COLUMNS[m]),
      "source_text",
      "channel",
      "created",
      "withdrawn",
    ],
    rows: reports.map((r) => [
      r.day,
      r.memberName,
      ...METRICS.map((m) => r.counts[m] ?? null),
      r.sourceText,
      channel,
      r.createdAt,
      r.undoneAt,
    ]),
  };
}

/** One period's figures per rep, as every view scores them. */
export interface PeriodFigures {
  range: DateRange;
  reps: readonly RepFigures[];
}

/** One row per rep and period (a day or an ISO week): what they did against what was expected of them. */
export function periodRows(periods: readonly PeriodFigures[]): ExportTable {
  return {
    header: [
      "from",
      "to",
      "rep",
      ...METRICS.map((m) => METRIC_COLUMNS[m]),
      "visits_quota",
      "follow_ups_quota",
      "days_reported",
      "days_expected",
    ],
    rows: periods.flatMap(({ range, reps }) =>
      reps.map((rep) => [
        range.start,
        range.end,
        rep.displayName,
        ...METRICS.map((m) => rep.counts[m]),
        rep.expected.visits,
        rep.expected.followUps,
        rep.daysReported,
        rep.expectedDays,
      ]),
    ),
  };
}
