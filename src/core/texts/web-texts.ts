import type { PeriodChoice, PeriodProblem } from "../period-choice.js";

/** Why an installation did not complete: the installer said no, the link was stale or not theirs, or Slack failed. */
export type InstallFailure = "cancelled" | "expired" | "failed";

/** The dashboard's words (and the chat's answer to `dashboard`), per language. */
export interface WebTexts {
  /** The chat's answer to `dashboard`: the link, for whom it is, and that it works once. */
  linkReady(team: string, url: string, own: boolean): string;
  linkRules: string;
  /** Said in a group when the link went to the asker's private chat. */
  linkSentPrivately: string;
  /** The process serves no HTTP (a one-off CLI run), so no link would open. */
  unavailable: string;

  pageTitle: string;
  nav: { overview: string; trend: string; plan: string; mine: string };
  signOut: string;
  /** The other language's name, in that language: what the switch offers. */
  otherLanguage: string;
  period: string;
  periods: Record<PeriodChoice, string>;
  from: string;
  to: string;
  show: string;
  periodProblem(problem: PeriodProblem, maxDays: number): string;
  downloadCsv: string;
  reportsCsv: string;

  signInTitle: string;
  signInPrompt(team: string, name: string): string;
  signInButton: string;
  linkUsed: string;
  linkExpired: string;
  linkUnknown: string;
  askForLink(command: string): string;
  signedOut: string;
  sessionEnded: string;
  notSignedIn: string;
  notFound: string;
  othersPrivate: string;
  formExpired: string;

  /** Installing Corong into a Slack workspace ("Add to Slack"), for whoever installs it. */
  install: {
    title: string;
    prompt: string;
    button: string;
    installedTitle: string;
    installed(workspace: string): string;
    nextSteps: string;
    failedTitle: string;
    failed(reason: InstallFailure): string;
    tryAgain: string;
  };

  overviewHeading(team: string, period: string): string;
  previousHeading(period: string): string;
  repsHeading: string;
  funnelHeading: string;
  notReportedToday(names: string): string;
  everyoneReportedToday: string;
  teamTotals(visits: number, expected: number, followUps: number, expectedFollowUps: number): string;
  columns: {
    rep: string;
    visits: string;
    followUps: string;
    /** Existing clients kept in touch with (relationship contacts), not location check-ins. */
    existingClients: string;
    referrals: string;
    days: string;
    previous: string;
    day: string;
    week: string;
    ratio: string;
    text: string;
    created: string;
    stage: string;
    needed: string;
    perDay: string;
  };
  trendHeading(weeks: number): string;
  trendEmpty: string;
  repHeading(name: string, period: string): string;
  dailyHeading: string;
  reportsHeading: string;
  noReports: string;
  withdrawn: string;
  planHeading(month: string): string;
}
