import { describe, expect, it } from "vitest";
import { quotaProgress } from "../../src/core/quota.js";

describe("quotaProgress for a day", () => {
  it("UX: 4 visits of 5, 2 follow-ups of 3", () => {
    expect(quotaProgress({ visits: 4, followUps: 2 }, { visits: 5, followUps: 3 })).toEqual([
      { metric: "visits", done: 4, quota: 5, remaining: 1, met: false, percent: 80 },
      { metric: "followUps", done: 2, quota: 3, remaining: 1, met: false, percent: 66 },
    ]);
  });

  it("met and exceeded", () => {
    const [visits, followUps] = quotaProgress({ visits: 7, followUps: 3 }, { visits: 5, followUps: 3 });
    expect(visits).toMatchObject({ remaining: 0, met: true, percent: 140 });
    expect(followUps).toMatchObject({ remaining: 0, met: true, percent: 100 });
  });

  it("100% is shown only when the quota is met", () => {
    const [visits] = quotaProgress({ visits: 199, followUps: 0 }, { visits: 200, followUps: 0 });
    expect(visits).toMatchObject({ met: false, percent: 99 });
  });

  it("a zero quota has no percentage and is always met", () => {
    const [, followUps] = quotaProgress({ visits: 0, followUps: 0 }, { visits: 5, followUps: 0 });
    expect(followUps).toEqual({
      metric: "followUps",
      done: 0,
      quota: 0,
      remaining: 0,
      met: true,
      percent: null,
    });
  });

  it("nothing done yet", () => {
    const [visits] = quotaProgress({ visits: 0, followUps: 0 }, { visits: 5, followUps: 3 });
    expect(visits).toMatchObject({ done: 0, remaining: 5, met: false, percent: 0 });
  });
});

describe("quotaProgress over a period's expected total", () => {
  it("UX digest: 76 of 100 visits is 76%", () => {
    const [visits, followUps] = quotaProgress({ visits: 76, followUps: 41 }, { visits: 100, followUps: 60 });
    expect(visits).toMatchObject({ quota: 100, remaining: 24, met: false, percent: 76 });
    expect(followUps).toMatchObject({ quota: 60, remaining: 19, percent: 68 });
  });

  it("nothing expected: no quota, no percentage", () => {
    const [visits] = quotaProgress({ visits: 3, followUps: 0 }, { visits: 0, followUps: 0 });
    expect(visits).toMatchObject({ quota: 0, met: true, percent: null });
  });

  it("never yields NaN or negatives from bad input", () => {
    for (const p of quotaProgress(
      { visits: Number.NaN, followUps: -2 },
      { visits: -1, followUps: Number.NaN },
    )) {
      expect(p.done).toBeGreaterThanOrEqual(0);
      expect(p.quota).toBe(0);
      expect(p.percent).toBeNull();
      expect(Number.isNaN(p.remaining)).toBe(false);
    }
  });
});
