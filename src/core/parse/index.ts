import type { Locale } from "../locale.js";
import { MAX_COUNT_PER_MESSAGE, METRICS, type Metric, type PartialCounts } from "../metrics.js";
import { type Span, segment, splitClauses } from "./clauses.js";
import { resolveDay } from "./days.js";
import { type CountItem, type CueItem, type Item, tag } from "./items.js";
import { VERB_CATS } from "./lexicon.js";
import { CARRIED_VERBS, PEOPLE, resolveSpan, type Topic } from "./resolve.js";
import { normalize, tokenize } from "./tokenize.js";
import type { ParseContext, ParseResult } from "./types.js";

export type { ParseContext, ParseErrorCode, ParseResult } from "./types.js";

/** A "yang"/"that" within the three items before `j`. */
function relativeBefore(items: readonly Item[], j: number): boolean {
  for (let k = Math.max(0, j - 3); k < j; k++) {
    const it = items[k];
    if (it?.k === "mark" && it.mark === "relative") return true;
  }
  return false;
}

/** Nothing but a day in a clause: "(yesterday)", ", kemarin". */
function isDayOrFiller(it: Item): boolean {
  return it.k === "day" || it.k === "sep";
}

/** The marks in a stretch of items, looked up once. */
function marksOf(items: readonly Item[]): readonly string[] {
  const marks: string[] = [];
  for (const it of items) if (it.k === "mark") marks.push(it.mark);
  return marks;
}

/** The one metric counted so far, if only one was: what a bare total ("= 5") restates. */
function onlyCounted(counts: PartialCounts): Metric | null {
  let only: Metric | null = null;
  for (const metric of METRICS) {
    if (counts[metric] === undefined) continue;
    if (only !== null) return null;
    only = metric;
  }
  return only;
}

const hasMark = (items: readonly Item[], mark: string, before = items.length): boolean =>
  items.some((it, j) => j < before && it.k === "mark" && it.mark === mark);

/**
 * Reads a rep's free-text message (English or Indonesian) as counts per metric and the day they belong to.
 * Pure and total: the same text and `ctx.today` give the same result, and no string makes it throw.
 */
export function parseReport(text: string, ctx: ParseContext): ParseResult {
  try {
    return parse(typeof text === "string" ? text : "", ctx);
  } catch {
    // Defence in depth: a parser bug must become "not a report", never an exception past the adapter.
    return { ok: false, error: "no_activity", locale: "en" };
  }
}

/** Words that count one when they go with a named place and no number ("visited Toko Maju 88"). */
/** What a deal is called at each stage, and the deal itself: "was closed" of these is a closing. */
const FUNNEL_CUES: ReadonlySet<string> = new Set([
  "lead",
  "prospect",
  "potential",
  "closeable",
  "deal",
  "closed",
]);

const ONE_PLACE_CUES: ReadonlySet<string> = new Set(["visit", "visitNoun", "fu", "call", "rel", "closed"]);

interface ImplicitOne {
  span: Span;
  /** The word it counted for, carried to the next places of the same sentence ("visit PT A 7, PT B 9"). */
  cue: CueItem | null;
  underHeading: boolean;
  /** Counted for a verb of its own clause, not one carried from before or a heading. */
  ownVerb?: true;
}

/** Nothing but names (and "and"): "pak joko", "bu sari dan pak joko". */
function onlyNames(items: readonly Item[]): boolean {
  return items.every((it) => it.k === "name" || it.k === "sep" || (it.k === "mark" && it.mark === "and"));
}

/** The clause names people only ("Pak Budi"), no business. */
function namesPeopleOnly(items: readonly Item[]): boolean {
  const names = items.filter((it) => it.k === "name" && !it.address);
  return names.length > 0 && names.every((it) => it.k === "name" && it.person);
}

/**
 * A clause that names a place but gives no number still counts one: "visited Toko Maju 88", "PT Sinar 77 closing
 * hari ini", and the next places in the same sentence ("..., PT Abadi Jaya"). Under a heading ("FU via WA:") each
 * line naming a place is one of what the heading names. Null when the clause has a number, names no place, or
 * nothing says what it counts.
 */
function implicitOne(
  items: readonly Item[],
  underHeading: boolean,
  carried: CueItem | null,
): ImplicitOne | null {
  const nameAt = items.findIndex((it) => it.k === "name" && !it.address);
  if (nameAt < 0 || items.some((it) => it.k === "count")) return null;
  const one: CountItem = { k: "count", value: 1, raw: "1" };
  const own = items.find((it): it is CueItem => it.k === "cue" && ONE_PLACE_CUES.has(it.cat));
  if (own) {
    // The one stands where the name does: the verb before it or after it ("PT Sinar 77 closing") governs it.
    const withOne = [...items.slice(0, nameAt), one, ...items.slice(nameAt)];
    return { span: { items: withOne, at: nameAt, count: one }, cue: own, underHeading: false, ownVerb: true };
  }
  if (carried && !items.some((it) => it.k === "cue" && VERB_CATS.has(it.cat))) {
    return { span: { items: [carried, one], at: 1, count: one }, cue: carried, underHeading: false };
  }
  // Under a heading, a line of names only: the heading says what it counts.
  if (underHeading && !items.some((it) => it.k === "cue" && VERB_CATS.has(it.cat))) {
    return { span: { items: [one], at: 0, count: one }, cue: null, underHeading: true };
  }
  return null;
}

/**
 * The language a message is written in, from the words only one language owns ("ketemu", "klien" / "met",
 * "clients"); null when it has none ("closing 2", "fu 3"), so the conversation's language can stand.
 */
export function messageLanguage(text: string): Locale | null {
  try {
    const tagged = tag(tokenize(normalize(typeof text === "string" ? text : "")));
    if (tagged.id > tagged.en) return "id";
    if (tagged.en > tagged.id) return "en";
    return null;
  } catch {
    return null;
  }
}

/**
 * Whether a message is a report or an attempt at one (even a refused one): what a team channel's chatter is not.
 * Decides whether the sender is told about a message that could not be handled at once.
 */
export function mentionsActivity(text: string, ctx: ParseContext): boolean {
  const result = parseReport(text, ctx);
  return result.ok || result.error !== "no_activity";
}

/**
 * "30/11" and "4/5" look alike: a day and month, or progress against quota pasted back from the bot. A recent
 * (or today's) date is a date; otherwise, written right next to a metric word ("visits 4/5", "4/5 visits"),
 * it is progress; anywhere else it stays a date, so "on 3/12" written on 2 Dec is a plan and an old one is noise.
 */
function settleDates(items: readonly Item[], today: string): Item[] {
  return items.map((it, j) => {
    if (it.k !== "day" || it.alt === undefined) return it;
    const day = resolveDay(it.ref, today);
    if (day !== null && day !== "future") return it;
    const nextToCue = items[j - 1]?.k === "cue" || items[j + 1]?.k === "cue";
    return nextToCue ? it.alt : it;
  });
}

/** The stretch of text around a number, up to the separators either side: what "Not counted" quotes. */
function around(text: string, at: number): string {
  const boundary = /[,;.!?\n()]/;
  let start = at;
  while (start > 0 && !boundary.test(text.charAt(start - 1))) start--;
  let end = at;
  while (end < text.length && !boundary.test(text.charAt(end))) end++;
  const words = text.slice(start, end).trim().split(/\s+/);
  const quoted = words.slice(-4).join(" ");
  return quoted.length > 40 ? `${quoted.slice(0, 39)}…` : quoted;
}

function parse(text: string, ctx: ParseContext): ParseResult {
  const normalized = normalize(text);
  const tagged = tag(tokenize(normalized));
  const items = settleDates(tagged.items, ctx.today);
  // Sales English ("follow up", "closing", "leads") is shared, so only words one language owns count.
  const locale: Locale = tagged.id > tagged.en ? "id" : "en";
  const counts: PartialCounts = {};
  const topic: Topic = { previous: null, nouns: [], label: null, carry: null, joined: false };
  let lastVerb: CueItem | null = null;
  let dayContext: string | "future" | null = null;
  let date: string | null = null;
  /** Days named for counts, so a message covering two days is refused instead of merged into one. */
  const named = new Set<string>();
  let accepted = false;
  let planned = false;
  /** A day was named that cannot be pinned down ("last week"): the rep is asked rather than guessed for. */
  let unclearDay = false;
  /** The word named places count for, within one sentence. */
  let placeCue: CueItem | null = null;
  /** Whether the last name counted in the sentence was a business or a person. */
  let lastImplied: "place" | "person" | null = null;
  /** A correction ("eh salah") came just before: the next number replaces the last. */
  let correcting = false;
  /** Counts written as more than the places named ("Toko Maju 88 and 2 other shops"): the places add to them. */
  const additive: string[] = [];
  /** What was scheduled ("jadwal 4 kunjungan"), for the part of it that fell through. */
  const scheduled: PartialCounts = {};
  /** Where numbers stand that named no activity. */
  const uncounted: number[] = [];
  /** Named places counted one each, for a message that gives no number at all. */
  const implied: PartialCounts = {};
  let impliedAny = false;
  const impliedDays: string[] = [];
  let impliedDate: string | null = null;
  /** A day said on its own after the counts ("met 3 clients (yesterday)", "…, kemarin"): the message's day. */
  let afterthoughtDay: string | null = null;

  for (const clause of splitClauses(items)) {
    // Only the message's last words can be an afterthought: "kemarin: libur" is a heading for what follows.
    if (clause.items.some((it) => it.k !== "sep")) afterthoughtDay = null;
    const verbBefore = lastVerb;
    lastVerb = null;
    if (clause.question) {
      topic.label = null;
      continue;
    }
    topic.carry = clause.joined ? verbBefore : null;
    topic.joined = clause.joined;
    let own: string | "future" | null = null;
    for (let j = 0; j < clause.items.length; j++) {
      const it = clause.items[j];
      if (it?.k !== "day") continue;
      // "visit 2 toko yg kmrn minta katalog": a day inside a relative clause is about something else.
      if (relativeBefore(clause.items, j)) continue;
      const day = resolveDay(it.ref, ctx.today);
      if (day === "unclear") {
        unclearDay = true;
        continue;
      }
      if (day !== null) {
        own = day;
        break;
      }
    }
    // A day named in one clause carries on to the next ones ("kemarin ketemu 3 klien, 2 fu").
    if (own !== null) dayContext = own;
    const segmented = segment(clause.items);
    if (clause.first) {
      placeCue = null;
      lastImplied = null;
    }
    let implicit: ImplicitOne | null =
      segmented.length === 0 ? implicitOne(clause.items, topic.label !== null, placeCue) : null;
    if (implicit && !implicit.ownVerb && namesPeopleOnly(clause.items)) {
      // "Toko Maju - Pak Budi", "visit toko maju (pak budi)": the person beside a place is its contact. "fu pak
      // andi, makasih bu sari": someone thanked is not met again. Only a plain list of people goes on counting.
      if (lastImplied === "place" || !onlyNames(clause.items)) implicit = null;
    }
    if (implicit) lastImplied = namesPeopleOnly(clause.items) ? "person" : "place";
    placeCue = implicit?.cue ?? (segmented.length > 0 ? null : placeCue);
    const spans = implicit ? [implicit.span] : segmented;
    // "eh salah, 3": a correction on its own says the next number replaces the last one.
    if (spans.length === 0 && hasMark(clause.items, "correct")) correcting = true;
    // Only a verb that leads the clause's last count of people carries ("met 3 clients and 2 prospects"), not
    // one after it ("0 check-ins and 0 leads"), another count's ("3 visits 2 fu and 2 prospects") or a label
    // ("visits 3 and 2 prospects").
    const last = spans[spans.length - 1];
    if (last?.items.slice(last.at + 1).some((it) => it.k === "cue" && PEOPLE.has(it.cat))) {
      for (const it of last.items.slice(0, last.at)) {
        if (it.k === "cue" && CARRIED_VERBS.has(it.cat)) lastVerb = it;
      }
    }
    if (spans.length === 0 && own !== null && own !== "future" && clause.items.every(isDayOrFiller)) {
      afterthoughtDay = own;
      continue;
    }
    if (spans.length === 0) {
      // Only a clause without a named place is a heading ("Visit:"); a line naming one ("- Toko Maju 88")
      // keeps the heading for the next line.
      const cues = clause.items.filter((it): it is CueItem => it.k === "cue");
      if (!clause.items.some((it) => it.k === "name")) topic.label = cues.length > 0 ? cues : null;
      const nouns = cues.filter((c) => !VERB_CATS.has(c.cat));
      if (nouns.length > 0) topic.nouns = nouns;
      continue;
    }
    const day = own ?? dayContext;
    const plan = day === "future" || hasMark(clause.items, "plan");
    for (const span of spans) {
      const marks = marksOf(span.items);
      // "visit 5, tp 2 gak ketemu", "of the 5 appointments, 2 cancelled": a count that did not happen takes back
      // what it names from the count before it.
      // "was closed" after visits, or of shops, is a shop that was shut: that visit fell through. Of leads,
      // deals or after the funnel's stages it is a closing ("2 leads were closed", "2 closeable, 1 was closed").
      const wasClosed = marks.includes("shut");
      const spanCues = span.items.filter((it): it is CueItem => it.k === "cue");
      const shut =
        wasClosed &&
        !spanCues.some((c) => FUNNEL_CUES.has(c.cat)) &&
        (spanCues.some((c) => c.cat === "visitNoun" || c.cat === "visit" || c.cat === "client") ||
          topic.previous === "visits");
      const closing = wasClosed && !shut;
      const didNotHappen = marks.includes("neg") || marks.includes("cancel") || shut;
      // "yg 1 lagi batal", "2 others postponed" are more that did not happen: nothing to take back.
      const negated = didNotHappen && !marks.includes("more");
      // "Total 2", "= 5": the rep's own total for what was counted, not more of it.
      const total = marks.includes("total");
      const correction = correcting || marks.includes("correct");
      const metric =
        (closing ? "closed" : null) ??
        resolveSpan(span, topic) ??
        (negated || correction ? topic.previous : null) ??
        (total ? onlyCounted(counts) : null);
      if (metric === null) {
        // "met 4 clients yesterday and 2 today": the bare 2 names no metric, but its day still says the
        // message spans two days.
        if (own !== null && own !== "future" && !plan && !span.count.problem) named.add(own);
        if (!plan && !didNotHappen && span.count.at !== undefined) uncounted.push(span.count.at);
        continue;
      }
      topic.previous = metric;
      const nouns = span.items.filter((it): it is CueItem => it.k === "cue" && !VERB_CATS.has(it.cat));
      if (nouns.length > 0) topic.nouns = nouns;
      const { problem, raw, value } = span.count;
      // "1 reschedule ke besok": a visit moved to tomorrow did not happen today, whatever day it names.
      if (didNotHappen) {
        const before = counts[metric] ?? scheduled[metric];
        if (negated && before !== undefined && !problem) {
          counts[metric] = Math.max(0, before - value);
          // "jadwal 4 kunjungan, 1 batal": what was scheduled and did not fall through happened.
          if (scheduled[metric] !== undefined && day !== "future") accepted = true;
        }
        continue;
      }
      if (plan) {
        // Only a named future day makes it a "future_day" refusal; "target 5 visits" is simply not a report.
        if (day === "future") planned = true;
        else if (!problem) scheduled[metric] = (scheduled[metric] ?? 0) + value;
        continue;
      }
      if (problem) return { ok: false, error: problem, locale, metric, value: raw.slice(0, 40) };
      if (implicit) {
        // Named places count only where the message gives no number for the same thing: "2 follow ups: Warung
        // Makmur 7 ..." lists the two, "visited Toko Maju 88" is one visit.
        implied[metric] = (implied[metric] ?? 0) + value;
        impliedAny = true;
        if (day !== null) impliedDays.push(day);
        if (impliedDate === null && day !== null) impliedDate = day;
        continue;
      }
      counts[metric] = total || correction ? value : (counts[metric] ?? 0) + value;
      correcting = false;
      if (marks.includes("more")) additive.push(metric);
      accepted = true;
      // A count with no day of its own goes with the day the message names, if any ("3 visits, 2 fu yesterday").
      if (day !== null) named.add(day);
      if (date === null && day !== null) date = day;
    }
    if (!implicit?.underHeading) topic.label = null;
  }

  // Named places count for what the message gives no number of: "Visit:" and three shops, then "FU: 2".
  for (const metric of impliedAny ? METRICS : []) {
    const places = implied[metric];
    const counted = counts[metric];
    if (places === undefined || (counted !== undefined && !additive.includes(metric))) continue;
    counts[metric] = (counted ?? 0) + places;
    for (const day of impliedDays) named.add(day);
    date ??= impliedDate;
    accepted = true;
  }
  if (!accepted) return { ok: false, error: planned ? "future_day" : "no_activity", locale };
  if (date === null && named.size === 0 && afterthoughtDay !== null) {
    date = afterthoughtDay;
  }
  if (unclearDay) return { ok: false, error: "unclear_day", locale };
  if (named.size > 1) return { ok: false, error: "two_days", locale };
  for (const metric of METRICS) {
    const total = counts[metric];
    if (total !== undefined && total > MAX_COUNT_PER_MESSAGE) {
      return { ok: false, error: "too_large", locale, metric, value: String(total) };
    }
  }
  const notCounted =
    uncounted.length === 0 ? [] : [...new Set(uncounted.map((at) => around(normalized, at)))].filter(Boolean);
  return { ok: true, date: date ?? ctx.today, counts, locale, notCounted };
}
