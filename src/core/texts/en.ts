import type { QuotaProgress } from "../quota.js";
import { DAYS_OFF_LOOKBACK, MAX_DAYS_OFF } from "../settings-commands.js";
import { coachingEn } from "./coaching-en.js";
import { countWithMetric, formatNumber, metricName, metricWord } from "./metric-words.js";
import type { Texts } from "./texts.js";
import { webEn } from "./web-en.js";

const STAGES: Record<string, string> = {
  leads: "Leads",
  prospects: "Prospects",
  potential: "Potential",
  closeable: "Closeable",
  closed: "Closed",
};

const TIPS: Record<string, string> = {
  leads:
    "leads are not becoming prospects. Call every new lead within a day and qualify need and budget in that call.",
  prospects:
    "prospects stall before they become potential. Qualify the need in the first meeting and book the second one before you leave.",
  potential:
    "potential deals are not getting to closeable. Send the proposal within 48 hours and agree on a decision date with the buyer.",
};

function whatIsLeft(progress: QuotaProgress[]): string {
  const short = progress.filter((p) => !p.met && p.quota > 0);
  const first = short[0];
  if (!first) return progress.some((p) => p.quota > 0) ? " — quota hit 🎉" : "";
  const n = first.remaining;
  return ` — ${n === 1 ? "one" : n} more ${metricWord("en", first.metric, n)} to hit quota`;
}

export const en: Texts = {
  locale: "en",
  weekdaysShort: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
  monthsShort: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
  today: "today",
  yesterday: "yesterday",
  dayHeading: (label) => label.charAt(0).toUpperCase() + label.slice(1),

  logged: (day, counts) => `✅ Logged for ${day}: ${counts}`,
  updated: (day, counts) => `✏️ Updated for ${day}: ${counts}`,
  progress: (progress, nudge = true) =>
    `${progress.map((p) => `${metricName("en", p.metric)} ${p.done}${p.quota > 0 ? `/${p.quota}` : ""}`).join(" · ")}${nudge ? whatIsLeft(progress) : ""}`,
  progressLine: (day, progress, nudge = true) => `${en.dayHeading(day)}: ${en.progress(progress, nudge)}`,
  withdrawn: (day, counts) => `↩️ Withdrawn: ${counts} (${day}).`,
  nothingToUndo: "There's no report of yours to withdraw.",
  alreadyWithdrawn: "That report was already withdrawn — nothing changed.",
  undoButton: "↩️ Undo",
  addVisitButton: "+1 visit",
  addFollowUpButton: "+1 follow-up",
  reportExample: "met 3 clients, 2 follow-ups",

  parseError: (code, { metric, value }, helpCommand) => {
    const what = metric ? metricName("en", metric) : "that count";
    switch (code) {
      case "negative":
        return `A count can't be negative (${value ?? "-"} ${what}) — nothing was saved. Send the right number and I'll log it.`;
      case "fraction":
        return `${value ?? "That"} ${what} isn't a whole number — nothing was saved. Send the right number and I'll log it.`;
      case "too_large": {
        const n = Number((value ?? "").replace(/[.,]/g, ""));
        const shown = Number.isFinite(n) && n > 0 ? formatNumber("en", n) : (value ?? "That many");
        return `${shown} ${what} in one day looks like a typo — nothing was saved. Send the right number and I'll log it.`;
      }
      case "future_day":
        return "That sounds like a plan, not a report — I only log what already happened. Tell me once it's done 💪";
      case "two_days":
        return "That names two days — send one message per day so each is counted on the right day. Nothing was saved.";
      case "unclear_day":
        return "Which day was that? Nothing was saved — send it again with the day, e.g. `yesterday met 3 clients` or `on Monday met 3 clients`.";
      default:
        return `I couldn't find any activity in that. Try: \`met 4 clients, 2 follow-ups, 1 new lead\` — or \`${helpCommand}\`.`;
    }
  },
  usage: (command) =>
    ({
      funnel: "Try `funnel`, `funnel month`, `funnel 4w`, `funnel me` or `funnel @name`.",
      target: "Try `target 8` to aim for 8 closings a month (`target 0` clears it).",
      quota:
        "Try `quota visits 5`, `quota followups 3`, `quota checkins 3` (a week), `quota referrals 2` (a week), or `quota visits 6 @name` for one rep.",
      lang: "Try `lang en` or `lang id`.",
      manager: "Try `manager @name` to make a teammate a manager.",
      timezone: "Try `timezone Asia/Jakarta` (an IANA time zone name).",
      settings:
        "Try `settings reminder 16:00`, `settings nudge 13:00`, `settings digest 08:00`, `settings days mon-fri`, `settings country ID`, `settings holiday 2026-12-24`, `settings alert wed 12:00`, `settings recap fri 15:00` or `settings visibility team`.",
      off: "Try `off today`, `off yesterday`, `off tomorrow` or `off 2026-12-24..2026-12-26`.",
      trend: "Try `trend` (8 weeks) or `trend 12w`.",
      leaderboard: "Try `leaderboard` (this week) or `leaderboard month`.",
      export: "Try `export` (this month), `export week` or `export last month`.",
    })[command],
  managersOnly: (what) =>
    ({
      quota: "Only a team manager can change quotas — ask your manager to set them.",
      target: "Only a team manager can set the monthly target — ask your manager to set it.",
      manager: "Only a team manager can add managers.",
      timezone: "Only a team manager can change the team's time zone.",
      settings: "Only a team manager can change the team's settings — `settings` shows them.",
    })[what],
  setupDone: (team, timeZone, p) =>
    `✅ ${team} is now a Corong team and you are its manager. Time zone ${timeZone} (change with \`${p}timezone Asia/Jakarta\`). Reps just write \`met 4 clients, 2 follow-ups\` here or to me directly.`,
  alreadySetUp: (team, timeZone) => `${team} is already a Corong team (time zone ${timeZone}).`,
  setupInChannel: "Run setup in your team's channel, so I know which channel is the team.",
  managerAdded: (mention) => `${mention} is now a manager of this team.`,
  timezoneSet: (timeZone) => `Time zone set to ${timeZone}: days, weeks and reminders follow it.`,
  badTimezone: (timeZone) =>
    `"${timeZone}" is not a time zone I know. Use an IANA name like Asia/Jakarta or Europe/Berlin.`,
  noTeam: (setupCommand) =>
    `You're not on a Corong team yet. Write once in your team's channel, or ask your manager to run \`${setupCommand}\` there.`,
  chooseTeam: "You're on more than one team — which one should I book your messages to?",
  teamChosen: (team) =>
    `Got it — your direct messages now count for ${team}. Send your report again, please.`,
  quotaSet: (metric, value) =>
    `Daily quota set: ${countWithMetric("en", metric, value)} per rep per working day, from today.`,
  quotaShow: (visits, followUps) =>
    `Daily quota: ${countWithMetric("en", "visits", visits)} · ${countWithMetric("en", "followUps", followUps)} per rep.`,
  targetCleared: (targetCommand) =>
    `🎯 No monthly target from this month on. Set one again with \`${targetCommand}\`.`,
  targetSet: (closings) =>
    `🎯 Monthly target: ${countWithMetric("en", "closed", closings)} a month, from this month on. Here is what it takes:`,
  languageSet: "Got it — I'll answer you in English.",
  teamNotSetUp: (setupCommand) =>
    `This chat isn't a Corong team yet. A manager can make it one with \`${setupCommand}\`.`,
  notCounted: (parts) =>
    `Not counted: ${parts.map((p) => `“${p}”`).join(", ")} — if that's an activity, send it again with its name.`,
  somethingWentWrong:
    "Something went wrong on my side 😕 If you sent a report, check `today` before sending it again.",
  notSavedTryAgain:
    "⚠️ I couldn't save that just now — nothing was recorded. Please send it again in a minute.",
  savingDelayed: "⏳ Got it. Saving is slow right now — I'll confirm as soon as it's stored.",
  deliveryLost: (excerpt) =>
    excerpt
      ? `⚠️ I couldn't save your message “${excerpt}”. Please send it again.`
      : "⚠️ I couldn't save your last message. Please send it again.",
  setupAdminsOnly: "Only a group admin can make this group a Corong team — ask one of them to run /setup.",
  notYourButtons: "These buttons belong to someone else's report.",
  checkedIn: (day) => `📍 Visit checked in for ${day}: 1 visit`,
  checkInsLine: (checkedIn, visits) =>
    `📍 ${checkedIn} of ${visits} ${visits === 1 ? "visit" : "visits"} checked in by location`,
  commandMenu: {
    start: "Start and see what I can do",
    help: "How to report, and the commands",
    report: "Log activity: /report met 4 clients, 2 follow-ups",
    today: "Your totals today against quota",
    week: "Your totals this week",
    funnel: "The team funnel vs 10:5:3:1 (or /funnel me, /funnel @name)",
    plan: "What this month's target needs",
    target: "Set the monthly closing target (managers)",
    quota: "Show or set quotas, for the team or one rep (managers)",
    undo: "Withdraw your last report",
    lang: "Answer me in English or Indonesian",
    setup: "Make this group a sales team (admins)",
    settings: "Reminder, nudge and digest times (managers change them)",
    off: "Mark days off: /off today, /off 2026-12-24..2026-12-26",
    team: "Today's roster and this week's pace (managers)",
    trend: "The last 8 weeks, with a chart",
    leaderboard: "Reps ranked by quota attainment",
    dashboard: "A one-time link to the dashboard in your browser",
  },

  todayTitle: (date) => `Today · ${date}`,
  weekTitle: (week, range) => `Week ${week} (${range})`,
  daysReported: (days, of) => `Reported ${days} of ${of} working days`,
  otherActivity: "Also",

  funnelTitle: (team, _period, label) => `${team} · ${label}`,
  funnelPeriodLabel: (period, week, range, month) =>
    period === "week" ? `week ${week} (${range})` : period === "month" ? month : `last 4 weeks (${range})`,
  stageName: (stage) => STAGES[stage] ?? stage,
  ratioLine: (ratio) => `Ratio ${ratio}`,
  conversionName: (c) =>
    ({
      leads: "Lead → prospect",
      prospects: "Prospect → potential",
      potential: "Potential → closeable",
      closeable: "Closeable → closed",
    })[c.from],
  actual: "actual",
  benchmark: "benchmark",
  weakest: "weakest",
  onBenchmark:
    "✅ On benchmark: every stage converts at 10:5:3:1 or better. Keep the top of the funnel full.",
  funnelEmpty: (helpCommand) =>
    `No funnel activity in this period yet. Log stages as deals move: \`3 new leads, 2 prospects, 1 potential\` (${helpCommand}).`,
  noLeadsYet: "No leads logged in this period, so there is no ratio yet — log new leads as they come in.",
  tip: (c) => `Tip: ${TIPS[c.from] ?? ""}`,

  planTitle: (month) => `Plan for ${month}`,
  planNoTarget: (targetCommand) => `No monthly target yet. A manager sets one with \`${targetCommand}\`.`,
  planLine: (target, needed) =>
    `${countWithMetric("en", "closed", target)} need${target === 1 ? "s" : ""} ≈ ${needed}`,
  planSoFar: (closed, target) =>
    `${closed} of ${countWithMetric("en", "closed", target)} done this month; the rest:`,
  planReached: (closed, target) =>
    `🎉 Target reached: ${closed} of ${countWithMetric("en", "closed", target)} this month. Keep the top of the funnel full for next month.`,
  planPerDay: (leadsPerDay, workingDays) =>
    `→ ${leadsPerDay} new leads per working day (${workingDays} working day${workingDays === 1 ? "" : "s"} left)`,
  planBasis: (allBenchmark, anyBenchmark) =>
    allBenchmark
      ? "Based on the 10:5:3:1 benchmark until the team has more history."
      : anyBenchmark
        ? "Based on the team's own conversion rates, the benchmark where history is thin."
        : "Based on the team's own conversion rates.",

  digestTitle: (team, week, range) => `📊 Monday digest · ${team} · week ${week} (${range})`,
  digestTeam: ({ visits, attainment, rest }) =>
    `Team: ${visits}${attainment ? ` (${attainment} of quota)` : ""}${rest ? ` · ${rest}` : ""}`,
  digestFunnel: (ratio, benchmark, weakest) =>
    `Funnel: ${ratio} vs ${benchmark}${weakest ? ` — weakest: ${weakest}` : ""}`,
  digestVersusLastWeek: (changes) => `vs last week: ${changes}`,
  digestColumns: ["Rep", "Visits", "F-ups", "Days", "Trend"],
  digestLowReporting: (days, of) => `reported ${days} of ${of} days`,
  digestTop: (name, attainment, closings) =>
    `🏆 ${name}: ${attainment} of visit quota${closings > 0 ? `, ${closings} closing${closings === 1 ? "" : "s"}` : ""}`,
  digestEmpty: (example) =>
    `Nothing was logged last week. Ask the team to report daily — one line like \`${example}\` is enough.`,
  chartTitle: (team, week) => `${team} · week ${week}`,
  chartLegend: "bars: team · outline: benchmark 10:5:3:1",
  chartSaved: (path) => `📈 Chart: ${path}`,
  fileSaved: (path) => `📎 File: ${path}`,
  exportManagersOnly: "Exports hold every rep's reports, so they are for managers. Yours: `week`.",
  exportReady: (team, period, reports) =>
    `📎 ${team} · ${period}: ${reports} report${reports === 1 ? "" : "s"} as CSV (one row each, withdrawn ones marked).`,
  reminder: (name, example) => `Hi ${name} 👋 today's activity isn't logged yet. Just reply like: ${example}`,
  nudge: (done, quota) =>
    `${done} of ${countWithMetric("en", "visits", quota)} so far today — ${quota - done} to go. You've got this 💪`,
  reportButton: "📝 Report today",
  reportPrompt: "Send me today's numbers in one line, like: `met 3 clients, 2 follow-ups, 1 new lead`",
  reportFormTitle: "Today's activity",
  reportFormEmpty: "Fill in at least one number.",
  reportFormSubmit: "Log it",
  settingsView: (v) => [
    `Reminder ${v.reminder} · quota nudge ${v.nudge} · Monday digest ${v.digest}`,
    `Working days ${v.days} · quota ${v.quota}`,
    `Holidays of ${v.country} · time zone ${v.timeZone}`,
    `Manager alert ${v.alert} · rep recap ${v.recap} · reps see ${v.visibility === "team" ? "each other's funnels" : "their own and the team's figures"}`,
  ],
  settingSaved: (what, value) =>
    ({
      reminderTime: `Daily reminder moved to ${value}.`,
      nudgeTime: `Quota nudge moved to ${value}.`,
      digestTime: `Monday digest moved to ${value}.`,
      workingDays: `Working days set to ${value}.`,
      country: `Public holidays now follow ${value}.`,
      holiday: `${value} is now a team holiday: no reminders, and it doesn't count against quota.`,
    })[what],
  unknownCountry: (code) =>
    `I don't know the holidays of "${code}". Use a two-letter country code such as ID, SG or DE.`,
  daysOffSaved: (days, count) =>
    `🌴 Marked off: ${days} (${count} working day${count === 1 ? "" : "s"}). No reminders then, and it won't count against your quota.`,
  daysOffRefused: (reason, what) =>
    ({
      not_a_date: `${what} isn't a date — write it as YYYY-MM-DD, e.g. 2026-12-24.`,
      reversed: `${what} ends before it starts — write the earlier day first.`,
      too_long: `${what} is more than ${MAX_DAYS_OFF} days in one go — please mark a long leave in parts.`,
      too_far_back: `Days off can be marked up to ${DAYS_OFF_LOOKBACK} days back; ${what} is further.`,
      too_far_ahead: `Days off can be marked up to a year ahead; ${what} is further.`,
      no_working_days: `${what} has no working days (weekend or holiday) — nothing to mark.`,
    })[reason],
  helpTitle: "Corong — your daily sales log",
  web: webEn,
  coach: coachingEn,
  help: (p) => [
    "Just tell me what you did: `met 4 clients, 2 follow-ups, 1 new lead`",
    "Also understood: `yesterday called 2 old clients`, `asked 3 clients for referrals, got 1`, `2 prospects, 1 closing`",
    `\`${p}today\` · \`${p}week\` — your totals against quota`,
    `\`${p}funnel [week|month|4w]\` — the team funnel vs 10:5:3:1 · \`${p}funnel me\` — yours · \`${p}funnel @name\` — a rep's (managers)`,
    `\`${p}team\` — today's roster and the week's pace (managers) · \`${p}leaderboard [week|month]\` · \`${p}trend [8w|12w]\``,
    `\`${p}export [week|month|last month]\` — the reports as a CSV file (managers)`,
    `\`${p}dashboard\` — charts, each rep and CSV downloads in your browser (a private one-time link)`,
    `\`${p}plan\` · \`${p}target 8\` — what a monthly target takes`,
    `\`${p}quota visits 5\` · \`${p}quota followups 3\` — daily quotas; \`${p}quota checkins 3\` · \`${p}quota referrals 2\` — weekly; add \`@name\` for one rep (managers)`,
    `\`${p}undo\` — withdraw your last report · \`${p}lang en|id\` — language`,
    `\`${p}off today\` · \`${p}off yesterday\` · \`${p}off 2026-12-24..2026-12-26\` — days off: no reminders, no quota`,
    `\`${p}settings\` — reminder, nudge and digest times, working days, holidays (managers change them)`,
  ],
};
