/** A lexical unit of a message. Meaning is assigned later; the tokenizer only keeps what spacing tells. */
export type Token =
  | { kind: "word"; text: string; glued: boolean; digits: string }
  | { kind: "num"; raw: string; sign: "" | "-" | "+"; suffix: string; glued: boolean }
  | { kind: "sym"; text: string; glued: boolean }
  | { kind: "newline" };

// One pass, one alternative per token kind; the last alternative takes any single code point, so every
// string (lone surrogates and control characters included) is consumed in linear time.
const TOKEN =
  /(\n)|([^\S\n]+)|([+-]?)(\d+(?:[.,:/-]\d+)*)([\p{L}%]*)|((?:\p{L}|\p{M})+(?:'(?:\p{L}|\p{M})+)*)(\d*)|([\s\S])/gu;

/** Text as the lexicons expect it: compatibility forms folded, lower case, one kind of apostrophe and dash. */
export function normalize(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'")
    .replace(/[\u2212\u2010\u2011]/g, "-")
    .replace(/[\u2013\u2014]/g, " - ")
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, "\n")
    .replace(/\b([ap])\.m\.?/g, "$1m");
}

/** Splits normalized text into tokens. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // Several lines starting with "-" are a bullet list, so "-3 visits" there is a bullet, not minus three.
  const bullets = (text.match(/^[^\S\n]*-/gm) ?? []).length >= 2;
  let glued = false;
  let lineStart = true;
  for (const m of text.matchAll(TOKEN)) {
    const [, newline, space, sign, digits, suffix, word, wordDigits, other] = m;
    if (newline !== undefined) {
      tokens.push({ kind: "newline" });
      glued = false;
      lineStart = true;
      continue;
    }
    if (space !== undefined) {
      glued = false;
      continue;
    }
    if (digits !== undefined) {
      let s = (sign ?? "") as "" | "-" | "+";
      if (s === "-" && lineStart && bullets) {
        tokens.push({ kind: "sym", text: "-", glued });
        s = "";
      }
      tokens.push({ kind: "num", raw: digits, sign: s, suffix: suffix ?? "", glued });
    } else if (word !== undefined) {
      tokens.push({ kind: "word", text: word, glued, digits: wordDigits ?? "" });
    } else if (other !== undefined) {
      tokens.push({ kind: "sym", text: other, glued });
    }
    glued = true;
    lineStart = false;
  }
  return tokens;
}
