import { describe, expect, it } from "vitest";
import { parseCommand } from "../../src/core/commands.js";
import { choosePeriod } from "../../src/core/period-choice.js";

const WED = "2026-12-02";

describe("the dashboard's period picker", () => {
  it("names periods around today, each with the one before it", () => {
    const pick = (period: string) => choosePeriod({ period }, WED).period;
    expect(pick("week")).toMatchObject({
      range: { start: "2026-11-30", end: "2026-12-06" },
      previous: { start: "2026-11-23", end: "2026-11-29" },
    });
    expect(pick("lastWeek").range).toEqual({ start: "2026-11-23", end: "2026-11-29" });
    expect(pick("month")).toMatchObject({
      range: { start: "2026-12-01", end: "2026-12-31" },
      previous: { start: "2026-11-01", end: "2026-11-30" },
    });
    expect(pick("lastMonth").range).toEqual({ start: "2026-11-01", end: "2026-11-30" });
    expect(pick("quarter")).toMatchObject({
      range: { start: "2026-10-01", end: "2026-12-31" },
      previous: { start: "2026-07-01", end: "2026-09-30" },
    });
    expect(choosePeriod({ period: "quarter" }, "2026-01-15").period.previous).toEqual({
      start: "2025-10-01",
      end: "2025-12-31",
    });
    // Nothing asked, or nonsense: this week.
    expect(choosePeriod({}, WED).period.choice).toBe("week");
    expect(choosePeriod({ period: "fortnight" }, WED).period.choice).toBe("week");
  });

  it("takes a custom range up to a year and a day, and says why it refuses one", () => {
    expect(choosePeriod({ period: "custom", from: "2026-11-10", to: "2026-11-19" }, WED).period).toEqual({
      choice: "custom",
      range: { start: "2026-11-10", end: "2026-11-19" },
      previous: { start: "2026-10-31", end: "2026-11-09" },
    });
    const refused = (from: string, to: string) => choosePeriod({ period: "custom", from, to }, WED);
    expect(refused("2026-11-31", "2026-12-01").problem).toBe("notADate");
    expect(refused("2026-12-05", "2026-12-01").problem).toBe("reversed");
    expect(refused("2024-01-01", "2026-12-01").problem).toBe("tooLong");
    // Years nobody reports in are typos, not periods (and would break the week arithmetic).
    expect(refused("0000-01-01", "0000-01-07").problem).toBe("notADate");
    expect(refused("9999-12-25", "9999-12-31").problem).toBe("notADate");
    expect(refused("2025-12-01", "2026-12-01").problem).toBeUndefined();
    expect(refused("2026-12-05", "2026-12-01").period.choice).toBe("week");
  });

  it("reads edited dates under an unchanged choice as custom, and a changed choice as the choice", () => {
    const edited = choosePeriod({ period: "week", shown: "week", from: "2026-12-01", to: "2026-12-02" }, WED);
    expect(edited.period).toMatchObject({
      choice: "custom",
      range: { start: "2026-12-01", end: "2026-12-02" },
    });
    const changed = choosePeriod(
      { period: "month", shown: "week", from: "2026-11-30", to: "2026-12-06" },
      WED,
    );
    expect(changed.period).toMatchObject({
      choice: "month",
      range: { start: "2026-12-01", end: "2026-12-31" },
    });
  });

  it("knows the chat command in both languages", () => {
    for (const text of ["dashboard", "Dashboard", "dasbor", "dashbor"])
      expect(parseCommand(text)).toEqual({ kind: "dashboard" });
    expect(parseCommand("dashboard met 3 clients").kind).toBe("report");
  });
});
