import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeFunnel, type FunnelCounts, MIN_SAMPLE, planFunnel } from "../../src/core/funnel.js";

const counts = (
  leads: number,
  prospects: number,
  potential: number,
  closeable: number,
  closed: number,
): FunnelCounts => ({
  leads,
  prospects,
  potential,
  closeable,
  closed,
});
const EMPTY = counts(0, 0, 0, 0, 0);

function allNumbers(value: unknown): number[] {
  if (typeof value === "number") return [value];
  if (value === null || typeof value !== "object") return [];
  return Object.values(value).flatMap(allNumbers);
}

describe("analyzeFunnel", () => {
  it.each([[counts(10, 5, 3, 1, 1)], [counts(20, 10, 6, 2, 1)], [counts(30, 15, 9, 3, 2)]])(
    "the benchmark shape %o is on benchmark everywhere",
    (input) => {
      const analysis = analyzeFunnel(input);
      expect(analysis.ratio).toEqual({ leads: 10, prospects: 5, potential: 3, closeable: 1 });
      expect(analysis.conversions.slice(0, 3).map((c) => c.status)).toEqual(["on", "on", "on"]);
      expect(analysis.weakest).toBeNull();
      expect(analysis.onBenchmark).toBe(true);
      expect(analysis.hasData).toBe(true);
    },
  );

  it("reports the conversions in funnel order with their benchmarks", () => {
    const { conversions } = analyzeFunnel(counts(10, 5, 3, 1, 1));
    expect(conversions.map((c) => `${c.from}->${c.to}`)).toEqual([
      "leads->prospects",
      "prospects->potential",
      "potential->closeable",
      "closeable->closed",
    ]);
    expect(conversions.map((c) => c.benchmark)).toEqual([0.5, 0.6, 1 / 3, 0.5]);
    expect(conversions[3]).toMatchObject({ rate: 1, status: "above" });
  });

  it("UX leak example: 24/10/4/2/1", () => {
    const analysis = analyzeFunnel(counts(24, 10, 4, 2, 1));
    expect(analysis.ratio).toEqual({ leads: 10, prospects: 4.2, potential: 1.7, closeable: 0.8 });
    expect(analysis.conversions.map((c) => c.status)).toEqual(["below", "below", "above", "on"]);
    expect(analysis.conversions[0]?.rate).toBeCloseTo(10 / 24);
    expect(analysis.weakest).toMatchObject({ from: "prospects", to: "potential", rate: 0.4, benchmark: 0.6 });
    expect(analysis.onBenchmark).toBe(false);
  });

  it("half a percentage point either side is still on benchmark", () => {
    // 995/2000 = 49.75%: within 0.5 pp of 50%.
    expect(analyzeFunnel(counts(2000, 995, 597, 199, 100)).conversions[0]?.status).toBe("on");
    // 98/200 = 49%: a full point below.
    expect(analyzeFunnel(counts(200, 98, 59, 20, 10)).conversions[0]?.status).toBe("below");
  });

  it("the weakest is relative to each benchmark, not the absolute rate", () => {
    // leads->prospects 40% (0.8 of 50%), potential->closeable 20% (0.6 of 33%).
    const analysis = analyzeFunnel(counts(100, 40, 30, 6, 3));
    expect(analysis.weakest).toMatchObject({ from: "potential", to: "closeable" });
  });

  it("ties go to the higher stage", () => {
    // Both exactly half their benchmark.
    const analysis = analyzeFunnel(counts(200, 50, 15, 5, 2));
    expect(analysis.conversions[0]?.rate).toBe(0.25);
    expect(analysis.conversions[1]?.rate).toBe(0.3);
    expect(analysis.weakest).toMatchObject({ from: "leads", to: "prospects" });
  });

  it("a closing leak alone does not make the funnel miss the benchmark", () => {
    const analysis = analyzeFunnel(counts(10, 5, 3, 2, 0));
    expect(analysis.conversions[3]?.status).toBe("below");
    expect(analysis.weakest).toBeNull();
    expect(analysis.onBenchmark).toBe(true);
  });

  it("empty data", () => {
    const analysis = analyzeFunnel(EMPTY);
    expect(analysis.ratio).toBeNull();
    expect(analysis.conversions.every((c) => c.rate === null && c.status === "unknown")).toBe(true);
    expect(analysis.weakest).toBeNull();
    expect(analysis.onBenchmark).toBe(false);
    expect(analysis.hasData).toBe(false);
  });

  it("no leads but later stages: no ratio, the known transitions still judged", () => {
    const analysis = analyzeFunnel(counts(0, 6, 2, 1, 0));
    expect(analysis.ratio).toBeNull();
    expect(analysis.hasData).toBe(true);
    expect(analysis.onBenchmark).toBe(false);
    expect(analysis.conversions[0]).toMatchObject({ rate: null, status: "unknown" });
    expect(analysis.conversions[1]?.status).toBe("below");
    expect(analysis.weakest).toMatchObject({ from: "prospects", to: "potential" });
  });

  it("leads with nothing after them: the first step is the leak", () => {
    const analysis = analyzeFunnel(counts(12, 0, 0, 0, 0));
    expect(analysis.ratio).toEqual({ leads: 10, prospects: 0, potential: 0, closeable: 0 });
    expect(analysis.conversions.map((c) => c.status)).toEqual(["below", "unknown", "unknown", "unknown"]);
    expect(analysis.weakest).toMatchObject({ from: "leads", rate: 0 });
  });

  it("only closings reported is no funnel data", () => {
    expect(analyzeFunnel(counts(0, 0, 0, 0, 3)).hasData).toBe(false);
  });

  it("never produces NaN or Infinity", () => {
    const n = fc.nat({ max: 1_000_000 });
    fc.assert(
      fc.property(n, n, n, n, n, (a, b, c, d, e) => {
        const analysis = analyzeFunnel(counts(a, b, c, d, e));
        for (const value of allNumbers(analysis)) expect(Number.isFinite(value)).toBe(true);
        if (analysis.weakest) expect(analysis.weakest.status).toBe("below");
        expect(analysis.onBenchmark).toBe(a > 0 && analysis.weakest === null);
      }),
    );
  });
});

describe("planFunnel", () => {
  it("thin history uses the benchmark: UX's December plan", () => {
    const plan = planFunnel(8, counts(3, 2, 1, 1, 0), 20);
    expect(plan.needed).toEqual({ leads: 160, prospects: 80, potential: 48, closeable: 16 });
    expect(plan.perWorkingDay.leads).toBe(8);
    expect(plan.perWorkingDay).toEqual({ leads: 8, prospects: 4, potential: 2.4, closeable: 0.8 });
    expect(plan.workingDays).toBe(20);
    expect(plan.target).toBe(8);
    expect(Object.values(plan.basis)).toEqual(["benchmark", "benchmark", "benchmark", "benchmark"]);
  });

  it("exact benchmark history gives exact integers", () => {
    const plan = planFunnel(1, counts(30, 15, 9, 3, 0), 23);
    // closeable->closed has no closings in history, so its benchmark (50%) is used.
    expect(plan.needed).toEqual({ leads: 20, prospects: 10, potential: 6, closeable: 2 });
    expect(plan.basis).toEqual({
      "leads->prospects": "team",
      "prospects->potential": "team",
      "potential->closeable": "team",
      "closeable->closed": "benchmark",
    });
  });

  it("solid history uses the team's own rates", () => {
    // Team: 40% leads->prospects, 50% prospects->potential, 40% potential->closeable, 50% closing (from 10).
    const plan = planFunnel(4, counts(100, 40, 20, 8, 4), 21);
    expect(plan.basis["leads->prospects"]).toBe("team");
    expect(plan.basis["prospects->potential"]).toBe("team");
    expect(plan.basis["potential->closeable"]).toBe("team");
    expect(plan.basis["closeable->closed"]).toBe("team");
    expect(plan.needed).toEqual({ leads: 100, prospects: 40, potential: 20, closeable: 8 });
    expect(plan.perWorkingDay.leads).toBe(4.8); // 100/21 = 4.76, rounded up
  });

  it(`mixes: a stage with fewer than ${MIN_SAMPLE} deals falls back to the benchmark`, () => {
    const plan = planFunnel(2, counts(50, 20, 10, 4, 1), 20);
    expect(plan.basis["closeable->closed"]).toBe("benchmark");
    expect(plan.basis["potential->closeable"]).toBe("team");
    expect(plan.needed.closeable).toBe(4);
    expect(plan.needed.potential).toBe(10); // 4 / 40%
  });

  it("a team rate of zero is not used (it would need infinitely many leads)", () => {
    const plan = planFunnel(2, counts(40, 0, 0, 0, 0), 20);
    expect(plan.basis["leads->prospects"]).toBe("benchmark");
    expect(Number.isFinite(plan.needed.leads)).toBe(true);
  });

  it("a team rate above 100% is capped so higher stages never need fewer deals", () => {
    const plan = planFunnel(1, counts(5, 8, 6, 3, 1), 20);
    expect(plan.basis["leads->prospects"]).toBe("team");
    expect(plan.needed.leads).toBe(plan.needed.prospects);
  });

  it("zero working days: per day equals the totals", () => {
    const plan = planFunnel(8, EMPTY, 0);
    expect(plan.perWorkingDay).toEqual(plan.needed);
    expect(plan.workingDays).toBe(0);
  });

  it("zero target needs nothing", () => {
    const plan = planFunnel(0, EMPTY, 20);
    expect(plan.needed).toEqual({ leads: 0, prospects: 0, potential: 0, closeable: 0 });
    expect(plan.perWorkingDay.leads).toBe(0);
  });

  it("needs are whole, >= target, and non-decreasing up the funnel; never NaN or Infinity", () => {
    const n = fc.nat({ max: 100_000 });
    fc.assert(
      fc.property(
        fc.nat({ max: 1000 }),
        n,
        n,
        n,
        n,
        n,
        fc.nat({ max: 31 }),
        (target, a, b, c, d, e, days) => {
          const plan = planFunnel(target, counts(a, b, c, d, e), days);
          const { leads, prospects, potential, closeable } = plan.needed;
          for (const value of allNumbers(plan)) expect(Number.isFinite(value)).toBe(true);
          for (const value of Object.values(plan.needed)) expect(Number.isInteger(value)).toBe(true);
          expect(closeable).toBeGreaterThanOrEqual(target);
          expect(potential).toBeGreaterThanOrEqual(closeable);
          expect(prospects).toBeGreaterThanOrEqual(potential);
          expect(leads).toBeGreaterThanOrEqual(prospects);
          // Relative tolerance: at hundreds of millions of leads a float product is off in its last digits.
          if (days > 0) expect(plan.perWorkingDay.leads * days).toBeGreaterThanOrEqual(leads * (1 - 1e-12));
        },
      ),
    );
  });
});
