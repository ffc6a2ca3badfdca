/** A spreadsheet cell: text, a number, or empty. */
export type CsvCell = string | number | null;

/** Spreadsheet programs read a UTF-8 file as UTF-8 (Indonesian names, "Rp", emoji) only when it starts with this. */
export const UTF8_BOM = "\uFEFF";

/**
 * Text a spreadsheet would run as a formula when it opens the file ("=HYPERLINK(…)" typed into a report). OWASP's
 * list: a leading = + - @, and tab or carriage return, which some programs strip before looking.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: CsvCell): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  // A leading apostrophe makes the spreadsheet show the text as text; the rep's words are kept otherwise.
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180: a header row, CRLF line ends, fields quoted where they must be; UTF-8 with a BOM. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(cell).join(","));
  return `${UTF8_BOM}${lines.join("\r\n")}\r\n`;
}
