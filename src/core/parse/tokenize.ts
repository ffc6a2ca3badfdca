/** A lexical unit of a message. Meaning is assigned later; the tokenizer only keeps what spacing tells. */
export type Token =
  | {
      kind: "word";
      /** Lower case, as the lexicons are. */
      text: string;
      glued: boolean;
      digits: string;
      /** Written with a capital first letter: with a number after it, likely part of a name ("Maju 88"). */
      cap: boolean;
      /** Where it starts in the normalized text, for quoting what was not counted. */
      at: number;
    }
  | {
      kind: "num";
      raw: string;
      sign: "" | "-" | "+";
      suffix: string;
      glued: boolean;
      at: number;
      end: number;
    }
  | { kind: "sym"; text: string; glued: boolean }
  | { kind: "newline" };

// One pass, one alternative per token kind; the last alternative takes any single code point, so every
// string (lone surrogates and control characters included) is consumed in linear time.
const TOKEN =
  /(\n)|([^\S\n]+)|([+-]?)(\d+(?:[.,:/-]\d+)*)([\p{L}%]*)|((?:\p{L}|\p{M})+(?:'(?:\p{L}|\p{M})+)*)(\d*)|([\s\S])/gu;

/** Printable ASCII, tabs and line breaks only: nothing for NFKC or the quote and dash folding to change. */
const PLAIN = /^[\x20-\x7e\t\n\r]*$/;

/**
 * Text as the tokenizer expects it: compatibility forms folded, one kind of apostrophe and dash, one kind of line
 * break. Case is kept: a capital tells a name ("Toko Maju 88") from a report; the tokenizer lower-cases words.
 */
export function normalize(text: string): string {
  // Most messages are plain ASCII: only line breaks, backticks and "a.m." can need anything then.
  if (PLAIN.test(text)) {
    return text
      .replace(/\r\n?/g, "\n")
      .replace(/`/g, "'")
      .replace(/\b([ap])\.m\.?/gi, "$1m");
  }
  return (
    text
      .normalize("NFKC")
      .replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'")
      .replace(/[\u2212\u2010\u2011]/g, "-")
      .replace(/[\u2013\u2014]/g, " - ")
      .replace(/\r\n?|[\u2028\u2029\u0085]/g, "\n")
      // Emoji presentation and keycap marks ("4️⃣"): the digit stays, the marks are not words.
      .replace(/[\ufe0e\ufe0f\u20e3]/g, "")
      .replace(/\b([ap])\.m\.?/gi, "$1m")
  );
}

/** Splits normalized text into tokens. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // Several lines starting with "-" are a bullet list, so "-3 visits" there is a bullet, not minus three.
  const bullets = text.includes("-") && (text.match(/^[^\S\n]*-/gm) ?? []).length >= 2;
  let glued = false;
  let lineStart = true;
  // Lower-case once; where lower-casing changes a length ("İ"), each word is lower-cased on its own instead.
  const lowered = text.toLowerCase();
  const aligned = lowered.length === text.length;
  for (const m of (aligned ? lowered : text).matchAll(TOKEN)) {
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
      const at = (m.index ?? 0) + (sign ?? "").length;
      tokens.push({
        kind: "num",
        raw: digits,
        sign: s,
        suffix: aligned ? (suffix ?? "") : (suffix ?? "").toLowerCase(),
        glued,
        at,
        end: at + digits.length + (suffix ?? "").length,
      });
    } else if (word !== undefined) {
      const at = m.index ?? 0;
      const lower = aligned ? word : word.toLowerCase();
      const first = aligned ? text.charAt(at) : word.charAt(0);
      tokens.push({
        kind: "word",
        text: lower,
        glued,
        digits: wordDigits ?? "",
        cap: first !== lower.charAt(0),
        at,
      });
    } else if (other !== undefined) {
      tokens.push({ kind: "sym", text: other, glued });
    }
    glued = true;
    lineStart = false;
  }
  return tokens;
}
