import {
  addDays,
  type DateRange,
  isoWeekRange,
  isValidLocalDate,
  type LocalDate,
  monthRange,
} from "./calendar.js";

/** The periods the dashboard offers; a custom one is any range up to `MAX_PERIOD_DAYS`. */
export const PERIOD_CHOICES = ["week", "lastWeek", "month", "lastMonth", "quarter", "custom"] as const;
export type PeriodChoice = (typeof PERIOD_CHOICES)[number];
export type PeriodProblem = "notADate" | "reversed" | "tooLong";

/** A year and a day: a whole year on a page, and a day-by-day table of a few hundred rows at most. */
export const MAX_PERIOD_DAYS = 366;

export interface ChosenPeriod {
  choice: PeriodChoice;
  range: DateRange;
  /** The period just before, of the same kind (last week for this week, the month before for a month). */
  previous: DateRange;
}

function quarterRange(date: LocalDate): DateRange {
  const month = Number(date.slice(5, 7));
  const first = month - ((month - 1) % 3);
  const start = `${date.slice(0, 4)}-${String(first).padStart(2, "0")}-01`;
  return { start, end: monthRange(`${date.slice(0, 4)}-${String(first + 2).padStart(2, "0")}-01`).end };
}

/** Days in the range, counted without listing them (a typo like 0026 must not build an array of 730,000). */
function lengthOf(range: DateRange): number {
  return Math.round((Date.parse(range.end) - Date.parse(range.start)) / 86_400_000) + 1;
}

function shiftBack(range: DateRange): DateRange {
  const length = lengthOf(range);
  return { start: addDays(range.start, -length), end: addDays(range.start, -1) };
}

function named(choice: Exclude<PeriodChoice, "custom">, today: LocalDate): ChosenPeriod {
  switch (choice) {
    case "week":
    case "lastWeek": {
      const week = isoWeekRange(choice === "week" ? today : addDays(today, -7));
      return { choice, range: week, previous: shiftBack(week) };
    }
    case "month":
    case "lastMonth": {
      const month = monthRange(choice === "month" ? today : addDays(monthRange(today).start, -1));
      return { choice, range: month, previous: monthRange(addDays(month.start, -1)) };
    }
    case "quarter": {
      const quarter = quarterRange(today);
      return { choice, range: quarter, previous: quarterRange(addDays(quarter.start, -1)) };
    }
  }
}

/** A real date in the years a sales team reports in: year 0 or 9999 is a typo, and would break week arithmetic. */
const plausible = (date: string) => isValidLocalDate(date) && date >= "1970-01-01" && date <= "2199-12-31";

const isChoice = (value: string | undefined): value is PeriodChoice =>
  PERIOD_CHOICES.includes(value as PeriodChoice);

/**
 * The period a page shows, from what its picker sent: a named one relative to `today`, or a custom range. A
 * custom range that cannot be read falls back to this week and says why; an unknown name is this week.
 */
export function choosePeriod(
  asked: {
    period?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    /** The period the picker was showing when it was sent: tells a new choice from edited dates. */
    shown?: string | undefined;
  },
  today: LocalDate,
): { period: ChosenPeriod; problem?: PeriodProblem } {
  if (!isChoice(asked.period)) return { period: named("week", today) };
  if (asked.period !== "custom") {
    const chosen = named(asked.period, today);
    // With no script to switch the picker to "custom", dates edited under an unchanged choice mean those dates;
    // a changed choice means the choice (the dates beside it are the old period's).
    const edited =
      asked.shown === asked.period &&
      ((asked.from !== undefined && asked.from !== chosen.range.start) ||
        (asked.to !== undefined && asked.to !== chosen.range.end));
    if (!edited) return { period: chosen };
  }
  const { from = "", to = "" } = asked;
  const problem: PeriodProblem | null =
    !plausible(from) || !plausible(to)
      ? "notADate"
      : to < from
        ? "reversed"
        : lengthOf({ start: from, end: to }) > MAX_PERIOD_DAYS
          ? "tooLong"
          : null;
  if (problem) return { period: named("week", today), problem };
  const range = { start: from, end: to };
  return { period: { choice: "custom", range, previous: shiftBack(range) } };
}
