import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { connect } from "../../src/db/connect.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import { createStore } from "../../src/db/store.js";
import { type FakeSlack, startFakeSlack } from "../fakes/slack-api.js";
import { runCli } from "../support/cli.js";
import { get, signIn, startDashboard, visibleText } from "../support/dashboard-client.js";
import { readCsv } from "../support/read-csv.js";
import { SIGNING_SECRET } from "../support/slack-client.js";

describe("corong jobs run, corong digest and corong export", () => {
  let dir: string;
  let env: Record<string, string>;
  let fake: FakeSlack;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "corong-jobs-"));
    fake = await startFakeSlack();
    const url = `sqlite:${join(dir, "corong.db")}`;
    env = {
      DATABASE_URL: url,
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      LOG_LEVEL: "silent",
    };
    const connection = connect(url);
    await migrateToLatest(connection);
    const store = createStore(connection.db);
    const at = "2026-11-30T00:00:00.000Z";
    const workspaceId = await store.ensureWorkspace("slack", "T1", "Acme", at);
    const team = await store.createTeam(
      { workspaceId, externalId: "C0SALES", name: "Sales JKT", timezone: "Asia/Jakarta", locale: "en" },
      at,
    );
    for (const [id, name] of [
      ["U1", "Ayu"],
      ["U2", "Budi"],
    ] as const) {
      const member = await store.ensureMember(workspaceId, id, name, at);
      await store.joinTeam(team.id, member.id, at);
    }
    const ayu = await store.ensureMember(workspaceId, "U1", "Ayu", at);
    await store.saveReport({
      workspaceId,
      teamId: team.id,
      memberId: ayu.id,
      day: "2026-11-27",
      counts: { visits: 6, followUps: 3, leads: 10, prospects: 5, potential: 3, closeable: 1, closed: 1 },
      sourceText: "met 6 clients",
      messageId: null,
      at,
    });
    await connection.close();
  });
  afterEach(async () => {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("runs one tick at the given instant and posts through Slack; ticks at once still post each job once", async () => {
    const monday4pm = "2026-11-30T16:00:00+07:00";
    const runs = await Promise.all([1, 2, 3].map(() => runCli(["jobs", "run", "--now", monday4pm], { env })));
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
    const posts = fake.callsTo("chat.postMessage");
    const to = (channel: string) =>
      posts.filter((p) => p.args.channel === channel).map((p) => String(p.args.text));
    // Monday 16:00: the digest for week 48, and a reminder for each rep who has not reported today (the 13:00
    // nudge has nothing to add by now).
    expect(to("C0SALES")).toHaveLength(1);
    expect(to("C0SALES")[0]).toContain("📊 Monday digest · Sales JKT · week 48 (23 – 29 Nov)");
    expect(to("U1")).toEqual([expect.stringContaining("Hi Ayu 👋")]);
    expect(to("U2")).toEqual([expect.stringContaining("Hi Budi 👋")]);
    expect(fake.uploads.filter((u) => u.png)).toHaveLength(1);
    const again = await runCli(["jobs", "run", "--now", "2026-11-30T16:30:00+07:00"], { env });
    expect(again.stdout).toContain("0 sent, 0 failed");
  });

  it("prints a digest and writes its chart without posting anything", async () => {
    const png = join(dir, "chart.png");
    const { code, stdout } = await runCli(
      ["digest", "--team", "C0SALES", "--week", "2026-W48", "--png", png],
      { env },
    );
    expect(code).toBe(0);
    expect(stdout).toContain("📊 Monday digest · Sales JKT · week 48 (23 – 29 Nov)");
    expect(stdout).toContain("Funnel: 10 : 5 : 3 : 1 vs 10 : 5 : 3 : 1");
    expect(stdout).toContain("✅ On benchmark");
    expect(readFileSync(png).subarray(1, 4).toString()).toBe("PNG");
    expect(fake.callsTo("chat.postMessage")).toHaveLength(0);
  });

  it("says which teams exist when the team is unknown", async () => {
    const { code, stderr } = await runCli(["digest", "--team", "nope"], { env });
    expect(code).toBe(1);
    expect(stderr).toContain('No team "nope". Teams: 1 (Sales JKT)');
  });

  it("writes the team's reports as CSV to stdout, and each rep's weeks", async () => {
    const reports = await runCli(
      ["export", "--team", "C0SALES", "--from", "2026-11-23", "--to", "2026-11-29"],
      {
        env,
      },
    );
    expect(reports.code).toBe(0);
    expect(reports.stdout.startsWith("\uFEFFday,rep,visits,follow_ups,")).toBe(true);
    expect(readCsv(reports.stdout)[1]).toEqual([
      "2026-11-27",
      "Ayu",
      "6",
      "3",
      "",
      "",
      "",
      "10",
      "5",
      "3",
      "1",
      "1",
      "met 6 clients",
      "slack",
      "2026-11-30T00:00:00.000Z",
      "",
    ]);
    const weeks = await runCli(
      ["export", "--team", "1", "--from", "2026-11-23", "--to", "2026-11-29", "--per", "week"],
      { env },
    );
    expect(readCsv(weeks.stdout).map((row) => row.slice(0, 4))).toEqual([
      ["from", "to", "rep", "visits"],
      ["2026-11-23", "2026-11-29", "Ayu", "6"],
      ["2026-11-23", "2026-11-29", "Budi", "0"],
    ]);
  });

  it("refuses an export it cannot make with one line, and writes nothing", async () => {
    for (const [args, message] of [
      [["--team", "C0SALES", "--from", "2026-12-01"], "--from and --to must be dates like 2026-12-01"],
      [["--team", "C0SALES", "--from", "2026-12-02", "--to", "2026-12-01"], "--from must not be after --to"],
      [
        ["--team", "C0SALES", "--from", "2025-01-01", "--to", "2026-12-01"],
        "one export covers at most 366 days",
      ],
      [
        ["--team", "C0SALES", "--from", "2026-12-01", "--to", "2026-12-01", "--per", "month"],
        "--per must be",
      ],
    ] as const) {
      const { code, stdout, stderr } = await runCli(["export", ...args], { env });
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toContain(message);
    }
  });

  it("mints a one-time dashboard link an operator can hand on, at PUBLIC_URL", async () => {
    const none = await runCli(["login-link", "--team", "C0SALES"], { env });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("Sales JKT has no manager yet; pass --member PLATFORM_USER_ID");
    expect((await runCli(["login-link", "--team", "C0SALES", "--member", "U9"], { env })).stderr).toContain(
      'No member "U9" on Sales JKT. Members: U1 (Ayu, rep), U2 (Budi, rep)',
    );

    const minted = await runCli(["login-link", "--team", "C0SALES", "--member", "U1"], {
      env: { ...env, PUBLIC_URL: "https://corong.example.com/" },
    });
    expect(minted.code).toBe(0);
    const link = minted.stdout.trim().split("\n").at(-1) ?? "";
    expect(link).toMatch(/^https:\/\/corong\.example\.com\/dashboard\/login\/[0-9a-f]{64}$/);

    // Opened (here on loopback, as the proxy would forward it), it signs Ayu in to her own figures.
    const connection = connect(env.DATABASE_URL ?? "");
    const web = await startDashboard(createStore(connection.db), Date.now);
    try {
      const session = await signIn(`${web.base}/dashboard/login/${link.split("/").pop()}`);
      const home = await get(`${web.base}/dashboard`, session);
      expect(home.status).toBe(303);
      const page = await get(`${web.base}${home.location}`, session);
      expect(visibleText(page.text)).toContain("Ayu ·");
    } finally {
      await web.close();
      await connection.close();
    }
  });
});
