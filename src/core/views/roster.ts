import { behindPace, paceOf } from "../coaching.js";
import type { RepFigures } from "../figures.js";
import type { Reply } from "../reply.js";
import type { Texts } from "../texts/index.js";

export interface RosterInput {
  teamName: string;
  /** "Wed 2 Dec". */
  day: string;
  /** False on a weekend or a holiday: nobody is missing then. */
  workingDay: boolean;
  /** Today's figures per rep, with whether they are off today. */
  today: Array<RepFigures & { off: boolean }>;
  /** This week so far, per rep. */
  week: RepFigures[];
}

/** Who reported today (visits against quota), who is off, who has not — and who is behind the week's pace. */
export function rosterView(t: Texts, input: RosterInput): Reply {
  if (input.today.length === 0) return { tone: "info", title: input.teamName, lines: [t.coach.rosterEmpty] };
  const reported = input.today
    .filter((r) => r.daysReported > 0)
    .sort((a, b) => b.counts.visits - a.counts.visits || a.displayName.localeCompare(b.displayName));
  const off = input.today.filter((r) => r.daysReported === 0 && r.off);
  const missing = input.workingDay ? input.today.filter((r) => r.daysReported === 0 && !r.off) : [];
  const lines: string[] = input.workingDay ? [] : [t.coach.rosterNotWorkingDay];
  if (reported.length > 0) {
    lines.push(
      t.coach.rosterReported(
        reported
          .map(
            (r) =>
              `${r.displayName} ${r.counts.visits}${r.expected.visits > 0 ? `/${r.expected.visits}` : ""}`,
          )
          .join(" · "),
      ),
    );
  }
  if (off.length > 0) lines.push(t.coach.rosterOff(off.map((r) => r.displayName).join(", ")));
  if (missing.length > 0) lines.push(t.coach.rosterMissing(missing.map((r) => r.displayName).join(", ")));
  const behind = behindPace(input.week);
  lines.push(
    behind.length > 0
      ? t.coach.rosterBehind(
          behind.map((r) => `${r.displayName} ${Math.round((paceOf(r) ?? 0) * 100)}%`).join(", "),
        )
      : t.coach.rosterOnPace,
  );
  return {
    tone: "info",
    title: t.coach.rosterTitle(input.teamName, input.day, reported.length, input.today.length),
    lines,
  };
}
