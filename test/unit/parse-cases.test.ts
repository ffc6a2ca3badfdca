import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseReport } from "../../src/core/parse/index.js";

interface Case {
  text: string;
  now: string;
  /** `error` is optional, so the public file's refusals need not name a code. */
  expect: { ok: true; date: string; counts: Record<string, number> } | { ok: false; error?: string };
}

/** The local date of an ISO instant as written in its own offset: "2026-12-02T01:00:00+08:00" is 2 Dec. */
function localDate(now: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/.exec(now);
  if (!m?.[1]) throw new Error(`not an ISO instant with an offset: ${now}`);
  return m[1];
}

function load(name: string): Case[] {
  const path = fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Case);
}

describe("localDate", () => {
  it("reads the date in the instant's own offset, not in UTC", () => {
    expect(localDate("2026-12-02T01:30:00+08:00")).toBe("2026-12-02");
    expect(localDate("2026-12-01T22:00:00-05:00")).toBe("2026-12-01");
    expect(localDate("2026-12-01T22:00:00Z")).toBe("2026-12-01");
  });
});

for (const file of [
  "parse-cases.jsonl",
  "parse-cases-more.jsonl",
  "parse-cases-field.jsonl",
  "parse-cases-review.jsonl",
]) {
  describe(file, () => {
    const cases = load(file);
    it("has cases", () => {
      expect(cases.length).toBeGreaterThan(0);
    });
    it.each(cases.map((c) => [c.text, c] as const))("%j", (_text, c) => {
      const result = parseReport(c.text, { today: localDate(c.now) });
      if (c.expect.ok) {
        expect(result).toMatchObject({ ok: true, date: c.expect.date });
        expect(result.ok && result.counts).toEqual(c.expect.counts);
      } else {
        expect(result.ok).toBe(false);
        if (c.expect.error !== undefined) expect(result).toMatchObject({ error: c.expect.error });
      }
    });
  });
}
