import type { Kysely } from "kysely";
import type { CorongMigration } from "./dialect.js";

/**
 * When the coaching messages go out, team-local: the manager's alert about reps behind (default Wednesday 12:00)
 * and each rep's week recap (default Friday 15:00). Days are ISO weekdays, 1 = Monday.
 */
export const teamCoachingTimes: CorongMigration = {
  async up(db: Kysely<unknown>) {
    // One column per statement: SQLite adds one at a time.
    const teams = () => db.schema.alterTable("teams");
    await teams()
      .addColumn("alert_day", "integer", (c) => c.notNull().defaultTo(3))
      .execute();
    await teams()
      .addColumn("alert_time", "text", (c) => c.notNull().defaultTo("12:00"))
      .execute();
    await teams()
      .addColumn("recap_day", "integer", (c) => c.notNull().defaultTo(5))
      .execute();
    await teams()
      .addColumn("recap_time", "text", (c) => c.notNull().defaultTo("15:00"))
      .execute();
  },
};
