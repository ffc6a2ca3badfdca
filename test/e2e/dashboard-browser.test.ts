import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, seedDemo } from "../../src/app/demo.js";
import { silentLogger } from "../../src/app/logger.js";
import { mintLoginLink } from "../../src/app/sign-in.js";
import { loadConfig } from "../../src/config.js";
import { localDateAt } from "../../src/core/calendar.js";
import { type Service, startService } from "../../src/main.js";

/** Debian's Chromium (`apt-get install -y chromium`); `.ci/run` installs it when it is missing. */
const CHROMIUM = "/usr/bin/chromium";
/** Wednesday 2 December 2026, 10:00 in Jakarta: the demo's four weeks end here, the same on every run. */
const NOW = Date.parse("2026-12-02T10:00:00+07:00");
/** `CORONG_SCREENSHOTS=docs/screenshots npx vitest run test/e2e/dashboard-browser.test.ts` renews the README's. */
const SHOTS = process.env.CORONG_SCREENSHOTS ?? mkdtempSync(join(tmpdir(), "corong-shots-"));

/** Whether anything on the page is wider than the window: a phone would scroll sideways. */
async function overflows(page: Page): Promise<boolean> {
  // Evaluated in the page, where the DOM is (this file is compiled without it).
  return page.evaluate<boolean>("document.documentElement.scrollWidth > window.innerWidth");
}

describe("the dashboard in a real browser (Chromium, headless)", () => {
  let dir: string;
  let service: Service;
  let browser: Browser;
  let link: string;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
    dir = mkdtempSync(join(tmpdir(), "corong-browser-"));
    mkdirSync(SHOTS, { recursive: true });
    const config = loadConfig({ DATABASE_URL: `sqlite:${join(dir, "corong.db")}`, PORT: "0" });
    service = await startService(config, { clock: () => NOW, logger: silentLogger, schedule: false });
    const at = new Date(NOW).toISOString();
    const { team } = await seedDemo(service.store, {
      today: localDateAt(NOW, "Asia/Jakarta"),
      timezone: "Asia/Jakarta",
      locale: "en",
      at,
    });
    const manager = await service.store.ensureMember(team.workspaceId, DEMO.you.externalId, "Maya", at);
    await service.store.setRole(team.id, manager.id, "manager", at);
    link = await mintLoginLink(service.store, {
      teamId: team.id,
      memberId: manager.id,
      now: NOW,
      base: `http://127.0.0.1:${service.port}`,
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("signs in from a link, switches to Indonesian, opens a rep, changes the period and downloads the CSV", async () => {
    const context = await browser.newContext({
      viewport: { width: 1200, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    await page.goto(link);
    await page.getByRole("button", { name: "Open the dashboard" }).click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("Sales Demo · 30 Nov – 6 Dec");
    await expect.poll(() => page.getByRole("row", { name: /^Dedi/ }).count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, "overview.png"), fullPage: true });

    await page.getByRole("button", { name: "Bahasa Indonesia" }).click();
    await expect.poll(() => page.getByRole("link", { name: "Ringkasan" }).count()).toBe(1);
    expect(await page.locator("html").getAttribute("lang")).toBe("id");

    await page.getByRole("link", { name: "Ayu" }).click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("Ayu · 30 Nov – 6 Des");
    expect(await page.getByRole("heading", { name: "Laporan" }).count()).toBe(1);
    await page.locator('select[name="period"]').selectOption("lastMonth");
    await page.getByRole("button", { name: "Tampilkan" }).click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("Ayu · 1 – 30 Nov");
    expect(page.url()).toContain("period=lastMonth");
    await page.screenshot({ path: join(SHOTS, "rep.png"), fullPage: true });

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Unduh CSV" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^corong-rep-\d+-2026-11-01-2026-11-30\.csv$/);
    const csv = readFileSync((await file.path()) ?? "");
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString("utf8").slice(1).trim().split("\r\n");
    expect(lines[0]).toMatch(/^from,to,rep,visits,follow_ups/);
    expect(lines).toHaveLength(31);

    await page.getByRole("link", { name: "Tren" }).click();
    await expect.poll(() => page.locator("h1").textContent()).toMatch(/minggu terakhir/);
    await page.getByRole("link", { name: "Rencana" }).click();
    await expect.poll(() => page.locator("h1").textContent()).toMatch(/^Rencana · /);
    // Switched back, every page in English again for the screenshots.
    await page.getByRole("button", { name: "English" }).click();
    await page.goto(`http://127.0.0.1:${service.port}/dashboard/trend`);
    await page.screenshot({ path: join(SHOTS, "trend.png"), fullPage: true });
    await page.goto(`http://127.0.0.1:${service.port}/dashboard/plan`);
    await page.screenshot({ path: join(SHOTS, "plan.png"), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it("fits a phone: at 390 px no page scrolls sideways", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    const fresh = await mintLoginLink(service.store, {
      ...(await (async () => {
        const teams = await service.store.listTeams();
        const team = teams.find((t) => t.externalId === DEMO.team);
        const member = (await service.store.listTeamMembers(team?.id ?? 0)).find((m) => m.role === "manager");
        return { teamId: team?.id ?? 0, memberId: member?.id ?? 0 };
      })()),
      now: NOW,
      base: `http://127.0.0.1:${service.port}`,
    });
    await page.goto(fresh);
    expect(await overflows(page)).toBe(false);
    await page.getByRole("button", { name: "Open the dashboard" }).click();
    await page.waitForURL(/\/dashboard$/);
    const base = `http://127.0.0.1:${service.port}/dashboard`;
    const ayu = await page.getByRole("link", { name: "Ayu" }).getAttribute("href");
    for (const path of ["", "/trend", "/plan", (ayu ?? "").replace("/dashboard", ""), "?period=quarter"]) {
      await page.goto(`${base}${path}`);
      expect(await overflows(page), path || "overview").toBe(false);
    }
    await page.goto(base);
    await page.screenshot({ path: join(SHOTS, "overview-phone.png"), fullPage: true });
    await context.close();
  }, 60_000);
});
