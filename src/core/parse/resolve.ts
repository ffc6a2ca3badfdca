import type { Metric } from "../metrics.js";
import type { Span } from "./clauses.js";
import type { CueItem, Item } from "./items.js";
import { VERB_CATS } from "./lexicon.js";

/** What earlier clauses leave for later ones: "asked 5 clients for referrals, got 2" needs "referrals". */
export interface Topic {
  /** The metric of the previous count, for "3 more" / "2 lagi". */
  previous: Metric | null;
  /** Noun cues last mentioned, for a verb without its noun ("got 2"). */
  nouns: CueItem[];
  /** Cues of the clause just before, when it had no count: a heading ("Kunjungan:\n5"). */
  label: CueItem[] | null;
  /**
   * The meeting verb of the clause before an "and", for a clause that lists more people without a verb of its
   * own: "met with 3 clients and 2 prospects" met both.
   */
  carry: CueItem | null;
  /** The clause follows an "and"/"then" in the same sentence: a bare count there is more of the same. */
  joined: boolean;
}

/** Verbs whose object, when it is people, can be carried over an "and" to a verbless list of more people. */
export const CARRIED_VERBS: ReadonlySet<string> = new Set(["visit", "fu", "call", "rel"]);
export const PEOPLE: ReadonlySet<string> = new Set(["client", "prospect", "lead"]);

/** Funnel stages people can be described by, in funnel order (a client comes before all of them). */
const STAGE_ORDER: readonly string[] = ["client", "lead", "prospect", "potential", "closeable"];
const STAGES: ReadonlySet<string> = new Set(STAGE_ORDER.slice(1));

const verb = (it: Item | undefined): it is CueItem => it?.k === "cue" && VERB_CATS.has(it.cat);
const noun = (it: Item | undefined): it is CueItem => it?.k === "cue" && !VERB_CATS.has(it.cat);

interface Reading {
  verb: CueItem | undefined;
  head: CueItem | undefined;
  nouns: CueItem[];
}

/**
 * Reads the phrase around a count. The governing verb is the nearest verb before the count; failing that a
 * verb between the count and its noun ("2 dapat referensi"), or a participle right after the noun
 * ("1 referral asked"). The head noun is the first noun after the count, else the nearest before it
 * ("kunjungan 5").
 */
function read(items: readonly Item[], at: number): Reading {
  let before: CueItem | undefined;
  let headBefore: CueItem | undefined;
  for (let j = at - 1; j >= 0; j--) {
    const it = items[j];
    if (!before && verb(it)) before = it;
    if (!headBefore && noun(it)) headBefore = it;
  }
  let headAfter: CueItem | undefined;
  let headAt = -1;
  let between: CueItem | undefined;
  for (let j = at + 1; j < items.length; j++) {
    const it = items[j];
    if (noun(it)) {
      headAfter = it;
      headAt = j;
      break;
    }
    if (!between && verb(it)) between = it;
  }
  // "4 klien potensial", "3 calon pembeli potensial": people described by a stage are counted at that stage.
  const described = headAt >= 0 ? items[headAt + 1] : undefined;
  if (
    headAfter &&
    noun(described) &&
    STAGES.has(described.cat) &&
    STAGE_ORDER.indexOf(described.cat) > STAGE_ORDER.indexOf(headAfter.cat) &&
    STAGE_ORDER.indexOf(headAfter.cat) >= 0
  ) {
    headAfter = described;
    headAt += 1;
  }
  // "2 leads became prospects": a count moving into a stage counts for the stage it reached.
  if (headAt >= 0) {
    let became = false;
    for (let j = headAt + 1; j < items.length; j++) {
      const it = items[j];
      if (it?.k === "mark" && it.mark === "became") became = true;
      else if (became && noun(it)) {
        headAfter = it;
        break;
      } else if (it?.k !== "other" && it?.k !== "name") break;
    }
  }
  let participle: CueItem | undefined;
  if (headAt >= 0) {
    for (let j = headAt + 1; j < items.length && j <= headAt + 2; j++) {
      const it = items[j];
      if (verb(it)) {
        participle = it;
        break;
      }
      if (it?.k !== "other" && it?.k !== "name") break;
    }
  }
  const nouns = items.filter(noun);
  return { verb: before ?? between ?? participle, head: headAfter ?? headBefore, nouns };
}

function byNoun(head: CueItem, nouns: readonly CueItem[], gotVerb: boolean): Metric | null {
  const existing = nouns.some((n) => n.existing);
  const hot = nouns.some((n) => n.hot);
  switch (head.cat) {
    case "ref":
      return "referralsReceived";
    case "closeable":
      return "closeable";
    case "potential":
      return "potential";
    // A hot lead is still a lead, a hot prospect a prospect: warmth is not a stage.
    case "prospect":
      return "prospects";
    case "lead":
      return "leads";
    case "deal":
      return hot ? "potential" : "closed";
    case "visitNoun":
      return existing ? "relationshipContacts" : "visits";
    case "client":
      if (existing) return "relationshipContacts";
      if (hot) return "potential";
      // "3 new clients" and "got 2 clients" are new names in the funnel; "3 clients" alone were seen.
      return head.fresh || gotVerb ? "leads" : "visits";
    default:
      return null;
  }
}

function decide(r: Reading, topic: readonly CueItem[]): Metric | null {
  const existing = r.nouns.some((n) => n.existing);
  const nouns = r.nouns.length > 0 ? r.nouns : topic;
  const hasRef = nouns.some((n) => n.cat === "ref");
  // "1 closeable finally closed": a closeable deal that closed is a closing.
  if (r.nouns.some((n) => n.cat === "closeable") && r.verb?.cat !== "fu" && r.verb?.cat !== "closed")
    return "closeable";
  switch (r.verb?.cat) {
    case "fu":
      return "followUps";
    case "rel":
      return "relationshipContacts";
    case "call":
      return existing ? "relationshipContacts" : "followUps";
    case "visit":
      return existing ? "relationshipContacts" : "visits";
    case "closed":
      return "closed";
    case "ask":
      return hasRef ? "referralsAsked" : null;
    default:
      break;
  }
  const head = r.head ?? (r.verb?.cat === "got" ? nouns[nouns.length - 1] : undefined);
  return head ? byNoun(head, nouns, r.verb?.cat === "got") : null;
}

/** Whether an item before the span's count matches. */
function before(span: Span, test: (it: Item) => boolean): boolean {
  for (let j = 0; j < span.at; j++) {
    const it = span.items[j];
    if (it && test(it)) return true;
  }
  return false;
}

/** The metric a count belongs to, or null when the words around it name none. */
export function resolveSpan(span: Span, topic: Topic): Metric | null {
  const hasCue = span.items.some((it) => it.k === "cue");
  if (!hasCue) {
    // "3 more", "siang 1" (after "pagi 2 kunjungan"), "... and 1 at Hero 5": more of what was just counted.
    const continues = span.items.some(
      (it) => it.k === "mark" && (it.mark === "more" || it.mark === "daypart"),
    );
    // "met 2 clients at Mall Taman Anggrek, 1 at Apartemen Tower 3": a bare count that only says where.
    const where = span.items[span.at + 1];
    const located = where?.k === "mark" && where.mark === "loc";
    // "2 di antaranya hot", "2 of them": some of those already counted, nothing more.
    const subset = span.items.some((it) => it.k === "mark" && it.mark === "subset");
    if (!subset && (continues || located || topic.joined) && topic.previous) return topic.previous;
    if (topic.label) return decide(read([...topic.label, span.count], topic.label.length), []);
    return null;
  }
  // "makan sate 2 porsi ... visit", "ada 3 tamu dari kantor": with no verb before it, a count followed by a word
  // the lexicon does not know counts that thing, not the activity named further on.
  // An unknown word that describes the next noun ("2 warm leads") is not the thing counted.
  const after = span.items[span.at + 1];
  const described = span.items[span.at + 2]?.k === "cue";
  if (after?.k === "other" && !described && !before(span, (it) => it.k === "cue")) return null;
  let r = read(span.items, span.at);
  // "qualified 3 leads": a lead qualified is a prospect.
  const qualified = before(span, (it) => it.k === "mark" && it.mark === "qualify");
  if (qualified && (r.head?.cat === "lead" || r.head?.cat === "client")) return "prospects";
  if (!r.verb && r.head && topic.carry && PEOPLE.has(r.head.cat)) r = { ...r, verb: topic.carry };
  if (!r.verb && !r.head && topic.label) {
    return decide(read([...topic.label, ...span.items], topic.label.length + span.at), topic.nouns);
  }
  return decide(r, topic.label ?? topic.nouns);
}
