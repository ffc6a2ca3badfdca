import { describe, expect, it } from "vitest";
import { isoWeekday } from "../../src/core/calendar.js";
import { parseCommand } from "../../src/core/commands.js";
import { planDaysOff } from "../../src/core/settings-commands.js";

describe("settings and days-off commands", () => {
  it("reads schedule changes", () => {
    expect(parseCommand("settings reminder 16:30")).toEqual({
      kind: "settings",
      change: { field: "reminderTime", value: "16:30" },
    });
    expect(parseCommand("settings nudge 9.15")).toEqual({
      kind: "settings",
      change: { field: "nudgeTime", value: "09:15" },
    });
    expect(parseCommand("pengaturan hari sen-sab")).toEqual({
      kind: "settings",
      change: { field: "workingDays", value: [1, 2, 3, 4, 5, 6] },
    });
    expect(parseCommand("settings days mon,wed,fri")).toEqual({
      kind: "settings",
      change: { field: "workingDays", value: [1, 3, 5] },
    });
    expect(parseCommand("settings country sg")).toEqual({
      kind: "settings",
      change: { field: "country", value: "SG" },
    });
    expect(parseCommand("settings holiday 2026-12-24")).toEqual({
      kind: "settings",
      change: { field: "holiday", value: "2026-12-24" },
    });
    expect(parseCommand("settings")).toEqual({ kind: "settingsShow" });
    for (const [words, value] of [
      ["settings visibility team", "team"],
      ["pengaturan visibilitas tim", "team"],
      ["settings visibility own", "private"],
      ["settings visibility private", "private"],
      ["pengaturan visibilitas sendiri", "private"],
    ]) {
      expect(parseCommand(words ?? "")).toEqual({
        kind: "settings",
        change: { field: "repVisibility", value },
      });
    }
    expect(parseCommand("settings alert wed 12:00")).toEqual({
      kind: "settings",
      change: { field: "alert", day: 3, time: "12:00" },
    });
  });

  it("refuses what it cannot read with the usage", () => {
    expect(parseCommand("settings reminder 25:00")).toEqual({ kind: "usage", command: "settings" });
    expect(parseCommand("settings days fri-mon")).toEqual({ kind: "usage", command: "settings" });
    expect(parseCommand("off someday")).toEqual({ kind: "usage", command: "off" });
  });

  it("reads days off and marks only working days, against the team's today", () => {
    const today = "2026-12-23"; // a Wednesday
    // Christmas is a holiday; weekends are off anyway.
    const working = (day: string) => isoWeekday(day) <= 5 && day !== "2026-12-25";
    const plan = (text: string) => {
      const command = parseCommand(text);
      return command.kind === "daysOff" ? planDaysOff(command.days, today, working) : command;
    };
    expect(plan("off today")).toMatchObject({ ok: true, days: ["2026-12-23"] });
    expect(plan("libur besok")).toMatchObject({ ok: true, days: ["2026-12-24"] });
    expect(plan("off")).toMatchObject({ ok: true, days: ["2026-12-23"] });
    // A missed day can be excused, up to a week back.
    expect(plan("off yesterday")).toMatchObject({ ok: true, days: ["2026-12-22"] });
    expect(plan("izin kemarin")).toMatchObject({ ok: true, days: ["2026-12-22"] });
    expect(plan("cuti 2026-12-24..2026-12-26")).toMatchObject({ ok: true, days: ["2026-12-24"] });
    expect(plan("off 2026-12-24 to 2026-12-29")).toMatchObject({
      ok: true,
      days: ["2026-12-24", "2026-12-28", "2026-12-29"],
    });
    expect(plan("off 2026-12-26..2026-12-27")).toMatchObject({ ok: false, reason: "no_working_days" });
    expect(plan("off 2026-12-26..2026-12-24")).toMatchObject({ ok: false, reason: "reversed" });
    expect(plan("off 2026-02-30")).toMatchObject({
      ok: false,
      reason: "not_a_date",
      range: { start: "2026-02-30" },
    });
    expect(plan("off 2026-12-01..2027-02-01")).toMatchObject({ ok: false, reason: "too_long" });
    expect(plan("off 2026-12-15")).toMatchObject({ ok: false, reason: "too_far_back" });
    // More than a year ahead: the team's holidays are not known that far, so the days could not be told apart.
    expect(plan("off 2028-01-03")).toMatchObject({ ok: false, reason: "too_far_ahead" });
  });
});
