import type { Locale } from "../locale.js";
import { MAX_COUNT_PER_MESSAGE, METRICS, type PartialCounts } from "../metrics.js";
import { segment, splitClauses } from "./clauses.js";
import { resolveDay } from "./days.js";
import { type CueItem, type Item, tag } from "./items.js";
import { VERB_CATS } from "./lexicon.js";
import { CARRIED_VERBS, PEOPLE, resolveSpan, type Topic } from "./resolve.js";
import { normalize, tokenize } from "./tokenize.js";
import type { ParseContext, ParseResult } from "./types.js";

export type { ParseContext, ParseErrorCode, ParseResult } from "./types.js";

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

function parse(text: string, ctx: ParseContext): ParseResult {
  const tagged = tag(tokenize(normalize(text)));
  const items = settleDates(tagged.items, ctx.today);
  // Sales English ("follow up", "closing", "leads") is shared, so only words one language owns count.
  const locale: Locale = tagged.id > tagged.en ? "id" : "en";
  const counts: PartialCounts = {};
  const topic: Topic = { previous: null, nouns: [], label: null, carry: null };
  let lastVerb: CueItem | null = null;
  let dayContext: string | "future" | null = null;
  let date: string | null = null;
  /** Days named for counts, so a message covering two days is refused instead of merged into one. */
  const named = new Set<string>();
  let accepted = false;
  let planned = false;

  for (const clause of splitClauses(items)) {
    const verbBefore = lastVerb;
    lastVerb = null;
    if (clause.question) {
      topic.label = null;
      continue;
    }
    topic.carry = clause.joined ? verbBefore : null;
    let own: string | "future" | null = null;
    for (const it of clause.items) {
      if (it.k !== "day") continue;
      const day = resolveDay(it.ref, ctx.today);
      if (day !== null) {
        own = day;
        break;
      }
    }
    // A day named in one clause carries on to the next ones ("kemarin ketemu 3 klien, 2 fu").
    if (own !== null) dayContext = own;
    const cues = clause.items.filter((it): it is CueItem => it.k === "cue");
    const spans = segment(clause.items);
    // Only a verb that leads the clause's last count of people carries ("met 3 clients and 2 prospects"), not
    // one after it ("0 check-ins and 0 leads"), another count's ("3 visits 2 fu and 2 prospects") or a label
    // ("visits 3 and 2 prospects").
    const last = spans[spans.length - 1];
    if (last?.items.slice(last.at + 1).some((it) => it.k === "cue" && PEOPLE.has(it.cat))) {
      for (const it of last.items.slice(0, last.at)) {
        if (it.k === "cue" && CARRIED_VERBS.has(it.cat)) lastVerb = it;
      }
    }
    if (spans.length === 0) {
      topic.label = cues.length > 0 ? cues : null;
      const nouns = cues.filter((c) => !VERB_CATS.has(c.cat));
      if (nouns.length > 0) topic.nouns = nouns;
      continue;
    }
    const day = own ?? dayContext;
    const plan = day === "future" || hasMark(clause.items, "plan");
    for (const span of spans) {
      const metric = resolveSpan(span, topic);
      if (metric === null) {
        // "met 4 clients yesterday and 2 today": the bare 2 names no metric, but its day still says the
        // message spans two days.
        if (own !== null && own !== "future" && !plan && !span.count.problem) named.add(own);
        continue;
      }
      topic.previous = metric;
      const nouns = span.items.filter((it): it is CueItem => it.k === "cue" && !VERB_CATS.has(it.cat));
      if (nouns.length > 0) topic.nouns = nouns;
      if (plan) {
        // Only a named future day makes it a "future_day" refusal; "target 5 visits" is simply not a report.
        if (day === "future") planned = true;
        continue;
      }
      if (hasMark(span.items, "neg", span.at) || hasMark(span.items, "cancel")) continue;
      const { problem, raw, value } = span.count;
      if (problem) return { ok: false, error: problem, locale, metric, value: raw.slice(0, 40) };
      counts[metric] = (counts[metric] ?? 0) + value;
      accepted = true;
      // A count with no day of its own goes with the day the message names, if any ("3 visits, 2 fu yesterday").
      if (day !== null) named.add(day);
      if (date === null && day !== null) date = day;
    }
    topic.label = null;
  }

  if (!accepted) return { ok: false, error: planned ? "future_day" : "no_activity", locale };
  if (named.size > 1) return { ok: false, error: "two_days", locale };
  for (const metric of METRICS) {
    const total = counts[metric];
    if (total !== undefined && total > MAX_COUNT_PER_MESSAGE) {
      return { ok: false, error: "too_large", locale, metric, value: String(total) };
    }
  }
  return { ok: true, date: date ?? ctx.today, counts, locale };
}
