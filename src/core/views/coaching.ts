import type { Reply } from "../reply.js";
import type { Texts } from "../texts/index.js";
import { quickAddButtons } from "./report.js";

/** The 16:00 reminder to a rep who has not reported: one tap (or one line) away from a report. */
export function reminderView(t: Texts, name: string): Reply {
  return {
    tone: "info",
    lines: [t.reminder(name, t.reportExample)],
    buttons: [{ action: "report:form", label: t.reportButton }, ...quickAddButtons(t)],
  };
}

/** The 13:00 nudge to a rep below the daily visit quota. */
export function nudgeView(t: Texts, done: number, quota: number): Reply {
  return {
    tone: "info",
    lines: [t.nudge(done, quota)],
    buttons: quickAddButtons(t),
  };
}
