import { EN } from "./lexicon-en.js";
import { ID } from "./lexicon-id.js";
import type { Cat, Entry, LexiconTable } from "./lexicon-types.js";

/** Cues that behave like verbs: they govern a count that follows them ("met 4", "followed up with 2"). */
export const VERB_CATS: ReadonlySet<Cat> = new Set<Cat>([
  "visit",
  "fu",
  "call",
  "rel",
  "ask",
  "got",
  "closed",
]);

type Lang = "en" | "id";

const MAX_PHRASE = 5;

function build(tables: readonly (readonly [Lang, LexiconTable])[]): Map<string, Entry> {
  const map = new Map<string, Entry>();
  const langs = new Map<string, Set<Lang>>();
  const add = (phrase: string, lang: Lang, patch: Entry): void => {
    const entry = map.get(phrase) ?? {};
    // The first meaning given to a phrase wins; later tables only fill what is still missing.
    for (const [key, value] of Object.entries(patch)) {
      const record = entry as Record<string, unknown>;
      if (record[key] === undefined) record[key] = value;
    }
    map.set(phrase, entry);
    const seen = langs.get(phrase) ?? new Set<Lang>();
    seen.add(lang);
    langs.set(phrase, seen);
  };
  for (const [lang, t] of tables) {
    for (const [phrase, day] of t.days) add(phrase, lang, { day });
    for (const [cat, phrases] of Object.entries(t.cues)) {
      for (const phrase of phrases) add(phrase, lang, { cue: cat as Cat });
    }
    for (const [phrase, mod, modDir] of t.mods) add(phrase, lang, { mod, modDir });
    for (const [phrase, num, mark] of t.weakNumbers) add(phrase, lang, { num, mark });
    for (const [mark, phrases] of Object.entries(t.marks)) {
      for (const phrase of phrases) add(phrase, lang, { mark: mark as Entry["mark"] });
    }
    for (const [before, phrases] of Object.entries(t.before)) {
      for (const phrase of phrases) add(phrase, lang, { before: before as Entry["before"] });
    }
    for (const [after, phrases] of Object.entries(t.after)) {
      for (const phrase of phrases) add(phrase, lang, { after: after as Entry["after"] });
    }
    for (const [phrase, month] of t.months) add(phrase, lang, { month });
    for (const phrase of t.filler) add(phrase, lang, {});
    for (const phrase of t.places) add(phrase, lang, { place: true });
    for (const phrase of t.people) add(phrase, lang, { person: true });
    for (const phrase of t.addresses) add(phrase, lang, { address: true });
    for (const phrase of t.abbreviations) add(phrase, lang, { abbrev: true });
  }
  // Weekday phrases are generated for every language's modifiers: reps mix them ("last senin").
  const last = tables.flatMap(([, t]) => t.weekdayLast.pre);
  const lastPost = tables.flatMap(([, t]) => t.weekdayLast.post);
  const next = tables.flatMap(([, t]) => t.weekdayNext.pre);
  const nextPost = tables.flatMap(([, t]) => t.weekdayNext.post);
  const plain = tables.flatMap(([, t]) => t.weekdayPlain.pre);
  for (const [lang, t] of tables) {
    for (const [name, weekday, bare] of t.weekdays) {
      const day = (isLast: boolean): Entry => ({ day: { kind: "weekday", weekday, last: isLast } });
      if (bare) add(name, lang, day(false));
      for (const p of plain) add(`${p} ${name}`, lang, day(false));
      for (const p of last) add(`${p} ${name}`, lang, day(true));
      for (const p of next) add(`${p} ${name}`, lang, { day: { kind: "future" } });
      // "minggu lalu" is "last week", not "last Sunday"; the Indonesian table says so explicitly.
      if (bare) for (const p of lastPost) add(`${name} ${p}`, lang, day(true));
      if (bare) for (const p of nextPost) add(`${name} ${p}`, lang, { day: { kind: "future" } });
    }
  }
  for (const [phrase, seen] of langs) {
    const entry = map.get(phrase);
    if (entry && seen.size === 1) entry.lang = seen.has("id") ? "id" : "en";
  }
  return map;
}

const LEXICON = build([
  ["en", EN],
  ["id", ID],
]);

/** First words of cue phrases: only these are worth recovering from an affixed form ("kliennya", "difollow"). */
const CUE_FIRST_WORDS = new Set(
  [...LEXICON.entries()].filter(([, e]) => e.cue !== undefined).map(([p]) => p.split(" ")[0] ?? p),
);

/**
 * Words long enough to recognise with one typo: activity and stage words, their modifiers and the words that
 * cancel them, of five letters or more. Shorter words are left alone: one typo there makes another word.
 */
const MIN_FUZZY_LENGTH = 5;
const FUZZY_TARGETS = [...LEXICON.entries()]
  .filter(
    ([p, e]) =>
      !p.includes(" ") &&
      p.length >= MIN_FUZZY_LENGTH &&
      (e.cue !== undefined || e.mod !== undefined || e.mark === "cancel"),
  )
  .map(([p]) => p);

export interface Match {
  entry: Entry;
  /** How many words the phrase used. */
  length: number;
}

/** The longest phrase starting at `words[i]`, after undoing common Indonesian affixes and single typos. */
export function lookup(words: readonly string[], i: number): Match | null {
  const first = words[i];
  if (first === undefined) return null;
  let key = "";
  let best: Match | null = null;
  for (let n = 0; n < MAX_PHRASE && i + n < words.length; n++) {
    key = n === 0 ? first : `${key} ${words[i + n]}`;
    const entry = LEXICON.get(key);
    if (entry) best = { entry, length: n + 1 };
  }
  if (best) return best;
  const base = stripAffixes(first);
  if (base !== first) {
    const rest = [base, ...words.slice(i + 1, i + MAX_PHRASE)];
    const inner = lookup(rest, 0);
    if (inner) return inner;
  }
  const near = fuzzy(first);
  return near ? { entry: near, length: 1 } : null;
}

/** Whether a word is known at all (used to decide "klien2" is a plural and not "klien" + 2). */
export function known(word: string): Entry | undefined {
  return LEXICON.get(word) ?? LEXICON.get(stripAffixes(word));
}

function stripAffixes(word: string): string {
  // Reduplication with a dash is split by the tokenizer; here: -nya, -an on slang, di-/nge-/ng- prefixes.
  for (const suffix of ["nya", "in"]) {
    if (word.length > suffix.length + 2 && word.endsWith(suffix)) {
      const base = word.slice(0, -suffix.length);
      if (CUE_FIRST_WORDS.has(base)) return base;
    }
  }
  for (const prefix of ["di", "nge", "ng"]) {
    if (word.length > prefix.length + 1 && word.startsWith(prefix)) {
      const base = word.slice(prefix.length);
      if (CUE_FIRST_WORDS.has(base)) return base;
    }
  }
  return word;
}

/** Fuzzy targets by first letter and length: a typo keeps the first letter and changes the length by one at most. */
const FUZZY_BUCKETS = new Map<string, string[]>();
for (const target of FUZZY_TARGETS) {
  for (const length of [target.length - 1, target.length, target.length + 1]) {
    const key = `${target[0]}${length}`;
    const bucket = FUZZY_BUCKETS.get(key) ?? [];
    bucket.push(target);
    FUZZY_BUCKETS.set(key, bucket);
  }
}

/** Words already looked up, typo or not: the same unknown words come up message after message. */
const FUZZY_SEEN = new Map<string, Entry | null>();
const FUZZY_SEEN_LIMIT = 20_000;

function fuzzy(word: string): Entry | undefined {
  if (word.length < MIN_FUZZY_LENGTH - 1 || word.length > 20) return undefined;
  const seen = FUZZY_SEEN.get(word);
  if (seen !== undefined) return seen ?? undefined;
  let found: Entry | null = null;
  for (const target of FUZZY_BUCKETS.get(`${word[0]}${word.length}`) ?? []) {
    if (withinOneEdit(word, target)) {
      found = LEXICON.get(target) ?? null;
      break;
    }
  }
  if (FUZZY_SEEN.size >= FUZZY_SEEN_LIMIT) FUZZY_SEEN.clear();
  FUZZY_SEEN.set(word, found);
  return found ?? undefined;
}

function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    // A substitution or a swap of two neighbours ("cleint").
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
