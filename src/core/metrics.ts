/** The daily process a rep controls: what the source article says targets are really made of. */
export const ACTIVITY_METRICS = [
  "visits",
  "followUps",
  "relationshipContacts",
  "referralsAsked",
  "referralsReceived",
] as const;

/** Funnel stages from the top of the cone to the sale. `closed` is the outcome after `closeable`. */
export const FUNNEL_STAGES = ["leads", "prospects", "potential", "closeable"] as const;

export const FUNNEL_METRICS = [...FUNNEL_STAGES, "closed"] as const;

export const METRICS = [...ACTIVITY_METRICS, ...FUNNEL_METRICS] as const;

export type ActivityMetric = (typeof ACTIVITY_METRICS)[number];
export type FunnelStage = (typeof FUNNEL_STAGES)[number];
export type FunnelMetric = (typeof FUNNEL_METRICS)[number];
export type Metric = (typeof METRICS)[number];

/** Full set of counts, one per metric (a period's sums, a stored report). */
export type Counts = Record<Metric, number>;

/** Only the metrics a message mentioned. */
export type PartialCounts = Partial<Counts>;

/** The healthy funnel shape across industries: 10 leads become 5 prospects, 3 potential and 1 closeable. */
export const BENCHMARK: Readonly<Record<FunnelStage, number>> = Object.freeze({
  leads: 10,
  prospects: 5,
  potential: 3,
  closeable: 1,
});

/** Above this a count in one message is taken as a typo rather than a day's work. */
export const MAX_COUNT_PER_MESSAGE = 1000;

export function emptyCounts(): Counts {
  return {
    visits: 0,
    followUps: 0,
    relationshipContacts: 0,
    referralsAsked: 0,
    referralsReceived: 0,
    leads: 0,
    prospects: 0,
    potential: 0,
    closeable: 0,
    closed: 0,
  };
}
