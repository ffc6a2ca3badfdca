import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  countWorkingDays,
  dateInOwnOffset,
  daysInRange,
  instantAt,
  isoWeekday,
  isoWeekOf,
  isoWeekRange,
  isValidLocalDate,
  isValidTimeZone,
  lastNWeeksRange,
  localDateAt,
  localTimeAt,
  monthRange,
  parseIsoInstant,
  parseIsoWeekKey,
  partitionRanges,
  piecesOf,
  spanOf,
} from "../../src/core/calendar.js";

const at = (iso: string): number => Date.parse(iso);
const MON_FRI = [1, 2, 3, 4, 5] as const;

describe("instantAt", () => {
  it("Jakarta has no DST: local midnight is 17:00 UTC the day before", () => {
    expect(instantAt("2026-12-02", "00:00", "Asia/Jakarta")).toBe(at("2026-12-01T17:00:00Z"));
    expect(instantAt("2026-06-15", "16:00", "Asia/Jakarta")).toBe(at("2026-06-15T09:00:00Z"));
  });

  it("Berlin around the spring change (29 Mar 2026, 02:00 -> 03:00)", () => {
    expect(instantAt("2026-03-28", "12:00", "Europe/Berlin")).toBe(at("2026-03-28T11:00:00Z"));
    expect(instantAt("2026-03-29", "01:59", "Europe/Berlin")).toBe(at("2026-03-29T00:59:00Z"));
    // 02:30 never happens that night: the first valid instant after it is the change itself, 03:00 CEST.
    expect(instantAt("2026-03-29", "02:30", "Europe/Berlin")).toBe(at("2026-03-29T01:00:00Z"));
    expect(instantAt("2026-03-29", "03:00", "Europe/Berlin")).toBe(at("2026-03-29T01:00:00Z"));
    expect(instantAt("2026-03-29", "12:00", "Europe/Berlin")).toBe(at("2026-03-29T10:00:00Z"));
  });

  it("Berlin around the autumn change (25 Oct 2026, 03:00 -> 02:00): a repeated time is its first occurrence", () => {
    expect(instantAt("2026-10-25", "02:30", "Europe/Berlin")).toBe(at("2026-10-25T00:30:00Z"));
    expect(instantAt("2026-10-25", "03:00", "Europe/Berlin")).toBe(at("2026-10-25T02:00:00Z"));
    expect(instantAt("2026-10-25", "12:00", "Europe/Berlin")).toBe(at("2026-10-25T11:00:00Z"));
  });

  it("New York around both 2026 changes", () => {
    expect(instantAt("2026-03-08", "02:30", "America/New_York")).toBe(at("2026-03-08T07:00:00Z"));
    expect(instantAt("2026-03-08", "09:00", "America/New_York")).toBe(at("2026-03-08T13:00:00Z"));
    expect(instantAt("2026-11-01", "01:30", "America/New_York")).toBe(at("2026-11-01T05:30:00Z"));
    expect(instantAt("2026-11-01", "09:00", "America/New_York")).toBe(at("2026-11-01T14:00:00Z"));
  });

  it("rejects malformed input", () => {
    expect(() => instantAt("2026-02-30", "12:00", "Asia/Jakarta")).toThrow(RangeError);
    expect(() => instantAt("2026-02-01", "24:00", "Asia/Jakarta")).toThrow(RangeError);
    expect(() => instantAt("2026-02-01", "noon", "Asia/Jakarta")).toThrow(RangeError);
    expect(() => instantAt("2026-02-01", "12:00", "Mars/Olympus")).toThrow(RangeError);
  });
});

describe("localTimeAt", () => {
  it("Jakarta across local midnight", () => {
    expect(localTimeAt(at("2026-12-01T16:59:00Z"), "Asia/Jakarta")).toEqual({
      date: "2026-12-01",
      hour: 23,
      minute: 59,
      isoWeekday: 2,
    });
    expect(localTimeAt(at("2026-12-01T17:00:00Z"), "Asia/Jakarta")).toEqual({
      date: "2026-12-02",
      hour: 0,
      minute: 0,
      isoWeekday: 3,
    });
  });

  it("Berlin midnight moves by an hour across the spring change", () => {
    expect(localTimeAt(at("2026-03-28T23:30:00Z"), "Europe/Berlin")).toMatchObject({
      date: "2026-03-29",
      hour: 0,
    });
    expect(localTimeAt(at("2026-03-29T22:30:00Z"), "Europe/Berlin")).toMatchObject({
      date: "2026-03-30",
      hour: 0,
      minute: 30,
      isoWeekday: 1,
    });
    expect(localTimeAt(at("2026-03-29T01:00:00Z"), "Europe/Berlin")).toMatchObject({ hour: 3, minute: 0 });
  });

  it("New York late evening stays on the same date across the autumn change", () => {
    expect(localTimeAt(at("2026-11-01T04:30:00Z"), "America/New_York")).toMatchObject({
      date: "2026-11-01",
      hour: 0,
    });
    expect(localTimeAt(at("2026-11-02T04:30:00Z"), "America/New_York")).toMatchObject({
      date: "2026-11-01",
      hour: 23,
      minute: 30,
      isoWeekday: 7,
    });
    expect(localDateAt(at("2026-11-02T05:00:00Z"), "America/New_York")).toBe("2026-11-02");
  });

  const zones = [
    "Asia/Jakarta",
    "Asia/Makassar",
    "Asia/Jayapura",
    "Europe/Berlin",
    "America/New_York",
    "America/Sao_Paulo",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "Asia/Kolkata",
    "UTC",
  ];

  it("localDateAt(instantAt(d, 12:00, tz), tz) === d", () => {
    const dates = fc.integer({ min: 0, max: 365 * 130 }).map((n) => addDays("1970-01-01", n));
    fc.assert(
      fc.property(dates, fc.constantFrom(...zones), (date, zone) => {
        expect(localDateAt(instantAt(date, "12:00", zone), zone)).toBe(date);
      }),
    );
  });

  it("instantAt lands on the asked wall time whenever that time exists", () => {
    const dates = fc.integer({ min: 365 * 50, max: 365 * 70 }).map((n) => addDays("1970-01-01", n));
    const times = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`);
    fc.assert(
      fc.property(dates, times, fc.constantFrom(...zones), (date, time, zone) => {
        const local = localTimeAt(instantAt(date, time, zone), zone);
        const [h, m] = time.split(":").map(Number);
        const asked = (h ?? 0) * 60 + (m ?? 0);
        const got = local.hour * 60 + local.minute;
        // Exact, or (in a DST gap) later the same day and never by more than the gap.
        expect(local.date).toBe(date);
        expect(got - asked).toBeGreaterThanOrEqual(0);
        expect(got - asked).toBeLessThanOrEqual(60);
      }),
    );
  });
});

describe("time zones", () => {
  it("knows IANA zones and rejects the rest", () => {
    expect(isValidTimeZone("Asia/Jakarta")).toBe(true);
    expect(isValidTimeZone("Europe/Berlin")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("Asia/Atlantis")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
    expect(isValidTimeZone("WIB")).toBe(false);
  });
});

describe("dates", () => {
  it("addDays crosses months, years and leap days", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2023-02-28", 1)).toBe("2023-03-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-03-29", 1)).toBe("2026-03-30"); // DST day is still one day
    expect(() => addDays("2026-13-01", 1)).toThrow(RangeError);
    expect(() => addDays("2026-01-01", 0.5)).toThrow(RangeError);
  });

  it("isoWeekday", () => {
    expect(isoWeekday("2026-11-30")).toBe(1);
    expect(isoWeekday("2026-12-06")).toBe(7);
    expect(isoWeekday("1970-01-01")).toBe(4);
    expect(isoWeekday("1969-12-29")).toBe(1);
  });

  it("validates dates", () => {
    expect(isValidLocalDate("2024-02-29")).toBe(true);
    expect(isValidLocalDate("2023-02-29")).toBe(false);
    expect(isValidLocalDate("2026-1-01")).toBe(false);
    expect(isValidLocalDate("2026-12-02T00:00")).toBe(false);
  });
});

describe("ISO weeks", () => {
  it("UX's week 49 of 2026 is 30 Nov - 6 Dec", () => {
    expect(isoWeekOf("2026-12-02")).toEqual({ year: 2026, week: 49, key: "2026-W49" });
    expect(isoWeekRange("2026-12-02")).toEqual({ start: "2026-11-30", end: "2026-12-06" });
    expect(parseIsoWeekKey("2026-W49")).toEqual({ start: "2026-11-30", end: "2026-12-06" });
  });

  it("year boundaries", () => {
    expect(isoWeekOf("2026-12-31").key).toBe("2026-W53");
    expect(isoWeekOf("2027-01-01").key).toBe("2026-W53");
    expect(isoWeekOf("2027-01-03").key).toBe("2026-W53");
    expect(isoWeekOf("2027-01-04").key).toBe("2027-W01");
    expect(isoWeekRange("2027-01-01")).toEqual({ start: "2026-12-28", end: "2027-01-03" });
    expect(isoWeekOf("2020-12-31")).toEqual({ year: 2020, week: 53, key: "2020-W53" });
    expect(isoWeekOf("2021-01-03").key).toBe("2020-W53");
    expect(isoWeekOf("2019-12-30").key).toBe("2020-W01");
    expect(isoWeekOf("2025-12-29").key).toBe("2026-W01");
    expect(isoWeekOf("2021-12-31").key).toBe("2021-W52");
  });

  it("parses week keys and rejects weeks that do not exist", () => {
    expect(parseIsoWeekKey("2026-W01")).toEqual({ start: "2025-12-29", end: "2026-01-04" });
    expect(parseIsoWeekKey("2020-W53")).toEqual({ start: "2020-12-28", end: "2021-01-03" });
    expect(parseIsoWeekKey("2026W53")).toEqual({ start: "2026-12-28", end: "2027-01-03" });
    expect(parseIsoWeekKey("2027-W53")).toBeNull();
    expect(parseIsoWeekKey("2026-W00")).toBeNull();
    expect(parseIsoWeekKey("2026-W54")).toBeNull();
    expect(parseIsoWeekKey("week 49")).toBeNull();
  });

  it("every week key round-trips", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 100 }), (n) => {
        const date = addDays("1970-01-01", n);
        const range = parseIsoWeekKey(isoWeekOf(date).key);
        expect(range).toEqual(isoWeekRange(date));
      }),
    );
  });

  it("lastNWeeksRange ends on the Sunday of the date's week", () => {
    expect(lastNWeeksRange("2026-12-02", 1)).toEqual({ start: "2026-11-30", end: "2026-12-06" });
    expect(lastNWeeksRange("2026-12-02", 4)).toEqual({ start: "2026-11-09", end: "2026-12-06" });
    expect(lastNWeeksRange("2027-01-01", 2)).toEqual({ start: "2026-12-21", end: "2027-01-03" });
    expect(() => lastNWeeksRange("2026-12-02", 0)).toThrow(RangeError);
  });
});

describe("months and ranges", () => {
  it("monthRange including February in leap and common years", () => {
    expect(monthRange("2026-12-15")).toEqual({ start: "2026-12-01", end: "2026-12-31" });
    expect(monthRange("2026-11-30")).toEqual({ start: "2026-11-01", end: "2026-11-30" });
    expect(monthRange("2024-02-10")).toEqual({ start: "2024-02-01", end: "2024-02-29" });
    expect(monthRange("2026-02-10")).toEqual({ start: "2026-02-01", end: "2026-02-28" });
    expect(monthRange("2000-02-01").end).toBe("2000-02-29");
    expect(monthRange("1900-02-01").end).toBe("1900-02-28");
  });

  it("daysInRange is inclusive and empty when reversed", () => {
    expect(daysInRange({ start: "2026-02-27", end: "2026-03-02" })).toEqual([
      "2026-02-27",
      "2026-02-28",
      "2026-03-01",
      "2026-03-02",
    ]);
    expect(daysInRange({ start: "2026-03-02", end: "2026-03-02" })).toEqual(["2026-03-02"]);
    expect(daysInRange({ start: "2026-03-03", end: "2026-03-02" })).toEqual([]);
  });

  it("counts working days", () => {
    expect(countWorkingDays(monthRange("2026-12-01"), MON_FRI)).toBe(23);
    expect(countWorkingDays(monthRange("2026-02-01"), MON_FRI)).toBe(20);
    expect(countWorkingDays(isoWeekRange("2026-12-02"), [1, 2, 3, 4, 5, 6])).toBe(6);
    expect(countWorkingDays({ start: "2026-12-05", end: "2026-12-06" }, MON_FRI)).toBe(0);
    expect(countWorkingDays({ start: "2026-12-06", end: "2026-12-05" }, MON_FRI)).toBe(0);
    expect(countWorkingDays(isoWeekRange("2026-12-02"), [1, 1, 9, 0])).toBe(1);
    expect(countWorkingDays(isoWeekRange("2026-12-02"), [])).toBe(0);
  });

  it("countWorkingDays agrees with walking the days", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40_000 }),
        fc.integer({ min: -3, max: 120 }),
        fc.subarray([1, 2, 3, 4, 5, 6, 7]),
        (startDay, length, working) => {
          const start = addDays("1970-01-01", startDay);
          const range = { start, end: addDays(start, length) };
          const walked = daysInRange(range).filter((d) => working.includes(isoWeekday(d))).length;
          expect(countWorkingDays(range, working)).toBe(walked);
        },
      ),
    );
  });
});

describe("dateInOwnOffset", () => {
  it("reads the date in the string's own offset", () => {
    expect(dateInOwnOffset("2026-12-02T01:00:00+07:00")).toBe("2026-12-02");
    expect(dateInOwnOffset("2026-12-01T23:30:00-05:00")).toBe("2026-12-01");
    expect(dateInOwnOffset("2026-12-01T18:00:00Z")).toBe("2026-12-01");
    expect(dateInOwnOffset("2026-12-01T18:00:00.123+0700")).toBe("2026-12-01");
    expect(dateInOwnOffset("2026-12-01T18:00+07:00")).toBe("2026-12-01");
  });

  it("returns null for anything that is not an instant", () => {
    expect(dateInOwnOffset("2026-12-02")).toBeNull();
    expect(dateInOwnOffset("2026-12-02T01:00:00")).toBeNull();
    expect(dateInOwnOffset("2026-02-30T01:00:00Z")).toBeNull();
    expect(dateInOwnOffset("2026-12-02T25:00:00Z")).toBeNull();
    expect(dateInOwnOffset("yesterday")).toBeNull();
    expect(dateInOwnOffset("")).toBeNull();
  });

  it("parseIsoInstant agrees with Date.parse on what both accept", () => {
    for (const iso of [
      "2026-12-02T01:00:00+07:00",
      "2026-12-01T18:00:00Z",
      "2026-03-29T02:30:00.250-04:30",
    ]) {
      expect(parseIsoInstant(iso)).toBe(Date.parse(iso));
    }
    expect(parseIsoInstant("2026-12-02")).toBeNull();
  });
});

describe("partitionRanges", () => {
  const day = fc.integer({ min: 0, max: 120 }).map((n) => addDays("2026-10-01", n));
  const range = fc.tuple(day, day).map(([a, b]) => (a <= b ? { start: a, end: b } : { start: b, end: a }));

  it("every range is exactly the union of its pieces, and the pieces never overlap", () => {
    fc.assert(
      fc.property(fc.array(range, { minLength: 1, maxLength: 8 }), (ranges) => {
        const pieces = partitionRanges(ranges);
        for (let i = 1; i < pieces.length; i++)
          expect(pieces[i]?.start).toBe(addDays(pieces[i - 1]?.end ?? "", 1));
        for (const r of ranges) {
          const of = piecesOf(r, pieces);
          expect(of).not.toBeNull();
          const days = (of ?? []).flatMap((i) => daysInRange(pieces[i] ?? r));
          expect(days).toEqual(daysInRange(r));
        }
      }),
    );
  });

  it("a digest's periods make few pieces, and a range across a piece is not one of them", () => {
    const pieces = partitionRanges([
      { start: "2026-11-23", end: "2026-11-29" },
      { start: "2026-11-16", end: "2026-11-22" },
      { start: "2026-11-01", end: "2026-11-30" },
    ]);
    expect(pieces).toEqual([
      { start: "2026-11-01", end: "2026-11-15" },
      { start: "2026-11-16", end: "2026-11-22" },
      { start: "2026-11-23", end: "2026-11-29" },
      { start: "2026-11-30", end: "2026-11-30" },
    ]);
    expect(piecesOf({ start: "2026-11-16", end: "2026-11-29" }, pieces)).toEqual([1, 2]);
    expect(piecesOf({ start: "2026-11-17", end: "2026-11-29" }, pieces)).toBeNull();
    expect(piecesOf({ start: "2026-11-30", end: "2026-12-01" }, pieces)).toBeNull();
    expect(partitionRanges([])).toEqual([]);
    expect(spanOf(pieces)).toEqual({ start: "2026-11-01", end: "2026-11-30" });
    expect(spanOf([])).toBeNull();
  });
});
