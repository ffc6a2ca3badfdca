import { describe, expect, it } from "vitest";
import { funnelChartSvg } from "../../src/charts/funnel-chart.js";
import { svgToPng } from "../../src/charts/render-png.js";
import { composeDigest, type DigestInput } from "../../src/core/digest.js";
import { analyzeFunnel } from "../../src/core/funnel.js";
import { type Counts, emptyCounts } from "../../src/core/metrics.js";
import { replyToText } from "../../src/core/reply.js";
import { textsFor } from "../../src/core/texts/index.js";
import { digestView } from "../../src/core/views/digest.js";

const en = textsFor("en");
const week = { start: "2026-11-23", end: "2026-11-29" };
const counts = (partial: Partial<Counts>): Counts => ({ ...emptyCounts(), ...partial });
const totalsOf = (memberId: number, displayName: string, daysReported: number, partial: Partial<Counts>) => ({
  memberId,
  displayName,
  daysReported,
  counts: counts(partial),
});

function input(overrides: Partial<DigestInput> = {}): DigestInput {
  return {
    teamName: "Sales JKT",
    week: 48,
    range: week,
    // A visit quota of 5 a day.
    reps: [
      { memberId: 1, displayName: "Ayu", expectedDays: 5, expectedVisits: 25 },
      { memberId: 2, displayName: "Budi", expectedDays: 4, expectedVisits: 20 }, // one day off
      { memberId: 3, displayName: "Citra", expectedDays: 5, expectedVisits: 25 },
    ],
    thisWeek: [
      totalsOf(1, "Ayu", 5, { visits: 25, followUps: 12, closed: 2 }),
      totalsOf(2, "Budi", 2, { visits: 10, followUps: 6 }),
    ],
    lastWeek: [totalsOf(1, "Ayu", 5, { visits: 20 }), totalsOf(2, "Budi", 4, { visits: 15 })],
    totals: counts({
      visits: 35,
      followUps: 18,
      leads: 20,
      prospects: 10,
      potential: 6,
      closeable: 2,
      closed: 2,
    }),
    previousTotals: counts({ visits: 35, followUps: 20, leads: 25, closed: 2 }),
    plan: null,
    planMonth: "2026-12-01",
    checkIns: 0,
    fourWeeks: [],
    improvement: { now: [], before: [] },
    ...overrides,
  };
}

const render = (i: DigestInput) =>
  replyToText(
    digestView(en, composeDigest(i), {
      example: "met 4 clients, 2 follow-ups",
      targetCommand: "/sales target 8",
    }),
  );

describe("the Monday digest", () => {
  it("computes attainment per rep from working days less days off, with trends and the top performer", () => {
    const digest = composeDigest(input());
    expect(digest.rows.map((r) => [r.name, r.visitTarget, r.visitAttainment, r.trend])).toEqual([
      ["Ayu", 25, 1, "up"], // 25 vs 20: +25%
      ["Budi", 20, 0.5, "down"], // 10 vs 15: -33%
      ["Citra", 25, 0, "flat"],
    ]);
    expect(digest.visitAttainment).toBe(0.5); // 35 of 25 + 20 + 25
    expect(digest.top?.name).toBe("Ayu");
  });

  it("tells a team at exactly 10:5:3:1 that it is on benchmark", () => {
    const text = render(input());
    expect(text).toContain("📊 Monday digest · Sales JKT · week 48 (23 – 29 Nov)");
    expect(text).toContain("Team: 35 visits (50% of quota) · 18 follow-ups");
    expect(text).toContain("Funnel: 10 : 5 : 3 : 1 vs 10 : 5 : 3 : 1");
    expect(text).not.toContain("weakest");
    expect(text).toContain("✅ On benchmark");
    expect(text).toContain("🏆 Ayu: 100% of visit quota, 2 closings");
    expect(text).toMatch(/Budi\s+10\/20\s+6\s+2\/4\s+▼/);
    expect(text).toMatch(/Citra\s+0\/25\s+0\s+0\/5\s+=\s+reported 0 of 5 days/);
    expect(text).toContain("vs last week: visits = · follow-ups ▼ 10% · leads ▼ 20% · closings =");
  });

  it("names the leak and what to coach", () => {
    const text = render(
      input({
        totals: counts({ visits: 35, leads: 24, prospects: 10, potential: 4, closeable: 2, closed: 1 }),
      }),
    );
    expect(text).toContain(
      "Funnel: 10 : 4.2 : 1.7 : 0.8 vs 10 : 5 : 3 : 1 — weakest: prospect → potential (40% vs 60%)",
    );
    expect(text).toContain("Tip: prospects stall before they become potential.");
  });

  it("reads sensibly for an empty week", () => {
    const text = render(
      input({ thisWeek: [], lastWeek: [], totals: emptyCounts(), previousTotals: emptyCounts() }),
    );
    expect(text).toContain("Nothing was logged last week.");
    expect(text).toContain("Team: 0 visits (0% of quota)");
    expect(text).not.toMatch(/NaN|Infinity|undefined/);
    expect(text).toContain("No monthly target yet.");
  });

  it("is written in Indonesian for an Indonesian team", () => {
    const text = replyToText(
      digestView(textsFor("id"), composeDigest(input()), {
        example: "ketemu 4 klien",
        targetCommand: "/target 8",
      }),
    );
    expect(text).toContain("📊 Ringkasan mingguan · Sales JKT · minggu 48 (23 – 29 Nov)");
    expect(text).toContain("Tim: 35 kunjungan (50% dari target)");
  });
});

describe("the funnel chart", () => {
  it("renders a 1080×1080 PNG of sensible size, with the stages and the benchmark", () => {
    const analysis = analyzeFunnel({ leads: 24, prospects: 10, potential: 4, closeable: 2, closed: 1 });
    const svg = funnelChartSvg(en, { title: "Sales JKT · week 48", subtitle: "23 – 29 Nov", analysis });
    expect(svg).toContain("Prospects 10");
    expect(svg).toContain("40% · benchmark 60%");
    const png = svgToPng(svg);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1080, 1080]);
    expect(png.length).toBeGreaterThan(15_000);
    expect(png.length).toBeLessThan(400_000);
  });

  it("draws an empty funnel without failing", () => {
    const svg = funnelChartSvg(en, {
      title: "T",
      subtitle: "",
      analysis: analyzeFunnel({ leads: 0, prospects: 0, potential: 0, closeable: 0, closed: 0 }),
    });
    expect(svg).not.toMatch(/NaN|Infinity/);
    expect(svgToPng(svg).subarray(1, 4).toString()).toBe("PNG");
  });
});
