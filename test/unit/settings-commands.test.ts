import { describe, expect, it } from "vitest";
import { parseCommand } from "../../src/core/commands.js";
import { resolveDaysOff } from "../../src/core/settings-commands.js";

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
  });

  it("refuses what it cannot read with the usage", () => {
    expect(parseCommand("settings reminder 25:00")).toEqual({ kind: "usage", command: "settings" });
    expect(parseCommand("settings days fri-mon")).toEqual({ kind: "usage", command: "settings" });
    expect(parseCommand("off someday")).toEqual({ kind: "usage", command: "off" });
  });

  it("reads days off and resolves them against the team's today", () => {
    const today = "2026-12-23";
    const resolve = (text: string) => {
      const command = parseCommand(text);
      return command.kind === "daysOff" ? resolveDaysOff(command.days, today) : command;
    };
    expect(resolve("off today")).toEqual(["2026-12-23"]);
    expect(resolve("libur besok")).toEqual(["2026-12-24"]);
    expect(resolve("off")).toEqual(["2026-12-23"]);
    expect(resolve("cuti 2026-12-24..2026-12-26")).toEqual(["2026-12-24", "2026-12-25", "2026-12-26"]);
    expect(resolve("off 2026-12-01..2027-02-01")).toBeNull();
  });
});
