import { html } from "hono/html";
import type { OverviewPage, PlanPage, RepPage, TrendPage } from "../app/dashboard.js";
import { localTimeAt } from "../core/calendar.js";
import type { RepFigures } from "../core/figures.js";
import { ACTIVITY_METRICS, FUNNEL_STAGES, METRICS } from "../core/metrics.js";
import type { Texts } from "../core/texts/index.js";
import { metricName } from "../core/texts/metric-words.js";
import { percent } from "../core/views/funnel.js";
import { type Frame, framedPage, PATHS, periodQuery } from "./layout.js";
import { chart, type Html, replyToHtml } from "./reply-html.js";

/** "2026-12-02 10:05" in the team's time zone: when the rep sent it, as they would say it. */
function localStamp(iso: string, timeZone: string): string {
  const at = localTimeAt(Date.parse(iso), timeZone);
  return `${at.date} ${String(at.hour).padStart(2, "0")}:${String(at.minute).padStart(2, "0")}`;
}

/** "7/10 (70%)", red when short of the quota so far; the count alone where nothing was expected. */
function against(done: number, expected: number): Html {
  if (expected <= 0) return html`${done}`;
  const share = done / expected;
  return html`<span class="${share < 1 ? "behind" : "ahead"}">${done}/${expected}</span> (${percent(share)})`;
}

function num(value: number | string): Html {
  return html`<td class="num">${value}</td>`;
}

function repRow(frame: Frame, now: RepFigures, before: RepFigures): Html {
  const { counts } = now;
  return html`<tr>
    <td><a href="${PATHS.rep(now.memberId)}?${periodQuery(frame.period)}">${now.displayName}</a></td>
    <td class="num">${against(counts.visits, now.expected.visits)}</td>
    <td class="num">${against(counts.followUps, now.expected.followUps)}</td>
    ${num(counts.relationshipContacts)}
    ${num(`${counts.referralsAsked} / ${counts.referralsReceived}`)}
    <td class="num">${against(now.daysReported, now.expectedDays)}</td>
    <td class="num">${against(before.counts.visits, before.expected.visits)}</td>
  </tr>`;
}

export function overviewHtml(frame: Frame, page: OverviewPage): Html {
  const { t } = frame;
  const c = t.web.columns;
  const title = t.web.overviewHeading(frame.teamName, page.label);
  return framedPage(
    frame,
    title,
    html`<h1>${title}</h1>
    <p>${t.web.teamTotals(page.totals.visits, page.expected.visits, page.totals.followUps, page.expected.followUps)}</p>
    ${
      page.missingToday === null
        ? ""
        : html`<p class="card">${page.missingToday.length > 0 ? t.web.notReportedToday(page.missingToday.join(", ")) : t.web.everyoneReportedToday}</p>`
    }
    <h2>${t.web.repsHeading}</h2>
    <div class="scroll"><table>
      <thead><tr><th>${c.rep}</th><th class="num">${c.visits}</th><th class="num">${c.followUps}</th>
        <th class="num">${c.existingClients}</th><th class="num">${c.referrals}</th><th class="num">${c.days}</th>
        <th class="num">${c.previous} (${page.previousLabel})</th></tr></thead>
      <tbody>${page.reps.map((r) => repRow(frame, r.now, r.before))}</tbody>
    </table></div>
    ${chart(page.chartSvg, t.chartLegend)}
    ${replyToHtml(page.funnel)}`,
  );
}

export function trendHtml(frame: Frame, page: TrendPage): Html {
  const { t } = frame;
  const c = t.web.columns;
  const title = `${t.web.trendHeading(page.weeks.length)} · ${page.label}`;
  return framedPage(
    frame,
    title,
    html`<h1>${title}</h1>
    ${page.chartSvg ? chart(page.chartSvg, page.label) : html`<p>${t.web.trendEmpty}</p>`}
    <div class="scroll"><table>
      <thead><tr><th>${c.week}</th>${[...FUNNEL_STAGES, "closed" as const].map((s) => html`<th class="num">${t.stageName(s)}</th>`)}
        <th class="num">${c.ratio}</th><th class="num">${c.visits}</th></tr></thead>
      <tbody>${page.weeks.map(
        (w) => html`<tr><td>${w.week} <small>(${w.range.start})</small></td>
          ${[...FUNNEL_STAGES, "closed" as const].map((s) => num(w.counts[s]))}
          ${num(w.ratio)}<td class="num">${against(w.counts.visits, w.expectedVisits)}</td></tr>`,
      )}</tbody>
    </table></div>`,
  );
}

function dailyTable(t: Texts, days: RepPage["days"]): Html {
  return html`<div class="scroll"><table>
    <thead><tr><th>${t.web.columns.day}</th>${METRICS.map((m) => html`<th class="num">${metricName(t.locale, m)}</th>`)}</tr></thead>
    <tbody>${days.map(
      (d) => html`<tr><td>${d.day}</td>${METRICS.map((m) => num(d.figures.counts[m]))}</tr>`,
    )}</tbody>
  </table></div>`;
}

export function repHtml(frame: Frame, page: RepPage): Html {
  const { t } = frame;
  const c = t.web.columns;
  const f = page.figures;
  const title = t.web.repHeading(page.member.displayName, page.label);
  return framedPage(
    frame,
    title,
    html`<h1>${title}</h1>
    <p class="card">${metricName(t.locale, "visits")} ${against(f.counts.visits, f.expected.visits)} ·
      ${metricName(t.locale, "followUps")} ${against(f.counts.followUps, f.expected.followUps)} ·
      ${c.days} ${against(f.daysReported, f.expectedDays)} ·
      ${ACTIVITY_METRICS.filter((m) => m !== "visits" && m !== "followUps").map(
        (m, i) => html`${i > 0 ? " · " : ""}${metricName(t.locale, m)} ${f.counts[m]}`,
      )}</p>
    ${replyToHtml(page.funnel)}
    <h2>${t.web.dailyHeading}</h2>
    ${dailyTable(t, page.days)}
    <h2>${t.web.reportsHeading}</h2>
    ${
      page.reports.length === 0
        ? html`<p>${t.web.noReports}</p>`
        : html`<div class="scroll"><table>
      <thead><tr><th>${c.day}</th><th>${c.text}</th><th>${c.created}</th><th></th></tr></thead>
      <tbody>${page.reports.map(
        (
          r,
        ) => html`<tr class="${r.undoneAt ? "withdrawn" : ""}"><td>${r.day}</td><td class="text">${r.sourceText}</td>
          <td>${localStamp(r.createdAt, frame.timeZone)}</td><td class="mark">${r.undoneAt ? t.web.withdrawn : ""}</td></tr>`,
      )}</tbody>
    </table></div>`
    }`,
  );
}

export function planHtml(frame: Frame, page: PlanPage): Html {
  const { t } = frame;
  const c = t.web.columns;
  const title = t.web.planHeading(page.month);
  const plan = page.plan?.plan;
  return framedPage(
    frame,
    title,
    html`<h1>${title}</h1>
    ${replyToHtml({ ...page.reply, title: undefined })}
    ${
      plan && plan.target > 0
        ? html`<div class="scroll"><table>
      <thead><tr><th>${c.stage}</th><th class="num">${c.needed}</th><th class="num">${c.perDay}</th></tr></thead>
      <tbody>${[...FUNNEL_STAGES].map(
        (s) => html`<tr><td>${t.stageName(s)}</td>${num(plan.needed[s])}${num(plan.perWorkingDay[s])}</tr>`,
      )}</tbody></table></div>`
        : ""
    }`,
  );
}
