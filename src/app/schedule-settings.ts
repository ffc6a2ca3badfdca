import { addDays, type DateRange, isoWeekday } from "../core/calendar.js";
import type { Reply } from "../core/reply.js";
import type { DaysOffSpec, SettingChange } from "../core/settings-commands.js";
import { DAYS_OFF_LOOKAHEAD, DAYS_OFF_LOOKBACK, planDaysOff } from "../core/settings-commands.js";
import { rangeLabel, shortDate } from "../core/views/dates.js";
import type { RequestContext } from "./context.js";
import { countryForTimeZone, isKnownCountry, teamHolidays } from "./holidays.js";
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
      alert: `${ctx.t.weekdaysShort[team.alertDay - 1]} ${team.alertTime}`,
      recap: `${ctx.t.weekdaysShort[team.recapDay - 1]} ${team.recapTime}`,
      visibility: team.repVisibility,
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
    case "repVisibility":
      await store.updateTeam(ctx.team.id, { repVisibility: change.value });
      return { tone: "success", lines: [ctx.t.coach.visibilitySaved(change.value === "team")] };
    case "alert":
    case "recap": {
      const patch =
        change.field === "alert"
          ? { alertDay: change.day, alertTime: change.time }
          : { recapDay: change.day, recapTime: change.time };
      await store.updateTeam(ctx.team.id, patch);
      const day = ctx.t.weekdaysShort[change.day - 1] ?? "";
      return { tone: "success", lines: [ctx.t.coach.coachingTimeSaved(change.field, day, change.time)] };
    }
    case "workingDays":
      await store.updateTeam(ctx.team.id, { workingDays: change.value });
      return { tone: "success", lines: [ctx.t.settingSaved("workingDays", dayNames(ctx, change.value))] };
    default:
      await store.updateTeam(ctx.team.id, { [change.field]: change.value });
      return { tone: "success", lines: [ctx.t.settingSaved(change.field, change.value)] };
  }
}

/**
 * Marks the rep's days off: no reminders or nudges then, and they do not count against quota. Only working days
 * are marked (weekends and holidays are off already), up to a week back so a missed day can be excused.
 */
export async function markDaysOff(store: Store, ctx: RequestContext, spec: DaysOffSpec): Promise<Reply> {
  // Holidays within the longest range that can be marked, so the plan can tell working days from the rest.
  const window = {
    start: addDays(ctx.today, -DAYS_OFF_LOOKBACK),
    end: addDays(ctx.today, DAYS_OFF_LOOKAHEAD),
  };
  const holidays = await teamHolidays(store, ctx.team, window);
  const plan = planDaysOff(
    spec,
    ctx.today,
    (day) => ctx.team.workingDays.includes(isoWeekday(day)) && !holidays.has(day),
  );
  const label = (range: DateRange) =>
    range.start === range.end ? shortDate(ctx.t, range.start) : rangeLabel(ctx.t, range);
  if (!plan.ok) {
    const what = plan.reason === "not_a_date" ? plan.range.start : label(plan.range);
    return { tone: "error", lines: [ctx.t.daysOffRefused(plan.reason, what)] };
  }
  await store.addDaysOff(ctx.team.id, ctx.member.id, plan.days, new Date(ctx.now).toISOString());
  // A few days are named one by one, so a holiday or a weekend left out in the middle is plain to see.
  const named =
    plan.days.length <= 4 ? plan.days.map((d) => shortDate(ctx.t, d)).join(", ") : label(plan.range);
  return { tone: "success", lines: [ctx.t.daysOffSaved(named, plan.days.length)] };
}
