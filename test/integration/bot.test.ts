import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createBot } from "../../src/app/bot.js";
import { CorongError } from "../../src/app/errors.js";
import { silentLogger } from "../../src/app/logger.js";
import type { Store } from "../../src/app/ports.js";
import { replyToText } from "../../src/core/reply.js";
import { type Harness, harness, WED_10AM_JAKARTA } from "../support/bot-harness.js";
import { countingStore } from "../support/counting-store.js";
import { DIALECTS, type TestDatabase } from "../support/databases.js";
import { storedTotals } from "../support/totals.js";

const wholeWeek = { start: "2026-11-30", end: "2026-12-06" };

describe.each(DIALECTS)("the bot on $name", (dialect) => {
  let database: TestDatabase;
  let h: Harness;

  beforeEach(async () => {
    database = await dialect.create();
    h = await harness(database);
  });
  afterEach(async () => {
    await database.drop();
  });

  async function ayuTotals() {
    const ayu = await h.store.ensureMember(h.team.workspaceId, "ayu", "Ayu", "2026-12-02T03:00:00Z");
    return storedTotals(h.store, { teamId: h.team.id, memberId: ayu.id, range: wholeWeek });
  }

  it("logs a plain report and answers with today's totals against quota", async () => {
    const reply = await h.send("met 4 clients, 2 follow-ups");
    expect(reply).toBe(
      "✅ Logged for today: 4 visits · 2 follow-ups\nToday: visits 4/5 · follow-ups 2/3 — one more visit to hit quota",
    );
    expect(await ayuTotals()).toMatchObject({ visits: 4, followUps: 2, leads: 0 });
  });

  it("knows a rep writing in their team's channel from one read, and still picks up a new name", async () => {
    const { store: watched, calls } = countingStore(h.store);
    const bot = createBot({
      store: watched,
      logger: silentLogger,
      defaults: { timeZone: "Asia/Jakarta", locale: "en" },
    });
    let message = 0;
    const say = async (
      text: string,
      displayName: string,
      user = "ayu",
      via: "channel" | "command" = "channel",
    ) =>
      replyToText(
        await bot.handle({
          platform: "slack",
          workspace: { externalId: "T1" },
          team: { externalId: "C-SALES" },
          user: { externalId: user, displayName },
          text,
          via,
          messageId: `C-SALES:${++message}`,
          receivedAt: WED_10AM_JAKARTA,
        }),
      );
    // First contact: the member is created and joins the team.
    expect(await say("met 2 clients", "Ayu")).toContain("2 visits");
    expect(calls.has("joinTeam")).toBe(true);
    calls.clear();
    expect(await say("met 1 client", "Ayu")).toContain("Today: visits 3/5");
    expect(calls.has("findInTeamChannel")).toBe(true);
    expect(calls.has("ensureMember")).toBe(false);
    expect(calls.has("findTeam")).toBe(false);
    expect(calls.has("joinTeam")).toBe(false);
    expect(calls.has("roleOf")).toBe(false);
    // A new name on the platform is stored, and the reports stay hers.
    expect(await say("met 1 client", "Ayu Lestari")).toContain("Today: visits 4/5");
    const members = await h.store.listTeamMembers(h.team.id);
    expect(members.map((m) => m.displayName)).toContain("Ayu Lestari");
    expect(await ayuTotals()).toMatchObject({ visits: 4 });
    // The manager is known as the manager on the quick path too.
    expect(await say("quota visits 6", "Maya", "maya", "command")).toContain("Daily quota set: 6 visits");
    expect(await say("quota visits 7", "Ayu Lestari", "ayu", "command")).toContain("Only a team manager");
  });

  it("confirms a saved report even when the day's totals cannot be read after it, so it is not sent twice", async () => {
    let saved = false;
    const flaky: Store = {
      ...h.store,
      saveReport: async (report) => {
        const outcome = await h.store.saveReport(report);
        saved = true;
        return outcome;
      },
      sumCountsByMember: async (...args) => {
        if (saved) throw new CorongError("unavailable", "the database went away");
        return h.store.sumCountsByMember(...args);
      },
    };
    const bot = createBot({
      store: flaky,
      logger: silentLogger,
      defaults: { timeZone: "Asia/Jakarta", locale: "en" },
    });
    const reply = await bot.handle({
      platform: "slack",
      workspace: { externalId: "T1" },
      team: { externalId: "C-SALES" },
      user: { externalId: "ayu", displayName: "Ayu" },
      text: "met 4 clients",
      via: "direct",
      messageId: "C-SALES:1.1",
      receivedAt: WED_10AM_JAKARTA,
    });
    expect(replyToText(reply)).toBe("✅ Logged for today: 4 visits");
    expect(await ayuTotals()).toMatchObject({ visits: 4 });
  });

  it("answers an Indonesian report in Indonesian", async () => {
    const reply = await h.send("ketemu 4 klien, 2 follow up");
    expect(reply).toContain("✅ Tercatat untuk hari ini: 4 kunjungan · 2 follow up");
    expect(reply).toContain("Hari ini: kunjungan 4/5 · follow up 2/3 — kurang 1 kunjungan lagi");
  });

  it("adds up the day across reports and books 'yesterday' to yesterday", async () => {
    await h.send("met 3 clients");
    const second = await h.send("met 2 more clients and followed up with 3");
    expect(second).toContain("Today: visits 5/5 · follow-ups 3/3 — quota hit 🎉");
    const past = await h.send("yesterday got 1 referral and 3 new leads");
    expect(past).toContain("✅ Logged for yesterday: 1 referral received · 3 leads");
    const ayu = await h.store.ensureMember(h.team.workspaceId, "ayu", "Ayu", "2026-12-02T03:00:00Z");
    const tuesday = await storedTotals(h.store, {
      teamId: h.team.id,
      memberId: ayu.id,
      range: { start: "2026-12-01", end: "2026-12-01" },
    });
    expect(tuesday).toMatchObject({ leads: 3, referralsReceived: 1, visits: 0 });
  });

  it("explains kindly when a direct message holds no report, and stores nothing", async () => {
    const reply = await h.send("how's everyone doing?");
    expect(reply).toContain("I couldn't find any activity in that");
    expect(reply).toContain("/sales help");
    expect(await ayuTotals()).toMatchObject({ visits: 0, followUps: 0 });
  });

  it("stays silent on chatter in the team channel", async () => {
    expect(await h.send("good morning team, coffee anyone?", { via: "channel" })).toBe("");
    expect(await h.send("help", { via: "channel" })).toBe("");
  });

  it("refuses absurd and negative counts without saving anything", async () => {
    expect(await h.send("met 50000 clients")).toBe(
      "50,000 visits in one day looks like a typo — nothing was saved. Send the right number and I'll log it.",
    );
    expect(await h.send("met -3 clients")).toContain("nothing was saved");
    expect(await ayuTotals()).toMatchObject({ visits: 0 });
  });

  it("counts a redelivered message once and treats new text under the same id as an edit", async () => {
    await h.send("met 4 clients", { messageId: "m-1" });
    await h.send("met 4 clients", { messageId: "m-1" });
    expect((await ayuTotals()).visits).toBe(4);
    const edited = await h.send("met 5 clients", { messageId: "m-1" });
    expect(edited).toContain("✏️ Updated for today: 5 visits");
    expect((await ayuTotals()).visits).toBe(5);
  });

  it("never lets an older text of a message overwrite a newer one handled first, whatever the order", async () => {
    const sent = WED_10AM_JAKARTA - 60_000;
    // The edit is handled first (the original waited out a database blip), then the original arrives.
    expect(
      await h.send("met 3 clients", { messageId: "m-late", sentAt: sent, revisedAt: sent + 30_000 }),
    ).toContain("3 visits");
    expect(await h.send("met 5 clients", { messageId: "m-late", sentAt: sent, revisedAt: sent })).toBe("");
    expect((await ayuTotals()).visits).toBe(3);
    // A newer edit still applies.
    expect(
      await h.send("met 4 clients", { messageId: "m-late", sentAt: sent, revisedAt: sent + 90_000 }),
    ).toContain("✏️ Updated for today: 4 visits");
    expect((await ayuTotals()).visits).toBe(4);
  });

  it("keeps a deleted message's report withdrawn, even when its original or an edit is handled after the deletion", async () => {
    const sent = WED_10AM_JAKARTA - 60_000;
    const deletion = {
      platform: "slack" as const,
      workspace: { externalId: "T1" },
      team: { externalId: "C-SALES" },
      user: { externalId: "ayu", displayName: "Ayu" },
      receivedAt: WED_10AM_JAKARTA,
    };
    // Deleted before the original was handled.
    expect(await h.bot.handleDeletion({ ...deletion, messageId: "m-gone" })).toBeNull();
    expect(await h.send("met 6 clients", { messageId: "m-gone", sentAt: sent, revisedAt: sent })).toBe("");
    // Deleted after it was counted, and then a late edit.
    await h.send("met 2 clients", { messageId: "m-counted", sentAt: sent, revisedAt: sent });
    const withdrawn = await h.bot.handleDeletion({ ...deletion, messageId: "m-counted" });
    expect(replyToText(withdrawn ?? { tone: "info", lines: [] })).toContain("↩️ Withdrawn: 2 visits");
    expect(
      await h.send("met 7 clients", { messageId: "m-counted", sentAt: sent, revisedAt: sent + 5000 }),
    ).toBe("");
    expect((await ayuTotals()).visits).toBe(0);
    // Nor does it stand in the way of an undo of the rep's real last report.
    await h.send("met 1 client");
    expect(await h.send("undo")).toContain("↩️ Withdrawn: 1 visit");
  });

  it("counts the same message delivered concurrently once", async () => {
    await Promise.all(
      Array.from({ length: 6 }, () => h.send("met 2 clients, 1 follow-up", { messageId: "m-race" })),
    );
    expect(await ayuTotals()).toMatchObject({ visits: 2, followUps: 1 });
  });

  it("undoes the last report, then the one before, then says there is nothing left", async () => {
    await h.send("met 4 clients, 2 follow-ups");
    await h.send("1 new lead");
    expect(await h.send("undo")).toBe(
      "↩️ Withdrawn: 1 lead (today).\nToday: visits 4/5 · follow-ups 2/3 — one more visit to hit quota",
    );
    expect(await h.send("undo")).toContain("↩️ Withdrawn: 4 visits · 2 follow-ups (today).");
    expect(await h.send("undo")).toBe("There's no report of yours to withdraw.");
    expect(await ayuTotals()).toMatchObject({ visits: 0, followUps: 0, leads: 0 });
  });

  it("undoes the very report a confirmation's button belongs to, once", async () => {
    const first = await h.bot.handle({
      platform: "slack",
      workspace: { externalId: "T1" },
      team: { externalId: "C-SALES" },
      user: { externalId: "ayu", displayName: "Ayu" },
      text: "met 4 clients",
      via: "direct",
      receivedAt: WED_10AM_JAKARTA,
    });
    await h.send("2 new leads");
    const undo = first.buttons?.find((b) => b.action.startsWith("undo:"))?.action ?? "missing";
    const press = () =>
      h.bot.handleAction({
        platform: "slack",
        workspace: { externalId: "T1" },
        team: { externalId: "C-SALES" },
        user: { externalId: "ayu", displayName: "Ayu" },
        action: undo,
        receivedAt: WED_10AM_JAKARTA,
      });
    expect((await press()).lines[0]).toBe("↩️ Withdrawn: 4 visits (today).");
    expect((await press()).lines[0]).toBe("That report was already withdrawn — nothing changed.");
    expect(await ayuTotals()).toMatchObject({ visits: 0, leads: 2 });
  });

  it("shows today and the week against quota", async () => {
    await h.send("met 4 clients, 2 follow-ups, 1 new lead");
    await h.send("monday met 5 clients, 3 follow-ups");
    expect(await h.send("today")).toBe(
      "Today · Wed 2 Dec\nVisits 4/5 · follow-ups 2/3 — one more visit to hit quota\nAlso: 1 lead",
    );
    // On Wednesday the week so far is three working days: Thursday and Friday have not come yet.
    const week = await h.send("week");
    expect(week).toContain("Week 49 (30 Nov – 6 Dec)");
    expect(week).toContain("Visits 9/15 · follow-ups 5/9");
    expect(week).toContain("Reported 2 of 3 working days");
  });

  it("lets a manager set quotas and refuses a rep", async () => {
    expect(await h.send("quota visits 8")).toBe(
      "Only a team manager can change quotas — ask your manager to set them.",
    );
    expect(await h.send("quota visits 8", { user: "maya" })).toBe(
      "Daily quota set: 8 visits per rep per working day, from today.",
    );
    expect(await h.send("met 4 clients")).toContain("visits 4/8");
    // From today: yesterday is still scored against the quota it had.
    expect(await h.send("yesterday met 3 clients")).toContain("Yesterday: visits 3/5 · follow-ups 0/3");
  });

  it("shows the funnel against 10:5:3:1 and names the weakest stage", async () => {
    await h.send("24 new leads, 10 prospects, 4 potential, 2 closeable, closed 1");
    const funnel = await h.send("funnel");
    expect(funnel).toContain("Sales JKT · week 49 (30 Nov – 6 Dec)");
    expect(funnel).toContain("Leads 24 → Prospects 10 → Potential 4 → Closeable 2 → Closed 1");
    expect(funnel).toContain("Ratio 10 : 4.2 : 1.7 : 0.8 · benchmark 10 : 5 : 3 : 1");
    expect(funnel).toMatch(/Prospect → potential\s+40%\s+60%\s+▼ weakest/);
    expect(funnel).toContain("Tip: prospects stall before they become potential.");
  });

  it("shows an empty funnel without NaN", async () => {
    const funnel = await h.send("funnel month");
    expect(funnel).toContain("No funnel activity in this period yet");
    expect(funnel).not.toMatch(/NaN|Infinity/);
  });

  it("plans the month backwards from a manager's target", async () => {
    expect(await h.send("target 8")).toContain("Only a team manager can set the monthly target");
    const plan = await h.send("target 8", { user: "maya" });
    expect(plan).toContain("🎯 Monthly target: 8 closings a month, from this month on.");
    expect(plan).toContain("8 closings need ≈ 16 closeable · 48 potential · 80 prospects · 160 leads");
    // 2 to 31 December 2026 holds 22 weekdays, less Christmas Day, a public holiday in Indonesia: 160 / 21.
    expect(plan).toContain("→ 7.7 new leads per working day (21 working days left)");
    expect(await h.send("plan")).toContain("8 closings need ≈ 16 closeable");
  });

  it("plans only the closings still to go this month", async () => {
    await h.send("target 8", { user: "maya" });
    await h.send("yesterday closed 3 deals");
    const plan = await h.send("plan");
    expect(plan).toContain("3 of 8 closings done this month; the rest:");
    expect(plan).toContain("5 closings need ≈ 10 closeable · 30 potential · 50 prospects · 100 leads");
    await h.send("closed 5 deals");
    // Today's closings count from tomorrow's plan on; the target is met once they are in.
    expect(await h.send("plan", { receivedAt: WED_10AM_JAKARTA + 86_400_000 })).toContain(
      "🎉 Target reached: 8 of 8 closings this month.",
    );
  });

  it("remembers a rep's language", async () => {
    expect(await h.send("lang id")).toBe("Siap — aku akan menjawab dalam Bahasa Indonesia.");
    expect(await h.send("met 2 clients")).toContain("✅ Tercatat untuk hari ini: 2 kunjungan");
    expect(await h.send("today")).toContain("Hari ini · Rab 2 Des");
  });

  it("answers commands in the language they are typed in when the rep has not chosen one", async () => {
    expect(await h.send("hari ini")).toContain("Hari ini · Rab 2 Des");
    expect(await h.send("libur besok")).toContain("🌴 Libur dicatat: 3 Des (1 hari kerja)");
    expect(await h.send("rencana")).toContain("Rencana");
    expect(await h.send("batal")).toBe("Belum ada laporanmu yang bisa dibatalkan.");
    expect(await h.send("today")).toContain("Today · Wed 2 Dec");
  });

  it("keeps to the conversation's language for a message both languages share", async () => {
    expect(await h.send("ketemu 2 klien")).toContain("✅ Tercatat untuk hari ini: 2 kunjungan");
    expect(await h.send("closing 2")).toContain("✅ Tercatat untuk hari ini: 2 closing");
    expect(await h.send("met 1 client")).toContain("✅ Logged for today: 1 visit");
    expect(await h.send("fu 3")).toContain("✅ Logged for today: 3 follow-ups");
  });

  it("stays in the language a rep chose, whatever they write", async () => {
    await h.send("lang en");
    expect(await h.send("ketemu 2 klien")).toContain("✅ Logged for today: 2 visits");
    expect(await h.send("hari ini")).toContain("Today · Wed 2 Dec");
  });

  it("names the commands in Indonesian in the Indonesian help", async () => {
    const help = await h.send("bantuan");
    for (const word of ["hari ini", "minggu ini", "corong", "rencana", "kuota kunjungan", "batal", "libur"]) {
      expect(help).toContain(`/sales ${word}`);
    }
    // And each of those words works as the command it names.
    expect(await h.send("minggu ini")).toContain("Minggu 49");
    expect(await h.send("corong bulan")).toContain("Sales JKT · Des 2026");
  });

  it("says which part of a report it did not count, and never counts a shop's number", async () => {
    const reply = await h.send("ketemu 4 klien di Toko Maju 88, 2 fu, sama anu 3");
    expect(reply).toContain("✅ Tercatat untuk hari ini: 4 kunjungan · 2 follow up");
    expect(reply).toContain(
      "Tidak dihitung: “sama anu 3” — kalau itu aktivitas, kirim lagi dengan nama aktivitasnya.",
    );
    expect(await h.send("met 3 clients, 2 flwups")).toContain("Not counted: “2 flwups”");
    expect((await ayuTotals()).visits).toBe(7);
  });

  it("asks which day a report for last week was, and saves nothing", async () => {
    expect(await h.send("last week met 3 clients")).toBe(
      "Which day was that? Nothing was saved — send it again with the day, e.g. `yesterday met 3 clients` or `on Monday met 3 clients`.",
    );
    expect(await h.send("minggu lalu ketemu 3 klien")).toContain("Itu hari apa?");
    expect((await ayuTotals()).visits).toBe(0);
  });

  it("keeps workspaces apart", async () => {
    const other = await harness(database, "T2");
    await h.send("met 4 clients");
    await other.send("met 1 client");
    expect((await ayuTotals()).visits).toBe(4);
    expect(await other.send("today")).toContain("Visits 1/5");
  });

  it("uses the team's timezone for the day a report belongs to", async () => {
    // 23:30 UTC on 1 December is already 06:30 on 2 December in Jakarta.
    await h.send("met 1 client", { receivedAt: Date.parse("2026-12-01T23:30:00Z") });
    expect(await h.send("today", { receivedAt: WED_10AM_JAKARTA })).toContain("Visits 1/5");
  });
});
