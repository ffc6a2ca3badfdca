import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Logger } from "../../src/app/logger.js";
import type { Service } from "../../src/main.js";
import { FAKE_BOT, type FakeTelegram, type FakeUser } from "../fakes/telegram-api.js";
import { get, linkIn, signIn, visibleText } from "../support/dashboard-client.js";
import { DIALECTS, type TestDatabase } from "../support/databases.js";
import { holdDatabase } from "../support/hold-database.js";
import {
  AYU,
  BUDI,
  GROUP,
  GROUP_B,
  MAYA,
  startTelegramService,
  telegramFixture,
  WEBHOOK_SECRET,
} from "../support/telegram-service.js";
import { storedTotals } from "../support/totals.js";

type Chat = { id: number; title: string; type: string };
type Sent = {
  chat_id: number;
  text: string;
  parse_mode?: string;
  reply_markup?: unknown;
  reply_parameters?: unknown;
  link_preview_options?: unknown;
};

const ALL_TIME = { start: "2000-01-01", end: "2100-01-01" };

describe.each(DIALECTS)("Telegram end to end on $name", (dialect) => {
  let database: TestDatabase;
  let service: Service;
  let fake: FakeTelegram;
  let updateId = 50_000;
  let messageId = 3000;
  const errors: Array<{ obj: object; msg?: string }> = [];
  const logger: Logger = {
    info() {},
    warn() {},
    error(obj, msg) {
      errors.push({ obj, ...(msg ? { msg } : {}) });
    },
    child: () => logger,
  };

  beforeEach(async () => {
    errors.length = 0;
    database = await dialect.create();
    ({ service, fake } = await startTelegramService(database, { logger }));
  });
  afterEach(async () => {
    await service.stop();
    await fake.close();
    await database.drop();
  });

  const now = () => Math.floor(Date.now() / 1000);

  function groupText(text: string, from: FakeUser = AYU, chat: Chat = GROUP) {
    const update = telegramFixture("message-group-command.json");
    update.update_id = ++updateId;
    Object.assign(update.message, { message_id: ++messageId, from, chat, date: now(), text });
    const command = /^\/\S+/.exec(text);
    if (command) update.message.entities = [{ offset: 0, length: command[0].length, type: "bot_command" }];
    else delete update.message.entities;
    return update;
  }

  function privateText(text: string, from: FakeUser = AYU) {
    const update = telegramFixture("message-private.json");
    update.update_id = ++updateId;
    Object.assign(update.message, {
      message_id: ++messageId,
      from,
      chat: { id: from.id, first_name: from.first_name, type: "private" },
      date: now(),
      text,
    });
    return update;
  }

  /** Pushes updates and returns the bot's next message (the one after those already sent). */
  async function say(...updates: Array<Record<string, unknown>>): Promise<Sent> {
    const before = fake.callsTo("sendMessage").length;
    fake.push(...updates);
    await fake.waitFor(() => fake.callsTo("sendMessage").length > before);
    return fake.callsTo("sendMessage")[before]?.args as Sent;
  }

  async function setUpGroup(chat: Chat = GROUP) {
    fake.setAdmins(chat.id, [MAYA]);
    const reply = await say(groupText("/setup@CorongBot", MAYA, chat));
    expect(reply.text).toContain("is now a Corong team");
  }

  async function teamTotals(chat: Chat = GROUP) {
    const teams = await service.store.listTeams();
    const team = teams.find((t) => t.externalId === String(chat.id));
    if (!team) return null;
    return storedTotals(service.store, { teamId: team.id, range: ALL_TIME });
  }

  it("registers the command menu in English and Indonesian and long-polls", async () => {
    await fake.waitFor(() => fake.callsTo("setMyCommands").length === 2);
    const [en, id] = fake.callsTo("setMyCommands");
    const names = ((en?.args.commands ?? []) as Array<{ command: string }>).map((c) => c.command);
    expect(names).toEqual(
      expect.arrayContaining(["start", "help", "report", "today", "week", "funnel", "plan"]),
    );
    expect(names).toEqual(expect.arrayContaining(["target", "quota", "undo", "lang", "setup"]));
    expect(en?.args.language_code).toBeUndefined();
    expect(id?.args.language_code).toBe("id");
    expect(JSON.stringify(id?.args.commands)).toContain("Catat aktivitas");
    // Polling mode: launch() drops any webhook before it starts asking for updates.
    await fake.waitFor(() => fake.callsTo("deleteWebhook").length === 1);
    expect(fake.callsTo("setWebhook")).toHaveLength(0);
  });

  it("says once, plainly, when a second process long-polls the same bot, and loses no update to it", async () => {
    await fake.waitFor(() => fake.callsTo("deleteWebhook").length === 1);
    const second = await startTelegramService(database, { fake, logger });
    const collision = () =>
      errors.filter((e) => /another process is long-polling this Telegram bot/.test(e.msg ?? ""));
    await expect.poll(collision, { timeout: 8000 }).not.toHaveLength(0);
    expect(collision()[0]?.msg).toContain("TELEGRAM_WEBHOOK_URL");
    // Whichever of the two takes it, the report is stored once.
    await setUpGroup();
    await say(groupText("/today@CorongBot"));
    fake.push(privateText("met 3 clients"));
    await expect.poll(async () => (await teamTotals())?.visits, { timeout: 15_000 }).toBe(3);
    await second.service.stop();
    // Each process says it once, however long they keep colliding.
    expect(collision().length).toBeLessThanOrEqual(2);
  });

  it("lets a group admin set the group up, escaping its title, and refuses a member who is not an admin", async () => {
    fake.setAdmins(GROUP_B.id, [MAYA]);
    const refused = await say(groupText("/setup", AYU, GROUP_B));
    expect(refused.text).toContain("Only a group admin can make this group a Corong team");
    const done = await say(groupText("/setup@CorongBot", MAYA, GROUP_B));
    expect(done.parse_mode).toBe("HTML");
    expect(done.text).toContain("Sales &lt;SBY&gt; &amp; Co is now a Corong team");
    expect(fake.callsTo("getChatAdministrators").map((c) => c.args.chat_id)).toEqual([
      String(GROUP_B.id),
      String(GROUP_B.id),
    ]);
  });

  it("logs a group /report with buttons, replying to the report", async () => {
    await setUpGroup();
    const update = telegramFixture("message-group-command.json");
    update.update_id = ++updateId;
    update.message.date = now();
    const reply = await say(update);
    expect(reply.chat_id).toBe(GROUP.id);
    expect(reply.text).toContain("✅ Logged for today: 4 visits · 2 follow-ups");
    expect(reply.text).toContain("visits 4/5 · follow-ups 2/3");
    expect(reply.reply_parameters).toMatchObject({ message_id: 2210 });
    expect(JSON.stringify(reply.reply_markup)).toContain('"callback_data":"add:visits"');
    expect(await teamTotals()).toMatchObject({ visits: 4, followUps: 2 });
  });

  it("logs a plain private message as a report to the rep's team", async () => {
    await setUpGroup();
    await say(groupText("/today@CorongBot"));
    const update = telegramFixture("message-private.json");
    update.update_id = ++updateId;
    update.message.date = now();
    const reply = await say(update);
    expect(reply.chat_id).toBe(AYU.id);
    expect(reply.reply_parameters).toBeUndefined();
    expect(reply.text).toContain("✅ Logged for today: 4 visits · 2 follow-ups");
    expect(JSON.stringify(reply.reply_markup)).toMatch(/"callback_data":"undo:\d+"/);
    expect(await teamTotals()).toMatchObject({ visits: 4, followUps: 2 });
  });

  it("refuses a quota change from a member who is not an admin, re-reading the admins each time", async () => {
    await setUpGroup();
    expect((await say(groupText("/quota visits 6"))).text).toContain("Only a team manager can change quotas");
    expect((await say(groupText("/quota@CorongBot visits 6", MAYA))).text).toContain(
      "Daily quota set: 6 visits",
    );
    expect((await say(groupText("/quota"))).text).toContain("Daily quota: 6 visits");
    // Maya is no longer an admin in Telegram: she is no longer a manager in Corong.
    fake.setAdmins(GROUP.id, [AYU]);
    expect((await say(groupText("/quota visits 7", MAYA))).text).toContain("Only a team manager");
    expect((await say(groupText("/quota visits 7", AYU))).text).toContain("Daily quota set: 7 visits");
  });

  it("answers a button press and edits the message in place: +1 visit, +1 follow-up, Undo", async () => {
    await setUpGroup();
    const report = telegramFixture("message-group-command.json");
    report.update_id = ++updateId;
    report.message.date = now();
    await say(report);
    const press = async (data: string, from: FakeUser = AYU) => {
      const update = telegramFixture("callback-query.json");
      update.update_id = ++updateId;
      update.callback_query.id = `cb-${updateId}`;
      update.callback_query.data = data;
      update.callback_query.from = from;
      const edits = fake.callsTo("editMessageText").length;
      const answers = fake.callsTo("answerCallbackQuery").length;
      fake.push(update);
      await fake.waitFor(() => fake.callsTo("answerCallbackQuery").length > answers);
      if (from.id !== AYU.id) return { answer: fake.callsTo("answerCallbackQuery")[answers]?.args };
      await fake.waitFor(() => fake.callsTo("editMessageText").length > edits);
      return {
        answer: fake.callsTo("answerCallbackQuery")[answers]?.args,
        edit: fake.callsTo("editMessageText")[edits]?.args as Sent & { message_id: number },
      };
    };
    const plusVisit = await press("add:visits");
    expect(plusVisit.answer?.callback_query_id).toBe(`cb-${updateId}`);
    expect(plusVisit.edit).toMatchObject({ chat_id: GROUP.id, message_id: 5001, parse_mode: "HTML" });
    expect(plusVisit.edit?.text).toContain("✅ Logged for today: 1 visit");
    expect(plusVisit.edit?.text).toContain("visits 5/5");
    expect((await press("add:followUps")).edit?.text).toContain("1 follow-up");
    const undo = await press("undo");
    expect(undo.edit?.text).toContain("↩️ Withdrawn: 1 follow-up (today).");
    expect(undo.edit?.reply_markup).toBeUndefined();
    const stranger = await press("add:visits", BUDI);
    expect(stranger.answer?.text).toBe("Tombol ini untuk laporan orang lain.");
    expect(await teamTotals()).toMatchObject({ visits: 5, followUps: 2 });
    expect(fake.callsTo("sendMessage")).toHaveLength(2);
  });

  it("still counts a press whose spinner Telegram will not stop (a retried, too-old query), once", async () => {
    await setUpGroup();
    const report = telegramFixture("message-group-command.json");
    report.update_id = ++updateId;
    report.message.date = now();
    await say(report);
    fake.refuse("answerCallbackQuery", "Bad Request: query is too old and response timeout expired", 3);
    const update = telegramFixture("callback-query.json");
    update.update_id = ++updateId;
    update.callback_query.data = "add:visits";
    update.callback_query.from = AYU;
    const edits = fake.callsTo("editMessageText").length;
    fake.push(update);
    await fake.waitFor(() => fake.callsTo("editMessageText").length > edits);
    expect(String(fake.callsTo("editMessageText").at(-1)?.args.text)).toContain(
      "✅ Logged for today: 1 visit",
    );
    expect(await teamTotals()).toMatchObject({ visits: 5 });
    // Nobody is told it was lost.
    expect(fake.callsTo("sendMessage").filter((c) => String(c.args.text).includes("couldn't"))).toEqual([]);
  });

  it("updates the stored report when the message is edited (privacy mode off: plain group messages)", async () => {
    await setUpGroup();
    const original = groupText("met 4 clients, 2 follow-ups");
    original.message.message_id = 2211;
    expect((await say(original)).text).toContain("✅ Logged for today: 4 visits");
    const edit = telegramFixture("edited-message.json");
    edit.update_id = ++updateId;
    edit.edited_message.date = now();
    edit.edited_message.edit_date = now() + 60;
    const updated = await say(edit);
    expect(updated.text).toContain("✏️ Updated for today: 5 visits · 2 follow-ups");
    expect(await teamTotals()).toMatchObject({ visits: 5, followUps: 2 });
  });

  it("ignores group chatter, other bots' commands and messages from bots", async () => {
    await setUpGroup();
    const fromBot = groupText("met 9 clients", { ...MAYA, id: 999, is_bot: true });
    const reply = await say(
      groupText("lunch at 12?"),
      groupText("/weather@OtherBot"),
      groupText("/weather"),
      fromBot,
      groupText("@CorongBot met 1 client"),
    );
    expect(reply.text).toContain("✅ Logged for today: 1 visit");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fake.callsTo("sendMessage")).toHaveLength(2);
    expect(await teamTotals()).toMatchObject({ visits: 1 });
  });

  it("counts a repeated update_id once, and the same chat and message id once", async () => {
    await setUpGroup();
    const report = groupText("/report met 4 clients");
    await say(report, report);
    const again = { ...structuredClone(report), update_id: ++updateId };
    await say(again);
    await say(groupText("/report met 1 client"));
    expect(await teamTotals()).toMatchObject({ visits: 5 });
    const rows = await database.connection.db.selectFrom("reports").select("messageId").execute();
    expect(
      rows.map((r) => r.messageId).filter((id) => id === `${GROUP.id}:${report.message.message_id}`),
    ).toHaveLength(1);
    // The setup, the report, its redelivery under a new update_id (confirmed again), the last report.
    expect(fake.callsTo("sendMessage")).toHaveLength(4);
  });

  it("checks a visit in from a shared location, and shows managers the check-ins in /funnel", async () => {
    await setUpGroup();
    await say(groupText("/today"));
    const location = telegramFixture("message-location.json");
    location.update_id = ++updateId;
    location.message.date = now();
    const reply = await say(location);
    expect(reply.text).toContain("📍 Visit checked in for today: 1 visit");
    expect(reply.text).toContain("visits 1/5");
    await say({ ...structuredClone(location), update_id: ++updateId });
    const [checkIn, ...more] = await database.connection.db.selectFrom("visitCheckins").selectAll().execute();
    expect(more).toHaveLength(0);
    expect(Number(checkIn?.latitude)).toBeCloseTo(-6.208763, 5);
    expect(Number(checkIn?.longitude)).toBeCloseTo(106.845599, 5);
    await say(groupText("/report met 2 clients, 1 new lead"));
    expect(await teamTotals()).toMatchObject({ visits: 3 });
    const funnel = await say(groupText("/funnel@CorongBot", MAYA));
    expect(funnel.text).toContain("📍 1 of 3 visits checked in by location");
  });

  it("answers in Indonesian when the user's language_code is id", async () => {
    await setUpGroup();
    expect((await say(groupText("/today", BUDI))).text).toContain("Hari ini");
    const help = await say(privateText("/start", BUDI));
    expect(help.text).toContain("Corong — catatan penjualan harianmu");
    expect((await say(privateText("ketemu 3 klien", BUDI))).text).toContain(
      "✅ Tercatat untuk hari ini: 3 kunjungan",
    );
  });

  it("keeps groups apart, asks a rep on two teams where direct messages go, and keeps Slack data apart", async () => {
    await setUpGroup();
    expect((await say(groupText("/report met 9 clients", AYU, GROUP_B))).text).toContain(
      "isn't a Corong team yet",
    );
    await setUpGroup(GROUP_B);
    await say(groupText("/report met 4 clients"));
    await say(groupText("/report met 2 clients", AYU, GROUP_B));
    const choose = await say(privateText("met 1 client"));
    expect(choose.text).toContain("You're on more than one team");
    expect(JSON.stringify(choose.reply_markup)).toMatch(/team:\d+/);
    // A Slack team whose channel id equals the Telegram group's id stays its own.
    const at = new Date().toISOString();
    const slackWorkspace = await service.store.ensureWorkspace("slack", String(FAKE_BOT.id), "Acme", at);
    const slackTeam = await service.store.createTeam(
      {
        workspaceId: slackWorkspace,
        externalId: String(GROUP.id),
        name: "#sales",
        timezone: "Asia/Jakarta",
        locale: "en",
      },
      at,
    );
    const slackRep = await service.store.ensureMember(slackWorkspace, String(AYU.id), "Ayu", at);
    await service.store.saveReport({
      workspaceId: slackWorkspace,
      teamId: slackTeam.id,
      memberId: slackRep.id,
      day: at.slice(0, 10),
      counts: { visits: 50 },
      sourceText: "met 50 clients",
      messageId: `${GROUP.id}:${messageId}`,
      at,
    });
    await say(groupText("/report met 1 client"));
    expect((await teamTotals())?.visits).toBe(5);
    expect((await teamTotals(GROUP_B))?.visits).toBe(2);
    expect((await say(groupText("/week"))).text).toMatch(/Visits 5\/\d+/);
  });

  it("logs a failing handler with context and answers kindly, then carries on", async () => {
    await setUpGroup();
    await say(groupText("/today"));
    await sql`alter table reports rename to reports_away`.execute(database.connection.db);
    const reply = await say(privateText("met 4 clients"));
    expect(reply.text).toContain("Something went wrong on my side 😕 If you sent a report, check");
    expect(errors).toContainEqual(
      expect.objectContaining({
        msg: "handling a message failed",
        obj: expect.objectContaining({ platform: "telegram", user: String(AYU.id) }),
      }),
    );
    await sql`alter table reports_away rename to reports`.execute(database.connection.db);
    expect((await say(privateText("met 2 clients"))).text).toContain("✅ Logged for today: 2 visits");
  });

  it("leaves an update it could not record unconfirmed, and handles it once the database is back", async () => {
    await setUpGroup();
    const release = await holdDatabase(database);
    fake.push(groupText("/report met 3 clients"));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    // Not recorded, so not confirmed: Telegram still holds it, and nothing was answered.
    expect(fake.pending()).toBe(1);
    expect(fake.callsTo("sendMessage")).toHaveLength(1);
    await release();
    await fake.waitFor(() => fake.callsTo("sendMessage").length === 2);
    expect(fake.callsTo("sendMessage")[1]?.args.text).toContain("✅ Logged for today: 3 visits");
    expect(await teamTotals()).toMatchObject({ visits: 3 });
  });

  it("lets a manager coach a rep by @username or by replying to their message, privately", async () => {
    // On a known day: Wednesday 2 December 2026, 10:00 in Jakarta, in week 49.
    const started = Date.now();
    const clock = () => Date.parse("2026-12-02T10:00:00+07:00") + (Date.now() - started);
    await service.stop();
    ({ service } = await startTelegramService(database, { fake, logger, clock }));
    await setUpGroup();
    await say(groupText("/report met 4 clients, 10 new leads, 2 prospects"));
    const budisReport = groupText("/report ketemu 2 klien", BUDI);
    await say(budisReport);

    /** Sends one update and returns the `count` messages the bot sends for it. */
    const answers = async (update: Record<string, unknown>, count: number) => {
      const before = fake.callsTo("sendMessage").length;
      fake.push(update);
      await fake.waitFor(() => fake.callsTo("sendMessage").length >= before + count);
      return fake
        .callsTo("sendMessage")
        .slice(before)
        .map((c) => c.args as Sent);
    };

    // Asked in the group, by @username: the funnel goes to the manager's private chat, a word to the group.
    const [funnel, notice] = await answers(groupText("/funnel @ayu_lestari", MAYA), 2);
    expect(funnel?.chat_id).toBe(MAYA.id);
    expect(funnel?.text).toContain("Ayu Lestari · week 49 (30 Nov – 6 Dec)");
    expect(funnel?.text).toContain("Ratio 10 : 2 : 0 : 0 · team 10 : 2 : 0 : 0");
    expect(notice).toMatchObject({
      chat_id: GROUP.id,
      text: "📬 Sent to you in a private chat — reps' figures stay out of the group.",
    });

    // /funnel as a reply to Budi's message is about Budi.
    const aboutBudi = groupText("/funnel month", MAYA);
    aboutBudi.message.reply_to_message = budisReport.message;
    const [budis] = await answers(aboutBudi, 2);
    expect(budis?.chat_id).toBe(MAYA.id);
    expect(budis?.text).toContain("Budi · Dec 2026");

    // A manager who never opened a private chat with the bot is told how, and the roster stays out of the group.
    fake.refuse("sendMessage", "Bad Request: chat not found", 1);
    const [, told] = await answers(groupText("/team", MAYA), 2);
    expect(told).toMatchObject({ chat_id: GROUP.id });
    expect(told?.text).toContain("Open a private chat with me, tap Start, then ask again here.");
    const roster = (await say(privateText("/team", MAYA))).text;
    expect(roster).toContain("Sales JKT · today (Wed 2 Dec) · 2 of 2 reported");
    expect(roster).toContain("Ayu Lestari 4/5");

    const board = (await say(privateText("/leaderboard", MAYA))).text;
    expect(board).toContain("🏆 Sales JKT · week 49 (30 Nov – 6 Dec)");
    expect(board.indexOf("Ayu Lestari")).toBeLessThan(board.indexOf("Budi"));

    // The trend: a table, then the chart as a photo.
    expect((await say(privateText("/trend", MAYA))).text).toContain("Sales JKT · last 8 weeks");
    await fake.waitFor(() => fake.callsTo("sendPhoto").length === 1);
    expect(fake.callsTo("sendPhoto")[0]?.args).toMatchObject({
      chat_id: String(MAYA.id),
      photo: { file: true },
      caption: "Sales JKT · last 8 weeks",
    });

    // An export asked in the group goes to the manager's private chat as a document.
    const [exported, exportNotice] = await answers(groupText("/export", MAYA), 2);
    expect(exported).toMatchObject({ chat_id: MAYA.id });
    expect(exported?.text).toContain("📎 Sales JKT · Dec 2026: 2 reports as CSV");
    expect(exportNotice).toMatchObject({ chat_id: GROUP.id });
    await fake.waitFor(() => fake.callsTo("sendDocument").length === 1);
    expect(fake.callsTo("sendDocument")[0]?.args).toMatchObject({
      chat_id: String(MAYA.id),
      document: { file: true },
      caption: "Sales JKT · Dec 2026",
    });

    // The dashboard link goes to the manager's private chat, never into the group.
    const [link, linkNotice] = await answers(groupText("/dashboard", MAYA), 2);
    expect(link).toMatchObject({ chat_id: MAYA.id, link_preview_options: { is_disabled: true } });
    expect(link?.text).toContain("🔐 The Sales JKT dashboard: http://localhost:");
    expect(linkNotice).toMatchObject({
      chat_id: GROUP.id,
      text: "🔐 I sent you the dashboard link in a private chat.",
    });
    fake.refuse("sendMessage", "Forbidden: bot was blocked by the user", 1);
    const [, refused] = await answers(groupText("/dashboard", MAYA), 2);
    expect(refused?.text).toContain("Open a private chat with me");
    const inGroup = fake.callsTo("sendMessage").filter((c) => (c.args as Sent).chat_id === GROUP.id);
    expect(inGroup.some((c) => String((c.args as Sent).text).includes("/dashboard/login/"))).toBe(false);
    const session = await signIn(linkIn(String(link?.text)).replace("localhost", "127.0.0.1"));
    const page = await get(`http://127.0.0.1:${service.port}/dashboard/trend`, session);
    expect(visibleText(page.text)).toContain("The last 1 week");

    // A rep asking about a colleague is refused in the group; their own funnel they may show there.
    const nosy = groupText("/funnel", AYU);
    nosy.message.reply_to_message = budisReport.message;
    expect((await say(nosy)).text).toContain("Other reps' figures are for managers.");
    const own = await say(groupText("/funnel me", AYU));
    expect(own.chat_id).toBe(GROUP.id);
    expect(own.text).toContain("Ayu Lestari · week 49");
  });

  it("honours 429 retry_after when sending and delivers the reply once", async () => {
    await setUpGroup();
    fake.rateLimit("sendMessage", 1, 1);
    fake.push(groupText("/report met 4 clients"));
    const sent = () => fake.callsTo("sendMessage").slice(1);
    const isConfirmation = (text: unknown) => String(text).includes("✅ Logged for today: 4 visits");
    // The first send after setup takes the 429. On a loaded machine that may be a "saving is slow" notice
    // rather than the confirmation, so the retry is found by its text.
    await fake.waitFor(() => {
      const [refused, ...rest] = sent();
      return (
        rest.some((c) => c.args.text === refused?.args.text) && rest.some((c) => isConfirmation(c.args.text))
      );
    });
    const [refused, ...rest] = sent();
    const retry = rest.find((c) => c.args.text === refused?.args.text);
    expect((retry?.at ?? 0) - (refused?.at ?? 0)).toBeGreaterThanOrEqual(990);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(
      sent()
        .slice(1)
        .filter((c) => isConfirmation(c.args.text)),
    ).toHaveLength(1);
    expect(await teamTotals()).toMatchObject({ visits: 4 });
  });
});

describe.each(DIALECTS)("Telegram webhook on $name", (dialect) => {
  let database: TestDatabase;
  let service: Service;
  let fake: FakeTelegram;

  beforeEach(async () => {
    database = await dialect.create();
    ({ service, fake } = await startTelegramService(database, { webhook: true }));
  });
  afterEach(async () => {
    await service.stop();
    await fake.close();
    await database.drop();
  });

  const post = (update: unknown, secret?: string) =>
    fetch(`http://127.0.0.1:${service.port}/telegram/webhook`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(secret === undefined ? {} : { "x-telegram-bot-api-secret-token": secret }),
      },
      body: JSON.stringify(update),
    });

  function setup(updateId: number) {
    const update = telegramFixture("message-group-command.json");
    update.update_id = updateId;
    Object.assign(update.message, {
      message_id: updateId,
      from: MAYA,
      text: "/setup@CorongBot",
      date: Math.floor(Date.now() / 1000),
    });
    update.message.entities[0].length = "/setup@CorongBot".length;
    return update;
  }

  it("registers the webhook with its secret and serves it on the shared port", async () => {
    expect(fake.callsTo("setWebhook")).toEqual([
      expect.objectContaining({
        args: expect.objectContaining({
          url: "https://corong.example.com/telegram/webhook",
          secret_token: WEBHOOK_SECRET,
        }),
      }),
    ]);
    expect(fake.callsTo("deleteWebhook")).toHaveLength(0);
    expect((await fetch(`http://127.0.0.1:${service.port}/healthz`)).status).toBe(200);
    expect((await post(setup(1), WEBHOOK_SECRET)).status).toBe(200);
    const report = telegramFixture("message-group-command.json");
    report.message.date = Math.floor(Date.now() / 1000);
    const first = await post(report, WEBHOOK_SECRET);
    expect(first.status).toBe(200);
    expect((await post(report, WEBHOOK_SECRET)).status).toBe(200);
    await fake.waitFor(() => fake.callsTo("sendMessage").length === 2);
    expect(String(fake.callsTo("sendMessage")[1]?.args.text)).toContain("✅ Logged for today: 4 visits");
    const [team] = await service.store.listTeams();
    expect(await storedTotals(service.store, { teamId: team?.id ?? 0, range: ALL_TIME })).toMatchObject({
      visits: 4,
    });
  });

  it("answers 503 while an update cannot be recorded, so Telegram delivers it again", async () => {
    expect((await post(setup(3), WEBHOOK_SECRET)).status).toBe(200);
    await fake.waitFor(() => fake.callsTo("sendMessage").length === 1);
    const report = telegramFixture("message-group-command.json");
    report.update_id = 4;
    report.message.date = Math.floor(Date.now() / 1000);
    const release = await holdDatabase(database);
    expect((await post(report, WEBHOOK_SECRET)).status).toBe(503);
    await release();
    expect((await post(report, WEBHOOK_SECRET)).status).toBe(200);
    await fake.waitFor(() => fake.callsTo("sendMessage").length === 2);
    const [team] = await service.store.listTeams();
    expect(await storedTotals(service.store, { teamId: team?.id ?? 0, range: ALL_TIME })).toMatchObject({
      visits: 4,
    });
  });

  it.each([
    ["a wrong secret", "not-the-secret"],
    ["no secret", undefined],
  ])("refuses an update with %s: 403 and nothing handled", async (_name, secret) => {
    const response = await post(setup(2), secret);
    expect(response.status).toBe(403);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fake.callsTo("sendMessage")).toHaveLength(0);
    expect(fake.callsTo("getChatAdministrators")).toHaveLength(0);
    expect(await service.store.listTeams()).toHaveLength(0);
  });
});
