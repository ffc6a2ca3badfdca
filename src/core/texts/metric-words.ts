import type { Locale } from "../locale.js";
import { METRICS, type Metric, type PartialCounts } from "../metrics.js";

/** How each metric is named after a number, in each language: [one, many]. */
const WORDS: Record<Locale, Record<Metric, readonly [string, string]>> = {
  en: {
    visits: ["visit", "visits"],
    followUps: ["follow-up", "follow-ups"],
    relationshipContacts: ["existing-client check-in", "existing-client check-ins"],
    referralsAsked: ["referral asked", "referrals asked"],
    referralsReceived: ["referral received", "referrals received"],
    leads: ["lead", "leads"],
    prospects: ["prospect", "prospects"],
    potential: ["potential", "potential"],
    closeable: ["closeable", "closeable"],
    closed: ["closing", "closings"],
  },
  id: {
    visits: ["kunjungan", "kunjungan"],
    followUps: ["follow up", "follow up"],
    relationshipContacts: ["kontak klien lama", "kontak klien lama"],
    referralsAsked: ["minta referensi", "minta referensi"],
    referralsReceived: ["dapat referensi", "dapat referensi"],
    leads: ["lead", "leads"],
    prospects: ["prospek", "prospek"],
    potential: ["potensial", "potensial"],
    closeable: ["closeable", "closeable"],
    closed: ["closing", "closing"],
  },
};

/** The metric's word as it follows the number `n`: "visit" for 1, "visits" otherwise. */
export function metricWord(locale: Locale, metric: Metric, n: number): string {
  const [one, many] = WORDS[locale][metric];
  return n === 1 ? one : many;
}

/** "4 visits", "1 follow-up", "2 kunjungan". */
export function countWithMetric(locale: Locale, metric: Metric, n: number): string {
  return `${formatNumber(locale, n)} ${metricWord(locale, metric, n)}`;
}

/** 50,000 in English, 50.000 in Indonesian. */
export function formatNumber(locale: Locale, n: number): string {
  return n.toLocaleString(locale === "id" ? "id-ID" : "en-US");
}

/** The metric's name alone, plural: for table headers and quota lines. */
export function metricName(locale: Locale, metric: Metric): string {
  return WORDS[locale][metric][1];
}

/**
 * "4 visits · 2 follow-ups": the counts a report mentioned, in metric order.
 * The parser reads this text back to the same counts (a property test holds it to that).
 */
export function formatCounts(locale: Locale, counts: PartialCounts): string {
  return METRICS.filter((m) => counts[m] !== undefined)
    .map((m) => countWithMetric(locale, m, counts[m] ?? 0))
    .join(" · ");
}
