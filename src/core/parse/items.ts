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
  | { k: "other" };

export interface Tagged {
  items: Item[];
  /** Words that only one of the languages has, for the locale guess. */
  en: number;
  id: number;
}

// Stage one keeps numbers raw and lexicon entries whole, because a number's meaning depends on both neighbours.
type Pre =
  | { p: "num"; raw: string; sign: "" | "-"; role: SuffixRole | ""; glued: boolean }
  | { p: "lex"; e: Entry }
  | { p: "wordnum"; value: number; raw: string }
  | { p: "word" }
  | { p: "sep"; level: "sentence" | "clause"; question: boolean }
  | { p: "link" }
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
  const pushWords = (words: string[]): void => {
    let j = 0;
    while (j < words.length) {
      const wn = readNumberWords(words, j);
      if (wn) {
        out.push({ p: "wordnum", value: wn.value, raw: words.slice(j, j + wn.length).join(" ") });
        langs[wn.id ? "id" : "en"] += 1;
        j += wn.length;
        continue;
      }
      const m = lookup(words, j);
      if (m) {
        out.push({ p: "lex", e: m.entry });
        if (m.entry.lang) langs[m.entry.lang] += m.length;
        j += m.length;
      } else {
        out.push({ p: "word" });
        j += 1;
      }
    }
  };
  let t = 0;
  while (t < tokens.length) {
    const tok = tokens[t] as Token;
    if (tok.kind === "word") {
      const words: string[] = [];
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
          t++;
          if (!(w.digits === "2" && known(w.text)?.cue)) trailingDigits = w.digits; // "klien2" is a plural
          break;
        }
        words.push(w.text);
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
      if (words.length > 0) pushWords(words);
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
      out.push({ p: "word" });
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
        if (tok.raw.replace(/\D/g, "").length >= 6) {
          out.push({ p: "gone" }); // +62 812...
          continue;
        }
        out.push({ p: "sep", level: "clause", question: false });
      }
      out.push({
        p: "num",
        raw: tok.raw,
        sign: tok.sign === "-" ? "-" : "",
        role: role ?? "",
        glued: tok.glued,
      });
      if (role === null) pushWords([tok.suffix]); // "4klien"
    } else {
      const s = tok.text;
      const next = tokens[t];
      const prevPre = out[out.length - 1];
      if (s === "-" && next?.kind === "sym" && next.text === ">") {
        out.push({ p: "link" });
        t++;
      } else if (s === "." && prevPre?.p === "lex" && prevPre.e.before !== undefined) {
        // "no. 5", "tgl. 3": an abbreviation's dot, not the end of a sentence
      } else if (SENTENCE_SYMS.has(s)) {
        out.push({ p: "sep", level: "sentence", question: s === "?" });
      } else if (CLAUSE_SYMS.has(s)) {
        out.push({ p: "sep", level: "clause", question: false });
      } else if (LINK_SYMS.has(s)) {
        out.push({ p: "link" });
      } else {
        const e = SYM_ENTRIES[s];
        if (e) out.push({ p: "lex", e });
        // Emoji and other symbols carry no meaning for a report.
      }
    }
  }
  return out;
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
      case "word":
        out.push({ k: "other" });
        break;
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
        i = take(readNum(pre, i, p));
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

function nextIndex(pre: readonly Pre[], i: number): number {
  let j = i + 1;
  while (pre[j]?.p === "link" || pre[j]?.p === "gone") j++;
  return j;
}

function readNum(pre: Pre[], i: number, p: Extract<Pre, { p: "num" }>): Reading {
  const shape = readNumeral(p.raw);
  const other: Reading = { item: { k: "other" }, last: i };
  const negative = p.sign === "-";
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

/** Decides what an integer is from its neighbours: a count, a date, a time, money, a label or a unit. */
function classifyNumber(pre: Pre[], i: number, value: number, raw: string, negative: boolean): Reading {
  const prevE = entryOf(neighbour(pre, i, -1));
  const nextE = entryOf(neighbour(pre, i, 1));
  const dayOfMonth = value >= 1 && value <= 31 && !negative;
  const other: Reading = { item: { k: "other" }, last: i };
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
  if (nextE?.after !== undefined && nextE.after !== "ago")
    return { item: { k: "other" }, last: nextIndex(pre, i) };
  // A year only next to a month ("agustus 1945", "Dec 2026"); alone, "met 2000 clients" is a (too large) count.
  if (raw.length === 4 && prevE?.month !== undefined) return other;
  return { item: count(value, raw, negative, false), last: i };
}

function isNoun(item: Stage2 | undefined): item is CueItem {
  return item?.k === "cue" && !VERB_CATS.has(item.cat);
}

/** Attaches modifiers to their nouns and keeps weak numbers ("a", "sekali", "no") only where they count. */
function stageThree(items: Stage2[]): Item[] {
  const out: Item[] = [];
  const nextCue = (from: number): CueItem | undefined => {
    for (let j = from; j < items.length && j < from + 3; j++) {
      const it = items[j];
      if (it?.k === "cue") return it;
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
      } else if (it.mod === "hot") {
        out.push({ k: "cue", cat: "potential", existing: false, fresh: false, hot: true });
      }
      continue;
    }
    if (it.k === "weak") {
      const prev = items[i - 1];
      const following = nextCue(i + 1);
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
