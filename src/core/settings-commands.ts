import {
  addDays,
  type DateRange,
  daysInRange,
  isValidLocalDate,
  type LocalDate,
  parseTimeOfDay,
} from "./calendar.js";

/** A team setting a manager can change with `settings <field> <value>`. */
export type SettingChange =
  | { field: "reminderTime" | "nudgeTime" | "digestTime"; value: string }
  | { field: "workingDays"; value: number[] }
  | { field: "country"; value: string }
  | { field: "holiday"; value: LocalDate }
  | { field: "repVisibility"; value: "team" | "private" }
  /** When the manager's alert or the reps' recap goes out: an ISO weekday and a team-local time. */
  | { field: "alert" | "recap"; day: number; time: string };

/** Days off as typed: relative words are resolved against the team's today by `resolveDaysOff`. */
export type DaysOffSpec = { from: string; to: string };

const TIME_FIELDS: Record<string, "reminderTime" | "nudgeTime" | "digestTime"> = {
  reminder: "reminderTime",
  pengingat: "reminderTime",
  nudge: "nudgeTime",
  dorongan: "nudgeTime",
  digest: "digestTime",
  ringkasan: "digestTime",
};

const WEEKDAYS: Record<string, number> = {
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
  sun: 7,
  sen: 1,
  sel: 2,
  rab: 3,
  kam: 4,
  jum: 5,
  sab: 6,
  min: 7,
};

function weekday(word: string): number | null {
  if (/^[1-7]$/.test(word)) return Number(word);
  return WEEKDAYS[word.slice(0, 3)] ?? null;
}

/** "mon-fri", "1-6", "mon,tue,wed,thu,fri,sat", "sen-jum" → ISO weekdays, or null. */
export function parseWorkingDays(text: string): number[] | null {
  const days = new Set<number>();
  for (const part of text.split(/[,\s]+/).filter(Boolean)) {
    const [a, b] = part.split(/[-–]/);
    const start = a ? weekday(a) : null;
    const end = b === undefined ? start : weekday(b);
    if (start === null || end === null || end < start) return null;
    for (let d = start; d <= end; d++) days.add(d);
  }
  return days.size > 0 ? [...days].sort() : null;
}

/** "16:00", "16.00", "9:30" → "HH:MM"; null when it is not a time of day. */
function timeOfDay(text: string): string | null {
  const minutes = parseTimeOfDay(text.replace(".", ":").padStart(5, "0"));
  if (minutes === null) return null;
  const hh = String(Math.floor(minutes / 60)).padStart(2, "0");
  return `${hh}:${String(minutes % 60).padStart(2, "0")}`;
}

const VISIBILITY: Record<string, "team" | "private"> = {
  team: "team",
  tim: "team",
  private: "private",
  privat: "private",
  pribadi: "private",
  own: "private",
  sendiri: "private",
};

/** `settings …` after the word itself; null when it is not a valid change. */
export function parseSettingChange(args: string): SettingChange | null {
  const [field = "", ...rest] = args.split(/\s+/);
  const value = rest.join(" ");
  const timeField = TIME_FIELDS[field];
  if (timeField) {
    const time = timeOfDay(value);
    return time ? { field: timeField, value: time } : null;
  }
  if (field === "visibility" || field === "visibilitas") {
    const visibility = VISIBILITY[value];
    return visibility ? { field: "repVisibility", value: visibility } : null;
  }
  if (field === "alert" || field === "peringatan" || field === "recap" || field === "rekap") {
    // "alert wed 12:00", "rekap jumat 15.00"
    const [dayWord = "", timeWord = "", ...extra] = rest;
    const day = weekday(dayWord);
    const time = timeOfDay(timeWord);
    if (day === null || time === null || extra.length > 0) return null;
    return { field: field === "alert" || field === "peringatan" ? "alert" : "recap", day, time };
  }
  if (field === "days" || field === "hari" || field === "workdays") {
    const days = parseWorkingDays(value);
    return days ? { field: "workingDays", value: days } : null;
  }
  if (field === "country" || field === "negara") {
    return /^[a-z]{2}$/i.test(value) ? { field: "country", value: value.toUpperCase() } : null;
  }
  if (field === "holiday" || field === "libur") {
    return isValidLocalDate(value) ? { field: "holiday", value } : null;
  }
  return null;
}

const RELATIVE: Record<string, number> = {
  today: 0,
  "hari ini": 0,
  tomorrow: 1,
  besok: 1,
  yesterday: -1,
  kemarin: -1,
};

const DAY_WORD = /^(?:\d{4}-\d{2}-\d{2}|today|tomorrow|yesterday|hari ini|besok|kemarin)$/;

/**
 * `off today`, `off yesterday`, `off 2026-12-24`, `off 2026-12-24..2026-12-26` as typed; null when it does not
 * look like days at all. Whether the days make sense (real dates, in order, not too far back) is `planDaysOff`'s
 * to say, with the reason.
 */
export function parseDaysOff(args: string): DaysOffSpec | null {
  const text = args.trim().toLowerCase().replace(/\s+/g, " ");
  const [from = "", to = from, ...more] = text.split(/\s*(?:\.\.|–|—|\bto\b|\bsampai\b|\bs\/d\b)\s*/);
  if (more.length > 0 || !DAY_WORD.test(from) || !DAY_WORD.test(to)) return null;
  return { from, to };
}

/** Longest stretch of days off one message may mark: a long leave is a few messages, a typo is not a year. */
export const MAX_DAYS_OFF = 31;

/** How far back a missed day can still be excused. */
export const DAYS_OFF_LOOKBACK = 7;

/** How far ahead days off can be marked: a year, the span the team's holidays are known for. */
export const DAYS_OFF_LOOKAHEAD = 365;

export type DaysOffRefusal =
  | "not_a_date"
  | "reversed"
  | "too_long"
  | "too_far_back"
  | "too_far_ahead"
  | "no_working_days";

export type DaysOffPlan =
  | { ok: true; range: DateRange; days: LocalDate[] }
  | {
      ok: false;
      reason: DaysOffRefusal;
      /** The date the reason is about, or the range as asked. */
      range: DateRange;
    };

/**
 * What a days-off request marks: the working days in the asked range (weekends and holidays are off anyway), or
 * why nothing can be marked — a date that does not exist, an end before the start, a range too long, or days more
 * than a week back.
 */
export function planDaysOff(
  spec: DaysOffSpec,
  today: LocalDate,
  isWorkingDay: (day: LocalDate) => boolean,
): DaysOffPlan {
  const resolve = (word: string) => {
    const offset = RELATIVE[word];
    return offset === undefined ? word : addDays(today, offset);
  };
  const range: DateRange = { start: resolve(spec.from), end: resolve(spec.to) };
  for (const day of [range.start, range.end]) {
    if (!isValidLocalDate(day)) return { ok: false, reason: "not_a_date", range: { start: day, end: day } };
  }
  if (range.end < range.start) return { ok: false, reason: "reversed", range };
  const all = daysInRange(range);
  if (all.length > MAX_DAYS_OFF) return { ok: false, reason: "too_long", range };
  if (range.start < addDays(today, -DAYS_OFF_LOOKBACK)) return { ok: false, reason: "too_far_back", range };
  if (range.end > addDays(today, DAYS_OFF_LOOKAHEAD)) return { ok: false, reason: "too_far_ahead", range };
  const days = all.filter(isWorkingDay);
  if (days.length === 0) return { ok: false, reason: "no_working_days", range };
  return { ok: true, range, days };
}
