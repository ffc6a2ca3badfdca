import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { teamHolidays } from "../../src/app/holidays.js";
import type { Service } from "../../src/main.js";
import type { FakeSlack } from "../fakes/slack-api.js";
import { get, linkIn, signIn, visibleText } from "../support/dashboard-client.js";
import { DIALECTS, type TestDatabase } from "../support/databases.js";
import {
  commandRequest,
  eventRequest,
  freshTriggerId,
  postToSlackEndpoint,
  slackFixture,
  slashCommand,
} from "../support/slack-client.js";
import { AYU, CHANNEL, EKO, MAYA, startSlackService } from "../support/slack-service.js";
import { storedTotals } from "../support/totals.js";

/** A message ts of a few minutes ago, as Slack would stamp a message written now. */
const SLACK_NOW = Math.floor(Date.now() / 1000) - 300;
const ts = (n: number) => `${SLACK_NOW + n}.000100`;

describe.each(DIALECTS)("Slack end to end on $name", (dialect) => {
  let database: TestDatabase;
  let service: Service;
  let fake: FakeSlack;
  let commandCount = 0;
  /** What the service reads as now; requests are signed at it. */
  let clock = Date.now;

  beforeEach(async () => {
    clock = Date.now;
    database = await dialect.create();
    ({ service, fake } = await startSlackService(database));
  });
  afterEach(async () => {
    await service.stop();
    await fake.close();
    await database.drop();
  });

  /** Runs `/sales <text>` as `user` in the sales channel and returns what the bot responded. */
  async function command(text: string, user = AYU, fields: Record<string, string> = {}) {
    commandCount += 1;
    const responseUrl = fake.responseUrl(commandCount);
    const response = await postToSlackEndpoint(
      service.port,
      commandRequest(
        slashCommand({
          text,
          user_id: user,
          user_name: user === MAYA ? "maya" : "ayu",
          response_url: responseUrl,
          ...fields,
        }),
        { timestamp: Math.floor(clock() / 1000) },
      ),
    );
    expect(response.status).toBe(200);
    await fake.waitFor(() => fake.responses.some((r) => r.path.endsWith(`/respond/${commandCount}`)));
    const body = fake.responses.find((r) => r.path.endsWith(`/respond/${commandCount}`))?.body ?? {};
    return body as { text: string; response_type: string; blocks: Array<{ type: string }> };
  }

  async function setUpTeam() {
    const reply = await command("setup", MAYA);
    expect(reply.text).toContain("is now a Corong team");
  }

  async function ayuWeek() {
    const team = (await service.store.listTeams())[0];
    if (!team) return null;
    return storedTotals(service.store, {
      teamId: team.id,
      range: { start: "2000-01-01", end: "2100-01-01" },
    });
  }

  function channelMessage(text: string, ts: string, eventId: string, user = AYU) {
    const payload = slackFixture("message-channel.json");
    payload.event.text = text;
    payload.event.ts = ts;
    payload.event.event_ts = ts;
    payload.event.user = user;
    payload.event_id = eventId;
    return payload;
  }

  it("counts a report once and never calls it lost when Slack refuses the answer or the ✅ is already there", async () => {
    await setUpTeam();
    fake.refuse("chat.postEphemeral", "internal_error", 5);
    fake.refuse("reactions.add", "already_reacted", 5);
    const event = channelMessage("met 4 clients", ts(40), "EvRefused1");
    expect((await postToSlackEndpoint(service.port, eventRequest(event))).status).toBe(200);
    await fake.waitFor(() => fake.callsTo("chat.postEphemeral").length > 0);
    await expect.poll(() => service.store.countOpenDeliveries()).toBe(0);
    // Slack retries the event anyway (its own timeout): still one report.
    expect((await postToSlackEndpoint(service.port, eventRequest(event, { retryNum: 1 }))).status).toBe(200);
    await expect.poll(() => service.store.countOpenDeliveries()).toBe(0);
    expect((await ayuWeek())?.visits).toBe(4);
    // No "I couldn't save your message" for a report that was saved.
    const dms = fake.callsTo("chat.postMessage").filter((c) => c.args.channel === AYU);
    expect(dms).toEqual([]);
    expect(fake.callsTo("chat.postEphemeral")).toHaveLength(1);
  });

  it("counts what it did on /metrics, for Prometheus", async () => {
    await setUpTeam();
    const report = channelMessage("met 4 clients", ts(41), "EvMetrics1");
    expect((await postToSlackEndpoint(service.port, eventRequest(report))).status).toBe(200);
    await expect.poll(() => service.store.countOpenDeliveries()).toBe(0);
    expect((await command("report met 5000 clients")).text).toContain("5,000 visits in one day");
    const scrape = async () => {
      const metrics = await fetch(`http://127.0.0.1:${service.port}/metrics`);
      expect(metrics.headers.get("content-type")).toContain("text/plain");
      return (await metrics.text()).split("\n");
    };
    let lines = await scrape();
    const value = (name: string, labels: Record<string, string>) => {
      const line = lines.find(
        (l) =>
          l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)),
      );
      return line === undefined ? undefined : Number(line.split(" ").at(-1));
    };
    // The command's answer reaches Slack before its delivery is recorded as done: wait for that.
    await expect
      .poll(async () => {
        lines = await scrape();
        return value("corong_deliveries_total", { platform: "slack", outcome: "done" });
      })
      .toBe(3);
    expect(value("corong_reports_stored_total", { platform: "slack", outcome: "created" })).toBe(1);
    expect(value("corong_parse_refusals_total", { platform: "slack", reason: "too_large" })).toBe(1);
    expect(value("corong_commands_total", { platform: "slack", kind: "report" })).toBe(2);
    expect(value("corong_deliveries_total", { platform: "slack", outcome: "done" })).toBe(3);
    expect(value("corong_delivery_handling_seconds_count", { platform: "slack" })).toBe(3);
    expect(lines.some((l) => l.startsWith("corong_nodejs_eventloop_lag_seconds"))).toBe(true);
    // The database pool, where there is one: Postgres keeps some connections open, SQLite none.
    const pool = lines.find((l) => l.startsWith("corong_db_pool_connections"));
    if (dialect.name === "postgres") {
      expect(Number(pool?.split(" ").at(-1))).toBeGreaterThan(0);
      expect(lines.some((l) => l.startsWith("corong_db_pool_waiting_queries"))).toBe(true);
    } else expect(pool).toBeUndefined();
  });

  it("keeps the edit when the original message is handled after it (a retry, another replica)", async () => {
    await setUpTeam();
    const edit = slackFixture("message-changed.json");
    edit.event.message.ts = ts(50);
    edit.event.previous_message.ts = ts(50);
    edit.event.message.edited.ts = ts(80);
    edit.event.event_ts = ts(80);
    edit.event.previous_message.text = "met 6 clients";
    edit.event.message.text = "met 3 clients";
    edit.event_id = "EvEditFirst";
    expect((await postToSlackEndpoint(service.port, eventRequest(edit))).status).toBe(200);
    await fake.waitFor(() => fake.callsTo("chat.postEphemeral").length === 1);
    const original = channelMessage("met 6 clients", ts(50), "EvOriginalLate");
    expect((await postToSlackEndpoint(service.port, eventRequest(original))).status).toBe(200);
    await expect.poll(() => service.store.countOpenDeliveries()).toBe(0);
    expect(await ayuWeek()).toMatchObject({ visits: 3 });
    // The late original says nothing: the rep already has the answer to the edit.
    expect(fake.callsTo("chat.postEphemeral")).toHaveLength(1);
  });

  it("answers Slack's url_verification challenge", async () => {
    const challenge = slackFixture("url-verification.json");
    const response = await postToSlackEndpoint(service.port, eventRequest(challenge));
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toEqual({ challenge: challenge.challenge });
  });

  it("serves /healthz on the same port", async () => {
    const response = await fetch(`http://127.0.0.1:${service.port}/healthz`);
    expect(response.status).toBe(200);
  });

  it("lets a manager set up the channel as a team in their own time zone", async () => {
    const reply = await command("setup", MAYA);
    expect(reply.response_type).toBe("ephemeral");
    expect(reply.text).toContain(
      "#sales-jkt is now a Corong team and you are its manager. Time zone Europe/Berlin",
    );
    expect(reply.blocks.length).toBeGreaterThan(0);
    const [team] = await service.store.listTeams();
    expect(team?.timezone).toBe("Europe/Berlin");
    expect((await command("setup", AYU)).text).toContain("#sales-jkt is already a Corong team");
  });

  it("makes the channel's people the team's reps at setup, and whoever joins later", async () => {
    await setUpTeam();
    const [team] = await service.store.listTeams();
    const roster = async () =>
      (await service.store.listTeamMembers(team?.id ?? 0)).map((m) => `${m.displayName}:${m.role}`).sort();
    // Dedi never wrote in the channel but is in it; the standup bot is not a rep.
    expect(await roster()).toEqual(["Ayu:rep", "Dedi:rep", "Maya:manager"]);
    const joined = slackFixture("member-joined-channel.json");
    joined.event.user = EKO;
    await postToSlackEndpoint(service.port, eventRequest(joined));
    // The event is acknowledged before it is handled: wait (briefly, boundedly) for Eko to be on the roster.
    for (let i = 0; i < 100 && (await roster()).length < 4; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await roster()).toEqual(["Ayu:rep", "Dedi:rep", "Eko:rep", "Maya:manager"]);
  });

  it("tells people in a channel that is not a team how to set it up, and ignores its chatter", async () => {
    expect((await command("met 4 clients")).text).toContain("isn't a Corong team yet");
    await postToSlackEndpoint(service.port, eventRequest(channelMessage("met 4 clients", ts(1), "EvNoTeam")));
    expect(await ayuWeek()).toBeNull();
  });

  it("logs a rep's report sent as a slash command", async () => {
    await setUpTeam();
    const reply = await command("met 4 clients, 2 follow-ups");
    expect(reply.response_type).toBe("ephemeral");
    expect(reply.text).toContain("✅ Logged for today: 4 visits · 2 follow-ups");
    expect(reply.text).toContain("visits 4/5 · follow-ups 2/3");
    expect(JSON.stringify(reply.blocks)).toContain("corong:undo");
    expect(await ayuWeek()).toMatchObject({ visits: 4, followUps: 2 });
  });

  it("logs a plain report in the channel with a ✅ reaction and an ephemeral confirmation", async () => {
    await setUpTeam();
    const payload = channelMessage("met 4 clients, 2 follow-ups", ts(1), "Ev001");
    expect((await postToSlackEndpoint(service.port, eventRequest(payload))).status).toBe(200);
    await fake.waitFor(() => fake.callsTo("chat.postEphemeral").length === 1);
    expect(fake.callsTo("reactions.add")).toEqual([
      {
        method: "reactions.add",
        args: expect.objectContaining({
          channel: CHANNEL,
          timestamp: ts(1),
          name: "white_check_mark",
        }),
        token: "xoxb-test-token",
        at: expect.any(Number),
      },
    ]);
    const [ephemeral] = fake.callsTo("chat.postEphemeral");
    expect(ephemeral?.args).toMatchObject({ channel: CHANNEL, user: AYU });
    expect(String(ephemeral?.args.text)).toContain("✅ Logged for today: 4 visits · 2 follow-ups");
    expect(await ayuWeek()).toMatchObject({ visits: 4, followUps: 2 });
  });

  it("ignores chatter in the channel and messages from bots", async () => {
    await setUpTeam();
    await postToSlackEndpoint(service.port, eventRequest(channelMessage("lunch at 12?", ts(2), "Ev002")));
    await postToSlackEndpoint(service.port, eventRequest(slackFixture("bot-message.json")));
    const own = channelMessage("met 7 clients", ts(3), "Ev003", "UBOT");
    await postToSlackEndpoint(service.port, eventRequest(own));
    // A real report afterwards proves the earlier events were handled by the time its answer arrives.
    await postToSlackEndpoint(service.port, eventRequest(channelMessage("met 1 client", ts(4), "Ev004")));
    await fake.waitFor(() => fake.callsTo("chat.postEphemeral").length >= 1);
    expect(fake.callsTo("chat.postEphemeral")).toHaveLength(1);
    expect(fake.callsTo("reactions.add")).toHaveLength(1);
    expect(await ayuWeek()).toMatchObject({ visits: 1 });
  });

  it("answers a report sent by direct message with a normal reply, in the rep's language", async () => {
    await setUpTeam();
    await command("today"); // Ayu joins the team by using it once.
    const dm = slackFixture("message-im.json");
    dm.event.ts = ts(40);
    await postToSlackEndpoint(service.port, eventRequest(dm));
    await fake.waitFor(() => fake.callsTo("chat.postMessage").length === 1);
    const [message] = fake.callsTo("chat.postMessage");
    expect(message?.args.channel).toBe("D024BE91L");
    expect(String(message?.args.text)).toContain("✅ Tercatat untuk hari ini: 3 kunjungan · 1 follow up");
    expect(fake.callsTo("reactions.add")).toHaveLength(0);
  });

  it("answers a direct message that is not a report with help", async () => {
    await setUpTeam();
    await command("today");
    const payload = slackFixture("message-im.json");
    payload.event.text = "how's everyone doing?";
    await postToSlackEndpoint(service.port, eventRequest(payload));
    await fake.waitFor(() => fake.callsTo("chat.postMessage").length === 1);
    expect(String(fake.callsTo("chat.postMessage")[0]?.args.text)).toContain("/sales help");
  });

  it("lets a manager set quotas and refuses a rep", async () => {
    await setUpTeam();
    expect((await command("quota visits 6")).text).toContain("Only a team manager can change quotas");
    expect((await command("quota visits 6", MAYA)).text).toContain("Daily quota set: 6 visits");
    expect((await command("met 3 clients")).text).toContain("visits 3/6");
  });

  it("renders every command, with help for a bare /sales", async () => {
    await setUpTeam();
    expect((await command("")).text).toContain("Corong — your daily sales log");
    await command("24 new leads, 10 prospects, 4 potential, 2 closeable, closed 1");
    const funnel = await command("funnel");
    expect(funnel.text).toContain("Ratio 10 : 4.2 : 1.7 : 0.8");
    expect(funnel.blocks.map((b) => b.type)).toEqual(["header", "section", "rich_text", "context"]);
    expect((await command("week")).text).toMatch(/Visits 0\/\d+/);
    // Today's closing counts toward the month, as the funnel counts it.
    const plan = (await command("target 6", MAYA)).text;
    expect(plan).toContain("1 of 6 closings done this month");
    expect(plan).toContain("5 closings need ≈");
  });

  it("updates the report when the message is edited, keeps its day, and withdraws it when deleted", async () => {
    await setUpTeam();
    // Written yesterday afternoon Jakarta time ("today" then); edited and deleted now.
    const yesterday = `${Math.floor(Date.now() / 1000) - 86_400}.000005`;
    await postToSlackEndpoint(
      service.port,
      eventRequest(channelMessage("met 4 clients, 2 follow-ups today", yesterday, "EvOrig")),
    );
    await fake.waitFor(() => fake.callsTo("chat.postEphemeral").length === 1);
    const edit = slackFixture("message-changed.json");
    edit.event.message.ts = yesterday;
    edit.event.previous_message.ts = yesterday;
    // Slack stamps the edit itself with the time it was made.
    edit.event.message.edited.ts = ts(60);
    edit.event.event_ts = ts(60);
    edit.event.previous_message.text = "met 4 clients, 2 follow-ups today";
    edit.event.message.text = "met 5 clients, 2 follow-ups today";
    await postToSlackEndpoint(service.port, eventRequest(edit));
    await fake.waitFor(() => fake.callsTo("chat.postEphemeral").length === 2);
    // "today" in the edited text still means the day it was first written.
    expect(String(fake.callsTo("chat.postEphemeral")[1]?.args.text)).toContain(
      "✏️ Updated for yesterday: 5 visits · 2 follow-ups",
    );
    expect(await ayuWeek()).toMatchObject({ visits: 5, followUps: 2 });
    const deletion = slackFixture("message-deleted.json");
    deletion.event.deleted_ts = yesterday;
    deletion.event.previous_message.ts = yesterday;
    await postToSlackEndpoint(service.port, eventRequest(deletion));
    await fake.waitFor(() => fake.callsTo("chat.postEphemeral").length === 3);
    expect(String(fake.callsTo("chat.postEphemeral")[2]?.args.text)).toContain(
      "↩️ Withdrawn: 5 visits · 2 follow-ups (yesterday)",
    );
    expect(await ayuWeek()).toMatchObject({ visits: 0, followUps: 0 });
  });

  it("withdraws a report whose message is edited into something that is not a report", async () => {
    await setUpTeam();
    await postToSlackEndpoint(service.port, eventRequest(channelMessage("met 4 clients", ts(30), "EvWrong")));
    await fake.waitFor(() => fake.callsTo("chat.postEphemeral").length === 1);
    const edit = slackFixture("message-changed.json");
    edit.event.message.ts = ts(30);
    edit.event.previous_message.ts = ts(30);
    edit.event.message.edited.ts = ts(60);
    edit.event.event_ts = ts(60);
    edit.event.previous_message.text = "met 4 clients";
    edit.event.message.text = "oops, wrong channel";
    await postToSlackEndpoint(service.port, eventRequest(edit));
    await fake.waitFor(() => fake.callsTo("chat.postEphemeral").length === 2);
    expect(String(fake.callsTo("chat.postEphemeral")[1]?.args.text)).toContain(
      "↩️ Withdrawn: 4 visits (today).",
    );
    expect(await ayuWeek()).toMatchObject({ visits: 0 });
  });

  it("lets a manager add another manager and change the team's time zone", async () => {
    await setUpTeam();
    expect((await command("manager <@U123ABC456|ayu>", AYU)).text).toContain(
      "Only a team manager can add managers",
    );
    expect((await command("manager <@U123ABC456|ayu>", MAYA)).text).toContain(
      "@Ayu is now a manager of this team.",
    );
    expect((await command("quota followups 4", AYU)).text).toContain("Daily quota set: 4 follow-ups");
    expect((await command("timezone Mars/Base")).text).toContain("is not a time zone I know");
    // Typed in any case, stored as IANA spells it: the team keeps Indonesia's public holidays.
    expect((await command("timezone asia/makassar")).text).toContain("Time zone set to Asia/Makassar");
    const team = (await service.store.listTeams())[0];
    expect(team?.timezone).toBe("Asia/Makassar");
    if (!team) return;
    const christmas = { start: "2026-12-25", end: "2026-12-25" };
    expect([...(await teamHolidays(service.store, team, christmas))]).toEqual(["2026-12-25"]);
  });

  it("acknowledges a button press and answers it in place: Undo and +1 visit", async () => {
    await setUpTeam();
    await command("met 4 clients, 2 follow-ups");
    const press = async (action: string, n: string) => {
      const payload = slackFixture("block-actions.json");
      payload.actions[0].action_id = `corong:${action}`;
      payload.actions[0].value = action;
      payload.actions[0].action_ts = `1548426417.84018${n}`;
      payload.trigger_id = freshTriggerId();
      payload.response_url = fake.responseUrl(`button-${n}`);
      const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
      expect((await postToSlackEndpoint(service.port, commandRequest(body))).status).toBe(200);
      await fake.waitFor(() => fake.responses.some((r) => r.path.endsWith(`/button-${n}`)));
      return fake.responses.find((r) => r.path.endsWith(`/button-${n}`))?.body as {
        text: string;
        replace_original: boolean;
      };
    };
    const plusOne = await press("add:visits", "1");
    expect(plusOne.text).toContain("✅ Logged for today: 1 visit");
    expect(plusOne.text).toContain("visits 5/5");
    expect(plusOne.replace_original).toBe(true);
    expect((await press("undo", "2")).text).toContain("↩️ Withdrawn: 1 visit (today).");
    expect(await ayuWeek()).toMatchObject({ visits: 4, followUps: 2 });
  });

  it("opens the report form from a reminder's button and logs what the rep fills in", async () => {
    await setUpTeam();
    await command("today");
    const press = slackFixture("block-actions.json");
    press.actions[0].action_id = "corong:report:form";
    press.actions[0].value = "report:form";
    press.channel = { id: "D024BE91L", name: "directmessage" };
    press.container.channel_id = "D024BE91L";
    let body = new URLSearchParams({ payload: JSON.stringify(press) }).toString();
    expect((await postToSlackEndpoint(service.port, commandRequest(body))).status).toBe(200);
    await fake.waitFor(() => fake.callsTo("views.open").length === 1);
    const view = fake.callsTo("views.open")[0]?.args.view as {
      callback_id: string;
      blocks: Array<{ block_id: string }>;
    };
    expect(view.callback_id).toBe("corong:report");
    expect(view.blocks.map((b) => b.block_id)).toEqual([
      "visits",
      "followUps",
      "relationshipContacts",
      "referralsAsked",
      "referralsReceived",
      "leads",
      "prospects",
      "potential",
      "closeable",
      "closed",
    ]);
    body = new URLSearchParams({ payload: JSON.stringify(slackFixture("view-submission.json")) }).toString();
    expect((await postToSlackEndpoint(service.port, commandRequest(body))).status).toBe(200);
    await fake.waitFor(() => fake.callsTo("chat.postMessage").length === 1);
    const [confirmation] = fake.callsTo("chat.postMessage");
    expect(confirmation?.args.channel).toBe(AYU);
    expect(String(confirmation?.args.text)).toContain(
      "✅ Logged for today: 4 visits · 2 follow-ups · 1 closing",
    );
    expect(await ayuWeek()).toMatchObject({ visits: 4, followUps: 2, closed: 1, leads: 0 });
  });

  it("keeps the report form open with a reason when it is submitted empty", async () => {
    await setUpTeam();
    const empty = slackFixture("view-submission.json");
    empty.view.state.values = { visits: { count: { type: "number_input", value: null } } };
    const body = new URLSearchParams({ payload: JSON.stringify(empty) }).toString();
    const response = await postToSlackEndpoint(service.port, commandRequest(body));
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toEqual({
      response_action: "errors",
      errors: { visits: "Fill in at least one number." },
    });
    expect(await ayuWeek()).toMatchObject({ visits: 0 });
  });

  it("keeps two workspaces apart even when their channel ids collide", async () => {
    await setUpTeam();
    await command("met 4 clients");
    const other = await command("met 9 clients", AYU, { team_id: "T0OTHER001", team_domain: "other" });
    expect(other.text).toContain("isn't a Corong team yet");
    await command("setup", MAYA, { team_id: "T0OTHER001" });
    await command("met 2 clients", AYU, { team_id: "T0OTHER001" });
    const teams = await service.store.listTeams();
    expect(teams).toHaveLength(2);
    const totals = await Promise.all(
      teams.map((team) =>
        storedTotals(service.store, { teamId: team.id, range: { start: "2000-01-01", end: "2100-01-01" } }),
      ),
    );
    expect(totals.map((t) => t.visits).sort()).toEqual([2, 4]);
  });

  it("shows the rep's day, week and team funnel on the App Home tab", async () => {
    await setUpTeam();
    await command("met 4 clients, 1 new lead");
    await postToSlackEndpoint(service.port, eventRequest(slackFixture("app-home-opened.json")));
    await fake.waitFor(() => fake.callsTo("views.publish").length === 1);
    const [publish] = fake.callsTo("views.publish");
    expect(publish?.args.user_id).toBe(AYU);
    const view = JSON.stringify(publish?.args.view);
    expect(view).toContain('"type":"home"');
    expect(view).toContain("Visits 4/5");
    expect(view).toContain("Leads 1");
  });

  it("lets a manager coach one rep by mention, see the roster, the trend as a chart and the leaderboard", async () => {
    // On a known day: Wednesday 2 December 2026, 10:00 in Jakarta, a working day in week 49.
    const started = Date.now();
    clock = () => Date.parse("2026-12-02T10:00:00+07:00") + (Date.now() - started);
    await service.stop();
    ({ service } = await startSlackService(database, fake, clock));
    await setUpTeam();
    await command("met 4 clients, 2 follow-ups, 10 new leads, 2 prospects");
    // A rep sees their own funnel beside the team's, and neither a colleague's nor the roster.
    const own = (await command("funnel me")).text;
    expect(own).toContain("Ayu · week 49 (30 Nov – 6 Dec)");
    expect(own).toContain("Ratio 10 : 2 : 0 : 0 · team 10 : 2 : 0 : 0 · benchmark 10 : 5 : 3 : 1");
    expect((await command(`funnel <@${MAYA}|maya>`)).text).toBe(
      "Other reps' figures are for managers. Yours: `/sales funnel me`; the team's: `/sales funnel`.",
    );
    expect((await command("team")).text).toContain("The team roster is for managers");

    // A manager mentions the rep the way Slack sends a mention: <@U…|name>.
    const ayus = (await command(`funnel <@${AYU}|ayu> week`, MAYA)).text;
    expect(ayus).toContain("Ayu · week 49 (30 Nov – 6 Dec)");
    expect(ayus).toMatch(/Lead → prospect +20% +20% +50%/);
    expect(ayus).toContain("Weakest: prospects → potential — the team's too.");
    expect((await command("funnel <@U0NOBODY01|nobody>", MAYA)).text).toContain("is not on this team");

    // Ayu joined today, so only today is expected of her; Dedi, in the channel, has not written.
    const roster = (await command("team", MAYA)).text;
    expect(roster).toContain("#sales-jkt · today (Wed 2 Dec) · 1 of 2 reported");
    expect(roster).toContain("✅ Ayu 4/5");
    expect(roster).toContain("⏳ Dedi — nothing yet");

    const board = (await command("leaderboard", MAYA)).text.split("\n");
    expect(board[0]).toBe("🏆 #sales-jkt · week 49 (30 Nov – 6 Dec)");
    expect(board[2]).toMatch(/^1 +Ayu +80% +4\/5 /);
    expect(board[3]).toMatch(/^2 +Dedi +0% +0\/5 /);

    const trend = (await command("trend", MAYA)).text;
    expect(trend).toContain("#sales-jkt · last 8 weeks");
    // The team's quota today is both reps': 4 of 10.
    expect(trend).toMatch(/49 +4 +40% +10 +10 : 2 : 0 : 0/);
    // The chart goes to the manager's direct messages as a PNG file.
    await fake.waitFor(() => fake.callsTo("files.completeUploadExternal").length === 1);
    expect(fake.uploads).toEqual([expect.objectContaining({ png: true })]);
    expect(fake.callsTo("conversations.open")[0]?.args.users).toBe(MAYA);
    expect(fake.callsTo("files.completeUploadExternal")[0]?.args.channel_id).toBe(`D${MAYA}`);

    // This month's reports as a CSV file, to the manager's DM; a rep gets none.
    expect((await command("export", MAYA)).text).toBe(
      "📎 #sales-jkt · Dec 2026: 1 report as CSV (one row each, withdrawn ones marked).",
    );
    await fake.waitFor(() => fake.callsTo("files.completeUploadExternal").length === 2);
    expect(fake.uploads[1]).toMatchObject({ png: false });
    expect(fake.callsTo("files.completeUploadExternal")[1]?.args).toMatchObject({
      channel_id: `D${MAYA}`,
      files: [expect.objectContaining({ title: "#sales-jkt · Dec 2026" })],
    });
    expect((await command("export")).text).toContain("Exports hold every rep's reports");

    // The dashboard link, for the asker alone; it opens the team's pages on this process's port.
    const dashboard = await command("dashboard", MAYA);
    expect(dashboard.response_type).toBe("ephemeral");
    expect(dashboard.text).toContain("🔐 The #sales-jkt dashboard: http://localhost:");
    const session = await signIn(linkIn(dashboard.text).replace("localhost", "127.0.0.1"));
    const overview = await get(`http://127.0.0.1:${service.port}/dashboard`, session);
    expect(visibleText(overview.text)).toContain("#sales-jkt · 30 Nov – 6 Dec");
    expect(visibleText(overview.text)).toContain("Ayu 4/5 (80%)");
    expect((await command("dashboard")).text).toContain("🔐 Your figures: http://localhost:");
  });

  describe("request verification", () => {
    const now = () => Math.floor(Date.now() / 1000);
    const cases = [
      ["a forged signature", { secret: "not-the-signing-secret" }],
      ["no signature", { secret: null }],
      ["a body changed by one byte", { sentBody: "CHANGED" }],
      ["a signature older than 5 minutes", { timestamp: now() - 6 * 60 }],
      // Signed with a clock set ahead, or captured to be replayed later: Slack's window holds both ways.
      ["a timestamp 10 minutes ahead", { timestamp: now() + 10 * 60 }],
      ["a timestamp a year ahead", { timestamp: now() + 365 * 24 * 60 * 60 }],
    ] as const;

    it.each(cases)(
      "refuses an event with %s: 401, nothing handled, nothing stored",
      async (_name, tamper) => {
        await setUpTeam();
        const payload = channelMessage("met 4 clients", ts(9), "EvForged");
        const request = eventRequest(payload, tamper);
        const sentBody = "sentBody" in tamper ? request.body.replace("met 4", "met 5") : undefined;
        const response = await postToSlackEndpoint(service.port, {
          ...request,
          ...(sentBody ? { sentBody } : {}),
        });
        expect(response.status).toBe(401);
        await postToSlackEndpoint(
          service.port,
          eventRequest(channelMessage("met 1 client", ts(10), "EvAfter")),
        );
        await fake.waitFor(() => fake.callsTo("chat.postEphemeral").length === 1);
        // Only the later genuine report was reacted to and confirmed.
        expect(fake.callsTo("reactions.add").map((c) => c.args.timestamp)).toEqual([ts(10)]);
        expect(fake.callsTo("chat.postEphemeral")).toHaveLength(1);
        expect(await ayuWeek()).toMatchObject({ visits: 1 });
      },
    );

    it.each(cases)("refuses a slash command with %s: 401 and nothing stored", async (_name, tamper) => {
      await setUpTeam();
      const request = commandRequest(
        slashCommand({ text: "met 4 clients", response_url: fake.responseUrl("forged") }),
        tamper,
      );
      const sentBody = "sentBody" in tamper ? request.body.replace("met+4", "met+5") : undefined;
      const response = await postToSlackEndpoint(service.port, {
        ...request,
        ...(sentBody ? { sentBody } : {}),
      });
      expect(response.status).toBe(401);
      expect(fake.responses.filter((r) => r.path.endsWith("/forged"))).toHaveLength(0);
      expect(await ayuWeek()).toMatchObject({ visits: 0 });
    });
  });

  describe("retries", () => {
    it("counts an event redelivered with X-Slack-Retry-Num once", async () => {
      await setUpTeam();
      const payload = channelMessage("met 4 clients", ts(11), "EvRetry1");
      await postToSlackEndpoint(service.port, eventRequest(payload));
      await fake.waitFor(() => fake.callsTo("chat.postEphemeral").length === 1);
      expect((await postToSlackEndpoint(service.port, eventRequest(payload, { retryNum: 1 }))).status).toBe(
        200,
      );
      expect((await postToSlackEndpoint(service.port, eventRequest(payload, { retryNum: 2 }))).status).toBe(
        200,
      );
      await postToSlackEndpoint(service.port, eventRequest(channelMessage("met 1 client", ts(12), "EvNext")));
      await fake.waitFor(() => fake.callsTo("chat.postEphemeral").length === 2);
      expect(fake.callsTo("reactions.add")).toHaveLength(2);
      expect(await ayuWeek()).toMatchObject({ visits: 5 });
    });

    it("still skips a retry that arrives after a restart", async () => {
      await setUpTeam();
      const payload = channelMessage("met 4 clients", ts(13), "EvRestart");
      await postToSlackEndpoint(service.port, eventRequest(payload));
      await fake.waitFor(() => fake.callsTo("chat.postEphemeral").length === 1);
      await service.stop();
      ({ service } = await startSlackService(database, fake));
      await postToSlackEndpoint(service.port, eventRequest(payload, { retryNum: 1 }));
      await postToSlackEndpoint(
        service.port,
        eventRequest(channelMessage("met 1 client", ts(14), "EvAfterRestart")),
      );
      await fake.waitFor(() => fake.callsTo("chat.postEphemeral").length === 2);
      expect(await ayuWeek()).toMatchObject({ visits: 5 });
    });

    it("leaves a delivery to the process that claimed it until that claim's lease runs out", async () => {
      await setUpTeam();
      const payload = channelMessage("met 2 clients", ts(50), "EvDied");
      // A previous process recorded the event and died before handling it; its lease has a moment to run.
      await service.store.acceptDelivery(
        {
          platform: "slack",
          workspace: "T123ABC456",
          key: "event:EvDied",
          ordering: `T123ABC456:${AYU}`,
          payload,
          receivedAt: Date.now(),
        },
        "a-process-that-died",
        new Date(Date.now() + 1500).toISOString(),
      );
      const retry = await postToSlackEndpoint(service.port, eventRequest(payload, { retryNum: 1 }));
      expect(retry.status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(fake.callsTo("chat.postEphemeral")).toHaveLength(0);
      // Once the lease lapses the delivery is taken over and handled, once.
      await fake.waitFor(() => fake.callsTo("chat.postEphemeral").length === 1, 8000);
      expect(await ayuWeek()).toMatchObject({ visits: 2 });
      expect(fake.callsTo("reactions.add")).toHaveLength(1);
    });

    it("handles a retry whose original never arrived", async () => {
      await setUpTeam();
      const payload = channelMessage("met 3 clients", ts(15), "EvLostOriginal");
      await postToSlackEndpoint(service.port, eventRequest(payload, { retryNum: 1 }));
      await fake.waitFor(() => fake.callsTo("chat.postEphemeral").length === 1);
      expect(await ayuWeek()).toMatchObject({ visits: 3 });
    });
  });

  it("honours 429 Retry-After from the Web API and still delivers the confirmation once", async () => {
    await setUpTeam();
    fake.rateLimit("chat.postEphemeral", 2);
    fake.rateLimit("reactions.add", 1);
    await postToSlackEndpoint(service.port, eventRequest(channelMessage("met 4 clients", ts(16), "Ev429")));
    await fake.waitFor(() => fake.callsTo("chat.postEphemeral").length === 1);
    expect(fake.callsTo("reactions.add")).toHaveLength(1);
    await postToSlackEndpoint(service.port, eventRequest(channelMessage("met 1 client", ts(17), "Ev429b")));
    await fake.waitFor(() => fake.callsTo("chat.postEphemeral").length === 2);
    expect(await ayuWeek()).toMatchObject({ visits: 5 });
  });
});
