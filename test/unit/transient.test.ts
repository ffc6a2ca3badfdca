import { describe, expect, it } from "vitest";
import { CorongError } from "../../src/app/errors.js";
import { isTransientDatabaseError, retryTransient } from "../../src/db/transient.js";

const coded = (code: string, message = code) => Object.assign(new Error(message), { code });

describe("transient database errors", () => {
  it.each([
    ["a locked SQLite file", coded("SQLITE_BUSY")],
    ["a stale SQLite snapshot", coded("SQLITE_BUSY_SNAPSHOT")],
    ["a terminated backend", coded("57P01", "terminating connection due to administrator command")],
    ["a server starting up", coded("57P03")],
    ["a serialization failure", coded("40001")],
    ["a lock timeout", coded("55P03")],
    ["a connection failure", coded("08006")],
    ["a refused connection", coded("ECONNREFUSED")],
    ["a dropped connection", new Error("Connection terminated unexpectedly")],
    ["a wrapped one", new Error("query failed", { cause: coded("ECONNRESET") })],
  ])("retries %s", (_name, error) => {
    expect(isTransientDatabaseError(error)).toBe(true);
  });

  it.each([
    ["a unique violation", coded("23505")],
    ["a syntax error", coded("42601")],
    ["a missing table", coded("SQLITE_ERROR", "no such table: x")],
    ["a bug", new TypeError("x is undefined")],
  ])("does not retry %s", (_name, error) => {
    expect(isTransientDatabaseError(error)).toBe(false);
  });

  it("gives up on an attempt still hanging at the end of the budget when each attempt is bounded", async () => {
    // A pool waiting for a connection that never comes: without the bound this would wait as long as the pool.
    const hanging = () => new Promise<string>(() => {});
    await expect(retryTransient(hanging, { budgetMs: 50, boundEachAttempt: true })).rejects.toMatchObject({
      code: "unavailable",
    });
  });

  it("retries a client-side query timeout", () => {
    expect(isTransientDatabaseError(new Error("Query read timeout"))).toBe(true);
  });

  it("tries again until the work succeeds", async () => {
    let calls = 0;
    const result = await retryTransient(
      async () => {
        calls++;
        if (calls < 3) throw coded("SQLITE_BUSY");
        return "saved";
      },
      { budgetMs: 2000 },
    );
    expect(result).toBe("saved");
    expect(calls).toBe(3);
  });

  it("gives up with CorongError('unavailable') once the budget is spent", async () => {
    const started = Date.now();
    const attempt = retryTransient(
      async () => {
        throw coded("57P01");
      },
      { budgetMs: 300 },
    );
    await expect(attempt).rejects.toBeInstanceOf(CorongError);
    await expect(attempt).rejects.toMatchObject({ code: "unavailable" });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("passes any other error through at once", async () => {
    let calls = 0;
    const attempt = retryTransient(
      async () => {
        calls++;
        throw coded("23505");
      },
      { budgetMs: 2000 },
    );
    await expect(attempt).rejects.toMatchObject({ code: "23505" });
    expect(calls).toBe(1);
  });
});
