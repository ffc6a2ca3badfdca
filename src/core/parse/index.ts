import type { Locale } from "../locale.js";
import { MAX_COUNT_PER_MESSAGE, METRICS, type PartialCounts } from "../metrics.js";
import { segment, splitClauses } from "./clauses.js";
import { resolveDay } from "./days.js";
import { type CueItem, type Item, tag } from "./items.js";
import { VERB_CATS } from "./lexicon.js";
import { resolveSpan, type Topic } from "./resolve.js";
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

function parse(text: string, ctx: ParseContext): ParseResult {
  const tagged = tag(tokenize(normalize(text)));
  // Sales English ("follow up", "closing", "leads") is shared, so only words one language owns count.
  const locale: Locale = tagged.id > tagged.en ? "id" : "en";
  const counts: PartialCounts = {};
  const topic: Topic = { previous: null, nouns: [], label: null };
  let dayContext: string | "future" | null = null;
  let date: string | null = null;
  let accepted = false;
  let planned = false;

  for (const clause of splitClauses(tagged.items)) {
    if (clause.question) {
      topic.label = null;
      continue;
    }
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
      if (metric === null) continue;
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
      if (date === null && day !== null) date = day;
    }
    topic.label = null;
  }

  if (!accepted) return { ok: false, error: planned ? "future_day" : "no_activity", locale };
  for (const metric of METRICS) {
    const total = counts[metric];
    if (total !== undefined && total > MAX_COUNT_PER_MESSAGE) {
      return { ok: false, error: "too_large", locale, metric, value: String(total) };
    }
  }
  return { ok: true, date: date ?? ctx.today, counts, locale };
}
