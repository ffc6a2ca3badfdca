export interface DailyQuota {
  visits: number;
  followUps: number;
}

export interface QuotaProgress {
  metric: "visits" | "followUps";
  done: number;
  quota: number;
  remaining: number;
  met: boolean;
  percent: number | null; // null when quota 0
}

const QUOTA_METRICS = ["visits", "followUps"] as const;

/** Negative or non-finite input is taken as zero, so progress can never read NaN or a negative count. */
function clean(value: number): number {
  return Number.isFinite(value) && value > 0 ? value : 0;
}

function progress(metric: QuotaProgress["metric"], done: number, quota: number): QuotaProgress {
  return {
    metric,
    done,
    quota,
    remaining: Math.max(0, quota - done),
    met: done >= quota,
    // Rounded down so "100%" only ever appears when the quota is actually met.
    percent: quota > 0 ? Math.floor(Math.round(((done * 100) / quota) * 1e9) / 1e9) : null,
  };
}

/**
 * Progress against what was expected: one day's quota, or a period's (each expected day's quota added up, see
 * core/figures). Visits first, then follow-ups.
 */
export function quotaProgress(
  done: { visits: number; followUps: number },
  expected: DailyQuota,
): QuotaProgress[] {
  return QUOTA_METRICS.map((metric) => progress(metric, clean(done[metric]), clean(expected[metric])));
}
