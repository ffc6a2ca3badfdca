import type { Locale } from "../locale.js";
import type { Metric, PartialCounts } from "../metrics.js";

/** Why a message was not taken as a report. Each code has a friendly text in both languages. */
export type ParseErrorCode =
  | "no_activity" // nothing in it is a report (chatter, a question)
  | "negative" // a negative count
  | "fraction" // a count that is not a whole number
  | "too_large" // above MAX_COUNT_PER_MESSAGE: a typo, not a day's work
  | "future_day" // "tomorrow" / "besok": a plan, not a report
  | "two_days" // counts for two different days in one message ("yesterday 3 visits, today 2")
  | "unclear_day"; // a day that cannot be pinned down ("last week", "beberapa hari lalu"): asked, not guessed

export type ParseResult =
  | {
      ok: true;
      /** Team-local day the activity belongs to, YYYY-MM-DD. */
      date: string;
      /** Only the metrics the text mentioned (an explicit 0 is kept). */
      counts: PartialCounts;
      /** The language the text was written in, best guess. */
      locale: Locale;
      /**
       * Parts with a number that named no activity ("sama anu 3", "2 flwups"), quoted so the rep can send them
       * again. Names and addresses ("Toko Maju 88"), times and amounts are never here: they are not counts.
       */
      notCounted: string[];
    }
  | {
      ok: false;
      error: ParseErrorCode;
      locale: Locale;
      /** The metric the bad count was attached to, when known. */
      metric?: Metric;
      /** The offending number as written ("-3", "2.5", "50000"). */
      value?: string;
    };

export interface ParseContext {
  /** Today in the team's (or the message's) timezone, YYYY-MM-DD. The parser never reads a clock. */
  today: string;
}
