import type { Kysely, Transaction } from "kysely";
import type { JobKey } from "../app/ports.js";
import type { Database } from "./schema.js";

type Db = Kysely<Database> | Transaction<Database>;

/** A job that keeps failing is given up after this many tries, so one broken chat cannot be retried forever. */
const MAX_ATTEMPTS = 5;

function byKey(db: Db, key: JobKey) {
  return db
    .updateTable("jobRuns")
    .where("teamId", "=", key.teamId)
    .where("kind", "=", key.kind)
    .where("periodKey", "=", key.periodKey)
    .where("memberKey", "=", key.memberKey);
}

/**
 * Claims a job for this period with a lease. True when this caller should do it: the first claim, or a claim
 * whose lease ran out without the job being marked sent (a crash between claim and post). Two schedulers on one
 * database race on the unique key, and exactly one wins.
 */
export async function claimJob(db: Db, key: JobKey, at: string, leaseUntil: string): Promise<boolean> {
  const inserted = await db
    .insertInto("jobRuns")
    .values({ ...key, status: "claimed", leaseUntil, attempts: 1, createdAt: at, sentAt: null })
    .onConflict((oc) => oc.columns(["teamId", "kind", "periodKey", "memberKey"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  if (inserted) return true;
  const retaken = await byKey(db, key)
    .set((eb) => ({ leaseUntil, attempts: eb("attempts", "+", 1) }))
    .where("status", "=", "claimed")
    .where("leaseUntil", "<", at)
    .where("attempts", "<", MAX_ATTEMPTS)
    .executeTakeFirst();
  return Number(retaken.numUpdatedRows) > 0;
}

export async function markJobSent(db: Db, key: JobKey, at: string): Promise<void> {
  await byKey(db, key).set({ status: "sent", sentAt: at, leaseUntil: null }).execute();
}

/** A failed attempt: the lease ends now, so a later tick may try again. */
export async function releaseJob(db: Db, key: JobKey, at: string): Promise<void> {
  await byKey(db, key).set({ leaseUntil: at }).where("status", "=", "claimed").execute();
}

export async function isJobSent(db: Db, key: JobKey): Promise<boolean> {
  const row = await db
    .selectFrom("jobRuns")
    .select("status")
    .where("teamId", "=", key.teamId)
    .where("kind", "=", key.kind)
    .where("periodKey", "=", key.periodKey)
    .where("memberKey", "=", key.memberKey)
    .executeTakeFirst();
  return row?.status === "sent";
}
