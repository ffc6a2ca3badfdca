import type { Store } from "../../src/app/ports.js";
import type { DateRange } from "../../src/core/calendar.js";
import { type Counts, emptyCounts, METRICS } from "../../src/core/metrics.js";

/** What is stored for a team (or one member) over a range, read through the one aggregate every view reads. */
export async function storedTotals(
  store: Store,
  query: { teamId: number; range: DateRange; memberId?: number },
): Promise<Counts> {
  const counts = emptyCounts();
  for (const member of await store.sumCountsByMember(query.teamId, query.range, query.memberId)) {
    for (const metric of METRICS) counts[metric] += member.counts[metric];
  }
  return counts;
}
