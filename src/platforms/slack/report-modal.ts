import type { types } from "@slack/bolt";
import type { Locale } from "../../core/locale.js";
import { MAX_COUNT_PER_MESSAGE, METRICS, type Metric, type PartialCounts } from "../../core/metrics.js";
import { textsFor } from "../../core/texts/index.js";
import { metricName } from "../../core/texts/metric-words.js";

export const REPORT_MODAL_ID = "corong:report";

/** A form with a number field per activity and funnel stage, for the reminder's "Report today" button. */
export function reportModal(locale: Locale): types.View {
  const t = textsFor(locale);
  return {
    type: "modal",
    callback_id: REPORT_MODAL_ID,
    title: { type: "plain_text", text: t.reportFormTitle.slice(0, 24) },
    submit: { type: "plain_text", text: t.reportFormSubmit },
    private_metadata: locale,
    blocks: METRICS.map((metric) => ({
      type: "input",
      block_id: metric,
      optional: true,
      label: { type: "plain_text", text: metricName(locale, metric) },
      element: {
        type: "number_input",
        action_id: "count",
        is_decimal_allowed: false,
        min_value: "0",
        max_value: String(MAX_COUNT_PER_MESSAGE),
      },
    })),
  };
}

/** The numbers a rep filled in; empty fields are not part of the report. */
export function countsFromModal(
  values: Record<string, Record<string, { value?: string | null }>>,
): PartialCounts {
  const counts: PartialCounts = {};
  for (const metric of METRICS) {
    const raw = values[metric]?.count?.value;
    if (raw !== undefined && raw !== null && raw !== "") counts[metric as Metric] = Number(raw);
  }
  return counts;
}
