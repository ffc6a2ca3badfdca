import type { Kysely, Selectable, Transaction } from "kysely";
import type { InboxItem, NewDelivery, Settlement } from "../app/ports.js";
import type { Platform } from "../core/team.js";
import type { Database, InboxTable } from "./schema.js";

type Db = Kysely<Database> | Transaction<Database>;

/** States a delivery is in: taken by a process (with a lease), waiting for a retry, or settled for good. */
const OPEN = ["processing", "pending"] as const;

function toItem(row: Selectable<InboxTable>): InboxItem {
  return {
    id: Number(row.id),
    platform: row.platform as Platform,
    workspace: row.workspaceKey,
    key: row.deliveryKey,
    ordering: row.orderingKey,
    payload: row.payload === null ? null : JSON.parse(row.payload),
    receivedAt: Date.parse(row.receivedAt),
    attempts: Number(row.attempts),
  };
}

/**
 * Records a delivery, already claimed by `owner` until `leaseUntil`, in one insert. Null when the same delivery
 * was recorded before (a platform retry, or another replica that received it too): it is not handled again.
 */
export async function insertDelivery(
  db: Db,
  delivery: NewDelivery,
  owner: string,
  leaseUntil: string,
): Promise<InboxItem | null> {
  const row = await db
    .insertInto("inbox")
    .values({
      platform: delivery.platform,
      workspaceKey: delivery.workspace,
      deliveryKey: delivery.key,
      orderingKey: delivery.ordering,
      payload: JSON.stringify(delivery.payload),
      receivedAt: new Date(delivery.receivedAt).toISOString(),
      status: "processing",
      dueAt: leaseUntil,
      claimedBy: owner,
      attempts: 1,
      lastError: null,
      settledAt: null,
    })
    .onConflict((oc) => oc.columns(["platform", "workspaceKey", "deliveryKey"]).doNothing())
    .returningAll()
    .executeTakeFirst();
  return row ? toItem(row) : null;
}

/**
 * Takes up to `limit` deliveries from `platforms` (the ones this process can handle) that are due: waiting for
 * their retry time, or claimed by a process whose lease ran out (it died, or lost the database). Each is taken by one caller only: the conditional update decides races
 * between replicas, and the attempt count it raises fences the claim.
 */
export async function claimDueDeliveries(
  db: Db,
  platforms: Platform[],
  at: string,
  leaseUntil: string,
  owner: string,
  limit: number,
): Promise<InboxItem[]> {
  if (platforms.length === 0) return [];
  const due = await db
    .selectFrom("inbox")
    .select("id")
    .where("platform", "in", platforms)
    .where("status", "in", OPEN)
    .where("dueAt", "<=", at)
    .orderBy("id")
    .limit(limit)
    .execute();
  const claimed: InboxItem[] = [];
  for (const { id } of due) {
    const row = await db
      .updateTable("inbox")
      .set((eb) => ({
        status: "processing",
        claimedBy: owner,
        dueAt: leaseUntil,
        attempts: eb("attempts", "+", 1),
      }))
      .where("id", "=", id)
      .where("status", "in", OPEN)
      .where("dueAt", "<=", at)
      .returningAll()
      .executeTakeFirst();
    if (row) claimed.push(toItem(row));
  }
  return claimed;
}

/** Extends the leases `owner` still holds, so a slow delivery is not taken over while it is being handled. */
export async function renewDeliveries(db: Db, owner: string, ids: number[], leaseUntil: string) {
  if (ids.length === 0) return;
  await db
    .updateTable("inbox")
    .set({ dueAt: leaseUntil })
    .where("id", "in", ids)
    .where("claimedBy", "=", owner)
    .where("status", "=", "processing")
    .execute();
}

/**
 * Ends one attempt: done, failed for good, or back to waiting until `dueAt`. Fenced by owner and attempt: an
 * attempt whose lease was taken over changes nothing.
 */
export async function settleDelivery(
  db: Db,
  item: InboxItem,
  owner: string,
  settlement: Settlement,
): Promise<void> {
  await db
    .updateTable("inbox")
    .set({
      status: settlement.status,
      lastError: settlement.error ?? null,
      ...(settlement.status === "pending"
        ? { dueAt: settlement.dueAt, claimedBy: "" }
        : { settledAt: settlement.at, claimedBy: "" }),
      // What was said is kept only while it may still be needed: for a retry, or to look into a failure.
      ...(settlement.status === "done" ? { payload: null } : {}),
    })
    .where("id", "=", item.id)
    .where("claimedBy", "=", owner)
    .where("attempts", "=", item.attempts)
    .where("status", "=", "processing")
    .execute();
}

/** Hands back deliveries `owner` holds, due at once: a stopping process parks what it could not finish. */
export async function parkDeliveries(db: Db, owner: string, ids: number[], at: string): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db
    .updateTable("inbox")
    .set({ status: "pending", claimedBy: "", dueAt: at })
    .where("id", "in", ids)
    .where("claimedBy", "=", owner)
    .where("status", "=", "processing")
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** How many deliveries are not handled yet (waiting, or being handled). */
export async function countOpenDeliveries(db: Db): Promise<number> {
  const row = await db
    .selectFrom("inbox")
    .select((eb) => eb.fn.countAll<string | number>().as("open"))
    .where("status", "in", OPEN)
    .executeTakeFirst();
  return Number(row?.open ?? 0);
}

/** Forgets settled deliveries received before `before`: far past any platform's retries. */
export async function pruneDeliveries(db: Db, before: string): Promise<number> {
  const result = await db
    .deleteFrom("inbox")
    .where("receivedAt", "<", before)
    .where("status", "in", ["done", "failed"])
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
