/**
 * Team-local calendar: days, ISO weeks and working days.
 *
 * Calendar dates are plain "YYYY-MM-DD" strings and are computed with integer day arithmetic, never through
 * `Date`, so a date can never drift by a day because of the host's time zone or a DST change. Only the
 * conversion between an instant and a wall-clock time goes through Intl, with the team's IANA zone.
 */

export type LocalDate = string; // YYYY-MM-DD

export interface LocalTime {
  date: LocalDate;
  hour: number;
  minute: number;
  isoWeekday: number; // 1=Mon..7=Sun
}

export interface DateRange {
  start: LocalDate;
  end: LocalDate;
} // inclusive

export interface IsoWeek {
  year: number;
  week: number;
  key: string; // "2026-W49"
}

const MS_PER_SECOND = 1000;
const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{1,2}):(\d{2})$/;
const WEEK_KEY_RE = /^(\d{4})-?W(\d{2})$/i;
// RFC 3339 / ISO 8601 extended format with a mandatory offset: only that names one instant unambiguously.
const ISO_INSTANT_RE =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;

interface Ymd {
  year: number;
  month: number;
  day: number;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isValidYmd(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function parseYmd(date: string): Ymd | null {
  const m = DATE_RE.exec(date);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return isValidYmd(year, month, day) ? { year, month, day } : null;
}

function requireYmd(date: LocalDate): Ymd {
  const ymd = typeof date === "string" ? parseYmd(date) : null;
  if (!ymd) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return ymd;
}

// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil).
function epochDay({ year, month, day }: Ymd): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function ymdFromEpochDay(days: number): Ymd {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function formatYmd({ year, month, day }: Ymd): LocalDate {
  // Four-digit years only, so every date this module returns also parses back.
  if (year < 0 || year > 9999) throw new RangeError(`Date out of range: year ${year}`);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function dayNumber(date: LocalDate): number {
  return epochDay(requireYmd(date));
}

function dateOfDayNumber(days: number): LocalDate {
  return formatYmd(ymdFromEpochDay(days));
}

function weekdayOfDayNumber(days: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

/** True for a real calendar date written as YYYY-MM-DD. */
export function isValidLocalDate(date: string): boolean {
  return typeof date === "string" && parseYmd(date) !== null;
}

// ---------------------------------------------------------------------------------------------------------
// Instants <-> wall-clock time

const formatters = new Map<string, Intl.DateTimeFormat>();
// Zone names are case-insensitive, so user-typed spellings could grow the cache without bound.
const MAX_CACHED_FORMATTERS = 500;

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    if (formatters.size >= MAX_CACHED_FORMATTERS) formatters.clear();
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

interface WallClock {
  ymd: Ymd;
  hour: number;
  minute: number;
  second: number;
}

function wallClockAt(instant: number, timeZone: string): WallClock {
  if (!Number.isFinite(instant)) throw new RangeError(`Not an instant: ${instant}`);
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    const value = Number(part.value);
    switch (part.type) {
      case "year":
        year = value;
        break;
      case "month":
        month = value;
        break;
      case "day":
        day = value;
        break;
      case "hour":
        // Some ICU versions print midnight as "24" even with h23.
        hour = value % 24;
        break;
      case "minute":
        minute = value;
        break;
      case "second":
        second = value;
        break;
    }
  }
  return { ymd: { year, month, day }, hour, minute, second };
}

/** The wall-clock time as if it were UTC, in ms: lets wall times be compared and subtracted like instants. */
function wallMs(wall: WallClock): number {
  return (
    epochDay(wall.ymd) * MS_PER_DAY +
    wall.hour * MS_PER_HOUR +
    wall.minute * MS_PER_MINUTE +
    wall.second * MS_PER_SECOND
  );
}

function wallMsAt(instant: number, timeZone: string): number {
  return wallMs(wallClockAt(instant, timeZone));
}

/** The zone's UTC offset in ms at `instant` (positive east of Greenwich). */
function offsetAt(instant: number, timeZone: string): number {
  return wallMsAt(instant, timeZone) - Math.floor(instant / MS_PER_SECOND) * MS_PER_SECOND;
}

/** The wall-clock date and time in `timeZone` at `instant`. Throws RangeError for an unknown zone. */
export function localTimeAt(instant: number, timeZone: string): LocalTime {
  const wall = wallClockAt(instant, timeZone);
  return {
    date: formatYmd(wall.ymd),
    hour: wall.hour,
    minute: wall.minute,
    isoWeekday: weekdayOfDayNumber(epochDay(wall.ymd)),
  };
}

/** The calendar date in `timeZone` at `instant`. Throws RangeError for an unknown zone. */
export function localDateAt(instant: number, timeZone: string): LocalDate {
  const key = `${instant}|${timeZone}`;
  const known = localDates.get(key);
  if (known !== undefined) return known;
  const date = formatYmd(wallClockAt(instant, timeZone).ymd);
  if (localDates.size >= MEMO_LIMIT) localDates.clear();
  localDates.set(key, date);
  return date;
}

/** True when `timeZone` is an IANA zone (or alias) this runtime's Intl knows. */
export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== "string" || timeZone.trim() === "") return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The IANA spelling of a time zone typed in any case ("asia/jakarta" → "Asia/Jakarta"), null when there is no
 * such zone. Stored zones are always canonical: holiday calendars and zone lookups match names exactly.
 */
export function canonicalTimeZone(timeZone: string): string | null {
  if (!isValidTimeZone(timeZone)) return null;
  return new Intl.DateTimeFormat("en-US", { timeZone: timeZone.trim() }).resolvedOptions().timeZone;
}

/** Parses "HH:MM" (00:00..23:59) into minutes after midnight; null when malformed. */
export function parseTimeOfDay(time: string): number | null {
  const m = typeof time === "string" ? TIME_RE.exec(time) : null;
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  return hour <= 23 && minute <= 59 ? hour * 60 + minute : null;
}

/**
 * The instant at which the wall-clock time `hh:mm` occurs on `date` in `timeZone`; for a wall time skipped by
 * DST use the first valid instant after; for a repeated wall time use the first occurrence.
 * Throws RangeError for a malformed date or time or an unknown zone.
 */
export function instantAt(date: LocalDate, time: string /* "HH:MM" */, timeZone: string): number {
  // Teams share zones and times: a scheduler tick over thousands of teams asks the same few questions.
  const key = `${date}|${time}|${timeZone}`;
  const known = instants.get(key);
  if (known !== undefined) return known;
  const instant = computeInstantAt(date, time, timeZone);
  if (instants.size >= MEMO_LIMIT) instants.clear();
  instants.set(key, instant);
  return instant;
}

/** Answers remembered: a bounded table, emptied when full (a cache, not state: the answers never change). */
const MEMO_LIMIT = 20_000;
const instants = new Map<string, number>();
const localDates = new Map<string, LocalDate>();

function computeInstantAt(date: LocalDate, time: string, timeZone: string): number {
  const minutes = parseTimeOfDay(time);
  if (minutes === null) throw new RangeError(`Not a time of day (HH:MM): ${JSON.stringify(time)}`);
  const wall = dayNumber(date) * MS_PER_DAY + minutes * MS_PER_MINUTE;

  // The offsets a day either side bracket any DST change on this date; each gives one candidate instant.
  const offsetBefore = offsetAt(wall - MS_PER_DAY, timeZone);
  const offsetAfter = offsetAt(wall + MS_PER_DAY, timeZone);
  const candidates = [wall - offsetBefore, wall - offsetAfter].sort((a, b) => a - b);
  for (const candidate of candidates) {
    if (wallMsAt(candidate, timeZone) === wall) return candidate; // earliest first: a repeated time's first occurrence
  }

  // Skipped wall time: the clock jumps over `wall` somewhere between the two candidates. The first valid
  // instant after it is the transition itself, found by bisection at whole-second precision.
  let lo = candidates[0] ?? wall; // wall clock still before `wall`
  let hi = candidates[1] ?? wall; // wall clock already past `wall`
  if (wallMsAt(lo, timeZone) >= wall || wallMsAt(hi, timeZone) < wall) return wall - offsetAfter;
  while (hi - lo > MS_PER_SECOND) {
    const mid = lo + Math.floor((hi - lo) / 2 / MS_PER_SECOND) * MS_PER_SECOND;
    if (mid <= lo) break;
    if (wallMsAt(mid, timeZone) < wall) lo = mid;
    else hi = mid;
  }
  return hi;
}

interface ParsedInstant {
  ymd: Ymd;
  instant: number;
}

function parseInstantParts(iso: string): ParsedInstant | null {
  const m = typeof iso === "string" ? ISO_INSTANT_RE.exec(iso.trim()) : null;
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millis = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  if (!isValidYmd(year, month, day) || hour > 23 || minute > 59 || second > 59) return null;
  let offset = 0;
  if (m[8] === undefined) {
    const offsetHours = Number(m[10]);
    const offsetMinutes = Number(m[11]);
    if (offsetHours > 23 || offsetMinutes > 59) return null;
    offset = (m[9] === "-" ? -1 : 1) * (offsetHours * MS_PER_HOUR + offsetMinutes * MS_PER_MINUTE);
  }
  const ymd = { year, month, day };
  const wall =
    epochDay(ymd) * MS_PER_DAY + hour * MS_PER_HOUR + minute * MS_PER_MINUTE + second * MS_PER_SECOND;
  return { ymd, instant: wall + millis - offset };
}

/**
 * Epoch milliseconds of an ISO-8601 instant with an explicit offset ("2026-12-02T01:00:00+07:00", "...Z");
 * null when it is not one. Accepts exactly what `dateInOwnOffset` accepts, so the two never disagree.
 */
export function parseIsoInstant(iso: string): number | null {
  return parseInstantParts(iso)?.instant ?? null;
}

/**
 * The local calendar date written in an ISO-8601 string's own offset: "2026-12-02T01:00:00+07:00" ->
 * "2026-12-02"; with "Z" -> UTC date. Returns null if not a valid ISO instant.
 */
export function dateInOwnOffset(iso: string): LocalDate | null {
  const parsed = parseInstantParts(iso);
  return parsed ? formatYmd(parsed.ymd) : null;
}

// ---------------------------------------------------------------------------------------------------------
// Calendar arithmetic

/** The earlier of two local dates (ISO dates order as strings). */
export function earlierDay(a: LocalDate, b: LocalDate): LocalDate {
  return a < b ? a : b;
}

export function laterDay(a: LocalDate, b: LocalDate): LocalDate {
  return a > b ? a : b;
}

/** `date` moved by a whole number of days (negative goes back). */
export function addDays(date: LocalDate, days: number): LocalDate {
  if (!Number.isInteger(days)) throw new RangeError(`Not a whole number of days: ${days}`);
  return dateOfDayNumber(dayNumber(date) + days);
}

/** 1=Monday .. 7=Sunday. */
export function isoWeekday(date: LocalDate): number {
  return weekdayOfDayNumber(dayNumber(date));
}

/** The ISO-8601 week `date` falls in; near New Year it may belong to the neighbouring year's week. */
export function isoWeekOf(date: LocalDate): IsoWeek {
  const days = dayNumber(date);
  // An ISO week belongs to the year its Thursday falls in.
  const thursday = ymdFromEpochDay(days + 4 - weekdayOfDayNumber(days));
  const dayOfYear = epochDay(thursday) - epochDay({ year: thursday.year, month: 1, day: 1 });
  const week = Math.floor(dayOfYear / 7) + 1;
  return { year: thursday.year, week, key: `${pad(thursday.year, 4)}-W${pad(week, 2)}` };
}

/** Monday..Sunday of the ISO week containing `date`. */
export function isoWeekRange(date: LocalDate): DateRange {
  const days = dayNumber(date);
  const monday = days - (weekdayOfDayNumber(days) - 1);
  return { start: dateOfDayNumber(monday), end: dateOfDayNumber(monday + 6) };
}

/** "2026-W49" (also "2026W49") -> its Monday..Sunday; null when malformed or the year has no such week. */
export function parseIsoWeekKey(key: string): DateRange | null {
  const m = typeof key === "string" ? WEEK_KEY_RE.exec(key.trim()) : null;
  if (!m) return null;
  const year = Number(m[1]);
  const week = Number(m[2]);
  if (week < 1 || week > 53) return null;
  // Week 1 is the week containing 4 January.
  const jan4 = epochDay({ year, month: 1, day: 4 });
  const monday = jan4 - (weekdayOfDayNumber(jan4) - 1) + (week - 1) * 7;
  const start = dateOfDayNumber(monday);
  if (isoWeekOf(start).week !== week) return null; // W53 in a 52-week year
  return { start, end: dateOfDayNumber(monday + 6) };
}

/** The 1st..last day of `date`'s month. */
export function monthRange(date: LocalDate): DateRange {
  const { year, month } = requireYmd(date);
  return {
    start: formatYmd({ year, month, day: 1 }),
    end: formatYmd({ year, month, day: daysInMonth(year, month) }),
  };
}

/** `n` (>= 1) whole ISO weeks ending with the Sunday of `date`'s week. */
export function lastNWeeksRange(date: LocalDate, n: number): DateRange {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Need a positive whole number of weeks: ${n}`);
  const week = isoWeekRange(date);
  return { start: addDays(week.start, -7 * (n - 1)), end: week.end };
}

/** Every date from `range.start` to `range.end` inclusive; empty when the range is reversed. */
export function daysInRange(range: DateRange): LocalDate[] {
  const first = dayNumber(range.start);
  const last = dayNumber(range.end);
  const days: LocalDate[] = [];
  for (let d = first; d <= last; d++) days.push(dateOfDayNumber(d));
  return days;
}

/** How many dates in `range` fall on one of `workingDays` (ISO weekdays; duplicates and out-of-range values ignored). */
export function countWorkingDays(range: DateRange, workingDays: readonly number[]): number {
  const first = dayNumber(range.start);
  const last = dayNumber(range.end);
  if (last < first) return 0;
  const working = new Set(workingDays.filter((d) => Number.isInteger(d) && d >= 1 && d <= 7));
  const length = last - first + 1;
  const fullWeeks = Math.floor(length / 7);
  let count = fullWeeks * working.size;
  for (let d = first + fullWeeks * 7; d <= last; d++) {
    if (working.has(weekdayOfDayNumber(d))) count++;
  }
  return count;
}

/**
 * The consecutive ranges, from the earliest start to the latest end, that each of `ranges` is a union of: one
 * sum per piece then answers every range by adding pieces up (the digests' one read for many teams).
 */
export function partitionRanges(ranges: readonly DateRange[]): DateRange[] {
  const real = ranges.filter((r) => r.start <= r.end);
  if (real.length === 0) return [];
  const end = real.reduce((latest, r) => laterDay(latest, r.end), real[0]?.end ?? "");
  const starts = new Set<LocalDate>();
  for (const r of real) {
    starts.add(r.start);
    if (r.end < end) starts.add(addDays(r.end, 1));
  }
  const sorted = [...starts].sort();
  return sorted.map((start, i) => {
    const next = sorted[i + 1];
    return { start, end: next === undefined ? end : addDays(next, -1) };
  });
}

/** The days consecutive `pieces` (from `partitionRanges`) span; null when there are none. */
export function spanOf(pieces: readonly DateRange[]): DateRange | null {
  const first = pieces[0];
  const last = pieces.at(-1);
  return first && last ? { start: first.start, end: last.end } : null;
}

/** Which of `pieces` (from `partitionRanges`) make up `range`; null when `range` is not a union of them. */
export function piecesOf(range: DateRange, pieces: readonly DateRange[]): number[] | null {
  if (range.start > range.end) return [];
  const first = pieces.findIndex((p) => p.start === range.start);
  const last = pieces.findIndex((p) => p.end === range.end);
  if (first < 0 || last < first) return null;
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
