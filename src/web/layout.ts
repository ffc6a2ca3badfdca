import { html } from "hono/html";
import type { Locale } from "../core/locale.js";
import { type ChosenPeriod, PERIOD_CHOICES } from "../core/period-choice.js";
import type { Texts } from "../core/texts/index.js";
import type { Html } from "./reply-html.js";

/** Where each page lives; every link and form is built from these. */
export const PATHS = {
  home: "/dashboard",
  trend: "/dashboard/trend",
  plan: "/dashboard/plan",
  rep: (memberId: number) => `/dashboard/reps/${memberId}`,
  overviewCsv: "/dashboard/overview.csv",
  trendCsv: "/dashboard/trend.csv",
  planCsv: "/dashboard/plan.csv",
  repCsv: (memberId: number) => `/dashboard/reps/${memberId}.csv`,
  reportsCsv: "/dashboard/reports.csv",
  language: "/dashboard/language",
  signOut: "/dashboard/sign-out",
  signIn: "/dashboard/login",
  style: "/dashboard/assets/style.css",
} as const;

export type PageName = "overview" | "trend" | "plan" | "rep";

/** Who is looking, and at which page: what the frame around every page needs. */
export interface Frame {
  t: Texts;
  locale: Locale;
  teamName: string;
  /** The team's zone: times on the page are the team's wall clock. */
  timeZone: string;
  manager: boolean;
  memberId: number;
  csrfToken: string;
  page: PageName;
  /** The page's path and query, to come back to after switching language. */
  here: string;
  period: ChosenPeriod;
  problem?: string | undefined;
  /** The page's own CSV, with the same period. */
  csvPath: string;
}

/** The period as a query string, so every link and download keeps the range being looked at. */
export function periodQuery(period: ChosenPeriod): string {
  const params = new URLSearchParams({ period: period.choice });
  if (period.choice === "custom") {
    params.set("from", period.range.start);
    params.set("to", period.range.end);
  }
  return params.toString();
}

/** A bare page: sign-in, a used link, signed out. */
export function plainPage(locale: Locale, title: string, body: Html): Html {
  return html`<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${title} · Corong</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="${PATHS.style}"></head>
<body><main class="signin">${body}</main></body></html>`;
}

function navLink(frame: Frame, page: PageName, href: string, label: string): Html {
  const query = periodQuery(frame.period);
  return html`<a href="${href}?${query}"${frame.page === page ? html` aria-current="page"` : ""}>${label}</a>`;
}

function periodPicker(frame: Frame, action: string): Html {
  const { t, period } = frame;
  return html`<form class="period" method="get" action="${action}">
    <label>${t.web.period}
      <select name="period">${PERIOD_CHOICES.map(
        (choice) =>
          html`<option value="${choice}"${choice === period.choice ? html` selected` : ""}>${t.web.periods[choice]}</option>`,
      )}</select></label>
    <label>${t.web.from}<input type="date" name="from" value="${period.range.start}"></label>
    <label>${t.web.to}<input type="date" name="to" value="${period.range.end}"></label>
    <input type="hidden" name="shown" value="${period.choice}"><button type="submit">${t.web.show}</button>
  </form>`;
}

/** Every signed-in page: the team, the pages this member may open, language, sign out, the period, downloads. */
export function framedPage(frame: Frame, title: string, content: Html): Html {
  const { t } = frame;
  const other: Locale = frame.locale === "en" ? "id" : "en";
  const action = frame.here.split("?")[0] ?? PATHS.home;
  const query = periodQuery(frame.period);
  return html`<!doctype html>
<html lang="${frame.locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${title} · ${t.web.pageTitle}</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="${PATHS.style}"></head>
<body>
<header class="top">
  <a class="brand" href="${PATHS.home}?${query}">Corong</a><span class="team">${frame.teamName}</span>
  <nav>${
    frame.manager
      ? html`${navLink(frame, "overview", PATHS.home, t.web.nav.overview)}${navLink(frame, "trend", PATHS.trend, t.web.nav.trend)}${navLink(frame, "plan", PATHS.plan, t.web.nav.plan)}`
      : navLink(frame, "rep", PATHS.rep(frame.memberId), t.web.nav.mine)
  }</nav>
  <div class="account">
    <form method="post" action="${PATHS.language}">
      <input type="hidden" name="csrf" value="${frame.csrfToken}"><input type="hidden" name="locale" value="${other}">
      <input type="hidden" name="back" value="${frame.here}"><button type="submit" lang="${other}">${t.web.otherLanguage}</button>
    </form>
    <form method="post" action="${PATHS.signOut}">
      <input type="hidden" name="csrf" value="${frame.csrfToken}"><button type="submit">${t.web.signOut}</button>
    </form>
  </div>
</header>
<main>
  ${periodPicker(frame, action)}
  ${frame.problem ? html`<p class="notice" role="alert">${frame.problem}</p>` : ""}
  ${content}
  <p class="downloads"><a href="${frame.csvPath}?${query}" download>${t.web.downloadCsv}</a>
    <a href="${PATHS.reportsCsv}?${query}" download>${t.web.reportsCsv}</a></p>
</main>
</body></html>`;
}
