import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createJobRunner } from "../../src/app/jobs.js";
import { silentLogger } from "../../src/app/logger.js";
import { NO_TELEMETRY, type Store, type Telemetry } from "../../src/app/ports.js";
import { type ChartRenderer, renderChart } from "../../src/charts/render-png.js";
import type { Member, Team } from "../../src/core/team.js";
import { connect } from "../../src/db/connect.js";
import { createStore } from "../../src/db/store.js";
import { recordingMessenger } from "../fakes/recording-messenger.js";
import { DIALECTS, type TestDatabase } from "../support/databases.js";
import { type JobsTeam, jobsTeam, jobsTeamIn } from "../support/jobs-team.js";

const jakarta = (local: string) => Date.parse(`${local}+07:00`);
// Wednesday 2 December 2026.
const WED = "2026-12-02";

describe.each(DIALECTS)("scheduled jobs on $name", (dialect) => {
  let database: TestDatabase;
  let store: Store;
  let team: Team;
  let reps: Record<"ayu" | "budi" | "citra", Member>;
  let out: ReturnType<typeof recordingMessenger>;

  const runner = (s: Store = store) =>
    createJobRunner({ store: s, logger: silentLogger, messengers: { slack: out.messenger } });

  let fixture: JobsTeam;
  const report = (member: Member, day: string, visits: number) => fixture.report(member, day, { visits });

  const sentTo = (kind: string) =>
    out.delivered
      .filter(
        (d) =>
          d.to === "direct" &&
          (kind === "nudge" ? d.text.includes("visits so far") : d.text.includes("isn't logged")),
      )
      .map((d) => d.name)
      .sort();

  beforeEach(async () => {
    database = await dialect.create();
    store = createStore(database.connection.db);
    fixture = await jobsTeam(store, "2026-11-30T00:00:00.000Z");
    ({ team, reps } = fixture);
    // These tests are about the daily jobs; the weekly coaching messages (the Wednesday alert among them) are
    // tested on their own below.
    team = await store.updateTeam(team.id, { alertDay: 7, recapDay: 7 });
    out = recordingMessenger();
  });
  afterEach(async () => {
    await database.drop();
  });

  it("after downtime sends a rep the reminder alone, not the nudge on top", async () => {
    await runner().runDue(jakarta(`${WED}T17:00:00`));
    expect(sentTo("nudge")).toEqual([]);
    expect(sentTo("reminder")).toEqual(["Ayu", "Budi", "Citra"]);
  });

  it("nudges reps below the visit quota at 13:00 with what is left, and nobody else", async () => {
    await report(reps.ayu, WED, 2);
    await report(reps.budi, WED, 5);
    await runner().runDue(jakarta(`${WED}T12:59:00`));
    expect(out.delivered).toEqual([]);
    await runner().runDue(jakarta(`${WED}T13:00:00`));
    expect(sentTo("nudge")).toEqual(["Ayu", "Citra"]);
    expect(out.delivered.find((d) => d.name === "Ayu")?.text).toContain(
      "2 of 5 visits so far today — 3 to go. You've got this 💪",
    );
    // Managers are not nudged; nor is anyone twice.
    await runner().runDue(jakarta(`${WED}T13:01:00`));
    expect(out.delivered).toHaveLength(2);
  });

  it("reminds at 16:00 only the reps who have not reported, in their language", async () => {
    await report(reps.ayu, WED, 1);
    await store.setMemberLocale(reps.citra.id, "id");
    const jobs = runner();
    await jobs.runDue(jakarta(`${WED}T13:00:00`));
    out.delivered.length = 0;
    await jobs.runDue(jakarta(`${WED}T16:00:00`));
    expect(sentTo("reminder")).toEqual(["Budi"]);
    expect(out.delivered.find((d) => d.name === "Citra")?.text).toBe(
      "Halo Citra 👋 aktivitas hari ini belum dicatat. Balas saja seperti: ketemu 3 klien, 2 follow up",
    );
    await jobs.runDue(jakarta(`${WED}T16:01:00`));
    expect(out.delivered).toHaveLength(2);
  });

  it("posts nothing twice after a restart", async () => {
    await runner().runDue(jakarta(`${WED}T13:00:00`));
    await runner().runDue(jakarta(`${WED}T16:00:00`));
    const before = out.delivered.length;
    expect(before).toBe(6); // a nudge and a reminder for each of three silent reps
    await runner().runDue(jakarta(`${WED}T16:05:00`));
    await runner().runDue(jakarta(`${WED}T23:59:00`));
    expect(out.delivered).toHaveLength(before);
  });

  it("retries a job whose claim was abandoned by a crash, after its lease runs out, once", async () => {
    // Another process claimed Budi's reminder at 16:00 and died before posting it.
    const crashedAt = jakarta(`${WED}T16:00:00`);
    await store.claimJob(
      { teamId: team.id, kind: "reminder", periodKey: WED, memberKey: String(reps.budi.id) },
      new Date(crashedAt).toISOString(),
      new Date(crashedAt + 10 * 60_000).toISOString(),
    );
    await runner().runDue(crashedAt);
    expect(sentTo("reminder")).toEqual(["Ayu", "Citra"]);
    await runner().runDue(jakarta(`${WED}T16:09:00`));
    expect(sentTo("reminder")).toEqual(["Ayu", "Citra"]);
    await runner().runDue(jakarta(`${WED}T16:11:00`));
    await runner().runDue(jakarta(`${WED}T16:12:00`));
    expect(sentTo("reminder")).toEqual(["Ayu", "Budi", "Citra"]);
  });

  it("posts once when two schedulers tick at the same moment on one database", async () => {
    const second = connect(database.url);
    try {
      const other = createStore(second.db);
      for (const now of [jakarta(`${WED}T13:00:00`), jakarta(`${WED}T16:00:00`)]) {
        await Promise.all([
          runner().runDue(now),
          runner(other).runDue(now),
          runner().runDue(now),
          runner(other).runDue(now),
        ]);
      }
      expect(sentTo("reminder")).toEqual(["Ayu", "Budi", "Citra"]);
      expect(sentTo("nudge")).toEqual(["Ayu", "Budi", "Citra"]);
    } finally {
      await second.close();
    }
  });

  it("rides out a storm of 429s: each message arrives once, on a later tick", async () => {
    const jobs = runner();
    out.failNext(2);
    const first = await jobs.runDue(jakarta(`${WED}T16:00:00`));
    expect(first.failed).toBe(2);
    expect(out.delivered).toHaveLength(1);
    // A failed send waits a minute before its retry, then goes out once.
    await jobs.runDue(jakarta(`${WED}T16:01:00`));
    expect(out.delivered).toHaveLength(1);
    await jobs.runDue(jakarta(`${WED}T16:02:00`));
    await jobs.runDue(jakarta(`${WED}T16:10:00`));
    expect(sentTo("reminder")).toEqual(["Ayu", "Budi", "Citra"]);
  });

  it("gives up on a rep who blocked the bot without holding up the others", async () => {
    out.blockedBy("Budi");
    const jobs = runner();
    const report = await jobs.runDue(jakarta(`${WED}T16:00:00`));
    expect(report.failed).toBe(0);
    expect(sentTo("reminder")).toEqual(["Ayu", "Citra"]);
    // Given up, not retried: the sweep is complete.
    expect(
      await store.isJobSettled({
        teamId: team.id,
        kind: "reminder",
        periodKey: WED,
        memberKey: String(reps.budi.id),
      }),
    ).toBe(true);
    expect(
      await store.isJobSettled({ teamId: team.id, kind: "reminder", periodKey: WED, memberKey: "*" }),
    ).toBe(true);
  });

  it("gives a failing job up after six tries spread over half an hour", async () => {
    out.failNext(1_000);
    const jobs = runner();
    const key = {
      teamId: team.id,
      kind: "reminder" as const,
      periodKey: WED,
      memberKey: String(reps.ayu.id),
    };
    for (let minute = 0; minute < 60; minute++) {
      await jobs.runDue(jakarta(`${WED}T16:00:00`) + minute * 60_000);
    }
    expect(await store.isJobSettled(key)).toBe(true);
    expect(out.delivered).toEqual([]);
  });

  it("keeps going for other teams when one team's platform keeps failing", async () => {
    const at = "2026-11-30T00:00:00.000Z";
    const telegramWorkspace = await store.ensureWorkspace("telegram", "700", "bot", at);
    const other = await store.createTeam(
      {
        workspaceId: telegramWorkspace,
        externalId: "-100",
        name: "Sales SBY",
        timezone: "Asia/Jakarta",
        locale: "id",
      },
      at,
    );
    const dewi = await store.ensureMember(telegramWorkspace, "42", "Dewi", at);
    await store.joinTeam(other.id, dewi.id, at);
    const healthy = recordingMessenger();
    const broken = recordingMessenger();
    broken.failNext(1_000);
    const jobs = createJobRunner({
      store,
      logger: silentLogger,
      messengers: { slack: broken.messenger, telegram: healthy.messenger },
    });
    const report = await jobs.runDue(jakarta(`${WED}T16:00:00`));
    expect(report.failed).toBe(3);
    expect(broken.delivered).toEqual([]);
    expect(healthy.delivered.map((d) => [d.name, d.text.slice(0, 12)])).toEqual([["Dewi", "Halo Dewi 👋"]]);
  });

  it("forgets ledger rows older than 60 days, once a day", async () => {
    const old = "2026-09-01T00:00:00.000Z";
    await store.claimJob(
      { teamId: team.id, kind: "reminder", periodKey: "2026-09-01", memberKey: "1" },
      old,
      old,
    );
    const delivery = (key: string) => ({
      platform: "slack" as const,
      workspace: "T1",
      key,
      ordering: "T1:U1",
      payload: {},
      receivedAt: Date.parse(old),
    });
    const handled = await store.acceptDelivery(delivery("event:EvOld"), "p", old);
    if (handled) await store.settleDelivery(handled, "p", { status: "done", at: old });
    // A delivery never handled is kept however old: it is still to be done.
    await store.acceptDelivery(delivery("event:EvOpen"), "p", old);
    await runner().runDue(jakarta(`${WED}T16:00:00`));
    const db = database.connection.db;
    expect(
      await db.selectFrom("jobRuns").select("id").where("periodKey", "=", "2026-09-01").execute(),
    ).toEqual([]);
    expect(await db.selectFrom("inbox").select("deliveryKey").execute()).toEqual([
      { deliveryKey: "event:EvOpen" },
    ]);
    // This week's ledger stays.
    expect((await db.selectFrom("jobRuns").select("id").execute()).length).toBeGreaterThan(0);
  });

  it("leaves out days off, weekends and holidays", async () => {
    await store.addDaysOff(team.id, reps.budi.id, [WED], "2026-12-01T00:00:00Z");
    await runner().runDue(jakarta(`${WED}T16:00:00`));
    expect(sentTo("reminder")).toEqual(["Ayu", "Citra"]);
    out.delivered.length = 0;
    await runner().runDue(jakarta("2026-12-05T16:00:00")); // Saturday
    await store.addTeamHoliday(team.id, "2026-12-03", "Company day");
    await runner().runDue(jakarta("2026-12-03T16:00:00"));
    await runner().runDue(jakarta("2026-12-25T16:00:00")); // Christmas, a public holiday in Indonesia
    expect(out.delivered).toEqual([]);
  });

  it("drops a reminder missed while down once its day is over, never sending it late", async () => {
    await runner().runDue(jakarta("2026-12-03T00:05:00"));
    expect(out.delivered).toEqual([]);
  });

  it("posts a digest missed while down once within 48 hours, and not after", async () => {
    const monday = jakarta("2026-12-07T08:00:00");
    await runner().runDue(monday + 50 * 3600_000);
    expect(out.delivered.filter((d) => d.to === "team")).toEqual([]);
    await runner().runDue(monday + 47 * 3600_000);
    await runner().runDue(monday + 47 * 3600_000 + 60_000);
    const [text, chart, ...more] = out.delivered.filter((d) => d.to === "team");
    expect(more).toEqual([]);
    expect(text?.text).toContain("📊 Monday digest · Sales JKT · week 49 (30 Nov – 6 Dec)");
    expect(chart?.chart?.png.subarray(1, 4).toString()).toBe("PNG");
  });

  it("never reposts the digest text when only its chart failed", async () => {
    const monday = jakarta("2026-12-07T08:00:00");
    const jobs = runner();
    const original = out.messenger.postChart;
    let chartFailures = 1;
    out.messenger.postChart = async (team, chart) => {
      if (chartFailures-- > 0) throw new Error("missing_scope: files:write");
      return original(team, chart);
    };
    await jobs.runDue(monday);
    await jobs.runDue(monday + 2 * 60_000);
    const posts = out.delivered.filter((d) => d.to === "team");
    expect(posts.map((p) => (p.chart ? "chart" : "text"))).toEqual(["text", "chart"]);
  });

  it("renders the digest's chart once, after winning its claim; a retry posts the same picture", async () => {
    const monday = jakarta("2026-12-07T08:00:00");
    let renders = 0;
    const counting: ChartRenderer = async (svg) => {
      renders += 1;
      return renderChart(svg);
    };
    const jobs = (s: Store = store) =>
      createJobRunner({
        store: s,
        logger: silentLogger,
        messengers: { slack: out.messenger },
        renderChart: counting,
      });

    // Another replica holds the digest's claim: this one builds and renders nothing, and posts nothing.
    const held = { teamId: team.id, kind: "digest" as const, periodKey: "2026-W49", memberKey: "" };
    await store.claimJob(held, new Date(monday).toISOString(), new Date(monday + 5 * 60_000).toISOString());
    await jobs().runDue(monday);
    await jobs().runDue(monday + 60_000);
    expect(renders).toBe(0);
    expect(out.delivered).toEqual([]);

    // Its lease runs out: this one takes over. The upload fails once; the retry posts the kept PNG.
    const original = out.messenger.postChart;
    let failures = 1;
    const tried: Uint8Array[] = [];
    out.messenger.postChart = async (t, chart) => {
      tried.push(chart.png);
      if (failures-- > 0) throw new Error("upload failed");
      return original(t, chart);
    };
    const runner = jobs();
    await runner.runDue(monday + 11 * 60_000);
    await runner.runDue(monday + 14 * 60_000);
    expect(out.delivered.filter((d) => d.to === "team").map((d) => (d.chart ? "chart" : "text"))).toEqual([
      "text",
      "chart",
    ]);
    expect(renders).toBe(1);
    expect(tried).toHaveLength(2);
    expect(Buffer.from(tried[1] ?? []).equals(Buffer.from(tried[0] ?? []))).toBe(true);
    expect(
      Buffer.from(tried[0] ?? [])
        .subarray(1, 4)
        .toString(),
    ).toBe("PNG");
  });

  it("sends a team set up during a week no digest of that week, unless someone reported in it", async () => {
    // The team was set up on Monday 30 November: the digest of week 48, due that morning, has nothing to say.
    const first = await runner().runDue(jakarta("2026-11-30T08:00:00"));
    await runner().runDue(jakarta("2026-11-30T09:00:00"));
    expect(out.delivered).toEqual([]);
    // Settled without a post, and not reported (or counted) as one.
    expect(first.sent).toEqual([]);
    await runner().runDue(jakarta("2026-12-07T08:00:00"));
    expect(out.delivered.filter((d) => d.to === "team")[0]?.text).toContain("week 49 (30 Nov – 6 Dec)");

    // A team whose rep booked a report to the week before setup gets that week's digest.
    const other = await createStore(database.connection.db);
    const second = await jobsTeamIn(other, "T2", "2026-11-30T00:00:00.000Z");
    await second.report(second.reps.ayu, "2026-11-27", { visits: 3 });
    out.delivered.length = 0;
    await runner().runDue(jakarta("2026-11-30T08:00:00"));
    const posts = out.delivered.filter((d) => d.to === "team" && d.teamId === second.team.id);
    expect(posts[0]?.text).toContain("week 48 (23 – 29 Nov)");
    expect(out.delivered.some((d) => d.teamId === team.id)).toBe(false);
  });

  it("looks only at teams whose next job has come, and picks up a changed time at once", async () => {
    const jobs = runner();
    await jobs.runDue(jakarta(`${WED}T13:00:00`));
    expect(sentTo("nudge")).toEqual(["Ayu", "Budi", "Citra"]);
    // Between the nudge and the reminder the team is not read at all: one query for the teams that are due.
    const calls: string[] = [];
    const counting = new Proxy(store, {
      get(target, name: keyof Store) {
        const value = target[name];
        return typeof value === "function"
          ? (...args: unknown[]) => {
              calls.push(String(name));
              return (value as (...a: unknown[]) => unknown).apply(target, args);
            }
          : value;
      },
    });
    const quiet = createJobRunner({
      store: counting,
      logger: silentLogger,
      messengers: { slack: out.messenger },
    });
    await quiet.runDue(jakarta(`${WED}T13:30:00`));
    await quiet.runDue(jakarta(`${WED}T14:30:00`));
    expect(calls.filter((c) => c !== "pruneLedgers")).toEqual([
      "listDueTeamsWithPlatform",
      "listDueTeamsWithPlatform",
    ]);

    // The manager moves the reminder to 15:00: it goes out at 15:00, not at the 16:00 worked out before.
    const stale = team;
    team = await store.updateTeam(team.id, { reminderTime: "15:00" });
    // A tick that read the team before the change cannot put the old time back.
    await store.setTeamsNextDue(
      [{ team: stale, nextDueAt: "2026-12-02T09:00:00.000Z" }],
      new Date(jakarta(`${WED}T14:40:00`)).toISOString(),
    );
    await jobs.runDue(jakarta(`${WED}T15:00:00`));
    expect(sentTo("reminder")).toEqual(["Ayu", "Budi", "Citra"]);
  });

  it("counts each scheduled message by how it went, for /metrics", async () => {
    const counted: string[] = [];
    const telemetry: Telemetry = {
      ...NO_TELEMETRY,
      jobRun: (kind, outcome) => counted.push(`${kind} ${outcome}`),
    };
    const jobs = createJobRunner({
      store,
      logger: silentLogger,
      messengers: { slack: out.messenger },
      telemetry,
    });
    out.failNext(1);
    await jobs.runDue(jakarta(`${WED}T13:00:00`));
    await jobs.runDue(jakarta(`${WED}T13:02:00`));
    expect(counted.sort()).toEqual(["nudge retry", "nudge sent", "nudge sent", "nudge sent"]);
  });
});
