import { createRequire } from "node:module";
import { getCountryForTimezone } from "countries-and-timezones";
import type HolidaysType from "date-holidays";
import type { DateRange, LocalDate } from "../core/calendar.js";
import type { Team } from "../core/team.js";
import type { FigureReads } from "./ports.js";

const publicByCountryYear = new Map<string, ReadonlySet<LocalDate>>();
const require = createRequire(import.meta.url);

/** The holiday data (~20 MB in memory), loaded the first time a team's calendar is asked for, not at start. */
function holidaysLibrary(): typeof HolidaysType {
  return require("date-holidays") as typeof HolidaysType;
}

/** The country a time zone is the clock of (Asia/Jakarta → ID, Europe/Berlin → DE). */
export function countryForTimeZone(timeZone: string): string | null {
  return getCountryForTimezone(timeZone)?.id ?? null;
}

export function isKnownCountry(country: string): boolean {
  const Holidays = holidaysLibrary();
  return Boolean(new Holidays().getCountries()[country.toUpperCase()]);
}

/** A country's public holidays in a year, from the maintained date-holidays data; computed once per process. */
function publicHolidays(country: string, year: number): ReadonlySet<LocalDate> {
  const key = `${country}:${year}`;
  let days = publicByCountryYear.get(key);
  if (!days) {
    const Holidays = holidaysLibrary();
    const calendar = new Holidays(country);
    days = new Set(
      (calendar.getHolidays(year) || []).filter((h) => h.type === "public").map((h) => h.date.slice(0, 10)),
    );
    publicByCountryYear.set(key, days);
  }
  return days;
}

/** The team's days without work in a range: its country's public holidays and the days a manager added. */
export async function teamHolidays(
  store: FigureReads,
  team: Team,
  range: DateRange,
): Promise<Set<LocalDate>> {
  const country = team.country ?? countryForTimeZone(team.timezone);
  const days = new Set(await store.listTeamHolidays(team.id, range));
  if (country) {
    for (let year = Number(range.start.slice(0, 4)); year <= Number(range.end.slice(0, 4)); year++) {
      for (const day of publicHolidays(country, year))
        if (day >= range.start && day <= range.end) days.add(day);
    }
  }
  return days;
}
