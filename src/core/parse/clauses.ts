import type { CountItem, Item } from "./items.js";
import { VERB_CATS } from "./lexicon.js";

/** A stretch between separators ("," "and" "dan" newline ...). */
export interface Clause {
  items: Item[];
  /** The clause asks rather than tells ("can we move the meeting to 3pm?"). */
  question: boolean;
  /** The clause follows an "and" / "dan" in the same sentence ("met 3 clients and 2 prospects"). */
  joined: boolean;
  /** The clause starts its sentence (or line). */
  first: boolean;
}

/** One count and the words that belong to it. */
export interface Span {
  items: Item[];
  /** Index of the count within `items`. */
  at: number;
  count: CountItem;
}

/** Splits tagged items into clauses and flags the ones that are questions. */
export function splitClauses(items: readonly Item[]): Clause[] {
  const clauses: Clause[] = [];
  let sentence: Clause[] = [];
  let current: Item[] = [];
  let joined = false;
  const closeClause = (): void => {
    if (current.length > 0)
      sentence.push({ items: current, question: false, joined, first: sentence.length === 0 });
    current = [];
    joined = false;
  };
  const closeSentence = (question: boolean): void => {
    closeClause();
    const first = sentence[0]?.items[0];
    const asks = first?.k === "mark" && first.mark === "qword";
    const auxAsks = first?.k === "mark" && first.mark === "qaux";
    // A sentence that opens with a question word asks as a whole; one that only ends with "?" asks in
    // its last clause ("met 4 clients, 2 fu, anyone else?").
    if (asks || (question && auxAsks)) for (const c of sentence) c.question = true;
    else if (question) {
      const last = sentence[sentence.length - 1];
      if (last) last.question = true;
    }
    clauses.push(...sentence);
    sentence = [];
  };
  for (const it of items) {
    if (it.k === "sep") {
      if (it.level === "sentence") closeSentence(it.question);
      else closeClause();
    } else if (it.k === "mark" && it.mark === "and") {
      closeClause();
      joined = true;
    } else {
      current.push(it);
    }
  }
  closeSentence(false);
  return clauses;
}

/**
 * "got 2 referrals from 3 clients": a number after "from"/"dari" names where the others came from, once the
 * clause already has a count. Alone ("requested referrals from 4 customers") it is the count.
 */
function dropSources(items: readonly Item[]): readonly Item[] {
  const first = items.findIndex((it) => it.k === "count");
  if (first < 0) return items;
  return items.map((it, j) =>
    j > first &&
    it.k === "count" &&
    items[j - 1]?.k === "mark" &&
    (items[j - 1] as { mark: string }).mark === "from"
      ? { k: "other" }
      : it,
  );
}

function isCue(it: Item | undefined): boolean {
  return it?.k === "cue";
}

function isVerb(it: Item | undefined): boolean {
  return it?.k === "cue" && VERB_CATS.has(it.cat);
}

/** Verbs that may follow their noun as a participle: "1 referral asked", "2 deals closed", "3 leads masuk". */
function isParticiple(it: Item | undefined): boolean {
  return it?.k === "cue" && (it.cat === "ask" || it.cat === "got" || it.cat === "closed");
}

function nearestCueBefore(items: readonly Item[], from: number, to: number): Item | undefined {
  for (let j = to - 1; j >= from; j--) if (isCue(items[j])) return items[j];
  return undefined;
}

/**
 * Gives each count in a clause the words that belong to it, for clauses without separators between counts
 * ("kunjungan 5 fu 3", "met 4 clients 2 follow ups", "met 4 clients followed up 2 prospects").
 *
 * Works from the last count back. A count with no cue after it needs the cue just before it (a label:
 * "fu 3"); otherwise the words between two counts belong to the earlier one (its noun: "4 visits"), except
 * that a new verb after a verb-led count starts the next phrase ("met 4 clients | followed up 2").
 */
export function segment(clause: readonly Item[]): Span[] {
  const items = dropSources(clause);
  const at: number[] = [];
  items.forEach((it, j) => {
    if (it.k === "count") at.push(j);
  });
  if (at.length === 0) return [];
  const starts = new Array<number>(at.length).fill(0);
  const numberFirst = nearestCueBefore(items, 0, at[0] ?? 0) === undefined;
  let hasRight = items.slice((at[at.length - 1] ?? 0) + 1).some(isCue);
  for (let n = at.length - 1; n >= 1; n--) {
    const left = at[n - 1] as number;
    const right = at[n] as number;
    const prevCount = n >= 2 ? (at[n - 2] as number) + 1 : 0;
    // In a number-first clause ("3 visits 2 fu") the cue before a count is the previous count's noun.
    const leftLead = numberFirst ? undefined : nearestCueBefore(items, prevCount, left);
    let split = right; // the whole gap goes to the earlier count
    if (!hasRight) {
      // The later count needs a label: from the last verb in the gap, or else its last cue.
      let lastVerb = -1;
      let lastCue = -1;
      for (let j = left + 1; j < right; j++) {
        if (isVerb(items[j])) lastVerb = j;
        if (isCue(items[j])) lastCue = j;
      }
      const from = lastVerb >= 0 ? lastVerb : lastCue;
      if (from >= 0) split = from;
    } else {
      for (let j = left + 1; j < right; j++) {
        const it = items[j];
        // A verb right after a number-first count is that count's own word ("4 visits", "2x follow up").
        const own = j === left + 1 && !isVerb(leftLead);
        if (!own && isVerb(it) && (isVerb(leftLead) || !isParticiple(it))) {
          split = j;
          break;
        }
      }
    }
    // Negation and plan words just before the split belong with the phrase they precede.
    while (split - 1 > left && items[split - 1]?.k === "mark") split--;
    starts[n] = split;
    hasRight = items.slice(left + 1, split).some(isCue);
  }
  return at.map((j, n) => {
    const from = starts[n] ?? 0;
    const to = n + 1 < at.length ? (starts[n + 1] ?? items.length) : items.length;
    return { items: items.slice(from, to), at: j - from, count: items[j] as CountItem };
  });
}
