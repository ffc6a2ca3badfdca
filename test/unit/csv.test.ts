import { describe, expect, it } from "vitest";
import { toCsv } from "../../src/core/export/csv.js";
import { readCsv } from "../support/read-csv.js";

describe("CSV export", () => {
  it("starts with a BOM and a header, ends lines with CRLF, and leaves empty cells empty", () => {
    const csv = toCsv(
      ["day", "rep", "visits"],
      [
        ["2026-12-02", "Ayu", 4],
        ["2026-12-02", "Budi", null],
      ],
    );
    expect(csv).toBe("\uFEFFday,rep,visits\r\n2026-12-02,Ayu,4\r\n2026-12-02,Budi,\r\n");
  });

  it("quotes commas, quotes and new lines so the rep's words come back whole", () => {
    const text = 'ketemu 3 klien, 2 fu\n"Toko Maju 88" — mantap 👍';
    const csv = toCsv(["source_text"], [[text]]);
    expect(csv).toContain('"ketemu 3 klien, 2 fu\n""Toko Maju 88"" — mantap 👍"');
    expect(readCsv(csv)).toEqual([["source_text"], [text]]);
  });

  it.each(['=HYPERLINK("http://x")', "+62 812 3456", "-2 batal", "@budi 3 visits", "\tvisit 3"])(
    "escapes %j so a spreadsheet shows it as text instead of running it",
    (text) => {
      const [, [cell]] = readCsv(toCsv(["source_text"], [[text]])) as [string[], string[]];
      expect(cell).toBe(`'${text}`);
    },
  );

  it("leaves ordinary text and numbers as they are", () => {
    expect(readCsv(toCsv(["a", "b"], [["visit 3 toko", 0]]))).toEqual([
      ["a", "b"],
      ["visit 3 toko", "0"],
    ]);
  });
});
