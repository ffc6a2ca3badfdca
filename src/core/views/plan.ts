import type { MonthPlan } from "../funnel.js";
import { FUNNEL_STAGES } from "../metrics.js";
import type { Reply } from "../reply.js";
import type { Texts } from "../texts/index.js";
import { countWithMetric } from "../texts/metric-words.js";
import { decimal } from "./funnel.js";

/** The reverse funnel: what a month's closing target needs at each stage, and per working day. */
export function planView(
  t: Texts,
  input: { month: string; plan: MonthPlan | null; targetCommand: string },
): Reply {
  if (!input.plan)
    return { tone: "info", title: t.planTitle(input.month), lines: [t.planNoTarget(input.targetCommand)] };
  const { target, closedSoFar, plan } = input.plan;
  if (plan.target === 0) {
    return { tone: "success", title: t.planTitle(input.month), lines: [t.planReached(closedSoFar, target)] };
  }
  const needed = [...FUNNEL_STAGES]
    .reverse()
    .map((stage) => countWithMetric(t.locale, stage, plan.needed[stage]))
    .join(" · ");
  const bases = Object.values(plan.basis);
  return {
    tone: "info",
    title: t.planTitle(input.month),
    lines: [
      ...(closedSoFar > 0 ? [t.planSoFar(closedSoFar, target)] : []),
      t.planLine(plan.target, needed),
      t.planPerDay(decimal(t, plan.perWorkingDay.leads), plan.workingDays),
      t.planBasis(
        bases.every((b) => b === "benchmark"),
        bases.some((b) => b === "benchmark"),
      ),
    ],
  };
}
