import { isoWeekday, type LocalDate } from "../core/calendar.js";
import type { Reply } from "../core/reply.js";
import type { DaysOffSpec, SettingChange } from "../core/settings-commands.js";
import { MAX_DAYS_OFF, resolveDaysOff } from "../core/settings-commands.js";
import { rangeLabel, shortDate } from "../core/views/dates.js";
import type { RequestContext } from "./context.js";
import { countryForTimeZone, isKnownCountry } from "./holidays.js";
import type { Store } from "./ports.js";

function dayNames(ctx: RequestContext, days: readonly number[]): string {
  const names = ctx.t.weekdaysShort;
  const sorted = [...days].sort();
  const contiguous = sorted.every((d, i) => i === 0 || d === (sorted[i - 1] ?? 0) + 1);
  if (contiguous && sorted.length > 2)
    return `${names[(sorted[0] ?? 1) - 1]}–${names[(sorted.at(-1) ?? 1) - 1]}`;
  return sorted.map((d) => names[d - 1]).join(", ");
}

/** The team's schedule and quotas, for anyone on the team. */
export function showSettings(ctx: RequestContext): Reply {
  const team = ctx.team;
  return {
    tone: "info",
    lines: ctx.t.settingsView({
      reminder: team.reminderTime,
      nudge: team.nudgeTime,
      digest: team.digestTime,
      days: dayNames(ctx, team.workingDays),
      quota: `${team.quota.visits} / ${team.quota.followUps}`,
      country: team.country ?? countryForTimeZone(team.timezone) ?? "—",
      timeZone: team.timezone,
    }),
  };
}

/** Changes one schedule setting (managers only). */
export async function changeSetting(
  store: Store,
  ctx: RequestContext,
  change: SettingChange,
): Promise<Reply> {
  if (ctx.role !== "manager") return { tone: "error", lines: [ctx.t.managersOnly("settings")] };
  switch (change.field) {
    case "holiday":
      await store.addTeamHoliday(ctx.team.id, change.value, null);
      return { tone: "success", lines: [ctx.t.settingSaved("holiday", change.value)] };
    case "country":
      if (!isKnownCountry(change.value))
        return { tone: "error", lines: [ctx.t.unknownCountry(change.value)] };
      await store.updateTeam(ctx.team.id, { country: change.value });
      return { tone: "success", lines: [ctx.t.settingSaved("country", change.value)] };
    case "workingDays":
      await store.updateTeam(ctx.team.id, { workingDays: change.value });
      return { tone: "success", lines: [ctx.t.settingSaved("workingDays", dayNames(ctx, change.value))] };
    default:
      await store.updateTeam(ctx.team.id, { [change.field]: change.value });
      return { tone: "success", lines: [ctx.t.settingSaved(change.field, change.value)] };
  }
}

/** Marks the rep's days off: no reminders or nudges then, and they do not count against quota. */
export async function markDaysOff(store: Store, ctx: RequestContext, spec: DaysOffSpec): Promise<Reply> {
  const days = resolveDaysOff(spec, ctx.today);
  if (!days) return { tone: "error", lines: [ctx.t.tooManyDaysOff(MAX_DAYS_OFF)] };
  if ((days[0] ?? ctx.today) < ctx.today) return { tone: "error", lines: [ctx.t.daysOffInPast] };
  await store.addDaysOff(ctx.team.id, ctx.member.id, days, new Date(ctx.now).toISOString());
  const first = days[0] as LocalDate;
  const last = days.at(-1) as LocalDate;
  const working = days.filter((d) => ctx.team.workingDays.includes(isoWeekday(d))).length;
  return {
    tone: "success",
    lines: [
      ctx.t.daysOffSaved(
        first === last ? shortDate(ctx.t, first) : rangeLabel(ctx.t, { start: first, end: last }),
        working,
      ),
    ],
  };
}
