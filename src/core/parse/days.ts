import type { DayRef } from "./lexicon-types.js";

const DAY_MS = 86_400_000;

/**
 * Calendar arithmetic on YYYY-MM-DD strings. UTC is used only as a calendar, never as a clock,
 * so the result does not depend on the machine's timezone.
 */
function toDays(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  return fromParts(Number(m[1]), Number(m[2]), Number(m[3]));
}

function fromParts(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1000 || year > 9999) return null;
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  // Rejects 31 Nov or 29 Feb in a common year instead of rolling over into the next month.
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return ms / DAY_MS;
}

function toIso(days: number): string {
  const d = new Date(days * DAY_MS);
  const y = String(d.getUTCFullYear()).padStart(4, "0");
  const m = String(d.getUTCMonth() + 1).padStart(2, "0");
  const day = String(d.getUTCDate()).padStart(2, "0");
  return `${y}-${m}-${day}`;
}

/** A month-and-day without a year within this many days in the past is taken as last year's. */
const LAST_YEAR_WINDOW = 92;

/**
 * How far back a calendar date may book a report. A date further back than this is not taken as the
 * report's day: the phrase is treated as noise, as if it were not a date at all, and the report goes to
 * the day it would have gone to without it. Reps log today, yesterday or the last few days; a date weeks
 * back is far more often part of a name ("jalan 17 Agustus", "Jl. 10 November") than a late report.
 * Only calendar dates ("17 agustus", "30/11", "tgl 5") are capped so tightly; "3 days ago" and weekdays
 * are never names.
 */
export const MAX_BACKDATE_DAYS = 14;

/**
 * A date written with its year ("2026-11-01", "1/11/2026") is deliberate, so a rep catching up on a missed
 * month is taken at their word — up to a quarter back. Older still is a name too ("Jl. 17 Agustus 1945").
 */
export const MAX_BACKDATE_DAYS_WITH_YEAR = 92;

/**
 * The day a reference points to, seen from `today`; "future" for a day after today; null when it names
 * no valid day (31 Feb), a calendar date more than MAX_BACKDATE_DAYS back, or `today` itself is not a date.
 *
 * A bare weekday means the most recent such day, and today counts: "on Monday" written on a Monday is today,
 * because reps log the day they are in far more often than the same weekday a week back. "Last Monday" on a
 * Monday is a week ago.
 */
export function resolveDay(ref: DayRef, today: string): string | "future" | "unclear" | null {
  const t = toDays(today);
  if (t === null) return null;
  const y = Number(today.slice(0, 4));
  const mo = Number(today.slice(5, 7));
  switch (ref.kind) {
    case "vague":
      return null;
    case "unclear":
      return "unclear";
    case "future":
      return "future";
    case "offset":
      return toIso(t - ref.days);
    case "weekday": {
      const current = (((t + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
      if (ref.weeksBack !== undefined) {
        // "rabu minggu lalu": that weekday in the week (Monday to Sunday) before this one.
        const monday = t - ((current + 6) % 7);
        return toIso(monday - 7 * ref.weeksBack + ((ref.weekday + 6) % 7));
      }
      let back = (current - ref.weekday + 7) % 7;
      if (back === 0 && ref.last) back = 7;
      return toIso(t - back);
    }
    case "date": {
      const d = resolveDate(ref, t, y, mo);
      if (d === null || d === "future") return d;
      const limit = ref.year === undefined ? MAX_BACKDATE_DAYS : MAX_BACKDATE_DAYS_WITH_YEAR;
      return t - d > limit ? null : toIso(d);
    }
  }
}

/** A calendar date as a day number, "future" when it is after today `t`, or null when it names no valid day. */
function resolveDate(
  ref: Extract<DayRef, { kind: "date" }>,
  t: number,
  y: number,
  mo: number,
): number | "future" | null {
  if (ref.year !== undefined) {
    const d = ref.month === undefined ? null : fromParts(ref.year, ref.month, ref.day);
    if (d === null) return null;
    return d > t ? "future" : d;
  }
  if (ref.month !== undefined) {
    const d = fromParts(y, ref.month, ref.day);
    if (d !== null && d <= t) return d;
    const prev = fromParts(y - 1, ref.month, ref.day);
    if (prev !== null && t - prev <= LAST_YEAR_WINDOW) return prev;
    return d === null ? null : "future";
  }
  // A day of the month alone ("tgl 1") is this month's, or last month's if this month's is still ahead.
  const d = fromParts(y, mo, ref.day);
  if (d !== null && d <= t) return d;
  const pm = mo === 1 ? 12 : mo - 1;
  return fromParts(mo === 1 ? y - 1 : y, pm, ref.day);
}
