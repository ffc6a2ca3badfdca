import type { Reply } from "../reply.js";
import type { Texts } from "../texts/index.js";
import { reportButtons } from "./report.js";

/** The 16:00 reminder to a rep who has not reported: one tap (or one line) away from a report. */
export function reminderView(t: Texts, name: string): Reply {
  const example = t.locale === "id" ? "ketemu 3 klien, 2 follow up" : "met 3 clients, 2 follow-ups";
  return {
    tone: "info",
    lines: [t.reminder(name, example)],
    buttons: [
      { action: "report:form", label: t.reportButton },
      ...reportButtons(t).filter((b) => b.action !== "undo"),
    ],
  };
}

/** The 13:00 nudge to a rep below the daily visit quota. */
export function nudgeView(t: Texts, done: number, quota: number): Reply {
  return {
    tone: "info",
    lines: [t.nudge(done, quota)],
    buttons: reportButtons(t).filter((b) => b.action !== "undo"),
  };
}
