import { MAX_COUNT_PER_MESSAGE } from "../metrics.js";
import { known, lookup, VERB_CATS } from "./lexicon.js";
import type { Cat, DayRef, Entry, Mark, Mod } from "./lexicon-types.js";
import { readNumberWords, readNumeral } from "./numbers.js";
import type { Token } from "./tokenize.js";

export type Problem = "negative" | "fraction" | "too_large";

export interface CueItem {
  k: "cue";
  cat: Cat;
  existing: boolean;
  fresh: boolean;
  hot: boolean;
}

export interface CountItem {
  k: "count";
  value: number;
  /** The number as written, for refusals. */
  raw: string;
  problem?: Problem;
  /** Where the number starts in the normalized text, to quote it back when it was not counted. */
  at?: number;
}

export interface DayItem {
  k: "day";
  ref: DayRef;
  /** "4/5" may be a date or progress against quota; this is the count it is when it is not a recent date. */
  alt?: CountItem;
}

/** A message after tagging: what each stretch of text means, in order. */
export type Item =
  | CueItem
  | CountItem
  | DayItem
  | { k: "mark"; mark: Mark }
  | { k: "sep"; level: "sentence" | "clause"; question: boolean }
  /**
   * Part of a proper name ("Toko Maju 88", "PT Abadi Jaya") or, with `address`, of an address ("lantai 5"):
   * never a count. Only a business's name is a place someone visited.
   */
  | { k: "name"; address?: true; person?: true }
  | { k: "other" };

export interface Tagged {
  items: Item[];
  /** Words that only one of the languages has, for the locale guess. */
  en: number;
  id: number;
}

// Stage one keeps numbers raw and lexicon entries whole, because a number's meaning depends on both neighbours.
type Pre =
  | { p: "num"; raw: string; sign: "" | "-"; role: SuffixRole | ""; glued: boolean; sci?: true; at?: number }
  | { p: "lex"; e: Entry; cap: boolean; letter?: true }
  | { p: "wordnum"; value: number; raw: string; cap: boolean }
  | { p: "word"; cap: boolean }
  | { p: "sep"; level: "sentence" | "clause"; question: boolean }
  /** ":" "=" "->" and the like: "visits: 3" reads like "visits 3". `labels` is set for ":" and "=". */
  | { p: "link"; labels?: true }
  | { p: "gone" };

type SuffixRole = "times" | "ignore" | "ordinal";

const CLAUSE_SYMS = new Set([
  ",",
  ";",
  "|",
  "+",
  "&",
  "(",
  ")",
  "[",
  "]",
  "{",
  "}",
  "·",
  "•",
  "*",
  "/",
  "\\",
  "~",
  "-",
]);
const SENTENCE_SYMS = new Set([".", "!", "?", "…", "¿", "¡"]);
const LINK_SYMS = new Set([":", "=", ">", "<", "→", "⇒", "➡", "»", "⟶"]);
const SYM_ENTRIES: Readonly<Record<string, Entry>> = {
  $: { before: "money" },
  "€": { before: "money" },
  "£": { before: "money" },
  "¥": { before: "money" },
  "#": { before: "label" },
  "@": { before: "time" },
  "%": { after: "percent" },
  "×": { after: "times" },
};
const JOINERS = new Set(["-", "/", "'", "_"]);

function suffixRole(suffix: string): SuffixRole | "" | null {
  if (suffix === "") return "";
  if (suffix === "an") return ""; // "5an": about five, still a count
  if (["st", "nd", "rd", "th"].includes(suffix)) return "ordinal";
  const after = known(suffix)?.after;
  if (after === "times") return "times";
  if (after !== undefined || ["h", "d", "hrs", "hr", "mnt", "jtan", "jt", "rb", "k"].includes(suffix))
    return "ignore";
  return null;
}

function stageOne(tokens: readonly Token[], langs: { en: number; id: number }): Pre[] {
  const out: Pre[] = [];
  const pushWords = (words: string[], caps: boolean[] = []): void => {
    let j = 0;
    while (j < words.length) {
      const cap = caps[j] ?? false;
      const wn = readNumberWords(words, j);
      if (wn) {
        out.push({ p: "wordnum", value: wn.value, raw: words.slice(j, j + wn.length).join(" "), cap });
        langs[wn.id ? "id" : "en"] += 1;
        j += wn.length;
        continue;
      }
      const m = lookup(words, j);
      if (m) {
        // A capital letter alone ("Blok A", "Ruko C") is part of an address, whatever else the letter means.
        const lex: Extract<Pre, { p: "lex" }> = { p: "lex", e: m.entry, cap };
        if (cap && m.length === 1 && (words[j]?.length ?? 0) === 1) lex.letter = true;
        out.push(lex);
        if (m.entry.lang) langs[m.entry.lang] += m.length;
        j += m.length;
      } else {
        out.push({ p: "word", cap });
        j += 1;
      }
    }
  };
  let t = 0;
  /** Closing brackets of asides read as part of the sentence. */
  const transparent = new Set<number>();
  while (t < tokens.length) {
    const tok = tokens[t] as Token;
    if (tok.kind === "word") {
      const words: string[] = [];
      const caps: boolean[] = [];
      let trailingDigits = "";
      while (t < tokens.length) {
        const w = tokens[t];
        if (w?.kind !== "word") break;
        const following = tokens[t + 1];
        if (w.digits !== "") {
          const gluedOn = following !== undefined && following.kind !== "newline" && following.glued;
          if (w.text === "x" || w.text === "x'") break; // "x2": two times
          if (gluedOn && (following.kind === "word" || following.kind === "num")) break; // "b2b", "covid19a"
          words.push(w.text);
          caps.push(w.cap);
          t++;
          // "klien2", "kira2", "siapa2": a glued 2 doubles the word (a plural, "about"), it is not a count.
          if (!(w.digits === "2" && (known(w.text)?.cue || w.text.length >= 3))) trailingDigits = w.digits;
          break;
        }
        words.push(w.text);
        caps.push(w.cap);
        t++;
        const joiner = tokens[t];
        const after = tokens[t + 1];
        if (
          joiner?.kind === "sym" &&
          JOINERS.has(joiner.text) &&
          joiner.glued &&
          after?.kind === "word" &&
          after.glued
        ) {
          t++; // "follow-up", "f/u", "check-ins": one phrase
        }
      }
      if (words.length > 0) pushWords(words, caps);
      if (trailingDigits !== "") out.push({ p: "num", raw: trailingDigits, sign: "", role: "", glued: true });
      if (words.length > 0) continue;
      // A word glued to digits and more: "x2" is two times; anything else is a code, not a count.
      const w = tokens[t] as Extract<Token, { kind: "word" }>;
      t++;
      if (w.text.startsWith("x")) {
        out.push({ p: "num", raw: w.digits, sign: "", role: "times", glued: true });
        continue;
      }
      while (tokens[t]?.kind === "word" || tokens[t]?.kind === "num") {
        const g = tokens[t];
        if (!g || g.kind === "newline" || !g.glued) break;
        t++;
      }
      out.push({ p: "word", cap: w.cap });
      continue;
    }
    t++;
    if (tok.kind === "newline") {
      out.push({ p: "sep", level: "sentence", question: false });
    } else if (tok.kind === "num") {
      const prev = tokens[t - 2];
      const role = suffixRole(tok.suffix);
      if (tok.sign === "-" && tok.glued && (prev?.kind === "word" || prev?.kind === "num")) {
        out.push({ p: "gone" }); // "ke-2", "h-1", "covid-19": part of a name, not minus
        continue;
      }
      if (tok.sign === "+") {
        let digits = tok.raw.replace(/\D/g, "").length;
        let last = t;
        while (tokens[last]?.kind === "num" && digits < 15) {
          digits += (tokens[last] as Extract<Token, { kind: "num" }>).raw.replace(/\D/g, "").length;
          last++;
        }
        if (digits >= 8) {
          out.push({ p: "gone" }); // "+62 812 3344 5566": a phone number, groups and all
          t = last;
          continue;
        }
        out.push({ p: "sep", level: "clause", question: false });
      }
      const next = tokens[t];
      const lineStart = t < 2 || tokens[t - 2]?.kind === "newline";
      if (tok.suffix === "e" && next?.kind === "num" && next.glued && next.sign !== "-") {
        // "1e9": a number in scientific notation is no day's count, and must not read as 1 and 9.
        out.push({
          p: "num",
          raw: `${tok.raw}e${next.raw}`,
          sign: "",
          role: "",
          glued: tok.glued,
          sci: true,
        });
        t++;
        continue;
      }
      if (
        lineStart &&
        tok.suffix === "" &&
        next?.kind === "sym" &&
        (next.text === "." || next.text === ")") &&
        next.glued &&
        tokens[t + 1]?.kind !== "num"
      ) {
        out.push({ p: "gone" }); // "1. Toko Maju 88": a list's numbering
        t++;
        continue;
      }
      const joiner = tokens[t];
      if (
        tok.suffix === "" &&
        joiner?.kind === "sym" &&
        joiner.text === "-" &&
        joiner.glued &&
        tokens[t + 1]?.kind === "word" &&
        (tokens[t + 1] as Extract<Token, { kind: "word" }>).glued
      ) {
        out.push({ p: "word", cap: false }); // "3-year contract", "2-hour meeting": a description
        t += 2;
        continue;
      }
      if (role === null && tok.suffix.length === 1) {
        out.push({ p: "word", cap: false }); // "3A", "12b": a unit or a shop's number, not a count
        continue;
      }
      out.push({
        p: "num",
        raw: tok.raw,
        sign: tok.sign === "-" ? "-" : "",
        role: role ?? "",
        glued: tok.glued,
        at: tok.at,
      });
      if (role === null) pushWords([tok.suffix]); // "4klien"
    } else {
      const s = tok.text;
      const next = tokens[t];
      const prevPre = out[out.length - 1];
      if (s === "(") {
        const close = asideEnd(tokens, t);
        if (close >= 0) {
          // "(PT Sinar 77)", "(3)": an aside without activity words reads as part of the sentence.
          transparent.add(close);
          continue;
        }
      }
      if (s === ")" && transparent.has(t - 1)) continue;
      if (s === "-" && next?.kind === "sym" && next.text === ">") {
        out.push({ p: "link" });
        t++;
      } else if (
        s === "." &&
        prevPre?.p === "lex" &&
        (prevPre.e.before !== undefined || prevPre.e.place || prevPre.e.address || prevPre.e.abbrev)
      ) {
        // "no. 5", "tgl. 3", "Jl. Sudirman", "kunj. 4": an abbreviation's dot, not the end of a sentence
      } else if (
        s === "/" &&
        tok.glued &&
        next?.kind === "num" &&
        next.glued &&
        (prevPre?.p === "word" || prevPre?.p === "lex")
      ) {
        out.push({ p: "link" }); // "Blok D/10": one address
      } else if (SENTENCE_SYMS.has(s)) {
        out.push({ p: "sep", level: "sentence", question: s === "?" });
      } else if (CLAUSE_SYMS.has(s)) {
        out.push({ p: "sep", level: "clause", question: false });
      } else if (s === ":" && next?.kind === "word") {
        // "blm sempet lapor: visit 3": a colon before words starts a new clause; before a number it labels it.
        out.push({ p: "sep", level: "clause", question: false });
      } else if (s === "=" && next?.kind === "num") {
        out.push({ p: "lex", e: { mark: "total" }, cap: false }); // "3 + 2 = 5": the total
      } else if (LINK_SYMS.has(s)) {
        out.push(s === ":" || s === "=" ? { p: "link", labels: true } : { p: "link" });
      } else {
        const e = SYM_ENTRIES[s];
        if (e) out.push({ p: "lex", e, cap: false });
        // Emoji and other symbols carry no meaning for a report.
      }
    }
  }
  return out;
}

/** The longest aside read through: a name, an address, a number. */
const MAX_ASIDE_TOKENS = 8;

/**
 * The index of the ")" closing the aside opened just before `from`, when the aside holds only a name, a place, an
 * address or a number; -1 otherwise (then its brackets separate clauses, as "(WA)" or "(target 5)" do).
 */
function asideEnd(tokens: readonly Token[], from: number): number {
  for (let k = from; k < tokens.length && k < from + MAX_ASIDE_TOKENS; k++) {
    const tok = tokens[k];
    if (!tok || tok.kind === "newline") return -1;
    if (tok.kind === "sym" && tok.text === ")") return k;
    if (tok.kind === "sym" && tok.text === "(") return -1;
    if (tok.kind === "word") {
      // Only names, places and addresses: any other word the lexicon knows says something of its own.
      const entry = known(tok.text);
      if (entry && !entry.place && !entry.address) return -1;
    }
  }
  return -1;
}

function count(value: number, raw: string, negative: boolean, fraction: boolean): CountItem {
  if (negative) return { k: "count", value: -value, raw: `-${raw}`, problem: "negative" };
  if (fraction) return { k: "count", value: Number.NaN, raw, problem: "fraction" };
  if (value > MAX_COUNT_PER_MESSAGE) return { k: "count", value, raw, problem: "too_large" };
  return { k: "count", value, raw };
}

/** Neighbour lookups skip ":" and "=" so "jam: 3" reads like "jam 3". */
function neighbour(pre: readonly Pre[], i: number, step: 1 | -1): Pre | undefined {
  let j = i + step;
  while (pre[j]?.p === "link" || pre[j]?.p === "gone") j += step;
  return pre[j];
}

function entryOf(p: Pre | undefined): Entry | undefined {
  return p?.p === "lex" ? p.e : undefined;
}

type Weak = { k: "weak"; mark: Mark; value: number; raw: string };
type Stage2 = Item | Weak | { k: "mod"; mod: Mod; dir: "pre" | "post" | "both" };

/** What a number turned out to be, and how many neighbours it used ("5 juta" uses "juta"; "dec 1" uses "dec"). */
interface Reading {
  item: Item;
  /** Index of the last pre-item consumed. */
  last: number;
  /** The item before the number was part of it (a month name). */
  takesPrev?: boolean;
}

function stageTwo(pre: Pre[]): Stage2[] {
  const out: Stage2[] = [];
  const take = (r: Reading): number => {
    if (r.takesPrev) out.pop();
    out.push(r.item);
    return r.last;
  };
  for (let i = 0; i < pre.length; i++) {
    const p = pre[i] as Pre;
    switch (p.p) {
      case "gone":
      case "link":
        break;
      case "word": {
        // "PT Abadi Jaya", "toko maju": an unknown word after a business word names a place; "pak budi", "Bu Sari":
        // after an honorific, a person. Reps type names in whatever case their keyboard gives them.
        const marker = pre[previousIndex(pre, i)];
        const named = marker?.p === "lex" && Boolean(marker.e.person || marker.e.place);
        if (named && marker.e.person) {
          // The honorific is part of the name, not a word of the sentence around it.
          if (out[out.length - 1]?.k === "other") out.pop();
          out.push({ k: "name", person: true });
        } else out.push(named ? { k: "name" } : { k: "other" });
        break;
      }
      case "sep":
        out.push({ k: "sep", level: p.level, question: p.question });
        break;
      case "wordnum":
        i = take(classifyNumber(pre, i, p.value, p.raw, false));
        break;
      case "num": {
        // A year right after a day and month completes that date: "1 Dec 2026", "17 agustus 1945".
        const last = out[out.length - 1];
        if (
          last?.k === "day" &&
          last.ref.kind === "date" &&
          last.ref.month !== undefined &&
          last.ref.year === undefined &&
          last.alt === undefined &&
          p.sign === "" &&
          /^\d{4}$/.test(p.raw)
        ) {
          last.ref = { ...last.ref, year: Number(p.raw) };
          break;
        }
        const reading = readNum(pre, i, p);
        if (reading.item.k === "count" && p.at !== undefined) reading.item.at = p.at;
        i = take(reading);
        break;
      }
      case "lex": {
        const e = p.e;
        if (e.num !== undefined && e.mark)
          out.push({ k: "weak", mark: e.mark, value: e.num, raw: String(e.num) });
        else if (e.mark === "zero") out.push(count(0, "0", false, false));
        else if (e.day) out.push({ k: "day", ref: e.day });
        else if (e.cue) out.push({ k: "cue", cat: e.cue, existing: false, fresh: false, hot: false });
        else if (e.mod && e.modDir) out.push({ k: "mod", mod: e.mod, dir: e.modDir });
        else if (e.mark === "no") out.push({ k: "weak", mark: "no", value: 0, raw: "0" });
        else if (e.mark) out.push({ k: "mark", mark: e.mark });
        else out.push({ k: "other" });
        break;
      }
    }
  }
  return out;
}

function previousIndex(pre: readonly Pre[], i: number): number {
  let j = i - 1;
  while (pre[j]?.p === "link" || pre[j]?.p === "gone") j--;
  return j;
}

function nextIndex(pre: readonly Pre[], i: number): number {
  let j = i + 1;
  while (pre[j]?.p === "link" || pre[j]?.p === "gone") j++;
  return j;
}

function readNum(pre: Pre[], i: number, p: Extract<Pre, { p: "num" }>): Reading {
  const shape = readNumeral(p.raw);
  const other: Reading = { item: { k: "other" }, last: i };
  const negative = p.sign === "-";
  if (p.sci) return { item: count(Number.POSITIVE_INFINITY, p.raw, false, false), last: i };
  if (p.role === "ignore") return other;
  if (p.role === "ordinal") return ordinalDate(pre, i, shape.kind === "int" ? shape.value : 0);
  switch (shape.kind) {
    case "time":
    case "other":
      return other;
    case "date":
      return {
        item: { k: "day", ref: { kind: "date", day: shape.day, month: shape.month, year: shape.year } },
        last: i,
      };
    case "dayMonth":
      if (negative) return { item: count(shape.value, p.raw, negative, false), last: i };
      return {
        item: {
          k: "day",
          ref: { kind: "date", day: shape.day, month: shape.month },
          alt: count(shape.value, p.raw, false, false),
        },
        last: i,
      };
    case "progress":
      return { item: count(shape.value, p.raw, negative, false), last: i };
    case "fraction": {
      const prevE = entryOf(neighbour(pre, i, -1));
      const nextE = entryOf(neighbour(pre, i, 1));
      if (prevE?.before !== undefined) return other; // "Rp 1,5"
      if (nextE?.after !== undefined && nextE.after !== "times")
        return { item: { k: "other" }, last: nextIndex(pre, i) };
      return { item: count(0, `${p.sign}${p.raw}`, false, true), last: i };
    }
    case "int": {
      if (p.role === "times") return { item: count(shape.value, p.raw, negative, false), last: i };
      // A huge number right before an activity word is a count, refused as too large ("1000000000 clients").
      if (shape.digits >= 7 && !p.raw.startsWith("0") && entryOf(neighbour(pre, i, 1))?.cue !== undefined)
        return { item: count(shape.value, p.raw, negative, false), last: i };
      // Phone numbers and ids: a leading zero or too many digits; the groups after them go too.
      if ((p.raw.startsWith("0") && shape.digits >= 3) || shape.digits >= 7) {
        let last = i;
        while (pre[nextIndex(pre, last)]?.p === "num") last = nextIndex(pre, last);
        return { item: { k: "other" }, last };
      }
      return classifyNumber(pre, i, shape.value, p.raw, negative);
    }
  }
}

function ordinalDate(pre: Pre[], i: number, day: number): Reading {
  const nextE = entryOf(neighbour(pre, i, 1));
  const prevE = entryOf(neighbour(pre, i, -1));
  const valid = day >= 1 && day <= 31;
  if (valid && nextE?.month !== undefined) {
    return { item: { k: "day", ref: { kind: "date", day, month: nextE.month } }, last: nextIndex(pre, i) };
  }
  if (valid && prevE?.month !== undefined) {
    return { item: { k: "day", ref: { kind: "date", day, month: prevE.month } }, last: i, takesPrev: true };
  }
  if (valid && prevE?.before === "date") return { item: { k: "day", ref: { kind: "date", day } }, last: i };
  return { item: { k: "other" }, last: i };
}

/** How many name words a name run may have between its marker and its number ("Toko Sumber Rejeki 7"). */
const MAX_NAME_WORDS = 3;

/**
 * Words a name may be made of after its marker: unknown words, number words, and known words written with a
 * capital ("PT Mitra 45", "Hotel Grand 88"), but never a day or a word that shapes the sentence ("and").
 */
function nameWord(p: Pre | undefined): boolean {
  if (!p) return false;
  if (p.p === "word" || p.p === "wordnum" || (p.p === "lex" && p.letter)) return true;
  return (
    p.p === "lex" && p.cap && p.e.day === undefined && p.e.mark === undefined && p.e.before === undefined
  );
}

/**
 * True when the number at `i` is part of a proper name or an address, never a count: right after a capitalised
 * word the lexicon does not know ("Maju 88", "Indomaret 24", "B 1234"), right after an address word ("lantai 5",
 * "No. 15"), right after a capitalised business word ("Kios 12", "Toko 99"), or after a business or address word
 * and a few name words ("toko maju 88", "Jl. Hayam Wuruk 108", "CV Tiga Berlian 3"). A number after ":" or "="
 * is a value, not a name ("PT Arta: 1").
 */
function inName(pre: readonly Pre[], i: number): boolean {
  return nameKind(pre, i) !== null;
}

/** Whether the number at `i` is in a business's name ("place") or an address ("address"), or in neither. */
function nameKind(pre: readonly Pre[], i: number): "place" | "address" | null {
  let j = i - 1;
  while (pre[j]?.p === "link" || pre[j]?.p === "gone") {
    const p = pre[j];
    if (p?.p === "link" && p.labels) return null;
    j--;
  }
  const prev = pre[j];
  if (!prev) return null;
  if ((prev.p === "word" || prev.p === "wordnum") && prev.cap) return "place";
  if (prev.p === "lex" && prev.e.address) return "address";
  if (prev.p === "lex" && prev.e.place && prev.cap) return "place";
  let words = 0;
  while (words < MAX_NAME_WORDS && !isMarker(pre[j]) && nameWord(pre[j])) {
    words++;
    j = previousIndex(pre, j);
  }
  const marker = pre[j];
  if (words > 0 && isWhere(marker) && countedBefore(pre, j) && endsClause(pre, i)) return "place";
  if (words === 0 || marker?.p !== "lex" || !isMarker(marker)) return null;
  return marker.e.place ? "place" : "address";
}

/** "at", "di", "ke", "to": after a count, "… at indomaret 24" says where, and the 24 is the branch's. */
function isWhere(p: Pre | undefined): boolean {
  return p?.p === "lex" && (p.e.mark === "loc" || p.e.mark === "toward");
}

/**
 * True when nothing but the end of the clause follows the number at `i`: "… at indomaret 24" names a branch,
 * while "visit 5 di cikarang 2 fu" goes on to say what the 2 counts.
 */
function endsClause(pre: readonly Pre[], i: number): boolean {
  const next = pre[nextIndex(pre, i)];
  return next === undefined || next.p === "sep";
}

/** True when a plain number stands before `j` in the same clause: the message has already said how many. */
function countedBefore(pre: readonly Pre[], j: number): boolean {
  for (let k = j - 1; k >= 0; k--) {
    const p = pre[k];
    if (p?.p === "sep") return false;
    if (p?.p === "num" || p?.p === "wordnum") return true;
  }
  return false;
}

function isMarker(p: Pre | undefined): boolean {
  return p?.p === "lex" && Boolean(p.e.place || p.e.address);
}

/** A capitalised word right after a name's number is still the name ("Apotek 24 Jam"), not a time or a unit. */
function continuesName(pre: readonly Pre[], j: number): boolean {
  const word = pre[j];
  if (word?.p !== "lex" || !word.cap) return false;
  let k = j - 1;
  while (pre[k]?.p === "gone") k--;
  const num = pre[k];
  return (num?.p === "num" || num?.p === "wordnum") && inName(pre, k);
}

/** "Jalan Malioboro 52 and 60": a bare number right after "and" and a number in a name is in the name too. */
function continuesNumbers(pre: readonly Pre[], i: number): boolean {
  const and = previousIndex(pre, i);
  const link = pre[and];
  if (link?.p !== "lex" || link.e.mark !== "and") return false;
  const number = previousIndex(pre, and);
  const p = pre[number];
  if ((p?.p !== "num" && p?.p !== "wordnum") || !inName(pre, number)) return false;
  // Only a number that ends the phrase: "and 1 at Hero 5" goes on to say what the 1 was.
  const next = pre[nextIndex(pre, i)];
  return next === undefined || next.p === "sep";
}

/** Decides what an integer is from its neighbours: a count, a date, a time, money, a label or a unit. */
function classifyNumber(pre: Pre[], i: number, value: number, raw: string, negative: boolean): Reading {
  const prevIndex = previousIndex(pre, i);
  const prevE = continuesName(pre, prevIndex) ? undefined : entryOf(pre[prevIndex]);
  const nextE = entryOf(neighbour(pre, i, 1));
  const dayOfMonth = value >= 1 && value <= 31 && !negative;
  const other: Reading = { item: { k: "other" }, last: i };
  const kind = nameKind(pre, i) ?? (continuesNumbers(pre, i) ? "place" : null);
  if (kind) return { item: kind === "address" ? { k: "name", address: true } : { k: "name" }, last: i };
  if (dayOfMonth && prevE?.month !== undefined && nextE?.cue === undefined) {
    return {
      item: { k: "day", ref: { kind: "date", day: value, month: prevE.month } },
      last: i,
      takesPrev: true,
    };
  }
  if (dayOfMonth && nextE?.month !== undefined) {
    return {
      item: { k: "day", ref: { kind: "date", day: value, month: nextE.month } },
      last: nextIndex(pre, i),
    };
  }
  if (dayOfMonth && prevE?.before === "date")
    return { item: { k: "day", ref: { kind: "date", day: value } }, last: i };
  if (prevE?.before !== undefined || prevE?.mark === "no") return other;
  if (nextE?.after === "dayunit") {
    const unit = nextIndex(pre, i);
    const agoE = entryOf(neighbour(pre, unit, 1));
    if (agoE?.after === "ago" && !negative) {
      return { item: { k: "day", ref: { kind: "offset", days: value } }, last: nextIndex(pre, unit) };
    }
    return { item: { k: "other" }, last: unit };
  }
  if (nextE?.after === "times") return { item: count(value, raw, negative, false), last: nextIndex(pre, i) };
  // "fu 1 jam 14.30": "jam" before a time starts the time; it does not make the 1 a number of hours.
  if (
    nextE?.after !== undefined &&
    nextE.before === "time" &&
    pre[nextIndex(pre, nextIndex(pre, i))]?.p === "num"
  )
    return { item: count(value, raw, negative, false), last: i };
  // "fu 2 Pak Andi": "Pak" before a name is the man, not packs of something ("order 5 pak rokok" is packs).
  const name = pre[nextIndex(pre, nextIndex(pre, i))];
  const personNext = nextE?.person && name?.p === "word" && name.cap;
  if (nextE?.after !== undefined && nextE.after !== "ago" && !personNext)
    return { item: { k: "other" }, last: nextIndex(pre, i) };
  // A year only next to a month ("agustus 1945", "Dec 2026"); alone, "met 2000 clients" is a (too large) count.
  if (raw.length === 4 && prevE?.month !== undefined) return other;
  return { item: count(value, raw, negative, false), last: i };
}

function isNoun(item: Stage2 | undefined): item is CueItem {
  return item?.k === "cue" && !VERB_CATS.has(item.cat);
}

const STAGE_CATS: ReadonlySet<Cat> = new Set<Cat>(["lead", "prospect", "potential", "closeable", "deal"]);

function isMark(it: Stage2 | undefined, mark: Mark): boolean {
  return it?.k === "mark" && it.mark === mark;
}

/**
 * "moved 3 leads to prospect", "naikin 2 prospek ke potensial": a move toward a stage is a stage change, read as
 * "became". A move toward anything else ("the meeting moved to Friday") is a meeting that did not happen.
 */
function readMoves(items: Stage2[]): void {
  if (!items.some((it) => it.k === "mark" && (it.mark === "move" || it.mark === "toward"))) return;
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    if (it?.k !== "mark" || it.mark !== "move") continue;
    let target = -1;
    for (let j = i + 1; j < items.length; j++) {
      const next = items[j];
      if (next?.k === "sep" && next.level === "sentence") break;
      if (!isMark(next, "toward")) continue;
      let k = j + 1;
      while (items[k]?.k === "other" || items[k]?.k === "mod") k++;
      const stage = items[k];
      if (stage?.k === "cue" && STAGE_CATS.has(stage.cat)) target = j;
      break;
    }
    if (target >= 0) {
      items[i] = { k: "mark", mark: "became" };
      items[target] = { k: "mark", mark: "became" };
    } else {
      items[i] = { k: "mark", mark: "cancel" };
    }
  }
  for (let i = 0; i < items.length; i++) if (isMark(items[i], "toward")) items[i] = { k: "other" };
}

/** Attaches modifiers to their nouns and keeps weak numbers ("a", "sekali", "no") only where they count. */
function stageThree(items: Stage2[]): Item[] {
  readMoves(items);
  const out: Item[] = [];
  const nextCue = (from: number, skipOthers = 0): CueItem | undefined => {
    let others = 0;
    for (let j = from; j < items.length && j < from + 3 + skipOthers; j++) {
      const it = items[j];
      if (it?.k === "cue") return it;
      if (it?.k === "other" && others < skipOthers) {
        others++;
        continue;
      }
      if (it?.k !== "mod") return undefined;
    }
    return undefined;
  };
  for (let i = 0; i < items.length; i++) {
    const it = items[i] as Stage2;
    if (it.k === "mod") {
      const before = items[i - 1];
      let target: CueItem | undefined;
      if (it.dir !== "pre" && isNoun(before)) target = before;
      else if (it.dir !== "post") {
        const c = nextCue(i + 1);
        if (c && !VERB_CATS.has(c.cat)) target = c;
      }
      if (target) {
        if (it.mod === "existing") target.existing = true;
        else if (it.mod === "fresh") target.fresh = true;
        else target.hot = true;
      }
      // "2 di antaranya hot": a word about how warm some of them are names no new count.
      continue;
    }
    if (it.k === "weak") {
      const prev = items[i - 1];
      // "closed a $12k deal", "signed a 3-year contract": an amount or a description may stand between.
      const following = nextCue(i + 1, it.mark === "article" ? 2 : 0);
      const prevVerb = prev?.k === "cue" && VERB_CATS.has(prev.cat);
      const keep =
        it.mark === "article"
          ? prevVerb && following !== undefined
          : it.mark === "adverb"
            ? prevVerb || (following !== undefined && VERB_CATS.has(following.cat))
            : following !== undefined; // "no visits"
      out.push(keep ? { k: "count", value: it.value, raw: it.raw } : { k: "other" });
      continue;
    }
    out.push(it);
  }
  return out;
}

/** Turns tokens into meaningful items. */
export function tag(tokens: readonly Token[]): Tagged {
  const langs = { en: 0, id: 0 };
  const pre = stageOne(tokens, langs);
  return { items: stageThree(stageTwo(pre)), en: langs.en, id: langs.id };
}
