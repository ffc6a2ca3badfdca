import { type DateRange, daysInRange, isoWeekday, type LocalDate } from "../core/calendar.js";
import type { Team } from "../core/team.js";
import { teamHolidays } from "./holidays.js";
import type { FigureReads } from "./ports.js";

export interface WorkingCalendar {
  /** The team's working days in the range that are not holidays. */
  days: LocalDate[];
  holidays: Set<LocalDate>;
  isDayOff(memberId: number, day: LocalDate): boolean;
}

/** The days that count in a range for a team and each of its members. */
export async function workingCalendar(
  store: FigureReads,
  team: Team,
  range: DateRange,
): Promise<WorkingCalendar> {
  const [holidays, daysOff] = await Promise.all([
    teamHolidays(store, team, range),
    store.listDaysOff(team.id, range),
  ]);
  const days = daysInRange(range).filter((d) => team.workingDays.includes(isoWeekday(d)) && !holidays.has(d));
  const off = new Set(daysOff.map((d) => `${d.memberId}:${d.day}`));
  return {
    days,
    holidays,
    isDayOff: (memberId, day) => off.has(`${memberId}:${day}`),
  };
}
