import type { Kysely, Transaction } from "kysely";
import type { DeliveryKey } from "../app/ports.js";
import type { Database } from "./schema.js";

type Db = Kysely<Database> | Transaction<Database>;

function whereKey(key: DeliveryKey) {
  return { platform: key.platform, workspaceKey: key.workspace, eventId: key.eventId };
}

/**
 * Claims a platform delivery for handling. True for the first delivery, and for a redelivery whose earlier claim
 * was abandoned: its lease ran out, or another process made it (the one that died before a restart — platforms
 * redeliver right after one, well inside any lease). False while this process handles it or once it was handled.
 */
export async function claimDelivery(
  db: Db,
  key: DeliveryKey,
  at: string,
  leaseUntil: string,
  owner: string,
): Promise<boolean> {
  const inserted = await db
    .insertInto("inboundEvents")
    .values({
      ...whereKey(key),
      status: "processing",
      leaseUntil,
      claimedBy: owner,
      createdAt: at,
      doneAt: null,
    })
    .onConflict((oc) => oc.columns(["platform", "workspaceKey", "eventId"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  if (inserted) return true;
  const takenOver = await db
    .updateTable("inboundEvents")
    .set({ leaseUntil, claimedBy: owner })
    .where("platform", "=", key.platform)
    .where("workspaceKey", "=", key.workspace)
    .where("eventId", "=", key.eventId)
    .where("status", "=", "processing")
    .where((eb) => eb.or([eb("leaseUntil", "<", at), eb("claimedBy", "!=", owner)]))
    .executeTakeFirst();
  return Number(takenOver.numUpdatedRows) > 0;
}

export async function completeDelivery(db: Db, key: DeliveryKey, at: string): Promise<void> {
  await db
    .updateTable("inboundEvents")
    .set({ status: "done", doneAt: at })
    .where("platform", "=", key.platform)
    .where("workspaceKey", "=", key.workspace)
    .where("eventId", "=", key.eventId)
    .execute();
}

/** Forgets a claim whose handling failed, so the platform's retry is handled afresh. */
export async function releaseDelivery(db: Db, key: DeliveryKey): Promise<void> {
  await db
    .deleteFrom("inboundEvents")
    .where("platform", "=", key.platform)
    .where("workspaceKey", "=", key.workspace)
    .where("eventId", "=", key.eventId)
    .where("status", "=", "processing")
    .execute();
}
