import { addDays, type DateRange, isoWeekday } from "../calendar.js";
import type { Texts } from "../texts/index.js";

/** "1 Dec". */
export function shortDate(t: Texts, date: string): string {
  const [, month, day] = date.split("-").map(Number);
  return `${day} ${t.monthsShort[(month ?? 1) - 1]}`;
}

/** "Tue 1 Dec". */
export function weekdayDate(t: Texts, date: string): string {
  return `${t.weekdaysShort[isoWeekday(date) - 1]} ${shortDate(t, date)}`;
}

/** "today", "yesterday", or "Tue 1 Dec": how a rep names the day a report belongs to. */
export function dayLabel(t: Texts, date: string, today: string): string {
  if (date === today) return t.today;
  if (date === addDays(today, -1)) return t.yesterday;
  return weekdayDate(t, date);
}

/** "30 Nov – 6 Dec", or "23 – 29 Nov" within one month. */
export function rangeLabel(t: Texts, range: DateRange): string {
  const sameMonth = range.start.slice(0, 7) === range.end.slice(0, 7);
  const start = sameMonth ? String(Number(range.start.slice(8))) : shortDate(t, range.start);
  return `${start} – ${shortDate(t, range.end)}`;
}

/** "Dec 2026" / "Des 2026". */
export function monthLabel(t: Texts, date: string): string {
  return `${t.monthsShort[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}
