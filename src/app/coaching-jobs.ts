import { addDays, isoWeekRange, type LocalDate } from "../core/calendar.js";
import { alertFindings, missedReferrals } from "../core/coaching.js";
import { teamReps } from "../core/figures.js";
import type { Reply } from "../core/reply.js";
import type { DueJob } from "../core/schedule.js";
import type { Member, Team } from "../core/team.js";
import { textsFor } from "../core/texts/index.js";
import { alertView, recapView, referralNudgeView } from "../core/views/coaching.js";
import { unpromptedLocale } from "./context.js";
import { loadTeamFigures } from "./figures.js";
import type { Store } from "./ports.js";
import { workingCalendar } from "./working-days.js";

export interface DirectMessage {
  member: Member;
  reply: Reply;
}

const textsOf = (team: Team, member: Member) => textsFor(unpromptedLocale(member, team));

/**
 * The weekly coaching messages a job sends on `job.day`, one per person: the managers' alert, each rep's recap,
 * the referral nudge. Nobody is written to on their day off; the alert goes nowhere when nobody needs a hand.
 */
export async function coachingMessages(store: Store, team: Team, job: DueJob): Promise<DirectMessage[]> {
  const day = job.day;
  const [members, calendar] = await Promise.all([
    store.listTeamMembers(team.id),
    workingCalendar(store, team, { start: day, end: day }),
  ]);
  const present = members.filter((m) => !calendar.isDayOff(m.id, day));
  if (job.kind === "alert") {
    const managers = present.filter((m) => m.role === "manager");
    if (managers.length === 0) return [];
    const findings = await whoNeedsHelp(store, team, day, members);
    if (findings.length === 0) return [];
    return managers.map((member) => ({
      member,
      reply: alertView(textsOf(team, member), team.name, findings),
    }));
  }
  if (job.kind === "recap") {
    const week = await loadTeamFigures(store, team, isoWeekRange(day), day);
    return present
      .filter((m) => m.role === "rep")
      .map((member) => ({ member, figures: week.rep(member.id, member.displayName) }))
      .filter(({ figures }) => figures.expectedDays > 0)
      .map(({ member, figures }) => ({ member, reply: recapView(textsOf(team, member), figures) }));
  }
  if (job.kind === "referralNudge") {
    const fortnight = await loadTeamFigures(
      store,
      team,
      { start: addDays(day, -14), end: addDays(day, -1) },
      day,
    );
    return present
      .filter((m) => m.role === "rep")
      .map((member) => ({ member, counts: fortnight.rep(member.id).counts }))
      .filter(({ counts }) => missedReferrals(counts))
      .map(({ member, counts }) => ({
        member,
        reply: referralNudgeView(textsOf(team, member), counts.relationshipContacts),
      }));
  }
  return [];
}

/**
 * The alert's findings on `day`: this week's visit pace over the working days already past (today is still being
 * worked), and the funnel over the last two complete weeks.
 */
export async function whoNeedsHelp(
  store: Store,
  team: Team,
  day: LocalDate,
  members: Awaited<ReturnType<Store["listTeamMembers"]>>,
) {
  const week = isoWeekRange(day);
  const last = { start: addDays(week.start, -7), end: addDays(week.end, -7) };
  const before = { start: addDays(week.start, -14), end: addDays(week.end, -14) };
  const [soFar, lastWeek, weekBefore] = await Promise.all([
    loadTeamFigures(store, team, week, addDays(day, -1)),
    loadTeamFigures(store, team, last, last.end),
    loadTeamFigures(store, team, before, before.end),
  ]);
  const reps = members.filter((m) => m.role === "rep");
  return alertFindings(teamReps(soFar, reps), {
    last: teamReps(lastWeek, reps),
    before: teamReps(weekBefore, reps),
  });
}
