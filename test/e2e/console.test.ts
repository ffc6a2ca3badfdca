import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BIN, runCli } from "../support/cli.js";
import { get, linkIn, signIn, visibleText } from "../support/dashboard-client.js";

describe("the console chat (corong start with piped stdin)", () => {
  let dir: string;
  let env: Record<string, string>;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "corong-console-"));
    // Port 0: each run's dashboard on a port of its own, so runs never collide.
    env = { DATABASE_URL: `sqlite:${join(dir, "data", "corong.db")}`, PORT: "0" };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("confirms a report and shows today's totals", async () => {
    const { code, stdout, stderr } = await runCli(["start"], {
      env,
      stdin: "met 4 clients, 2 follow-ups\n/sales today\n",
    });
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("✅ Logged for today: 4 visits · 2 follow-ups");
    expect(stdout).toMatch(/Today · \w{3} \d{1,2} \w{3}\nVisits 4\/5 · follow-ups 2\/3/);
  });

  it("answers Indonesian in Indonesian", async () => {
    const { stdout } = await runCli(["start"], { env, stdin: "ketemu 4 klien, 2 follow up\n" });
    expect(stdout).toContain("✅ Tercatat untuk hari ini: 4 kunjungan · 2 follow up");
  });

  it("seeds the demo team once so the funnel shows real numbers at once", async () => {
    const first = await runCli(["start"], { env, stdin: "/sales funnel 4w\n" });
    expect(first.stdout).toMatch(/Sales Demo · last 4 weeks/);
    expect(first.stdout).toMatch(/Leads \d+ → Prospects \d+ → Potential \d+ → Closeable \d+ → Closed \d+/);
    expect(first.stdout).not.toMatch(/NaN|Infinity/);
    const second = await runCli(["start"], { env, stdin: "/sales funnel 4w\n" });
    // Seeding twice would double every stage count.
    expect(second.stdout).toBe(first.stdout);
  });

  it("refuses a rep's manager command, and lets a manager use it", async () => {
    const rep = await runCli(["start"], { env, stdin: "/sales quota visits 6\n" });
    expect(rep.stdout).toContain("Only a team manager can change quotas");
    const manager = await runCli(["start", "--manager"], {
      env,
      stdin: "/sales quota visits 6\nmet 2 clients\n",
    });
    expect(manager.stdout).toContain("Daily quota set: 6 visits");
    expect(manager.stdout).toContain("visits 2/6");
  });

  it("stops with one readable line per bad environment variable", async () => {
    const { code, stderr } = await runCli(["start"], {
      env: { DATABASE_URL: "mysql://nope", PORT: "seventy", DEFAULT_TIMEZONE: "Mars/Olympus" },
    });
    expect(code).toBe(1);
    expect(stderr).toContain("DATABASE_URL: must be sqlite:PATH or postgres://");
    expect(stderr).toContain("PORT:");
    expect(stderr).toContain("DEFAULT_TIMEZONE: must be an IANA time zone");
  });

  it("prints a dashboard link that opens the demo team's pages while the chat runs", async () => {
    const child = spawn(process.execPath, [BIN, "start", "--manager"], {
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    const closed = new Promise((resolve) => child.on("close", resolve));
    try {
      child.stdin.write("dashboard\n");
      for (let i = 0; i < 200 && !/login\/\S+/.test(stdout); i++) await new Promise((r) => setTimeout(r, 50));
      expect(stdout).toContain("The Sales Demo dashboard: http://localhost:");
      const session = await signIn(linkIn(stdout));
      const base = new URL(linkIn(stdout)).origin;
      const page = await get(`${base}/dashboard`, session);
      expect(page.status).toBe(200);
      expect(visibleText(page.text)).toMatch(/Sales Demo · \d+ \w+ – \d+ \w+ Team: \d+\/\d+ visits/);
    } finally {
      child.stdin.end();
      await closed;
    }
  });

  it("says so and exits non-zero when started with no platform and nothing to read (a bare container)", async () => {
    const child = spawn(process.execPath, [BIN, "start"], {
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const code = await new Promise((resolve) => child.on("close", resolve));
    expect(code).toBe(1);
    expect(stderr.trim().split("\n")).toEqual([
      "No platform configured (set SLACK_BOT_TOKEN or TELEGRAM_BOT_TOKEN) and no terminal for the console chat; exiting.",
    ]);
  });
});
