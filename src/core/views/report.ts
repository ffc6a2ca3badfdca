import type { ParseResult } from "../parse/types.js";
import type { QuotaProgress } from "../quota.js";
import type { Reply, ReplyButton } from "../reply.js";
import type { Report } from "../team.js";
import type { Texts } from "../texts/index.js";
import { formatCounts } from "../texts/metric-words.js";
import { dayLabel } from "./dates.js";

export interface ReportConfirmation {
  report: Report;
  /** "updated" when the rep edited the message; a redelivered duplicate confirms like the original. */
  outcome: "created" | "duplicate" | "updated";
  today: string;
  /** The quota progress of the report's day, after this report; null when it could not be read. */
  progress: QuotaProgress[] | null;
  /** Parts of the message with a number that named no activity. */
  notCounted?: string[];
}

/** "✅ Logged for today: 4 visits · 2 follow-ups" and the day's totals against quota, in two lines. */
export function reportConfirmation(t: Texts, c: ReportConfirmation): Reply {
  const day = dayLabel(t, c.report.day, c.today);
  const counts = formatCounts(t.locale, c.report.counts);
  return {
    tone: "success",
    lines: [
      c.outcome === "updated" ? t.updated(day, counts) : t.logged(day, counts),
      // What is left to do only for today: a past day is what it is.
      ...(c.progress ? [t.progressLine(day, c.progress, c.report.day === c.today)] : []),
      ...(c.notCounted?.length ? [t.notCounted(c.notCounted)] : []),
    ],
    buttons: reportButtons(t, c.report.id),
  };
}

/** The one-tap follow-ups to a confirmation: undo this very report, or add one more visit or follow-up. */
export function reportButtons(t: Texts, reportId: number): ReplyButton[] {
  return [{ action: `undo:${reportId}`, label: t.undoButton }, ...quickAddButtons(t)];
}

/** One more visit or follow-up, in a tap. */
export function quickAddButtons(t: Texts): ReplyButton[] {
  return [
    { action: "add:visits", label: t.addVisitButton },
    { action: "add:followUps", label: t.addFollowUpButton },
  ];
}

/** Why nothing was saved, with a way forward. */
export function reportRefused(
  t: Texts,
  result: Extract<ParseResult, { ok: false }>,
  helpCommand: string,
): Reply {
  const detail = {
    ...(result.metric ? { metric: result.metric } : {}),
    ...(result.value ? { value: result.value } : {}),
  };
  return { tone: "error", lines: [t.parseError(result.error, detail, helpCommand)] };
}

export interface Withdrawal {
  report: Report;
  today: string;
  progress: QuotaProgress[] | null;
}

/** "↩️ Withdrawn: 4 visits · 2 follow-ups (today)." and what the day now adds up to. */
export function withdrawalConfirmation(t: Texts, w: Withdrawal): Reply {
  const day = dayLabel(t, w.report.day, w.today);
  return {
    tone: "success",
    lines: [
      t.withdrawn(day, formatCounts(t.locale, w.report.counts)),
      ...(w.progress ? [t.progressLine(day, w.progress, w.report.day === w.today)] : []),
    ],
  };
}
