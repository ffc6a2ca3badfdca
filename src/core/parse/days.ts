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
 * The day a reference points to, seen from `today`; "future" for a day after today; null when it names
 * no valid day (31 Feb) or `today` itself is not a date.
 *
 * A bare weekday means the most recent such day, and today counts: "on Monday" written on a Monday is today,
 * because reps log the day they are in far more often than the same weekday a week back. "Last Monday" on a
 * Monday is a week ago.
 */
export function resolveDay(ref: DayRef, today: string): string | "future" | null {
  const t = toDays(today);
  if (t === null) return null;
  const y = Number(today.slice(0, 4));
  const mo = Number(today.slice(5, 7));
  switch (ref.kind) {
    case "vague":
      return null;
    case "future":
      return "future";
    case "offset":
      return toIso(t - ref.days);
    case "weekday": {
      const current = (((t + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
      let back = (current - ref.weekday + 7) % 7;
      if (back === 0 && ref.last) back = 7;
      return toIso(t - back);
    }
    case "date": {
      if (ref.year !== undefined) {
        const d = ref.month === undefined ? null : fromParts(ref.year, ref.month, ref.day);
        if (d === null) return null;
        return d > t ? "future" : toIso(d);
      }
      if (ref.month !== undefined) {
        const d = fromParts(y, ref.month, ref.day);
        if (d !== null && d <= t) return toIso(d);
        const prev = fromParts(y - 1, ref.month, ref.day);
        if (prev !== null && t - prev <= LAST_YEAR_WINDOW) return toIso(prev);
        return d === null ? null : "future";
      }
      // A day of the month alone ("tgl 1") is this month's, or last month's if this month's is still ahead.
      const d = fromParts(y, mo, ref.day);
      if (d !== null && d <= t) return toIso(d);
      const pm = mo === 1 ? 12 : mo - 1;
      const prev = fromParts(mo === 1 ? y - 1 : y, pm, ref.day);
      return prev === null ? null : toIso(prev);
    }
  }
}
