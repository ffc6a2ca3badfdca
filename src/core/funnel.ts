import { BENCHMARK, FUNNEL_METRICS, FUNNEL_STAGES, type FunnelMetric, type FunnelStage } from "./metrics.js";

export type FunnelCounts = Record<FunnelMetric, number>; // leads, prospects, potential, closeable, closed

export interface Transition {
  from: FunnelStage;
  to: FunnelStage | "closed";
}

export type TransitionKey =
  | "leads->prospects"
  | "prospects->potential"
  | "potential->closeable"
  | "closeable->closed";

export interface Conversion extends Transition {
  rate: number | null; // to/from, null when from === 0
  benchmark: number; // 0.5, 0.6, 1/3 for the three stage transitions; 0.5 for closeable->closed
  status: "above" | "on" | "below" | "unknown"; // "on" within 0.5 percentage points of the benchmark
}

export interface FunnelAnalysis {
  counts: FunnelCounts;
  /** Stage counts normalised to 10 leads (10 : 4.2 : 1.7 : 0.8), rounded to 1 decimal; null when leads === 0. */
  ratio: Record<FunnelStage, number> | null;
  /** leads->prospects, prospects->potential, potential->closeable (the benchmark's three), then closeable->closed. */
  conversions: Conversion[];
  /** The stage transition (one of the first three) furthest below its benchmark, relative (rate/benchmark smallest); null when none is below or there is no data. */
  weakest: Conversion | null;
  /** true when leads > 0 and none of the three stage transitions is below benchmark. */
  onBenchmark: boolean;
  hasData: boolean; // any stage count > 0
}

export interface FunnelPlan {
  target: number; // closings wanted
  needed: Record<FunnelStage, number>; // whole numbers, ceil at each step
  perWorkingDay: Record<FunnelStage, number>; // needed / workingDays, rounded up to 1 decimal (leads per day is what reps act on)
  workingDays: number;
  /** Which rate each step used: the team's own where its history is solid, the benchmark where thin. */
  basis: Record<TransitionKey, "team" | "benchmark">;
}

/** Fewer deals than this at a stage say too little about the team's own conversion, so the benchmark is used. */
export const MIN_SAMPLE = 5;

/**
 * How far from the benchmark still counts as "on" it: half a percentage point. Wide enough that the
 * benchmark's own 1/3 survives float error, narrow enough that 10:4:... is visibly off.
 */
export const ON_BENCHMARK_TOLERANCE = 0.005;

/** "1 closeable can close, or not": an even chance, the article's last step. */
export const CLOSE_RATE_BENCHMARK = 0.5;

/** The benchmark's transitions top-down, then the closing step. */
export const TRANSITIONS: readonly Transition[] = Object.freeze([
  { from: "leads", to: "prospects" },
  { from: "prospects", to: "potential" },
  { from: "potential", to: "closeable" },
  { from: "closeable", to: "closed" },
]);

export function transitionKey(t: Transition): TransitionKey {
  return `${t.from}->${t.to}` as TransitionKey;
}

/** The benchmark conversion rate of each transition (0.5, 0.6, 1/3, 0.5). */
export function benchmarkRate(t: Transition): number {
  return t.to === "closed" ? CLOSE_RATE_BENCHMARK : BENCHMARK[t.to] / BENCHMARK[t.from];
}

/** Removes float noise (1/3 * 3 = 0.9999999999999999) so exact inputs round and ceil to exact results. */
function snap(value: number): number {
  return Math.abs(value) < 1e6 ? Math.round(value * 1e9) / 1e9 : value;
}

/** Counts as they can be trusted: anything negative or not finite is taken as no data. */
function clean(value: number): number {
  return Number.isFinite(value) && value > 0 ? value : 0;
}

function cleanCounts(counts: FunnelCounts): FunnelCounts {
  const cleaned = {} as FunnelCounts;
  for (const metric of FUNNEL_METRICS) cleaned[metric] = clean(counts[metric]);
  return cleaned;
}

function statusOf(rate: number | null, benchmark: number): Conversion["status"] {
  if (rate === null) return "unknown";
  const diff = snap(rate - benchmark);
  if (Math.abs(diff) <= ON_BENCHMARK_TOLERANCE) return "on";
  return diff > 0 ? "above" : "below";
}

/** Period sums -> the funnel's shape against 10:5:3:1, each conversion against its benchmark, and the worst leak. */
export function analyzeFunnel(counts: FunnelCounts): FunnelAnalysis {
  const c = cleanCounts(counts);

  const ratio =
    c.leads > 0
      ? (Object.fromEntries(
          FUNNEL_STAGES.map((stage) => [stage, Math.round(snap((c[stage] * 10) / c.leads) * 10) / 10]),
        ) as Record<FunnelStage, number>)
      : null;

  const conversions: Conversion[] = TRANSITIONS.map((t) => {
    const from = c[t.from];
    const rate = from > 0 ? c[t.to] / from : null;
    const benchmark = benchmarkRate(t);
    return { from: t.from, to: t.to, rate, benchmark, status: statusOf(rate, benchmark) };
  });

  const stageConversions = conversions.slice(0, 3);
  let weakest: Conversion | null = null;
  for (const conversion of stageConversions) {
    if (conversion.status !== "below" || conversion.rate === null) continue;
    // Strict "<" keeps the higher stage on a tie: a leak near the top costs more deals downstream.
    if (
      weakest === null ||
      conversion.rate / conversion.benchmark < (weakest.rate ?? 0) / weakest.benchmark
    ) {
      weakest = conversion;
    }
  }

  return {
    counts: c,
    ratio,
    conversions,
    weakest,
    onBenchmark: c.leads > 0 && stageConversions.every((conversion) => conversion.status !== "below"),
    hasData: FUNNEL_STAGES.some((stage) => c[stage] > 0),
  };
}

/**
 * Reverse funnel: closings -> closeable -> potential -> prospects -> leads, at the team's actual conversion
 * rates from `history` where the from-stage count is >= MIN_SAMPLE and the rate > 0, else the benchmark.
 * A team rate above 100% (more prospects than leads in the period) is capped at 100%, so the plan never asks
 * for fewer deals at a higher stage than at the one below it.
 */
export function planFunnel(target: number, history: FunnelCounts, workingDays: number): FunnelPlan {
  const goal = clean(target);
  const days = clean(workingDays);
  const h = cleanCounts(history);

  const basis = {} as FunnelPlan["basis"];
  const rates = TRANSITIONS.map((t) => {
    const from = h[t.from];
    const teamRate = from > 0 ? h[t.to] / from : 0;
    const useTeam = from >= MIN_SAMPLE && teamRate > 0;
    basis[transitionKey(t)] = useTeam ? "team" : "benchmark";
    return { from: t.from, rate: useTeam ? Math.min(teamRate, 1) : benchmarkRate(t) };
  });

  const computed = new Map<FunnelStage, number>();
  let below = goal;
  for (const { from, rate } of rates.reverse()) {
    below = Math.ceil(snap(below / rate));
    computed.set(from, below);
  }
  const needed = {} as Record<FunnelStage, number>;
  for (const stage of FUNNEL_STAGES) needed[stage] = computed.get(stage) ?? 0;

  const perWorkingDay = {} as Record<FunnelStage, number>;
  for (const stage of FUNNEL_STAGES) {
    perWorkingDay[stage] = days > 0 ? Math.ceil(snap((needed[stage] * 10) / days)) / 10 : needed[stage];
  }

  return { target: goal, needed, perWorkingDay, workingDays: days, basis };
}

/** A month's closing target, what is already closed, and the reverse funnel for the rest. */
export interface MonthPlan {
  target: number;
  closedSoFar: number;
  /** The plan for the closings still to go. */
  plan: FunnelPlan;
}
