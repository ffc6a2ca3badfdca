import { type AlertFinding, habitToWorkOn } from "../coaching.js";
import type { RepFigures } from "../figures.js";
import { analyzeFunnel } from "../funnel.js";
import type { Metric } from "../metrics.js";
import type { Reply } from "../reply.js";
import type { Texts } from "../texts/index.js";
import { metricName } from "../texts/metric-words.js";
import { ratioText } from "./funnel.js";
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

/** The manager's alert: each rep who needs a hand, with one thing to do about it. */
export function alertView(t: Texts, teamName: string, findings: readonly AlertFinding[]): Reply {
  const lines: string[] = [];
  for (const f of findings) {
    if (f.behind) lines.push(t.coach.alertBehind(f.name, f.behind.visits, f.behind.expected, f.behind.pace));
    if (f.leak) lines.push(t.coach.alertLeak(f.name, f.leak));
  }
  return { tone: "info", title: t.coach.alertTitle(teamName, findings.length), lines };
}

/** A rep's week against every quota — the two daily ones added up, the two weekly ones — their funnel, one habit. */
export function recapView(t: Texts, rep: RepFigures): Reply {
  const analysis = analyzeFunnel(rep.counts);
  const quotas: Array<[Metric, number]> = [
    ["visits", rep.expected.visits],
    ["followUps", rep.expected.followUps],
    ["relationshipContacts", rep.weekly.relationshipContacts],
    ["referralsAsked", rep.weekly.referralsAsked],
  ];
  return {
    tone: "info",
    title: t.coach.recapTitle(rep.displayName),
    lines: [
      t.coach.recapWeek(
        quotas
          .filter(([, quota]) => quota > 0)
          .map(([metric, quota]) => `${metricName(t.locale, metric)} ${rep.counts[metric]}/${quota}`)
          .join(" · "),
      ),
      ...(analysis.hasData ? [t.coach.recapFunnel(ratioText(t, analysis), analysis.weakest)] : []),
      t.coach.recapHabit(habitToWorkOn(rep)),
    ],
  };
}

/** Existing clients met over the fortnight, none asked for a referral. */
export function referralNudgeView(t: Texts, contacts: number): Reply {
  return { tone: "info", lines: [t.coach.referralNudge(contacts)] };
}
