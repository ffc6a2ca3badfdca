import type { DateRange } from "../calendar.js";
import { ACTIVITY_METRICS, type Counts, FUNNEL_METRICS, type Metric } from "../metrics.js";
import { type DailyQuota, quotaProgress } from "../quota.js";
import type { Reply } from "../reply.js";
import type { Texts } from "../texts/index.js";
import { formatCounts } from "../texts/metric-words.js";
import { rangeLabel, weekdayDate } from "./dates.js";

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const QUOTA_METRICS: readonly Metric[] = ["visits", "followUps"];

/** Everything else the rep logged, beyond the two quota metrics: "Also: 1 lead · 2 referrals asked". */
function otherActivity(t: Texts, counts: Counts): string | null {
  const others = [...ACTIVITY_METRICS, ...FUNNEL_METRICS].filter(
    (m) => !QUOTA_METRICS.includes(m) && counts[m] > 0,
  );
  if (others.length === 0) return null;
  return `${t.otherActivity}: ${formatCounts(t.locale, Object.fromEntries(others.map((m) => [m, counts[m]])))}`;
}

/** A rep's day so far against the day's quota (none on a day off, a weekend or a holiday). */
export function todayView(t: Texts, input: { today: string; counts: Counts; expected: DailyQuota }): Reply {
  const progress = quotaProgress(input.counts, input.expected);
  const other = otherActivity(t, input.counts);
  return {
    tone: "info",
    title: t.todayTitle(weekdayDate(t, input.today)),
    lines: [capitalize(t.progress(progress)), ...(other ? [other] : [])],
  };
}

/** A rep's ISO week so far against the quota of the working days that have come. */
export function weekView(
  t: Texts,
  input: {
    week: number;
    range: DateRange;
    counts: Counts;
    /** The quotas of the week's working days so far, added up. */
    expected: DailyQuota;
    expectedDays: number;
    daysReported: number;
  },
): Reply {
  const progress = quotaProgress(input.counts, input.expected);
  const other = otherActivity(t, input.counts);
  const heading = t.weekTitle(input.week, rangeLabel(t, input.range));
  return {
    tone: "info",
    title: heading,
    lines: [
      capitalize(t.progress(progress)),
      ...(other ? [other] : []),
      t.daysReported(input.daysReported, input.expectedDays),
    ],
  };
}
