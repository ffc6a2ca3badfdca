import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CorongError } from "../../src/app/errors.js";
import {
  createIntake,
  type DeliveryHandler,
  type DeliveryNotice,
  type Intake,
} from "../../src/app/intake.js";
import { silentLogger } from "../../src/app/logger.js";
import type { InboxItem, NewDelivery, Store } from "../../src/app/ports.js";
import { createStore } from "../../src/db/store.js";
import { DIALECTS, type TestDatabase } from "../support/databases.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function delivery(key: string, ordering = "T1:U1"): NewDelivery {
  return { platform: "slack", workspace: "T1", key, ordering, payload: { key }, receivedAt: Date.now() };
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("the condition never held");
    await sleep(20);
  }
}

describe.each(DIALECTS)("the delivery inbox on $name", (dialect) => {
  let database: TestDatabase;
  let store: Store;
  let intakes: Intake[];
  let handled: string[];
  let notices: Array<[string, DeliveryNotice]>;

  beforeEach(async () => {
    database = await dialect.create();
    store = createStore(database.connection.db);
    intakes = [];
    handled = [];
    notices = [];
  });
  afterEach(async () => {
    await Promise.all(intakes.map((i) => i.stop(0)));
    await database.drop();
  });

  function intake(
    process: (item: InboxItem) => Promise<void>,
    leaseMs = 400,
    clock: () => number = Date.now,
  ): Intake {
    const handler: DeliveryHandler = {
      process,
      notify: async (item, notice) => {
        notices.push([item.key, notice]);
      },
    };
    const created = createIntake({ store, logger: silentLogger, clock, leaseMs, sweepMs: 50 });
    created.handle("slack", handler);
    intakes.push(created);
    return created;
  }

  async function statusOf(key: string) {
    return database.connection.db
      .selectFrom("inbox")
      .select(["status", "attempts", "payload", "claimedBy"])
      .where("deliveryKey", "=", key)
      .executeTakeFirstOrThrow();
  }

  it("records a delivery once: the same one again is not taken", async () => {
    const a = intake(async (item) => void handled.push(item.key));
    a.start();
    const first = await a.accept(delivery("event:E1"));
    expect(first).not.toBeNull();
    expect(await a.accept(delivery("event:E1"))).toBeNull();
    if (first) await a.run(first);
    expect(handled).toEqual(["event:E1"]);
    // Done: the message text is not kept.
    expect(await statusOf("event:E1")).toMatchObject({ status: "done", payload: null });
  });

  it("leaves a live claim to its holder and takes it over once its lease ran out", async () => {
    // A process recorded the delivery and died: it never handles it, nor renews the lease. The clock is the
    // test's, so a slow machine cannot make the lease run out early.
    let now = Date.now();
    const clock = () => now;
    const dead = createIntake({ store, logger: silentLogger, clock, leaseMs: 600_000, sweepMs: 50 });
    await dead.accept(delivery("event:E2"));
    const alive = intake(async (item) => void handled.push(item.key), 400, clock);
    alive.start();
    // Several sweeps while the lease is live take nothing.
    await sleep(300);
    expect(handled).toEqual([]);
    now += 600_001;
    await until(() => handled.length === 1);
    expect(await statusOf("event:E2")).toMatchObject({ status: "done", attempts: 2 });
  });

  it("keeps renewing the lease of slow work, so nobody else takes it meanwhile", async () => {
    let release: () => void = () => {};
    const slow = new Promise<void>((resolve) => {
      release = resolve;
    });
    const a = intake(async (item) => {
      handled.push(`a:${item.key}`);
      await slow;
    }, 300);
    const b = intake(async (item) => void handled.push(`b:${item.key}`), 300);
    a.start();
    b.start();
    const item = await a.accept(delivery("event:E3"));
    if (!item) throw new Error("not recorded");
    const running = a.run(item);
    await sleep(1200);
    release();
    await running;
    expect(handled).toEqual(["a:event:E3"]);
    expect(await statusOf("event:E3")).toMatchObject({ status: "done", attempts: 1 });
  });

  it("retries while the database is unavailable, telling the sender once, and finishes when it is back", async () => {
    let fail = true;
    const a = intake(async (item) => {
      if (fail) throw new CorongError("unavailable", "database down");
      handled.push(item.key);
    });
    a.start();
    const item = await a.accept(delivery("event:E4"));
    if (!item) throw new Error("not recorded");
    await a.run(item);
    expect(await statusOf("event:E4")).toMatchObject({ status: "pending" });
    expect(notices).toEqual([["event:E4", "delayed"]]);
    fail = false;
    await until(() => handled.length === 1);
    expect(notices).toEqual([["event:E4", "delayed"]]);
    await until(async () => (await statusOf("event:E4")).status === "done");
  });

  it("gives up a delivery that keeps failing for another reason after five tries, and says so", async () => {
    const a = intake(async () => {
      throw new Error("a bug");
    });
    const item = await a.accept(delivery("event:E5"));
    if (!item) throw new Error("not recorded");
    a.start();
    await a.run(item);
    // Later tries come from the sweep as each backoff runs out (1 s, 2 s, 4 s, 8 s): shortcut them here.
    for (let attempt = 2; attempt <= 5; attempt++) {
      // The try before must be settled first: a row still being handled is not pending, and would miss the shortcut.
      await until(async () => {
        const row = await statusOf("event:E5");
        return row.status === "pending" && row.attempts === attempt - 1;
      });
      await database.connection.db
        .updateTable("inbox")
        .set({ dueAt: new Date(0).toISOString() })
        .where("deliveryKey", "=", "event:E5")
        .where("status", "=", "pending")
        .execute();
      await until(async () => (await statusOf("event:E5")).attempts === attempt);
    }
    await until(async () => (await statusOf("event:E5")).status === "failed");
    // The sender is told after the delivery is settled as failed, so the notice may trail the status.
    await until(() => notices.length > 0);
    expect(notices).toEqual([["event:E5", "lost"]]);
  });

  it("handles one person's deliveries in the order they arrived", async () => {
    const a = intake(async (item) => {
      if (item.key === "event:first") await sleep(200);
      handled.push(item.key);
    });
    a.start();
    const first = await a.accept(delivery("event:first"));
    const second = await a.accept(delivery("event:second"));
    if (!first || !second) throw new Error("not recorded");
    await Promise.all([a.run(first), a.run(second)]);
    expect(handled).toEqual(["event:first", "event:second"]);
  });

  it("on stop, parks what had not begun, due at once for the next process; work under way keeps its lease", async () => {
    const a = intake(() => new Promise<void>(() => {}));
    a.start();
    const stuck = await a.accept(delivery("event:stuck"));
    const waiting = await a.accept(delivery("event:waiting", "T1:U2"));
    const queued = await a.accept(delivery("event:queued"));
    if (!stuck || !waiting || !queued) throw new Error("not recorded");
    void a.run(stuck);
    // Behind the stuck one in its sender's order: it never began.
    void a.run(queued);
    expect(await a.stop(100)).toEqual({ finished: 0, parked: 1 });
    expect(await statusOf("event:queued")).toMatchObject({ status: "pending", claimedBy: "" });
    // Never run by this process at all (accepted, not yet handed to run): its lease is this process's.
    expect(await statusOf("event:waiting")).toMatchObject({ status: "processing" });
    const next = intake(async (item) => void handled.push(item.key));
    next.start();
    // The parked one at once; the stuck one (this process might still have answered it) once its lease ran out.
    await until(() => handled.includes("event:queued"));
    expect(handled).not.toContain("event:stuck");
    await until(() => handled.length === 3);
    expect(handled.sort()).toEqual(["event:queued", "event:stuck", "event:waiting"]);
  });

  it("refuses new deliveries once stopping, so the platform sends them again", async () => {
    const a = intake(async () => {});
    a.start();
    await a.stop(0);
    await expect(a.accept(delivery("event:late"))).rejects.toMatchObject({ code: "unavailable" });
  });
});
