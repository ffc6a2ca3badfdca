import type { Kysely, Transaction } from "kysely";
import type { JobKey } from "../app/ports.js";
import { pruneDeliveries } from "./inbox-repository.js";
import { prunePacing } from "./pacing-repository.js";
import type { Database } from "./schema.js";
import { pruneSignIns } from "./sign-in-repository.js";

type Db = Kysely<Database> | Transaction<Database>;

/** The ledger row of one job, to read. */
function rowOf(db: Db, key: JobKey) {
  return db
    .selectFrom("jobRuns")
    .where("teamId", "=", key.teamId)
    .where("kind", "=", key.kind)
    .where("periodKey", "=", key.periodKey)
    .where("memberKey", "=", key.memberKey);
}

function byKey(db: Db, key: JobKey) {
  return db
    .updateTable("jobRuns")
    .where("teamId", "=", key.teamId)
    .where("kind", "=", key.kind)
    .where("periodKey", "=", key.periodKey)
    .where("memberKey", "=", key.memberKey);
}

/**
 * Claims a job for this period with a lease. Returns the attempt number when this caller should do it — the
 * first claim, or a retake of a claim whose lease ran out without the job being settled (a crash between claim
 * and post, or a failure waiting for its retry time) — and null otherwise. Two schedulers on one database race
 * on the unique key and the attempt counter, and exactly one wins. The attempt number fences the claim: a
 * release by a caller whose claim was taken over changes nothing.
 */
export async function claimJob(db: Db, key: JobKey, at: string, leaseUntil: string): Promise<number | null> {
  const inserted = await db
    .insertInto("jobRuns")
    .values({ ...key, status: "claimed", leaseUntil, attempts: 1, createdAt: at, sentAt: null })
    .onConflict((oc) => oc.columns(["teamId", "kind", "periodKey", "memberKey"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  if (inserted) return 1;
  const retaken = await byKey(db, key)
    .set((eb) => ({ leaseUntil, attempts: eb("attempts", "+", 1) }))
    .where("status", "=", "claimed")
    .where("leaseUntil", "<", at)
    .returning("attempts")
    .executeTakeFirst();
  return retaken ? Number(retaken.attempts) : null;
}

export async function markJobSent(db: Db, key: JobKey, at: string): Promise<void> {
  await byKey(db, key).set({ status: "sent", sentAt: at, leaseUntil: null }).execute();
}

/** A failed attempt: the claim lapses at `retryAt`, when a later tick may try again. */
export async function releaseJob(db: Db, key: JobKey, attempt: number, retryAt: string): Promise<void> {
  await byKey(db, key)
    .set({ leaseUntil: retryAt })
    .where("status", "=", "claimed")
    .where("attempts", "=", attempt)
    .execute();
}

/** Gives the job up for good: it will not be tried again, and its period counts as settled. */
export async function failJob(db: Db, key: JobKey, attempt: number): Promise<void> {
  await byKey(db, key)
    .set({ status: "failed", leaseUntil: null })
    .where("status", "=", "claimed")
    .where("attempts", "=", attempt)
    .execute();
}

/** Sent, or given up: either way nothing more will happen for this job. */
export async function isJobSettled(db: Db, key: JobKey): Promise<boolean> {
  const row = await rowOf(db, key).select("status").executeTakeFirst();
  return row?.status === "sent" || row?.status === "failed";
}

/**
 * Forgets ledger rows older than `before`: settled deliveries and jobs whose periods are long past and can never be
 * redelivered or due again. Keeps both tables small however long a team uses Corong.
 */
export async function pruneLedgers(db: Db, before: string): Promise<number> {
  const jobs = await db.deleteFrom("jobRuns").where("createdAt", "<", before).executeTakeFirst();
  const deliveries = await pruneDeliveries(db, before);
  const signIns = await pruneSignIns(db, before);
  const pacing = await prunePacing(db, Date.parse(before));
  return Number(jobs.numDeletedRows) + deliveries + signIns + pacing;
}

/** What the claimed job made before sending (a chart), kept for its retries. */
export async function saveJobPayload(db: Db, key: JobKey, payload: Uint8Array): Promise<void> {
  await byKey(db, key)
    .set({ payload: Buffer.from(payload) })
    .execute();
}

export async function jobPayload(db: Db, key: JobKey): Promise<Uint8Array | null> {
  const row = await rowOf(db, key).select("payload").executeTakeFirst();
  return row?.payload ? Buffer.from(row.payload) : null;
}
