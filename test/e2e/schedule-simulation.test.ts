import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/app/logger.js";
import { loadConfig } from "../../src/config.js";
import type { Member, Team } from "../../src/core/team.js";
import { type Service, startService } from "../../src/main.js";
import { type FakeSlack, startFakeSlack } from "../fakes/slack-api.js";
import { BOT_TOKEN, FAKE_BOT, type FakeTelegram, startFakeTelegram } from "../fakes/telegram-api.js";
import { DIALECTS, type TestDatabase } from "../support/databases.js";
import { SIGNING_SECRET } from "../support/slack-client.js";

const MINUTE = 60_000;
const START = Date.parse("2026-10-19T00:00:00Z"); // a Monday, a week before Berlin leaves summer time
const END = Date.parse("2026-11-03T00:00:00Z"); // past New York's change on 1 November

/**
 * The independent oracle: UTC offsets written out by hand (not computed by the code under test), the team's
 * working days, and who is expected to be reminded when.
 */
const TEAMS = {
  // The holiday is a Wednesday: no alert that week.
  jakarta: { zone: "Asia/Jakarta", offset: () => 7, holiday: "2026-10-28", quietOff: [] as string[] },
  berlin: {
    zone: "Europe/Berlin",
    offset: (day: string) => (day < "2026-10-25" ? 2 : 1),
    holiday: null,
    // A Thursday, and a Friday: no recap for the quiet rep on the day they are off.
    quietOff: ["2026-10-22", "2026-10-30"] as string[],
  },
  newYork: {
    zone: "America/New_York",
    offset: (day: string) => (day < "2026-11-01" ? -4 : -5),
    holiday: null,
    quietOff: [] as string[],
  },
} as const;
type TeamName = keyof typeof TEAMS;

function utc(day: string, hour: number, offset: number): number {
  return Date.parse(`${day}T00:00:00Z`) + (hour - offset) * 3600_000;
}

function expectedMessages(): string[] {
  const expected: string[] = [];
  for (const [name, team] of Object.entries(TEAMS) as Array<[TeamName, (typeof TEAMS)[TeamName]]>) {
    for (let t = START - 2 * 86_400_000; t < END + 2 * 86_400_000; t += 86_400_000) {
      const day = new Date(t).toISOString().slice(0, 10);
      const weekday = new Date(t).getUTCDay(); // 0 = Sunday
      const offset = team.offset(day);
      const push = (at: number, what: string) => {
        if (at >= START && at < END) expected.push(`${new Date(at).toISOString()} ${name} ${what}`);
      };
      // The teams are set up at START: a team whose local clock already read Monday then has no week behind it
      // to sum up (Jakarta, Berlin); New York was still on Sunday evening, so its first Monday has a digest.
      const setUpOn = new Date(START + team.offset(day) * 3600_000).toISOString().slice(0, 10);
      const weekEnded = new Date(t - 86_400_000).toISOString().slice(0, 10);
      if (weekday === 1 && setUpOn <= weekEnded) push(utc(day, 8, offset), "digest");
      if (weekday === 0 || weekday === 6 || day === team.holiday) continue;
      // Wednesday noon: the quiet rep is behind the week's pace, so the manager hears of it.
      if (weekday === 3) push(utc(day, 12, offset), "alert manager");
      // Tuesday at the nudge time: the steady rep met existing clients but asked none for a referral.
      if (weekday === 2) push(utc(day, 13, offset), "referral steady");
      if (weekday === 5) push(utc(day, 15, offset), "recap steady");
      if (team.quietOff.includes(day)) continue;
      if (weekday === 5) push(utc(day, 15, offset), "recap quiet");
      push(utc(day, 13, offset), "nudge quiet");
      push(utc(day, 16, offset), "reminder quiet");
    }
  }
  return expected.sort();
}

describe.each(DIALECTS)("two weeks of scheduler ticks, minute by minute, on $name", (dialect) => {
  let database: TestDatabase;
  let service: Service;
  let slack: FakeSlack;
  let telegram: FakeTelegram;
  const teams = {} as Record<
    TeamName,
    { team: Team; steady: Member; quiet: Member; manager: Member; channel: string }
  >;
  const seen: string[] = [];
  // The service's clock is the simulation's: rate limits are kept in simulated time too.
  let simulatedNow = START;

  beforeAll(async () => {
    database = await dialect.create();
    slack = await startFakeSlack();
    telegram = await startFakeTelegram();
    const config = loadConfig({
      DATABASE_URL: database.url,
      PORT: "0",
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      TELEGRAM_BOT_TOKEN: BOT_TOKEN,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      LOG_LEVEL: "silent",
    });
    // Slack and Telegram in one process, driven by the test's clock instead of node-cron.
    service = await startService(config, {
      clock: () => simulatedNow,
      logger: silentLogger,
      schedule: false,
      slackRetryConfig: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 50 },
    });
    const store = service.store;
    const at = new Date(START).toISOString();
    const slackWorkspace = await store.ensureWorkspace("slack", "T1", "Acme", at);
    const telegramWorkspace = await store.ensureWorkspace("telegram", String(FAKE_BOT.id), "corong_bot", at);
    const setUp = async (name: TeamName, workspaceId: number, channel: string, ids: [string, string]) => {
      const team = await store.createTeam(
        { workspaceId, externalId: channel, name, timezone: TEAMS[name].zone, locale: "en" },
        at,
      );
      const manager = await store.ensureMember(workspaceId, `${ids[0]}0`, "Manager", at);
      await store.setRole(team.id, manager.id, "manager", at);
      const steady = await store.ensureMember(workspaceId, ids[0], `${name} steady`, at);
      const quiet = await store.ensureMember(workspaceId, ids[1], `${name} quiet`, at);
      await store.joinTeam(team.id, steady.id, at);
      await store.joinTeam(team.id, quiet.id, at);
      const holiday = TEAMS[name].holiday;
      if (holiday) await store.addTeamHoliday(team.id, holiday, "Company day");
      const off = TEAMS[name].quietOff;
      if (off.length > 0) await store.addDaysOff(team.id, quiet.id, off, at);
      teams[name] = { team, steady, quiet, manager, channel };
    };
    await setUp("jakarta", slackWorkspace, "C0JAKARTA", ["U0STEADYJ", "U0QUIETJ"]);
    await setUp("berlin", slackWorkspace, "C0BERLIN", ["U0STEADYB", "U0QUIETB"]);
    await setUp("newYork", telegramWorkspace, "-1001111111111", ["5550001", "5550002"]);
  });

  afterAll(async () => {
    await service?.stop();
    await slack?.close();
    await telegram?.close();
    await database?.drop();
  });

  /** What went out since the last look, named by team, recipient and kind. */
  function collect(at: number, slackFrom: number, telegramFrom: number) {
    const whoIs = (chat: string) => {
      for (const [name, t] of Object.entries(teams)) {
        if (chat === t.channel) return `${name}`;
        if (chat === t.quiet.externalId) return `${name} quiet`;
        if (chat === t.steady.externalId) return `${name} steady`;
        if (chat === t.manager.externalId) return `${name} manager`;
      }
      return `unknown ${chat}`;
    };
    const KINDS: Array<[string, string]> = [
      ["Monday digest", "digest"],
      ["a hand this week", "alert"],
      ["Your week", "recap"],
      ["for a referral", "referral"],
      ["visits so far today", "nudge"],
      ["isn't logged", "reminder"],
    ];
    const kind = (text: string) => KINDS.find(([marker]) => text.includes(marker))?.[1] ?? "other";
    const out = [
      ...slack.calls
        .slice(slackFrom)
        .filter((c) => c.method === "chat.postMessage")
        .map((c) => [String(c.args.channel), String(c.args.text)]),
      ...telegram.calls
        .slice(telegramFrom)
        .filter((c) => c.method === "sendMessage")
        .map((c) => [String(c.args.chat_id), String(c.args.text)]),
    ];
    for (const [chat, text] of out) {
      const who = whoIs(chat ?? "");
      const [team, person] = who.split(" ");
      seen.push(`${new Date(at).toISOString()} ${team} ${kind(text ?? "")}${person ? ` ${person}` : ""}`);
    }
  }

  it("posts exactly the expected reminders, nudges, digests, alerts, recaps and referral nudges at the right local times, across DST", async () => {
    for (let now = START; now < END; now += MINUTE) {
      simulatedNow = now;
      // The steady rep of each team reports five visits at 09:00 local on every working day, two of them with
      // existing clients (and never asks for a referral).
      for (const [name, t] of Object.entries(teams) as Array<[TeamName, (typeof teams)[TeamName]]>) {
        const local = new Date(now + TEAMS[name].offset(new Date(now).toISOString().slice(0, 10)) * 3600_000);
        const weekday = local.getUTCDay();
        if (local.getUTCHours() === 9 && local.getUTCMinutes() === 0 && weekday >= 1 && weekday <= 5) {
          const reply = await service.bot.handle({
            platform: name === "newYork" ? "telegram" : "slack",
            workspace: { externalId: name === "newYork" ? String(FAKE_BOT.id) : "T1" },
            team: { externalId: t.channel },
            user: { externalId: t.steady.externalId, displayName: t.steady.displayName },
            text: "met 5 clients, 3 follow-ups, 2 existing clients",
            via: "command",
            receivedAt: now,
          });
          expect(reply.tone).toBe("success");
        }
      }
      const slackFrom = slack.calls.length;
      const telegramFrom = telegram.calls.length;
      const report = await service.runJobs(now);
      expect(report.failed).toBe(0);
      collect(now, slackFrom, telegramFrom);
    }
    expect(seen.sort()).toEqual(expectedMessages());
    // Each digest came with its chart: a PNG upload to the Slack channel, a photo to the Telegram group.
    // Slack: Jakarta and Berlin on the two Mondays after they were set up.
    expect(slack.uploads.filter((u) => u.png)).toHaveLength(4);
    expect(telegram.callsTo("sendPhoto")).toHaveLength(3);
  }, 240_000);

  it("names the right week and numbers in the digest", () => {
    const digests = slack.calls.filter(
      (c) => c.method === "chat.postMessage" && c.args.channel === "C0JAKARTA",
    );
    const lastWeek = String(digests.at(-1)?.args.text);
    expect(lastWeek).toContain("📊 Monday digest · jakarta · week 44 (26 Oct – 1 Nov)");
    // 28 October was a team holiday, so four working days were expected of each rep.
    // The steady rep also worked on the holiday: those visits count, the attendance line stays 4 of 4 days.
    expect(lastWeek).toMatch(/jakarta steady\s+25\/20\s+15\s+4\/4/);
    expect(lastWeek).toMatch(/jakarta quiet\s+0\/20\s+0\s+0\/4/);
  });
});
