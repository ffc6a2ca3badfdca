import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { groupCommit } from "../../src/db/group-commit.js";
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
    const write = groupCommit(database.connection.db, async (trx, key: string) => {
      transactions.add(trx);
      await trx.insertInto("sendPacing").values({ key, tatMs: 1 }).execute();
      return `stored ${key}`;
    });
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
    const write = groupCommit(database.connection.db, async (trx, key: string) => {
      await trx.insertInto("sendPacing").values({ key, tatMs: 1 }).execute();
      if (key === "bad") throw new Error("this one is refused");
      return key;
    });
    const outcomes = await Promise.allSettled(["a", "bad", "c"].map((key) => write(key)));
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(await stored()).toEqual(["a", "c"]);
  });
});
