import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/app/logger.js";
import { loadConfig } from "../../src/config.js";
import { addDays, instantAt, localDateAt } from "../../src/core/calendar.js";
import { type Service, startService } from "../../src/main.js";
import { type FakeInstall, type FakeSlack, startFakeSlack } from "../fakes/slack-api.js";
import { DIALECTS, type TestDatabase } from "../support/databases.js";
import {
  commandRequest,
  eventRequest,
  postToSlackEndpoint,
  SIGNING_SECRET,
  slackFixture,
  slashCommand,
} from "../support/slack-client.js";
import { storedTotals } from "../support/totals.js";

const CLIENT_ID = "1234567890.0987654321";
const CLIENT_SECRET = "fake-client-secret-for-tests";
/** 32 bytes, base64: what `openssl rand -base64 32` prints. */
const ENCRYPTION_KEY = "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=";

const MAJU: FakeInstall = {
  teamId: "T0MAJU0001",
  teamName: "Toko Maju",
  botToken: "xoxb-maju-first-install",
  botUserId: "U0BOTMAJU1",
  installer: "U0MAJUBOSS",
};
const MAJU_AGAIN: FakeInstall = { ...MAJU, botToken: "xoxb-maju-second-install" };
const SURYA: FakeInstall = {
  teamId: "T0SURYA001",
  teamName: "Surya Abadi",
  botToken: "xoxb-surya-install",
  botUserId: "U0BOTSURYA",
  installer: "U0SURYABOS",
};
const MAJU_CHANNEL = "C0MAJUSALE";
const SURYA_CHANNEL = "C0SURYASAL";
const MAJU_REP = "U0MAJUREP1";
const SURYA_REP = "U0SURYARP1";

const SLACK_NOW = Math.floor(Date.now() / 1000) - 300;
let seq = 0;

describe.each(DIALECTS)("Installing Corong in several Slack workspaces on $name", (dialect) => {
  let database: TestDatabase;
  let service: Service;
  let fake: FakeSlack;
  let base: string;

  beforeEach(async () => {
    database = await dialect.create();
    fake = await startFakeSlack({
      users: {
        [MAJU.installer]: { name: "Budi", tz: "Asia/Jakarta" },
        [MAJU_REP]: { name: "Sari", tz: "Asia/Jakarta", locale: "id-ID" },
        [SURYA.installer]: { name: "Wati", tz: "Asia/Jakarta" },
        [SURYA_REP]: { name: "Joko", tz: "Asia/Jakarta" },
      },
      oauth: {
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        codes: { "code-maju": MAJU, "code-maju-again": MAJU_AGAIN, "code-surya": SURYA },
      },
    });
    const config = loadConfig({
      DATABASE_URL: database.url,
      PORT: "0",
      SLACK_CLIENT_ID: CLIENT_ID,
      SLACK_CLIENT_SECRET: CLIENT_SECRET,
      SLACK_STATE_SECRET: "a-long-random-state-secret-for-tests",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      CORONG_ENCRYPTION_KEY: ENCRYPTION_KEY,
      SLACK_API_URL: fake.apiUrl,
      PUBLIC_URL: "https://corong.example.com",
      LOG_LEVEL: "silent",
    });
    service = await startService(config, {
      logger: silentLogger,
      slackRetryConfig: { retries: 1, factor: 1, minTimeout: 10, maxTimeout: 20 },
    });
    base = `http://127.0.0.1:${service.port}`;
  });
  afterEach(async () => {
    await service.stop();
    await fake.close();
    await database.drop();
  });

  /** The installer's browser: opens the install page, "goes to Slack", and comes back with `code`. */
  async function install(code: string, language = "en") {
    const page = await fetch(`${base}/slack/install`, { headers: { "accept-language": language } });
    const html = await page.text();
    const cookie = (page.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const authorize = new URL(
      (/href="(https:\/\/slack\.com\/oauth\/v2\/authorize[^"]+)"/.exec(html)?.[1] ?? "").replaceAll(
        "&amp;",
        "&",
      ),
    );
    const state = authorize.searchParams.get("state") ?? "";
    const back = await fetch(`${base}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`, {
      headers: { cookie, "accept-language": language },
    });
    return { page, html, authorize, state, cookie, back, backHtml: await back.text() };
  }

  async function command(team: FakeInstall, channel: string, user: string, text: string) {
    seq += 1;
    const response = await postToSlackEndpoint(
      service.port,
      commandRequest(
        slashCommand({
          text,
          team_id: team.teamId,
          team_domain: team.teamName.toLowerCase().replace(" ", ""),
          channel_id: channel,
          channel_name: "sales",
          user_id: user,
          user_name: user.toLowerCase(),
          response_url: fake.responseUrl(`install-${seq}`),
        }),
      ),
    );
    expect(response.status).toBe(200);
    await fake.waitFor(() => fake.responses.some((r) => r.path.endsWith(`/respond/install-${seq}`)));
    return fake.responses.find((r) => r.path.endsWith(`/respond/install-${seq}`))?.body as { text: string };
  }

  function channelMessage(team: FakeInstall, channel: string, user: string, text: string) {
    seq += 1;
    const payload = slackFixture("message-channel.json");
    payload.team_id = team.teamId;
    payload.authorizations[0].team_id = team.teamId;
    payload.event.channel = channel;
    payload.event.user = user;
    payload.event.text = text;
    payload.event.ts = `${SLACK_NOW + seq}.000100`;
    payload.event.event_ts = payload.event.ts;
    payload.event_id = `EvInstall${seq}`;
    return payload;
  }

  async function send(payload: unknown) {
    expect((await postToSlackEndpoint(service.port, eventRequest(payload))).status).toBe(200);
    await expect.poll(() => service.store.countOpenDeliveries()).toBe(0);
  }

  async function visitsIn(channel: string): Promise<number> {
    const team = (await service.store.listTeams()).find((t) => t.externalId === channel);
    if (!team) return 0;
    return (
      await storedTotals(service.store, {
        teamId: team.id,
        range: { start: "2000-01-01", end: "2100-01-01" },
      })
    ).visits;
  }

  /** Runs the scheduler on the coming working days until something goes out; what went out, and with which token. */
  async function nextReminders() {
    const team = (await service.store.listTeams()).find((t) => t.externalId === MAJU_CHANNEL);
    if (!team) throw new Error("no team");
    const today = localDateAt(Date.now(), team.timezone);
    for (let day = 1; day <= 10; day++) {
      const before = fake.calls.length;
      const at = instantAt(addDays(today, day), team.reminderTime, team.timezone) + 60_000;
      const tick = await service.runJobs(at);
      if (tick.sent.length > 0) return { tick, at, calls: fake.calls.slice(before) };
    }
    return { tick: { sent: [], failed: 0 }, at: 0, calls: [] };
  }

  it("installs from the Add to Slack page, keeps the token sealed, and answers each workspace with its own token", async () => {
    const maju = await install("code-maju", "id-ID,id;q=0.9");
    expect(maju.page.status).toBe(200);
    expect(maju.html).toContain("Tambahkan ke Slack");
    expect(maju.authorize.searchParams.get("client_id")).toBe(CLIENT_ID);
    expect(maju.authorize.searchParams.get("scope")?.split(",")).toEqual(
      expect.arrayContaining(["commands", "chat:write", "files:write", "im:history"]),
    );
    expect(maju.authorize.searchParams.get("redirect_uri")).toBe(
      "https://corong.example.com/slack/oauth_redirect",
    );
    expect(maju.back.status).toBe(200);
    expect(maju.backHtml).toContain("Corong sudah terpasang");
    expect(maju.backHtml).toContain("Toko Maju");
    expect(fake.callsTo("auth.test").at(-1)?.token).toBe(MAJU.botToken);

    // At rest the token is sealed: the row names the workspace, and nothing in it reads as the token.
    const row = await service.store.findSlackInstallation(MAJU.teamId);
    expect(row?.teamId).toBe(MAJU.teamId);
    expect(row?.sealed).not.toContain(MAJU.botToken);
    expect(Buffer.from(row?.sealed ?? "", "utf8").toString("base64")).not.toContain(
      Buffer.from(MAJU.botToken).toString("base64"),
    );

    expect((await install("code-surya")).back.status).toBe(200);

    expect((await command(MAJU, MAJU_CHANNEL, MAJU.installer, "setup")).text).toContain("Corong");
    expect((await command(SURYA, SURYA_CHANNEL, SURYA.installer, "setup")).text).toContain("Corong");
    const before = fake.calls.length;
    await send(channelMessage(MAJU, MAJU_CHANNEL, MAJU_REP, "ketemu 4 klien, 2 follow up"));
    await send(channelMessage(SURYA, SURYA_CHANNEL, SURYA_REP, "met 3 clients"));
    expect(await visitsIn(MAJU_CHANNEL)).toBe(4);
    expect(await visitsIn(SURYA_CHANNEL)).toBe(3);
    const calls = fake.calls.slice(before);
    const majuCalls = calls.filter((c) => c.args.channel === MAJU_CHANNEL || c.args.user === MAJU_REP);
    const suryaCalls = calls.filter((c) => c.args.channel === SURYA_CHANNEL || c.args.user === SURYA_REP);
    expect(majuCalls.map((c) => c.method)).toContain("chat.postEphemeral");
    expect(suryaCalls.map((c) => c.method)).toContain("chat.postEphemeral");
    expect(new Set(majuCalls.map((c) => c.token))).toEqual(new Set([MAJU.botToken]));
    expect(new Set(suryaCalls.map((c) => c.token))).toEqual(new Set([SURYA.botToken]));
    // The rep's answer is in their Slack language.
    const answer = calls.find((c) => c.method === "chat.postEphemeral" && c.args.user === MAJU_REP);
    expect(String(answer?.args.text)).toMatch(/kunjungan/);

    // Scheduled messages go out with the workspace's own token too.
    const reminders = await nextReminders();
    expect(reminders.tick.sent.length).toBeGreaterThan(0);
    const majuPosts = reminders.calls.filter(
      (c) => c.method === "chat.postMessage" && c.args.channel === MAJU_REP,
    );
    expect(majuPosts.length).toBeGreaterThan(0);
    expect(new Set(majuPosts.map((c) => c.token))).toEqual(new Set([MAJU.botToken]));
    const suryaPosts = reminders.calls.filter((c) => c.args.channel === SURYA_REP);
    expect(new Set(suryaPosts.map((c) => c.token))).toEqual(new Set([SURYA.botToken]));
  });

  it("stops a workspace on app_uninstalled, ignores its later events, and resumes on reinstall", async () => {
    await install("code-maju");
    await install("code-surya");
    await command(MAJU, MAJU_CHANNEL, MAJU.installer, "setup");
    await command(SURYA, SURYA_CHANNEL, SURYA.installer, "setup");
    await send(channelMessage(MAJU, MAJU_CHANNEL, MAJU_REP, "met 2 clients"));
    expect(await visitsIn(MAJU_CHANNEL)).toBe(2);

    const uninstall = slackFixture("app-uninstalled.json");
    uninstall.team_id = MAJU.teamId;
    uninstall.event_time = Math.floor(Date.now() / 1000) + 1;
    fake.revoke(MAJU.botToken);
    await send(uninstall);
    expect(await service.store.findSlackInstallation(MAJU.teamId)).toBeNull();

    // A late event from the removed workspace: taken in, answered 200, and nothing stored or sent.
    const before = fake.calls.length;
    await send(channelMessage(MAJU, MAJU_CHANNEL, MAJU_REP, "met 5 clients"));
    expect(await visitsIn(MAJU_CHANNEL)).toBe(2);
    expect(fake.calls.slice(before)).toEqual([]);

    // Its scheduled messages stop; the other workspace's go on.
    const stopped = await nextReminders();
    expect(stopped.calls.filter((c) => c.token === MAJU.botToken)).toEqual([]);
    expect(stopped.calls.some((c) => c.token === SURYA.botToken)).toBe(true);
    expect(stopped.tick.failed).toBe(0);

    // Reinstalled: a new token, and the team carries on with its reports and schedule.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await install("code-maju-again")).back.status).toBe(200);
    // The old app_uninstalled handled late (a retry after a failed attempt) leaves the new installation be.
    await send({ ...uninstall, event_id: "Ev0APPUNINST-retry" });
    expect(await service.store.findSlackInstallation(MAJU.teamId)).not.toBeNull();
    const sinceReinstall = fake.calls.length;
    await send(channelMessage(MAJU, MAJU_CHANNEL, MAJU_REP, "met 1 client"));
    expect(await visitsIn(MAJU_CHANNEL)).toBe(3);
    const answered = fake.calls.slice(sinceReinstall).filter((c) => c.method === "chat.postEphemeral");
    expect(answered.map((c) => c.token)).toEqual([MAJU_AGAIN.botToken]);
    const resumed = await nextReminders();
    expect(resumed.calls.some((c) => c.token === MAJU_AGAIN.botToken && c.args.channel === MAJU_REP)).toBe(
      true,
    );
  });

  it("forgets the token when Slack says the bot token was revoked", async () => {
    await install("code-maju");
    const revoked = slackFixture("tokens-revoked.json");
    revoked.team_id = MAJU.teamId;
    revoked.event_time = Math.floor(Date.now() / 1000) + 1;
    await send(revoked);
    expect(await service.store.findSlackInstallation(MAJU.teamId)).toBeNull();
  });

  it("refuses a callback whose state was tampered with, or that comes back in another browser, and stores nothing", async () => {
    const page = await fetch(`${base}/slack/install`);
    const cookie = (page.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const state = /state=([^&"]+)/.exec(await page.text())?.[1] ?? "";
    const tampered = `${decodeURIComponent(state).slice(0, -4)}AAAA`;

    const forged = await fetch(
      `${base}/slack/oauth_redirect?code=code-maju&state=${encodeURIComponent(tampered)}`,
      {
        headers: { cookie: cookie.replace(/=.*/, `=${tampered}`) },
      },
    );
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain("Corong was not installed");

    const otherBrowser = await fetch(`${base}/slack/oauth_redirect?code=code-maju&state=${state}`);
    expect(otherBrowser.status).toBe(400);
    expect(await otherBrowser.text()).toContain("expired or was opened in another browser");

    expect(fake.callsTo("oauth.v2.access")).toEqual([]);
    expect(await service.store.findSlackInstallation(MAJU.teamId)).toBeNull();

    // Cancelled in Slack: the installer is told so.
    const cancelled = await fetch(`${base}/slack/oauth_redirect?error=access_denied&state=${state}`, {
      headers: { cookie },
    });
    expect(await cancelled.text()).toContain("cancelled");

    // And an unknown workspace's event is simply not ours: acknowledged, nothing sent or stored.
    await send(channelMessage(MAJU, MAJU_CHANNEL, MAJU_REP, "met 5 clients"));
    expect(await service.store.listTeams()).toEqual([]);
    expect(fake.calls.filter((c) => c.method !== "oauth.v2.access")).toEqual([]);
  });

  it("shows the install pages with the dashboard's security headers", async () => {
    const page = await fetch(`${base}/slack/install`);
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
    expect(page.headers.get("set-cookie")).toMatch(/slack-app-oauth-state=.*HttpOnly/i);
    const done = await install("code-maju");
    expect(done.back.headers.get("referrer-policy")).toBe("no-referrer");
    expect(done.backHtml).not.toContain(MAJU.botToken);
  });
});
