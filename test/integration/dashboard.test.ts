import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { exportCsv } from "../../src/app/export.js";
import type { Logger } from "../../src/app/logger.js";
import { type Harness, harness, WED_10AM_JAKARTA } from "../support/bot-harness.js";
import {
  csrfOf,
  get,
  linkIn,
  type Page,
  post,
  signIn,
  startDashboard,
  visibleText,
} from "../support/dashboard-client.js";
import { DIALECTS, type TestDatabase } from "../support/databases.js";
import { readCsv } from "../support/read-csv.js";

const DAY = 86_400_000;
const MINUTE = 60_000;

/** A logger that keeps every line, to show no secret ever reaches the logs. */
function recordingLogger(lines: string[]): Logger {
  const keep = (obj: object, msg?: string) => lines.push(JSON.stringify({ ...obj, msg }));
  const logger: Logger = { info: keep, warn: keep, error: keep, child: () => logger };
  return logger;
}

describe.each(DIALECTS)("the dashboard on $name", (dialect) => {
  let database: TestDatabase;
  let h: Harness;
  let now: number;
  let web: Awaited<ReturnType<typeof startDashboard>>;
  let logs: string[];
  const url = (path: string) => `${web.base}${path}`;
  const memberId = async (externalId: string) =>
    (await h.store.listTeamMembers(h.team.id)).find((m) => m.externalId === externalId)?.id ?? 0;
  /** Asks for a link in the chat, as `user`, and signs in with it. */
  const signInAs = async (user: string) => signIn(linkIn(await h.send("dashboard", { user })));

  beforeEach(async () => {
    database = await dialect.create();
    now = WED_10AM_JAKARTA;
    logs = [];
    let base = "";
    h = await harness(database, "T1", { dashboard: () => base });
    web = await startDashboard(h.store, () => now, recordingLogger(logs));
    base = web.base;
    await h.send("met 5 clients, 2 follow-ups, 4 leads", { user: "ayu", receivedAt: now - 2 * DAY });
    await h.send("ketemu 3 klien, 1 prospek, 2 leads", { user: "ayu", receivedAt: now - DAY });
    await h.send("visited 2 shops, 1 follow-up", { user: "budi" });
    await h.send("met 1 client <b>& co</b>", { user: "ayu" });
    await h.send("undo", { user: "ayu" });
    await h.send("met 2 clients, 1 lead", { user: "citra", receivedAt: now - 8 * DAY });
  });
  afterEach(async () => {
    await web.close();
    await database.drop();
  });

  it("signs a manager in once with a link from the chat; a second use, an old or an altered link shows no data", async () => {
    const reply = await h.send("dashboard", { user: "maya" });
    expect(reply).toContain("The Sales JKT dashboard");
    expect(reply).toContain("works once, for 15 minutes");
    const link = linkIn(reply);
    // Looking at the link (as a chat app's preview does) does not spend it.
    const asked = await get(link);
    expect(asked.status).toBe(200);
    expect(visibleText(asked.text)).toContain("Open the dashboard");
    expect((await get(link)).status).toBe(200);

    const token = link.split("/").pop() ?? "";
    // A form on another site posting this token (to plant the session in someone's browser) is refused.
    const planted = await post(url("/dashboard/login"), { token }, undefined, {
      "sec-fetch-site": "cross-site",
    });
    expect(planted.status).toBe(403);
    expect(planted.setCookies).toEqual([]);
    const opened = await post(url("/dashboard/login"), { token }, undefined, {
      "sec-fetch-site": "same-origin",
    });
    expect(opened.status).toBe(303);
    expect(opened.location).toBe("/dashboard");
    const cookie = opened.setCookies.find((c) => c.startsWith("corong_session=")) ?? "";
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\/dashboard/);
    expect(cookie).not.toMatch(/Secure/); // plain http on this machine; https behind a proxy sets it
    const session = cookie.slice("corong_session=".length).split(";")[0] ?? "";
    expect(visibleText((await get(url("/dashboard"), session)).text)).toContain("Sales JKT · 30 Nov – 6 Dec");

    const again = await post(url("/dashboard/login"), { token });
    expect(again.status).toBe(410);
    expect(visibleText(again.text)).toContain("This link was used already");
    expect(again.setCookies).toEqual([]);
    expect((await get(link)).status).toBe(410);

    const altered = await get(`${link.slice(0, -2)}xx`);
    expect(altered.status).toBe(404);
    expect(visibleText(altered.text)).toContain("This link isn't valid");

    const late = linkIn(await h.send("dashboard", { user: "maya" }));
    now += 16 * MINUTE;
    for (const page of [
      await get(late),
      await post(url("/dashboard/login"), { token: late.split("/").pop() ?? "" }),
    ]) {
      expect(page.status).toBe(410);
      expect(visibleText(page.text)).toContain("This link has expired");
    }
    for (const page of [again, altered]) {
      expect(page.text).not.toContain("Ayu");
      expect(page.text).not.toContain("Sales JKT");
    }
  });

  it("shows the team's week as the chat does: each rep against quota, who hasn't reported, the funnel", async () => {
    const session = await signInAs("maya");
    const page = visibleText((await get(url("/dashboard"), session)).text);
    // The chat's own week for Ayu at the same moment: 8 visits of 15 so far, 2 follow-ups of 9.
    expect(await h.send("week", { user: "ayu" })).toContain("Visits 8/15 · follow-ups 2/9");
    expect(page).toContain("Ayu 8/15 (53%) 2/9 (22%)");
    expect(page).toContain("Budi 2/15 (13%) 1/9 (11%)");
    // Citra reported only last week: silent this week, and she has not reported today.
    expect(page).toContain("Citra 0/15 (0%) 0/9 (0%)");
    expect(page).toContain("Not reported yet today: Ayu, Citra");
    const funnel = (await h.send("funnel", { user: "maya" })).split("\n");
    for (const line of funnel.slice(1, 3)) expect(page).toContain(line);

    const last = visibleText((await get(url("/dashboard?period=lastWeek"), session)).text);
    expect(last).toContain("Sales JKT · 23 – 29 Nov");
    expect(last).toContain("Citra 2/");
    expect(last).not.toContain("Not reported yet today");
  });

  it("gives the trend, the plan and a rep's page the chat's figures", async () => {
    const session = await signInAs("maya");
    const trend = visibleText((await get(url("/dashboard/trend"), session)).text);
    // Twelve weeks asked for, shown from the first with activity on, as the chat's `trend 12w` does.
    expect(trend).toContain("The last 2 weeks · 23 Nov – 6 Dec");
    // Week 49 (this week): 6 leads, 1 prospect; visits 10 of everyone's quota so far.
    expect(trend).toMatch(/49 \(2026-11-30\) 6 1 0 0 0 10 : 1\.7 : 0 : 0 10\/45/);

    await h.send("target 4", { user: "maya" });
    const plan = visibleText((await get(url("/dashboard/plan"), session)).text);
    const chatPlan = (await h.send("plan", { user: "maya" })).split("\n");
    for (const line of chatPlan.slice(1)) expect(plan).toContain(line);

    const ayu = await memberId("ayu");
    const rep = await get(url(`/dashboard/reps/${ayu}?period=week`), session);
    const text = visibleText(rep.text);
    expect(text).toContain("Ayu · 30 Nov – 6 Dec");
    expect(text).toContain("ketemu 3 klien, 1 prospek, 2 leads");
    // The withdrawn report is listed, marked, and its markup shown as text, never as HTML.
    expect(text).toContain("met 1 client <b>& co</b>");
    expect(rep.text).toContain("&lt;b&gt;&amp; co&lt;/b&gt;");
    expect(rep.text).toMatch(/<tr class="withdrawn">[\s\S]*?withdrawn<\/td>/);
    expect(text).toMatch(/2026-11-30 5 2 0 0 0 4 0 0 0 0/);
    expect(text).toMatch(/2026-12-01 3 0 0 0 0 2 1 0 0 0/);
    expect(text).toMatch(/2026-12-02 0 0/);
  });

  it("exports what each page shows, and the stored reports row for row", async () => {
    const session = await signInAs("maya");
    const reports = await get(url("/dashboard/reports.csv?period=month"), session);
    expect(reports.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(reports.headers.get("content-disposition")).toBe(
      'attachment; filename="corong-reports-2026-12-01-2026-12-31.csv"',
    );
    // UTF-8 with a BOM, so a spreadsheet opens Indonesian text as UTF-8.
    expect([...reports.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const stored = await h.store.listReportsInRange(h.team.id, { start: "2026-12-01", end: "2026-12-31" });
    const rows = readCsv(reports.text).slice(1);
    expect(rows.map((r) => [r[0], r[1], r[12]])).toEqual(
      stored.map((r) => [r.day, r.memberName, r.sourceText]),
    );

    const overview = readCsv((await get(url("/dashboard/overview.csv"), session)).text);
    expect(overview[0]?.slice(0, 4)).toEqual(["from", "to", "rep", "visits"]);
    expect(overview.slice(1).map((r) => [r[2], r[3], r[13]])).toEqual([
      ["Ayu", "8", "15"],
      ["Budi", "2", "15"],
      ["Citra", "0", "15"],
    ]);

    const ayu = await memberId("ayu");
    const days = readCsv((await get(url(`/dashboard/reps/${ayu}.csv`), session)).text).slice(1);
    expect(days).toHaveLength(7);
    expect(days.reduce((sum, r) => sum + Number(r[3]), 0)).toBe(8);
    // Read in one query, scored day by day exactly as the chat's export scores each day on its own; with a day
    // off and a quota changed midweek, so the scoring has something to get wrong.
    await h.send("off 2026-12-01", { user: "ayu" });
    await h.send("quota visits 6", { user: "maya" });
    const month = readCsv((await get(url(`/dashboard/reps/${ayu}.csv?period=month`), session)).text);
    const oracle = readCsv(
      await exportCsv(
        h.store,
        h.team,
        "slack",
        { start: "2026-12-01", end: "2026-12-31" },
        "day",
        "2026-12-02",
      ),
    ).filter((r, i) => i === 0 || r[2] === "Ayu");
    expect(month).toEqual(oracle);
    // 1 December is her day off (she reported all the same); today is held to the new quota of 6.
    expect(month[1]?.slice(13)).toEqual(["0", "0", "1", "0"]);
    expect(month[2]?.slice(13)).toEqual(["6", "3", "0", "1"]);

    const trend = readCsv((await get(url("/dashboard/trend.csv"), session)).text);
    expect(trend).toHaveLength(3);
    expect(trend[1]?.slice(0, 4)).toEqual(["2026-W48", "2026-11-23", "2026-11-29", "1"]);
    expect(trend.at(-1)?.slice(0, 5)).toEqual(["2026-W49", "2026-11-30", "2026-12-06", "6", "1"]);
  });

  it("shows a rep their own figures only", async () => {
    const reply = await h.send("dashboard", { user: "ayu" });
    expect(reply).toContain("Your figures");
    const session = await signIn(linkIn(reply));
    const ayu = await memberId("ayu");
    const budi = await memberId("budi");
    const home = await get(url("/dashboard?period=month"), session);
    expect(home.status).toBe(303);
    expect(home.location).toBe(`/dashboard/reps/${ayu}?period=month`);
    expect((await get(url(`/dashboard/reps/${ayu}`), session)).status).toBe(200);
    for (const path of [
      `/dashboard/reps/${budi}`,
      `/dashboard/reps/${budi}.csv`,
      "/dashboard/trend",
      "/dashboard/plan",
      "/dashboard/overview.csv",
    ]) {
      const page = await get(url(path), session);
      expect(page.status, path).toBe(403);
      expect(page.text).not.toContain("Budi");
    }
    const reports = readCsv((await get(url("/dashboard/reports.csv?period=month"), session)).text).slice(1);
    expect(new Set(reports.map((r) => r[1]))).toEqual(new Set(["Ayu"]));
  });

  it("ends a manager's session when they stop being one, and keeps teams and workspaces apart", async () => {
    const session = await signInAs("maya");
    const other = await harness(database, "T2");
    await other.send("met 9 clients", { user: "zed" });
    const zed = (await other.store.listTeamMembers(other.team.id))[1]?.id ?? 0;
    const foreign = await get(url(`/dashboard/reps/${zed}`), session);
    expect(foreign.status).toBe(404);
    expect(foreign.text).not.toContain("Zed");

    await h.store.setRole(h.team.id, await memberId("maya"), "rep", new Date(now).toISOString());
    const ended = await get(url("/dashboard"), session);
    expect(ended.status).toBe(401);
    expect(visibleText(ended.text)).toContain("no longer a manager");
    // Made a manager again, the old session stays ended: a new link is needed.
    await h.store.setRole(h.team.id, await memberId("maya"), "manager", new Date(now).toISOString());
    expect((await get(url("/dashboard"), session)).status).toBe(401);
  });

  it("changes language and signs out only with the page's CSRF token; sessions outlive a restart", async () => {
    const session = await signInAs("maya");
    const page = await get(url("/dashboard/trend?period=month"), session);
    const csrf = csrfOf(page.text);

    const forged = await post(url("/dashboard/language"), { locale: "id", back: "/dashboard" }, session);
    expect(forged.status).toBe(403);
    expect(visibleText((await get(url("/dashboard"), session)).text)).toContain("Overview");

    const switched = await post(
      url("/dashboard/language"),
      { csrf, locale: "id", back: "/dashboard/trend?period=month" },
      session,
    );
    expect(switched.status).toBe(303);
    expect(switched.location).toBe("/dashboard/trend?period=month");
    const id = visibleText((await get(url("/dashboard"), session)).text);
    expect(id).toContain("Ringkasan");
    expect(id).toContain("Belum lapor hari ini: Ayu, Citra");
    // Only back to a dashboard page.
    const away = await post(
      url("/dashboard/language"),
      { csrf, locale: "en", back: "https://evil.example/" },
      session,
    );
    expect(away.location).toBe("/dashboard");

    // Behind an https proxy (PUBLIC_URL), the cookie is sent over https only.
    const proxied = await startDashboard(h.store, () => now, undefined, "https://corong.example.com");
    try {
      const link = linkIn(await h.send("dashboard", { user: "maya" }));
      const opened = await post(`${proxied.base}/dashboard/login`, { token: link.split("/").pop() ?? "" });
      expect(opened.setCookies[0]).toMatch(/; Secure/);
      expect(opened.headers.get("strict-transport-security")).toBe("max-age=31536000");
    } finally {
      await proxied.close();
    }

    // Another process on the same database (a restart, another replica) knows the session.
    const replica = await startDashboard(h.store, () => now);
    try {
      expect((await get(`${replica.base}/dashboard`, session)).status).toBe(200);
    } finally {
      await replica.close();
    }

    // A session lasts a working day: 12 hours on, a new link is needed.
    const expiring = await signInAs("maya");
    now += 12 * 60 * MINUTE - MINUTE;
    expect((await get(url("/dashboard"), expiring)).status).toBe(200);
    now += 2 * MINUTE;
    const expired = await get(url("/dashboard"), expiring);
    expect(expired.status).toBe(401);
    expect(visibleText(expired.text)).toContain("your session has expired");
    now -= 12 * 60 * MINUTE + MINUTE;

    expect((await post(url("/dashboard/sign-out"), {}, session)).status).toBe(403);
    expect((await get(url("/dashboard"), session)).status).toBe(200);
    const out = await post(url("/dashboard/sign-out"), { csrf }, session);
    expect(out.status).toBe(200);
    expect(visibleText(out.text)).toContain("You're signed out");
    expect((await get(url("/dashboard"), session)).status).toBe(401);
  });

  it("sends security headers and no script, picks periods, and never logs a link or a session", async () => {
    const session = await signInAs("maya");
    const pages: Page[] = [];
    for (const path of ["/dashboard", "/dashboard/trend", "/dashboard/plan", "/dashboard/reports.csv"])
      pages.push(await get(url(path), session));
    pages.push(await get(url("/dashboard/login/nope")));
    for (const page of pages) {
      const csp = page.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain("unsafe-inline");
      expect(page.headers.get("x-content-type-options")).toBe("nosniff");
      expect(page.headers.get("referrer-policy")).toBe("no-referrer");
      expect(page.headers.get("cache-control")).toBe("no-store");
      expect(page.text).not.toMatch(/<script|style="/i);
    }
    expect((await get(url("/dashboard"))).status).toBe(401);
    // A body no dashboard form would send is refused before it is read.
    expect((await post(url("/dashboard/login"), { token: "x".repeat(20_000) })).status).toBe(413);

    const custom = visibleText(
      (await get(url("/dashboard?period=custom&from=2026-11-23&to=2026-12-02"), session)).text,
    );
    expect(custom).toContain("Sales JKT · 23 Nov – 2 Dec");
    expect(custom).toContain("Citra 2/");
    const reversed = visibleText(
      (await get(url("/dashboard?period=custom&from=2026-12-05&to=2026-12-01"), session)).text,
    );
    expect(reversed).toContain("ends before it starts; showing this week");
    expect(reversed).toContain("Sales JKT · 30 Nov – 6 Dec");
    // Dates changed without switching the picker to "custom" still mean those dates.
    const edited = visibleText(
      (await get(url("/dashboard?period=week&shown=week&from=2026-12-01&to=2026-12-01"), session)).text,
    );
    expect(edited).toContain("Sales JKT · 1 – 1 Dec");
    // A new choice in the picker wins over the dates still showing the old one.
    const changed = visibleText(
      (await get(url("/dashboard?period=lastWeek&shown=week&from=2026-11-30&to=2026-12-06"), session)).text,
    );
    expect(changed).toContain("Sales JKT · 23 – 29 Nov");

    const link = linkIn(await h.send("dashboard", { user: "maya" }));
    await signIn(link);
    const secrets = [link.split("/").pop() ?? "", session];
    expect(logs.length).toBeGreaterThan(0);
    for (const line of logs) for (const secret of secrets) expect(line).not.toContain(secret);
  });
});
