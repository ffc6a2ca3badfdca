import { describe, expect, it } from "vitest";
import { silentLogger } from "../../src/app/logger.js";
import { createDatabaseHealth } from "../../src/http/health.js";
import { startHttpServer } from "../../src/http/server.js";

describe("health and readiness", () => {
  it("says whether the database answers, from the latest call or probe, without asking it", async () => {
    let up = false;
    const health = createDatabaseHealth(
      { probe: async () => (up ? undefined : Promise.reject(new Error("refused"))) },
      () => Date.parse("2026-12-02T03:00:00Z"),
    );
    health.start();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(health.health()).toEqual({ database: "unreachable", checkedAt: "2026-12-02T03:00:00.000Z" });
    up = true;
    health.record(true);
    expect(health.health().database).toBe("reachable");
    health.stop();
  });

  it("answers /healthz while the database is out, and /readyz 503 then or while stopping", async () => {
    let database: "reachable" | "unreachable" = "unreachable";
    let accepting = true;
    const server = await startHttpServer({
      port: 0,
      host: "127.0.0.1",
      routes: [{ method: "POST", path: "/slack/events", handle: (_req, res) => res.writeHead(200).end() }],
      logger: silentLogger,
      health: () => ({ database, checkedAt: null }),
      accepting: () => accepting,
    });
    const get = async (path: string) => {
      const response = await fetch(`http://127.0.0.1:${server.port}${path}`);
      return { status: response.status, body: await response.json() };
    };
    try {
      expect(await get("/healthz")).toEqual({
        status: 200,
        body: { ok: true, database: "unreachable", checkedAt: null },
      });
      expect((await get("/readyz")).status).toBe(503);
      database = "reachable";
      expect((await get("/readyz")).status).toBe(200);
      accepting = false;
      expect(await get("/readyz")).toMatchObject({ status: 503, body: { stopping: true } });
      const post = await fetch(`http://127.0.0.1:${server.port}/slack/events`, {
        method: "POST",
        body: "{}",
      });
      expect(post.status).toBe(503);
    } finally {
      await server.close();
    }
  });
});
