import type { FunnelPeriod, QuotaMetric, UsageTopic } from "../commands.js";
import type { Conversion } from "../funnel.js";
import type { Locale } from "../locale.js";
import type { Metric } from "../metrics.js";
import type { ParseErrorCode } from "../parse/types.js";
import type { QuotaProgress } from "../quota.js";
import type { DaysOffRefusal } from "../settings-commands.js";
import type { CoachingTexts } from "./coaching-texts.js";
import type { WebTexts } from "./web-texts.js";

/** The commands a chat platform lists in its command menu (Telegram's setMyCommands). */
export type MenuCommand =
  | "settings"
  | "off"
  | "start"
  | "help"
  | "report"
  | "today"
  | "week"
  | "funnel"
  | "plan"
  | "target"
  | "quota"
  | "undo"
  | "lang"
  | "setup"
  | "team"
  | "trend"
  | "leaderboard"
  | "dashboard";

export type ManagerAction = "quota" | "target" | "manager" | "timezone" | "settings";

/**
 * Every sentence the bot says, once per language. The compiler holds en.ts and id.ts to the same shape, so a
 * text cannot exist in one language only.
 */
export interface Texts {
  locale: Locale;
  weekdaysShort: readonly string[]; // Monday first
  monthsShort: readonly string[];
  today: string;
  yesterday: string;
  /** "Today" / "Tue 1 Dec" at the start of a line. */
  dayHeading(label: string): string;

  logged(day: string, counts: string): string;
  updated(day: string, counts: string): string;
  /** "visits 4/5 · follow-ups 2/3 — one more visit to hit quota". */
  /**
   * Totals against quota ("visits 4/5"; a count with nothing expected shows alone). `nudge` adds what is left to
   * do: only for a day that is still going, never for a past one the rep can no longer change.
   */
  progress(progress: QuotaProgress[], nudge?: boolean): string;
  /** The same, headed by the day: "Today: visits 4/5 …". */
  progressLine(day: string, progress: QuotaProgress[], nudge?: boolean): string;
  withdrawn(day: string, counts: string): string;
  nothingToUndo: string;
  alreadyWithdrawn: string;
  undoButton: string;
  addVisitButton: string;
  addFollowUpButton: string;
  /** A one-line report in this language, for prompts and reminders. */
  reportExample: string;

  parseError(code: ParseErrorCode, detail: { metric?: Metric; value?: string }, helpCommand: string): string;
  usage(command: UsageTopic): string;
  managersOnly(what: ManagerAction): string;
  setupDone(team: string, timeZone: string, prefix: string): string;
  alreadySetUp(team: string, timeZone: string): string;
  setupInChannel: string;
  managerAdded(mention: string): string;
  timezoneSet(timeZone: string): string;
  badTimezone(timeZone: string): string;
  noTeam(setupCommand: string): string;
  chooseTeam: string;
  teamChosen(team: string): string;
  quotaSet(metric: QuotaMetric, value: number): string;
  quotaShow(visits: number, followUps: number): string;
  /** The target stands for every month until a manager changes it. */
  targetSet(closings: number): string;
  /** `target 0`: the team has no monthly target any more. */
  targetCleared(targetCommand: string): string;
  languageSet: string;
  somethingWentWrong: string;
  /** Parts of a report with a number that named no activity, quoted, so the rep can send them again. */
  notCounted(parts: string[]): string;
  /** The message could not even be recorded (the database is down): nothing was saved, send it again. */
  notSavedTryAgain: string;
  /** The message is recorded but saving it is held up; a confirmation follows once it is stored. */
  savingDelayed: string;
  /** A recorded message could not be handled for a day and was given up; `excerpt` is how it began. */
  deliveryLost(excerpt: string): string;
  /** Setting a group up needs a group admin where the platform has admins (Telegram). */
  setupAdminsOnly: string;
  /** Someone pressed the buttons under another member's confirmation. */
  notYourButtons: string;
  /** A visit checked in by sharing a location; the day's totals follow on the next line. */
  checkedIn(day: string): string;
  /** The funnel's note on how many of the period's visits were checked in by location. */
  checkInsLine(checkedIn: number, visits: number): string;
  /** One short description per command, for the platform's command menu. */
  commandMenu: Readonly<Record<MenuCommand, string>>;
  teamNotSetUp(setupCommand: string): string;

  todayTitle(date: string): string;
  weekTitle(week: number, range: string): string;
  daysReported(days: number, of: number): string;
  otherActivity: string;

  funnelTitle(team: string, period: FunnelPeriod, label: string): string;
  funnelPeriodLabel(period: FunnelPeriod, week: number, range: string, month: string): string;
  stageName(stage: Metric): string;
  ratioLine(ratio: string): string;
  conversionName(c: Conversion): string;
  benchmark: string;
  actual: string;
  weakest: string;
  onBenchmark: string;
  funnelEmpty(helpCommand: string): string;
  noLeadsYet: string;
  tip(c: Conversion): string;

  planTitle(month: string): string;
  planNoTarget(targetCommand: string): string;
  planLine(target: number, needed: string): string;
  planSoFar(closed: number, target: number): string;
  planReached(closed: number, target: number): string;
  planPerDay(leadsPerDay: string, workingDays: number): string;
  planBasis(allBenchmark: boolean, anyBenchmark: boolean): string;

  digestTitle(team: string, week: number, range: string): string;
  digestTeam(parts: { visits: string; attainment: string | null; rest: string }): string;
  digestFunnel(ratio: string, benchmark: string, weakest: string | null): string;
  digestVersusLastWeek(changes: string): string;
  digestColumns: readonly [string, string, string, string, string];
  digestLowReporting(days: number, of: number): string;
  digestTop(name: string, attainment: string, closings: number): string;
  digestEmpty(example: string): string;
  chartTitle(team: string, week: number): string;
  chartLegend: string;
  /** The console wrote a reply's chart to a file. */
  chartSaved(path: string): string;
  /** Console: where an export was written. */
  fileSaved(path: string): string;
  exportManagersOnly: string;
  /** The export's answer: which team and period, and how many reports the file holds. */
  exportReady(team: string, period: string, reports: number): string;
  reminder(name: string, example: string): string;
  nudge(done: number, quota: number): string;
  reportButton: string;
  reportPrompt: string;
  reportFormTitle: string;
  reportFormSubmit: string;
  reportFormEmpty: string;
  settingsView(s: {
    reminder: string;
    nudge: string;
    digest: string;
    days: string;
    quota: string;
    country: string;
    timeZone: string;
    /** "Wed 12:00". */
    alert: string;
    recap: string;
    visibility: "team" | "private";
  }): string[];
  settingSaved(
    what: "reminderTime" | "nudgeTime" | "digestTime" | "workingDays" | "country" | "holiday",
    value: string,
  ): string;
  unknownCountry(code: string): string;
  /** Days off marked: `days` names the working days covered ("Thu 24 Dec", "Mon 21 – Fri 25 Dec"). */
  daysOffSaved(days: string, count: number): string;
  /** Why no day was marked off; `what` is the date or range it is about. */
  daysOffRefused(reason: DaysOffRefusal, what: string): string;
  helpTitle: string;
  help(prefix: string): string[];
  /** One rep's funnel, the roster, leaderboard, trend and the scheduled coaching messages. */
  coach: CoachingTexts;
  /** The dashboard's pages, and the chat's answer to `dashboard`. */
  web: WebTexts;
}
