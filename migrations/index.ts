import { initial } from "./0001-initial.js";
import { inboundEvents } from "./0002-inbound-events.js";
import type { CorongMigration } from "./dialect.js";

/** Every migration, in order. Names sort in the order they must run; never rename or edit a shipped one. */
export const MIGRATIONS: Readonly<Record<string, CorongMigration>> = {
  "0001-initial": initial,
  "0002-inbound-events": inboundEvents,
};
