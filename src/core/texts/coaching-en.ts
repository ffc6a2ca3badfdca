import type { CoachingTexts } from "./coaching-texts.js";
import { countWithMetric, metricName } from "./metric-words.js";

const STAGE: Record<string, string> = {
  leads: "leads",
  prospects: "prospects",
  potential: "potential",
  closeable: "closeable",
};

/** Where deals of a stage get stuck, said the way a manager would. */
const STALL: Record<string, string> = {
  leads: "leads don't become prospects",
  prospects: "prospects stall before potential",
  potential: "potential deals stall before closeable",
};
const stall = (from: string, to: string) => STALL[from] ?? `${from} stall before ${to}`;

const ACTIONS: Record<string, string> = {
  visits: "book two extra visits early in the week",
  followUps: "follow up within a day of every meeting",
  relationshipContacts: "call or visit three existing clients",
  referralsAsked: "ask two of the existing clients you visit for a referral 🙏",
};

/** What a manager can do about a rep's leak, by the stage deals stall in. */
const LEAK_ACTIONS: Record<string, string> = {
  leads: "go through their lead sources together",
  prospects: "ride along on one of their prospect meetings",
  potential: "role-play the proposal with them",
};

export const coachingEn: CoachingTexts = {
  repFunnelTitle: (name, label) => `${name} · ${label}`,
  repColumns: (name) => ["", name, "Team", "Benchmark", ""],
  repRatios: (rep, team, benchmark) => `Ratio ${rep} · team ${team} · benchmark ${benchmark}`,
  repWeakest: (name, c, owner) =>
    `Weakest: ${STAGE[c.from] ?? c.from} → ${STAGE[c.to] ?? c.to} — ${owner === "rep" ? `${name}'s, not the team's` : "the team's too"}.`,
  notOnTeam: (mention) => `${mention} is not on this team. Check the name, or mention them (@name).`,
  thatPerson: "That person",
  sentPrivately: "📬 Sent to you in a private chat — reps' figures stay out of the group.",
  startPrivateChat:
    "Reps' figures stay out of the group. Open a private chat with me, tap Start, then ask again here.",
  managersOnlyRoster: "The team roster is for managers. Yours: `today` and `week`.",
  rosterNotWorkingDay: "Not a working day for the team — nobody is expected to report.",
  weeklyQuotaShow: (checkIns, referrals) =>
    `Weekly: ${countWithMetric("en", "relationshipContacts", checkIns)} and ${countWithMetric("en", "referralsAsked", referrals)} per rep.`,
  ownQuotaShow: (visits, followUps) =>
    `Your own daily quota: ${countWithMetric("en", "visits", visits)}, ${countWithMetric("en", "followUps", followUps)}.`,
  othersPrivate: (prefix) =>
    `Other reps' figures are for managers. Yours: \`${prefix}funnel me\`; the team's: \`${prefix}funnel\`.`,

  rosterTitle: (team, day, reported, of) => `${team} · today (${day}) · ${reported} of ${of} reported`,
  rosterReported: (entries) => `✅ ${entries}`,
  rosterOff: (names) => `🌴 ${names} (off)`,
  rosterMissing: (names) => `⏳ ${names} — nothing yet`,
  rosterBehind: (entries) => `This week: ${entries} — worth a hand.`,
  rosterOnPace: "This week: everyone is on pace 👏",
  rosterEmpty: "No reps on this team yet. They join when they write in the team channel.",

  leaderboardTitle: (team, label) => `🏆 ${team} · ${label}`,
  leaderboardColumns: ["#", "Rep", "Quota", "Visits", "Closings", "Referrals asked/got"],
  leaderboardEmpty: "Nothing to rank yet: nobody was expected to work in this period.",
  leaderboardPrivate: (prefix) =>
    `The leaderboard shows every rep's figures, so it is for managers unless they share it (\`${prefix}settings visibility team\`). Yours: \`${prefix}week\`.`,

  trendTitle: (team, weeks) => `${team} · last ${weeks} weeks`,
  trendColumns: ["Week", "Visits", "Quota", "Leads", "Ratio"],
  trendDirection: (d) =>
    ({
      better: "The funnel is getting healthier: more prospects per 10 leads than at the start.",
      worse: "The funnel is slipping: fewer prospects per 10 leads than at the start.",
      steady: "The funnel's shape is steady.",
    })[d],
  trendEmpty: "No weeks with activity yet to show a trend.",
  trendChartTitle: (team, weeks) => `${team} · ${weeks} weeks`,
  trendChartLegend: { visits: "Visits vs quota", quota: "- - - quota", ratio: "Prospects per 10 leads" },

  digestDirection: (d) =>
    ({
      better: "Over 4 weeks: the ratio is improving ▲",
      worse: "Over 4 weeks: the ratio is slipping ▼",
      steady: "Over 4 weeks: the ratio is steady",
    })[d],
  digestMostImproved: (name, from, to) => `📈 Most improved: ${name} (${from} → ${to} of quota)`,

  alertTitle: (team, count) =>
    `🔔 ${team}: ${count === 1 ? "one rep needs" : `${count} reps need`} a hand this week`,
  alertBehind: (name, visits, expected, pace) =>
    `${name}: ${visits} of ${expected} visits so far (${Math.round(pace * 100)}% of pace) → plan the rest of the week with them today.`,
  alertLeak: (name, c) =>
    `${name}: ${stall(c.from, c.to)} two weeks running → ${LEAK_ACTIONS[c.from] ?? "go through their open deals together"}.`,

  recapTitle: (name) => `Your week, ${name}`,
  recapWeek: (parts) => `This week: ${parts}`,
  recapFunnel: (ratio, weakest) =>
    weakest
      ? `Funnel ${ratio} — you lose most between ${STAGE[weakest.from] ?? weakest.from} and ${STAGE[weakest.to] ?? weakest.to}.`
      : `Funnel ${ratio}.`,
  recapHabit: (habit) =>
    habit ? `Next week: ${ACTIONS[habit] ?? ""}` : "Every quota met this week — keep the rhythm 💪",

  referralNudge: (contacts) =>
    `You checked in with ${contacts} existing client${contacts === 1 ? "" : "s"} this fortnight — ask one of them for a referral 🙏`,

  quotaSetFor: (metric, value, name) =>
    `${name}'s own quota: ${countWithMetric("en", metric, value)} ${metric === "relationshipContacts" || metric === "referralsAsked" ? "a week" : "per working day"}, from today.`,
  quotaBackToTeam: (metric, name) =>
    `${name} is back on the team's ${metricName("en", metric)} quota, from today.`,
  weeklyQuotaSet: (metric, value) =>
    `Weekly quota set: ${countWithMetric("en", metric, value)} per rep a week, from today.`,
  visibilitySaved: (team) =>
    team ? "Reps can now see each other's funnels." : "Reps now see only their own and the team's figures.",
  coachingTimeSaved: (what, day, time) =>
    what === "alert" ? `Manager alert moved to ${day} ${time}.` : `Weekly recap moved to ${day} ${time}.`,
};
