/** What a run of digits is, judged by its shape alone. Context (units, labels) is judged by the tagger. */
export type Numeral =
  | { kind: "int"; value: number; digits: number }
  | { kind: "fraction" }
  | { kind: "time" }
  | { kind: "date"; day: number; month: number; year?: number }
  | { kind: "progress"; value: number }
  /** "30/11": day first, as Indonesians write it; "4/5" could also be progress, so the tagger decides. */
  | { kind: "dayMonth"; day: number; month: number; value: number }
  | { kind: "other" };

/** Reads digits with separators: "4", "1,000", "50.000", "2.5", "15:00", "2026-12-01", "4/5", "0812-3456". */
export function readNumeral(raw: string): Numeral {
  if (/^\d+$/.test(raw)) return { kind: "int", value: Number(raw), digits: raw.length };
  if (/^([01]?\d|2[0-3])[:.][0-5]\d$/.test(raw) && (raw.includes(":") || /\.(00|15|30|45)$/.test(raw))) {
    // "15.00" and "9.30" are how Indonesians write times; nobody logs 9.30 visits.
    return { kind: "time" };
  }
  if (raw.includes(":")) return { kind: "other" };
  let m = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$/.exec(raw);
  if (m) return { kind: "date", year: Number(m[1]), month: Number(m[3]), day: Number(m[4]) };
  // Day first ("30/11/2026", "30-11-26"), as Indonesians write dates; with dots only a four-digit year
  // makes it a date ("1.12.2026"), since "1.12.26" could be anything.
  m = /^(\d{1,2})([-/])(\d{1,2})\2(\d{2}|\d{4})$/.exec(raw) ?? /^(\d{1,2})(\.)(\d{1,2})\.(\d{4})$/.exec(raw);
  if (m) {
    const year = Number(m[4]);
    return { kind: "date", day: Number(m[1]), month: Number(m[3]), year: year < 100 ? 2000 + year : year };
  }
  m = /^(\d{1,4})\/(\d{1,4})$/.exec(raw);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    // A valid day and month ("30/11", "1/12") is a date candidate; the tagger decides between date and progress.
    if (
      (m[1] as string).length <= 2 &&
      (m[2] as string).length <= 2 &&
      a >= 1 &&
      a <= 31 &&
      b >= 1 &&
      b <= 12
    ) {
      return { kind: "dayMonth", day: a, month: b, value: a };
    }
    // "4/15" is how the bot itself shows progress against quota; a rep pasting it back means 4.
    return { kind: "progress", value: a };
  }
  if (/[-/]/.test(raw)) return { kind: "other" };
  // Thousands grouping: "1,000" in English, "50.000" in Indonesian (also how formatCounts writes them).
  if (/^\d{1,3}([.,])\d{3}(?:\1\d{3})*$/.test(raw)) {
    return { kind: "int", value: Number(raw.replace(/[.,]/g, "")), digits: raw.replace(/[.,]/g, "").length };
  }
  if (/^\d+[.,]\d+$/.test(raw)) return { kind: "fraction" };
  return { kind: "other" };
}

const EN_SMALL: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const EN_TENS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fourty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const ID_DIGITS: Readonly<Record<string, number>> = {
  nol: 0,
  satu: 1,
  dua: 2,
  tiga: 3,
  empat: 4,
  lima: 5,
  enam: 6,
  tujuh: 7,
  delapan: 8,
  sembilan: 9,
};
const ID_SE: Readonly<Record<string, number>> = { sepuluh: 10, sebelas: 11, seratus: 100 };

export interface WordNumber {
  value: number;
  /** Words used. */
  length: number;
  /** Set for Indonesian number words, which help guess the message's language. */
  id?: boolean;
}

/** Reads a number written in words at `words[i]`: "three", "twenty one", "dua belas", "dua puluh lima". */
export function readNumberWords(words: readonly string[], i: number): WordNumber | null {
  const w = words[i];
  if (w === undefined) return null;
  const next = words[i + 1];
  const afterNext = words[i + 2];
  const small = EN_SMALL[w];
  if (small !== undefined) return { value: small, length: 1 };
  const tens = EN_TENS[w];
  if (tens !== undefined) {
    const unit = next === undefined ? undefined : EN_SMALL[next];
    return unit !== undefined && unit > 0 && unit < 10
      ? { value: tens + unit, length: 2 }
      : { value: tens, length: 1 };
  }
  const se = ID_SE[w];
  if (se !== undefined) return { value: se, length: 1, id: true };
  const digit = ID_DIGITS[w];
  if (digit !== undefined) {
    if (next === "belas" && digit >= 2) return { value: 10 + digit, length: 2, id: true };
    if (next === "puluh" && digit >= 2) {
      const unit = afterNext === undefined ? undefined : ID_DIGITS[afterNext];
      return unit !== undefined && unit > 0
        ? { value: digit * 10 + unit, length: 3, id: true }
        : { value: digit * 10, length: 2, id: true };
    }
    if (next === "ratus" && digit >= 2) return { value: digit * 100, length: 2, id: true };
    return { value: digit, length: 1, id: true };
  }
  return null;
}
