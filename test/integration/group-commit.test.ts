import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { connect } from "../../src/db/connect.js";
import { groupCommit } from "../../src/db/group-commit.js";
import { createStore } from "../../src/db/store.js";
import { DIALECTS, type TestDatabase } from "../support/databases.js";

describe.each(DIALECTS)("Writes that share a commit on $name", (dialect) => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await dialect.create();
  });
  afterEach(async () => {
    await database.drop();
  });

  const stored = async () =>
    (await database.connection.db.selectFrom("sendPacing").select("key").orderBy("key").execute()).map(
      (r) => r.key,
    );

  it("commits writes made at the same moment together, each answered with its own result once committed", async () => {
    const transactions = new Set<unknown>();
    const write = groupCommit(
      database.connection.db,
      async (trx, key: string) => {
        transactions.add(trx);
        await trx.insertInto("sendPacing").values({ key, tatMs: 1 }).execute();
        return `stored ${key}`;
      },
      (key) => key,
    );
    const keys = Array.from({ length: 20 }, (_, i) => `k${String(i).padStart(2, "0")}`);
    const results = await Promise.all(keys.map((key) => write(key)));
    expect(results).toEqual(keys.map((key) => `stored ${key}`));
    expect(transactions.size).toBe(1);
    expect(await stored()).toEqual(keys);
    // A write on its own later is its own commit.
    await write("later");
    expect(transactions.size).toBe(2);
  });

  it("fails only the write that failed: the others are committed on their own", async () => {
    const write = groupCommit(
      database.connection.db,
      async (trx, key: string) => {
        await trx.insertInto("sendPacing").values({ key, tatMs: 1 }).execute();
        if (key === "bad") throw new Error("this one is refused");
        return key;
      },
      (key) => key,
    );
    const outcomes = await Promise.allSettled(["a", "bad", "c"].map((key) => write(key)));
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(await stored()).toEqual(["a", "c"]);
  });

  it("two replicas recording the same deliveries at once, in opposite orders, each record every one once", async () => {
    // Slack redelivers an event to another replica while the first is still recording it. Batched in arrival
    // order, the two transactions took the same rows' locks in opposite orders and deadlocked on Postgres.
    const other = connect(database.url);
    try {
      const replicas = [createStore(database.connection.db), createStore(other.db)];
      const delivery = (n: number) => ({
        platform: "slack" as const,
        workspace: "T1",
        key: `Ev${n}`,
        ordering: `U${n % 3}`,
        payload: { n },
        receivedAt: Date.parse("2026-12-02T03:00:00Z"),
      });
      const lease = "2026-12-02T03:10:00.000Z";
      const ids = Array.from({ length: 20 }, (_, n) => n);
      const results = await Promise.all([
        ...ids.map((n) => replicas[0]?.acceptDelivery(delivery(n), "a", lease)),
        ...ids.map((n) => replicas[1]?.acceptDelivery(delivery(19 - n), "b", lease)),
      ]);
      const accepted = results.filter((r) => r != null).map((r) => r?.key);
      expect(accepted.sort()).toEqual(ids.map((n) => `Ev${n}`).sort());
      expect(await replicas[0]?.countOpenDeliveries()).toBe(20);
    } finally {
      await other.close();
    }
  });
});
