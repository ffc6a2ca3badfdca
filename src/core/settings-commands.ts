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
  | { field: "holiday"; value: LocalDate };

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

/** `settings …` after the word itself; null when it is not a valid change. */
export function parseSettingChange(args: string): SettingChange | null {
  const [field = "", ...rest] = args.split(/\s+/);
  const value = rest.join(" ");
  const timeField = TIME_FIELDS[field];
  if (timeField) {
    const minutes = parseTimeOfDay(value.replace(".", ":").padStart(5, "0"));
    if (minutes === null) return null;
    const hh = String(Math.floor(minutes / 60)).padStart(2, "0");
    return { field: timeField, value: `${hh}:${String(minutes % 60).padStart(2, "0")}` };
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

const RELATIVE = new Set(["today", "tomorrow", "hari ini", "besok"]);

/** `off today`, `off 2026-12-24`, `off 2026-12-24..2026-12-26`; null when unreadable. */
export function parseDaysOff(args: string): DaysOffSpec | null {
  const text = args.trim().toLowerCase();
  if (RELATIVE.has(text)) return { from: text, to: text };
  const [from = "", to = from] = text.split(/\s*(?:\.\.|–|—|\bto\b|\bsampai\b|\bs\/d\b)\s*/);
  return isValidLocalDate(from) && isValidLocalDate(to) && to >= from ? { from, to } : null;
}

/** Longest stretch of days off one message may mark: a long leave is a few messages, a typo is not a year. */
export const MAX_DAYS_OFF = 31;

/** The dates a days-off request covers, given the team's today; null past MAX_DAYS_OFF. */
export function resolveDaysOff(spec: DaysOffSpec, today: LocalDate): LocalDate[] | null {
  const resolve = (word: string) =>
    word === "today" || word === "hari ini"
      ? today
      : word === "tomorrow" || word === "besok"
        ? addDays(today, 1)
        : word;
  const range: DateRange = { start: resolve(spec.from), end: resolve(spec.to) };
  const days = daysInRange(range);
  return days.length <= MAX_DAYS_OFF ? days : null;
}
