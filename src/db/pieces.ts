import { type Expression, sql } from "kysely";
import type { DateRange } from "../core/calendar.js";

/**
 * The index of the piece of `pieces` (consecutive, from `partitionRanges`) that `day` falls in, as SQL: the first
 * piece whose end it does not pass. Only meaningful for days within the pieces.
 */
export function pieceOf(day: Expression<string>, pieces: readonly DateRange[]) {
  if (pieces.length <= 1) return sql<number>`${sql.lit(0)}`;
  // Literal indices: a bound parameter in THEN would come back from Postgres as text of unknown type.
  return sql<number>`case ${sql.join(
    pieces.slice(0, -1).map((p, i) => sql`when ${day} <= ${p.end} then ${sql.lit(i)}`),
    sql` `,
  )} else ${sql.lit(pieces.length - 1)} end`;
}
