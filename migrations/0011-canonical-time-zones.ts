import { type Kysely, sql } from "kysely";
import type { CorongMigration } from "./dialect.js";

/**
 * Rewrites team time zones typed in another case ("asia/jakarta") the way IANA spells them: holiday calendars
 * and zone lookups match names exactly, so such a team had no public holidays.
 */
export const canonicalTimeZones: CorongMigration = {
  async up(db: Kysely<unknown>) {
    const teams = await sql<{ id: number; timezone: string }>`select id, timezone from teams`.execute(db);
    for (const team of teams.rows) {
      let canonical: string;
      try {
        canonical = new Intl.DateTimeFormat("en-US", { timeZone: team.timezone }).resolvedOptions().timeZone;
      } catch {
        continue;
      }
      if (canonical !== team.timezone) {
        await sql`update teams set timezone = ${canonical} where id = ${team.id}`.execute(db);
      }
    }
  },
};
