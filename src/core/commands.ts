import { isLocale, type Locale } from "./locale.js";
import {
  type DaysOffSpec,
  parseDaysOff,
  parseSettingChange,
  type SettingChange,
} from "./settings-commands.js";

export type FunnelPeriod = "week" | "month" | "4w";
/** Daily quotas (visits, follow-ups) and weekly ones (existing-client check-ins, referral asks). */
export type QuotaMetric = "visits" | "followUps" | "relationshipContacts" | "referralsAsked";
export const WEEKLY_QUOTA_METRICS: ReadonlySet<QuotaMetric> = new Set([
  "relationshipContacts",
  "referralsAsked",
]);

/** Whose figures a command asks for: someone named ("@budi", a Slack mention) or the asker. */
export type Who = { mention: string } | { me: true };

/** What a message asks for. Every platform routes through this one grammar. */
export type Command =
  | { kind: "report"; text: string }
  | { kind: "today" }
  | { kind: "week" }
  | { kind: "funnel"; period: FunnelPeriod; who?: Who }
  | { kind: "plan" }
  | { kind: "target"; closings: number }
  /** `value` null: the rep named goes back to the team's quota. */
  | { kind: "quota"; metric: QuotaMetric; value: number | null; who?: string }
  | { kind: "roster" }
  | { kind: "trend"; weeks: 8 | 12 }
  | { kind: "leaderboard"; period: "week" | "month" }
  | { kind: "export"; period: ExportPeriod }
  | { kind: "dashboard" }
  | { kind: "quotaShow" }
  | { kind: "undo" }
  | { kind: "lang"; locale: Locale }
  | { kind: "help" }
  | { kind: "setup" }
  | { kind: "addManager"; userId: string }
  | { kind: "timezone"; timeZone: string }
  | { kind: "settingsShow" }
  | { kind: "settings"; change: SettingChange }
  | { kind: "daysOff"; days: DaysOffSpec }
  | { kind: "usage"; command: UsageTopic };

export type UsageTopic =
  | "funnel"
  | "target"
  | "quota"
  | "lang"
  | "manager"
  | "timezone"
  | "settings"
  | "off"
  | "trend"
  | "leaderboard"
  | "export";

/** What `export` covers: this week or month so far, or the whole of last month. */
export type ExportPeriod = "week" | "month" | "lastMonth";

const EXPORT = new Set(["export", "ekspor", "unduh"]);
const EXPORT_PERIODS: Record<string, ExportPeriod> = {
  week: "week",
  "this week": "week",
  minggu: "week",
  "minggu ini": "week",
  month: "month",
  "this month": "month",
  bulan: "month",
  "bulan ini": "month",
  "last month": "lastMonth",
  "bulan lalu": "lastMonth",
};

const HELP = new Set(["help", "bantuan", "tolong", "?", "start", "menu"]);
const TODAY = new Set(["today", "hari ini", "hariini", "hr ini"]);
const WEEK = new Set(["week", "this week", "minggu ini", "pekan ini", "minggu", "pekan"]);
const UNDO = new Set(["undo", "batal", "batalkan", "hapus", "cancel"]);
const PLAN = new Set(["plan", "rencana"]);
const FUNNEL = new Set(["funnel", "corong", "pipeline"]);
const TARGET = new Set(["target"]);
const QUOTA = new Set(["quota", "kuota", "target harian"]);
const LANG = new Set(["lang", "language", "bahasa"]);
const SETUP = new Set(["setup", "set up", "daftar", "mulai tim"]);
const MANAGER = new Set(["manager", "manajer"]);
const TIMEZONE = new Set(["timezone", "tz", "zona", "zonawaktu"]);
const SETTINGS = new Set(["settings", "setting", "pengaturan", "atur"]);
const OFF = new Set(["off", "libur", "cuti", "izin"]);
const ROSTER = new Set(["team", "tim", "roster"]);
const DASHBOARD = new Set(["dashboard", "dasbor", "dashbor"]);
const TREND = new Set(["trend", "tren"]);
const LEADERBOARD = new Set(["leaderboard", "peringkat", "ranking", "rank"]);
const ME = new Set(["me", "saya", "aku", "mine"]);

const FUNNEL_PERIODS: Record<string, FunnelPeriod> = {
  week: "week",
  "this week": "week",
  minggu: "week",
  "minggu ini": "week",
  pekan: "week",
  month: "month",
  "this month": "month",
  bulan: "month",
  "bulan ini": "month",
  "4w": "4w",
  "4 weeks": "4w",
  "4 minggu": "4w",
};

const QUOTA_METRICS: Record<string, QuotaMetric> = {
  checkins: "relationshipContacts",
  "check-ins": "relationshipContacts",
  checkin: "relationshipContacts",
  "check-in": "relationshipContacts",
  kontak: "relationshipContacts",
  "klien lama": "relationshipContacts",
  referrals: "referralsAsked",
  referral: "referralsAsked",
  referensi: "referralsAsked",
  visits: "visits",
  visit: "visits",
  kunjungan: "visits",
  followups: "followUps",
  followup: "followUps",
  "follow-ups": "followUps",
  "follow-up": "followUps",
  "follow up": "followUps",
  "follow ups": "followUps",
  fu: "followUps",
};

/**
 * Reads a message (already stripped of `/sales ` or a Telegram `/command`) as a command.
 * Anything that is not exactly a command is a report: "today met 3 clients" starts with "today" but reports.
 */
export function parseCommand(input: string): Command {
  const text = input.trim();
  const normalized = text.toLowerCase().replace(/\s+/g, " ");
  if (normalized === "") return { kind: "help" };
  if (HELP.has(normalized)) return { kind: "help" };
  if (TODAY.has(normalized)) return { kind: "today" };
  if (WEEK.has(normalized)) return { kind: "week" };
  if (UNDO.has(normalized)) return { kind: "undo" };
  if (PLAN.has(normalized)) return { kind: "plan" };
  if (SETUP.has(normalized)) return { kind: "setup" };

  const reportPrefix = /^(report|lapor|laporan)\b\s*:?\s*/i.exec(text);
  if (reportPrefix) return { kind: "report", text: text.slice(reportPrefix[0].length) };

  const [head, rest] = splitHead(normalized);
  if (ROSTER.has(normalized)) return { kind: "roster" };
  if (DASHBOARD.has(normalized)) return { kind: "dashboard" };
  if (FUNNEL.has(head)) {
    // "funnel", "funnel month", "funnel @budi 4w", "funnel me": the period and whose, in either order.
    const { mention, words } = takeMention(text.slice(head.length));
    const me = words.find((w) => ME.has(w));
    const periodWords = words.filter((w) => !ME.has(w)).join(" ");
    const period = periodWords === "" ? "week" : FUNNEL_PERIODS[periodWords];
    if (!period) return { kind: "usage", command: "funnel" };
    const who: Who | undefined = mention ? { mention } : me ? { me: true } : undefined;
    return { kind: "funnel", period, ...(who ? { who } : {}) };
  }
  if (TREND.has(head)) {
    if (rest === "") return { kind: "trend", weeks: 8 };
    const weeks = /^(8|12)\s*(?:w|weeks?|minggu|pekan)?$/.exec(rest)?.[1];
    return weeks ? { kind: "trend", weeks: weeks === "12" ? 12 : 8 } : { kind: "usage", command: "trend" };
  }
  if (EXPORT.has(head)) {
    const period = rest === "" ? "month" : EXPORT_PERIODS[rest];
    return period ? { kind: "export", period } : { kind: "usage", command: "export" };
  }
  if (LEADERBOARD.has(head)) {
    if (rest === "") return { kind: "leaderboard", period: "week" };
    const period = FUNNEL_PERIODS[rest];
    return period === "week" || period === "month"
      ? { kind: "leaderboard", period }
      : { kind: "usage", command: "leaderboard" };
  }
  if (TARGET.has(head)) {
    if (rest === "") return { kind: "plan" };
    const closings = wholeNumber(rest);
    return closings === null ? { kind: "usage", command: "target" } : { kind: "target", closings };
  }
  if (QUOTA.has(head) || normalized.startsWith("target harian")) {
    const raw = QUOTA.has(head) ? text.slice(head.length) : text.slice("target harian".length);
    // "quota visits 6 @budi": one rep's own quota; "quota visits team @budi" gives them the team's again.
    const { mention, words } = takeMention(raw);
    if (words.length === 0 && !mention) return { kind: "quotaShow" };
    const amount = words.at(-1) ?? "";
    const metric = QUOTA_METRICS[words.slice(0, -1).join(" ")];
    const backToTeam = mention !== undefined && (amount === "team" || amount === "tim");
    const value = backToTeam ? null : wholeNumber(amount);
    if (!metric || (value === null && !backToTeam)) return { kind: "usage", command: "quota" };
    return { kind: "quota", metric, value, ...(mention ? { who: mention } : {}) };
  }
  if (MANAGER.has(head)) {
    // Platforms hand a mention over as "@U123" (adapters unwrap Slack's "<@U123|ayu>").
    const mention = /^@([\w.-]+)$/.exec(text.slice(head.length).trim());
    return mention?.[1] ? { kind: "addManager", userId: mention[1] } : { kind: "usage", command: "manager" };
  }
  if (TIMEZONE.has(head)) {
    const zone = text.slice(head.length).trim();
    return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone)
      ? { kind: "timezone", timeZone: zone }
      : { kind: "usage", command: "timezone" };
  }
  if (SETTINGS.has(head)) {
    if (rest === "") return { kind: "settingsShow" };
    const change = parseSettingChange(rest);
    return change ? { kind: "settings", change } : { kind: "usage", command: "settings" };
  }
  if (OFF.has(head)) {
    const days = parseDaysOff(rest || "today");
    return days ? { kind: "daysOff", days } : { kind: "usage", command: "off" };
  }
  if (LANG.has(head)) {
    const locale = LANGUAGE_NAMES[rest] ?? rest;
    return isLocale(locale) ? { kind: "lang", locale } : { kind: "usage", command: "lang" };
  }
  return { kind: "report", text };
}

const LANGUAGE_NAMES: Record<string, Locale> = {
  english: "en",
  inggris: "en",
  indonesian: "id",
  indonesia: "id",
  "bahasa indonesia": "id",
  bahasa: "id",
};

/** The first word of every command, in both languages: what a platform may treat as a command to this bot. */
export const COMMAND_HEADS: ReadonlySet<string> = new Set(
  [
    HELP,
    TODAY,
    WEEK,
    UNDO,
    PLAN,
    FUNNEL,
    TARGET,
    QUOTA,
    LANG,
    SETUP,
    MANAGER,
    TIMEZONE,
    SETTINGS,
    OFF,
    ROSTER,
    TREND,
    LEADERBOARD,
    EXPORT,
    DASHBOARD,
  ]
    .flatMap((words) => [...words])
    .map((word) => word.split(" ")[0] ?? word)
    .concat(["report", "lapor", "laporan"])
    .filter((word) => /^[a-z]+$/.test(word)),
);

/** Command words only one language uses; "target", "funnel", "setup" are the same in both. */
const INDONESIAN_HEADS = new Set([
  "dasbor",
  "dashbor",
  "ekspor",
  "unduh",
  "tim",
  "tren",
  "peringkat",
  "hari",
  "hariini",
  "hr",
  "minggu",
  "pekan",
  "batal",
  "batalkan",
  "hapus",
  "rencana",
  "bantuan",
  "tolong",
  "corong",
  "kuota",
  "bahasa",
  "daftar",
  "mulai",
  "manajer",
  "zona",
  "zonawaktu",
  "pengaturan",
  "atur",
  "libur",
  "cuti",
  "izin",
  "lapor",
  "laporan",
]);
const ENGLISH_HEADS = new Set([
  "team",
  "trend",
  "leaderboard",
  "help",
  "today",
  "week",
  "this",
  "undo",
  "cancel",
  "plan",
  "quota",
  "language",
  "timezone",
  "settings",
  "setting",
  "off",
  "report",
]);

/**
 * The language a command was typed in, from its first word ("hari ini" → id, "today" → en); null for words
 * both languages share. A member who has not chosen a language is answered in it.
 */
export function commandLanguage(input: string): Locale | null {
  const head = input.trim().toLowerCase().split(/\s+/)[0] ?? "";
  if (INDONESIAN_HEADS.has(head)) return "id";
  if (ENGLISH_HEADS.has(head)) return "en";
  return null;
}

/** A "@name" (or a Slack mention the adapter turned into "@U123") among the words, and the other words. */
function takeMention(text: string): { mention?: string; words: string[] } {
  let mention: string | undefined;
  const words: string[] = [];
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    const at = /^@([\w.-]+)$/.exec(word);
    if (at?.[1] && mention === undefined) mention = at[1];
    else words.push(word.toLowerCase());
  }
  return { ...(mention ? { mention } : {}), words };
}

function splitHead(normalized: string): [string, string] {
  const space = normalized.indexOf(" ");
  return space === -1 ? [normalized, ""] : [normalized.slice(0, space), normalized.slice(space + 1).trim()];
}

/** A whole number from 0 to 1,000 as typed in a command ("12", "1,000" or "1.000"); null otherwise. */
function wholeNumber(text: string): number | null {
  const digits = text.replace(/[.,](?=\d{3}$)/, "");
  if (!/^\d{1,4}$/.test(digits)) return null;
  const value = Number(digits);
  return value <= 1000 ? value : null;
}
