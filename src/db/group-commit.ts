import type { Kysely, Transaction } from "kysely";
import type { Database } from "./schema.js";

/**
 * Calls made in the same turn of the event loop, run in one transaction: one commit, and so one fsync, for
 * many. Each caller's promise settles only once its write is committed. Should the shared transaction fail,
 * each call is tried again in a transaction of its own, so one failing write cannot fail the others with it.
 *
 * `lockKey` names the row each write takes (its unique key). A batch writes in that order, so two replicas'
 * batches that share rows (Slack redelivering an event to the other replica) take their locks in the same order
 * and wait for each other instead of deadlocking: in arrival order, Postgres aborted both after the lock timeout.
 */
export function groupCommit<A extends unknown[], R>(
  db: Kysely<Database>,
  write: (trx: Transaction<Database>, ...args: A) => Promise<R>,
  lockKey: (...args: A) => string,
): (...args: A) => Promise<R> {
  type Call = { args: A; resolve: (result: R) => void; reject: (error: unknown) => void };
  let pending: Call[] = [];

  async function flush(): Promise<void> {
    const batch = pending
      .map((call) => ({ call, key: lockKey(...call.args) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map(({ call }) => call);
    pending = [];
    let results: R[];
    try {
      results = await db.transaction().execute(async (trx) => {
        const out: R[] = [];
        for (const call of batch) out.push(await write(trx, ...call.args));
        return out;
      });
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      for (const call of batch)
        await db
          .transaction()
          .execute((trx) => write(trx, ...call.args))
          .then(call.resolve, call.reject);
      return;
    }
    for (const [i, call] of batch.entries()) call.resolve(results[i] as R);
  }

  return (...args) =>
    new Promise<R>((resolve, reject) => {
      pending.push({ args, resolve, reject });
      if (pending.length === 1) setImmediate(() => void flush());
    });
}
