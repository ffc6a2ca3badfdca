import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LOCALES } from "../../src/core/locale.js";
import { MAX_COUNT_PER_MESSAGE, METRICS, type PartialCounts } from "../../src/core/metrics.js";
import { parseReport } from "../../src/core/parse/index.js";
import { formatCounts } from "../../src/core/texts/metric-words.js";

const ctx = { today: "2026-12-02" };

const countsArb: fc.Arbitrary<PartialCounts> = fc.subarray([...METRICS], { minLength: 1 }).chain((metrics) =>
  fc.tuple(...metrics.map(() => fc.integer({ min: 0, max: MAX_COUNT_PER_MESSAGE }))).map((values) => {
    const counts: PartialCounts = {};
    metrics.forEach((m, i) => {
      counts[m] = values[i] ?? 0;
    });
    return counts;
  }),
);

const localeArb = fc.constantFrom(...LOCALES);

const SEPARATORS = [", ", "; ", "\n", " | ", " + ", " and ", " dan ", " & ", " · ", "\n- ", " serta ", " / "];

describe("parseReport properties", () => {
  it("never throws and always answers with a result, on any string", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" })),
        (text) => {
          const result = parseReport(text, ctx);
          expect(typeof result.ok).toBe("boolean");
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("never throws on text made of report words, numbers and punctuation", () => {
    const piece = fc.constantFrom(
      "met",
      "4",
      "-3",
      "2.5",
      "50.000",
      "klien",
      "follow up",
      "fu",
      "kemarin",
      "besok",
      "monday",
      "x",
      "2x",
      "jam",
      "Rp",
      "juta",
      "referral",
      "asked",
      "dapat",
      "lagi",
      "more",
      "?",
      ",",
      "\n",
      "-",
      ":",
      "no",
      "a",
      "tgl",
      "dec",
      "1st",
      "0812",
      "%",
      "deal",
      "siap closing",
      "old",
      "baru",
      "dari",
      "from",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const result = parseReport(pieces.join(" "), ctx);
        expect(typeof result.ok).toBe("boolean");
      }),
      { numRuns: 2000 },
    );
  });

  it("answers in bounded time on huge input", () => {
    const text = "met 4 clients, 2 fu ".repeat(20_000) + "\u0000\ud800".repeat(10_000);
    const started = performance.now();
    parseReport(text, ctx);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("reads back what formatCounts writes, in both languages", () => {
    fc.assert(
      fc.property(countsArb, localeArb, (counts, locale) => {
        const text = formatCounts(locale, counts);
        const result = parseReport(text, ctx);
        expect(result, text).toMatchObject({ ok: true, date: ctx.today });
        expect(result.ok && result.counts, text).toEqual(counts);
      }),
      { numRuns: 1000 },
    );
  });

  it("does not depend on case or on the separator between clauses", () => {
    fc.assert(
      fc.property(
        countsArb,
        localeArb,
        fc.constantFrom(...SEPARATORS),
        fc.array(fc.boolean(), { minLength: 200, maxLength: 200 }),
        (counts, locale, separator, upper) => {
          const plain = formatCounts(locale, counts);
          const variant = [...plain.split(" · ").join(separator)]
            .map((ch, i) => (upper[i % upper.length] ? ch.toUpperCase() : ch))
            .join("");
          const a = parseReport(plain, ctx);
          const b = parseReport(variant, ctx);
          expect(b.ok, variant).toBe(a.ok);
          if (a.ok && b.ok) {
            expect(b.counts, variant).toEqual(a.counts);
            expect(b.date, variant).toBe(a.date);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("does not count the number in a place's name, wherever the name stands", () => {
    const place = fc.tuple(
      fc.constantFrom(
        "Toko",
        "PT",
        "CV",
        "UD",
        "Apotek",
        "Warung",
        "Kios",
        "Jl.",
        "Blok",
        "Ruko",
        "Indomaret",
      ),
      fc.constantFrom("Maju", "Sinar", "Berkah", "Sumber Rejeki", "Cahaya Abadi", "Sudirman", ""),
      fc.integer({ min: 1, max: 999 }),
      fc.constantFrom("", " Jaya", " Kemang"),
    );
    const glue = fc.constantFrom(" di ", " at ", " ke ", ", ", " (", " - ", " sama ", " with ");
    fc.assert(
      fc.property(
        countsArb,
        localeArb,
        place,
        glue,
        fc.nat(),
        (counts, locale, [kind, name, n, tail], joiner, at) => {
          const words = formatCounts(locale, counts).split(" · ");
          const named = `${kind}${name ? ` ${name}` : ""} ${n}${tail}${joiner === " (" ? ")" : ""}`;
          const where = at % (words.length + 1);
          const text = [
            ...words.slice(0, where),
            `${joiner.trim() ? joiner : ""}${named}`,
            ...words.slice(where),
          ]
            .join(" · ")
            .replace(/ · \(/g, " (");
          const result = parseReport(text, ctx);
          expect(result, text).toMatchObject({ ok: true, date: ctx.today });
          expect(result.ok && result.counts, text).toEqual(counts);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
