import { initial } from "./0001-initial.js";
import { inboundEvents } from "./0002-inbound-events.js";
import { visitCheckins } from "./0003-visit-checkins.js";
import { schedule } from "./0004-schedule.js";
import type { CorongMigration } from "./dialect.js";

/** Every migration, in order. Names sort in the order they must run; never rename or edit a shipped one. */
export const MIGRATIONS: Readonly<Record<string, CorongMigration>> = {
  "0001-initial": initial,
  "0002-inbound-events": inboundEvents,
  "0003-visit-checkins": visitCheckins,
  "0004-schedule": schedule,
};
