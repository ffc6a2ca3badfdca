import { type DateRange, daysInRange, earlierDay, type LocalDate, localDateAt } from "../core/calendar.js";
import { type TeamFigures, teamFigures } from "../core/figures.js";
import type { Team, TeamMember } from "../core/team.js";
import type { FigureReads, Store } from "./ports.js";
import { workingCalendar } from "./working-days.js";

/**
 * The one way a period's figures are read: the reports that count, per rep, scored against the team's working
 * days, holidays, days off and the quotas in force on each day, as of `asOf`. Today, week, funnel, plan, digest
 * and reminders all come through here.
 */
export async function loadTeamFigures(
  store: FigureReads,
  team: Team,
  range: DateRange,
  asOf: LocalDate,
  /** Only this member's reports are read: the team's totals then are theirs alone. */
  memberId?: number,
): Promise<TeamFigures> {
  const [totals, calendar, history, members] = await Promise.all([
    store.sumCountsByMember(team.id, range, memberId),
    workingCalendar(store, team, range),
    store.listSettingHistory(team.id),
    store.listTeamMembers(team.id),
  ]);
  return teamFigures({
    range,
    asOf,
    totals,
    workingDays: calendar.days,
    isDayOff: calendar.isDayOff,
    ...startedOn(members, team.timezone),
    history,
    quota: team.quota,
  });
}

/**
 * The figures of each day of a range, scored exactly as `loadTeamFigures` scores a one-day range, from one read
 * of the sums per day (instead of one read per day): the dashboard's day-by-day table.
 */
export async function loadDailyFigures(
  store: Store,
  team: Team,
  range: DateRange,
  asOf: LocalDate,
  memberId?: number,
): Promise<Array<{ day: LocalDate; figures: TeamFigures }>> {
  const [totals, calendar, history, members] = await Promise.all([
    store.sumCountsByMemberPerDay(team.id, range, memberId),
    workingCalendar(store, team, range),
    store.listSettingHistory(team.id),
    store.listTeamMembers(team.id),
  ]);
  const start = startedOn(members, team.timezone);
  return daysInRange(range).map((day) => ({
    day,
    figures: teamFigures({
      range: { start: day, end: day },
      asOf: earlierDay(day, asOf),
      totals: totals.filter((t) => t.day === day),
      workingDays: calendar.days.filter((d) => d === day),
      isDayOff: calendar.isDayOff,
      ...start,
      history,
      quota: team.quota,
    }),
  }));
}

/** The day the team's first member joined (its setup), team-local; null for a team with no members yet. */
export function teamStartedOn(members: readonly TeamMember[], timeZone: string): LocalDate | null {
  const first = Math.min(...members.map((m) => Date.parse(m.joinedAt)).filter(Number.isFinite));
  return Number.isFinite(first) ? localDateAt(first, timeZone) : null;
}

function startedOn(members: readonly TeamMember[], timeZone: string): { startedOn?: LocalDate } {
  const day = teamStartedOn(members, timeZone);
  return day ? { startedOn: day } : {};
}
