/** What a word or phrase can mean to the parser. The lexicons are data; the grammar lives elsewhere. */

/** Activity and funnel cues. Verb-like cues govern the count they precede; noun-like cues name what was counted. */
export type Cat =
  | "visit"
  | "visitNoun"
  | "fu"
  | "call"
  | "rel"
  | "ask"
  | "got"
  | "closed"
  | "ref"
  | "lead"
  | "prospect"
  | "potential"
  | "closeable"
  | "deal"
  | "client";

/** Adjectives that change what a client or lead counts as ("old clients", "klien baru", "hot leads"). */
export type Mod = "existing" | "fresh" | "hot";

/** Words that change how a clause is read rather than what it counts. */
export type Mark =
  | "plan" // will, akan, target: a plan is not a report
  | "neg" // didn't, belum
  | "cancel" // cancelled, batal
  | "more" // "3 more", "2 lagi": same metric as before
  | "qword" // how, berapa: the sentence asks rather than tells
  | "qaux" // did, can: a question only when the sentence ends with "?"
  | "and" // and, dan, then: a clause boundary
  | "zero" // none, nihil: an explicit 0
  | "no" // "no visits" is 0, "no 5" is a label
  | "from" // "from 3 clients": where counted things came from
  | "became" // "2 leads became prospects": counted for the stage reached
  | "article" // a / an: 1, only right after an activity verb
  | "adverb" // once, sekali: a count only next to an activity word
  | "relative" // yang, that, which: what follows describes a noun, its day included
  | "move" // moved, naikin: a stage change when "to <stage>" follows, else a meeting moved (cancelled)
  | "toward" // to, into, ke: where a move goes
  | "qualify" // qualified: a qualified lead is a prospect
  | "daypart" // pagi, afternoon: "pagi 2 kunjungan, siang 1" adds the afternoon's 1 to the same activity
  | "total" // total, jumlah, "=": the rep's own sum of what was counted
  | "correct" // salah, sorry: the number that follows replaces the one before
  | "loc" // di, in: "1 di Apartemen Tower 3" says where, after "met 2 clients at ..."
  | "shut" // "was closed": the shop was shut (the visit fell through), unless it is a deal that was closed
  | "subset"; // of them, di antaranya: some of what was counted, not more of it

/** A reference to the day the activity belongs to. */
export type DayRef =
  | { kind: "offset"; days: number }
  | { kind: "weekday"; weekday: number; last: boolean; weeksBack?: number }
  | { kind: "future" }
  | { kind: "date"; day: number; month?: number; year?: number }
  /** "this week", "bulan ini": a stretch that includes today; the report is today's. */
  | { kind: "vague" }
  /** "last week", "beberapa hari lalu": some day, but which cannot be told; the rep is asked. */
  | { kind: "unclear" };

/** Roles a word plays right before a number ("jam 3", "Rp 5") or right after it ("3 pm", "5 juta"). */
export type Before = "time" | "date" | "money" | "label";
export type After = "time" | "money" | "unit" | "dayunit" | "percent" | "times" | "ago";

export interface Entry {
  cue?: Cat;
  mod?: Mod;
  modDir?: "pre" | "post" | "both";
  mark?: Mark;
  num?: number;
  day?: DayRef;
  month?: number;
  before?: Before;
  after?: After;
  /** A kind of business that starts a name ("Toko", "PT", "Apotek"): a number in the name is not a count. */
  place?: true;
  /** An honorific before someone's name ("Pak Budi", "bu sari", "Mr Tan"): a person met, one when no number. */
  person?: true;
  /** A word that starts an address ("Jl.", "Blok", "Lt."): a number in the address is not a count. */
  address?: true;
  /** An abbreviation written with a dot ("kunj.", "tgl."): the dot does not end the sentence. */
  abbrev?: true;
  lang?: "en" | "id";
}

/** One language's words. Phrases are lower case, words separated by single spaces. */
export interface LexiconTable {
  cues: Partial<Record<Cat, readonly string[]>>;
  /** [phrase, mod, where it stands relative to its noun] */
  mods: readonly (readonly [string, Mod, "pre" | "post" | "both"])[];
  marks: Partial<Record<Mark, readonly string[]>>;
  /** Number-like words that are not plain numerals: [phrase, value, mark]. */
  weakNumbers: readonly (readonly [string, number, Mark])[];
  days: readonly (readonly [string, DayRef])[];
  /** [name, 0=Sunday..6, usable alone] ("sat" and "sun" are words too, so they need "on"/"last"). */
  weekdays: readonly (readonly [string, number, boolean])[];
  weekdayLast: { pre: readonly string[]; post: readonly string[] };
  weekdayNext: { pre: readonly string[]; post: readonly string[] };
  weekdayPlain: { pre: readonly string[] };
  months: readonly (readonly [string, number])[];
  before: Partial<Record<Before, readonly string[]>>;
  after: Partial<Record<After, readonly string[]>>;
  /** Common words that only tell the language apart. */
  filler: readonly string[];
  /** Words that start a business name: "Toko Maju 88", "PT Sinar 77", "Kios 12". */
  places: readonly string[];
  /** Honorifics before a person's name: "Pak Budi", "Bu Sari", "Mr Tan". */
  people: readonly string[];
  /** Words that start an address: "Jl. Sudirman 45", "Blok C/12", "Lt. 3A", "RT 05". */
  addresses: readonly string[];
  /** Abbreviations reps write with a dot ("kunj.", "fu."): the dot is not a full stop. */
  abbreviations: readonly string[];
}
