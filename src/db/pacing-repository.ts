import { type Kysely, sql, type Transaction } from "kysely";
import type { Database } from "./schema.js";

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Books the next send for `key` in one atomic statement: the row's TAT becomes `max(tat, now) + interval`, held
 * to at most `now + maxAheadMs` before the interval is added
 * (core/pacing `nextArrival`), and the booked TAT comes back. Concurrent replicas each get their own slot, in
 * whatever order the database serialises them.
 */
export async function reserveSendSlot(
  db: Db,
  key: string,
  now: number,
  intervalMs: number,
  maxAheadMs: number,
): Promise<number> {
  const nowMs = sql<number>`cast(${Math.round(now)} as bigint)`;
  const interval = sql<number>`cast(${Math.round(intervalMs)} as bigint)`;
  // A TAT booked by a replica whose clock runs ahead is held to `maxAheadMs` from this one's now.
  const latest = sql<number>`cast(${Math.round(now + maxAheadMs)} as bigint)`;
  const row = await db
    .insertInto("sendPacing")
    .values({ key, tatMs: sql<number>`${nowMs} + ${interval}` })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        tatMs: sql<number>`(case when send_pacing.tat_ms > ${latest} then ${latest} when send_pacing.tat_ms > ${nowMs} then send_pacing.tat_ms else ${nowMs} end) + ${interval}`,
      }),
    )
    .returning("tatMs")
    .executeTakeFirstOrThrow();
  return Number(row.tatMs);
}

/** Keys whose last booked send is long past: they hold nothing back any more. */
export async function prunePacing(db: Db, beforeMs: number): Promise<number> {
  const result = await db.deleteFrom("sendPacing").where("tatMs", "<", beforeMs).executeTakeFirst();
  return Number(result.numDeletedRows);
}
