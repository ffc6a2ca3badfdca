import { randomUUID } from "node:crypto";
import type { DeliveryKey, Store } from "./ports.js";

/** This process, as the owner of the deliveries it claims. */
const PROCESS_ID = randomUUID();

/** How long a claimed delivery may take before a retry may take it over: well past Slack's retry schedule. */
const LEASE_MS = 5 * 60_000;

/**
 * Runs `work` once per platform delivery, across retries, restarts and replicas. Returns false when the delivery
 * was already handled (or is being handled here) and `work` did not run. A failed `work` releases the claim so
 * the platform's next retry is handled, and a claim left by a process that died is taken over by the next one.
 */
export async function oncePerDelivery(
  store: Store,
  key: DeliveryKey,
  now: number,
  work: () => Promise<void>,
): Promise<boolean> {
  const claimed = await store.claimDelivery(
    key,
    new Date(now).toISOString(),
    new Date(now + LEASE_MS).toISOString(),
    PROCESS_ID,
  );
  if (!claimed) return false;
  try {
    await work();
  } catch (error) {
    await store.releaseDelivery(key);
    throw error;
  }
  await store.completeDelivery(key, new Date(now).toISOString());
  return true;
}
