import { renderChart } from "../charts/render-png.js";
import { trendChartSvg } from "../charts/trend-chart.js";
import { addDays, earlierDay, isoWeekOf, isoWeekRange, monthRange } from "../core/calendar.js";
import { rankLeaderboard } from "../core/coaching.js";
import type { FunnelPeriod, Who } from "../core/commands.js";
import { teamReps } from "../core/figures.js";
import { analyzeFunnel } from "../core/funnel.js";
import type { Reply } from "../core/reply.js";
import type { TeamMember } from "../core/team.js";
import { monthLabel, rangeLabel, weekdayDate } from "../core/views/dates.js";
import { leaderboardView } from "../core/views/leaderboard.js";
import { repFunnelView } from "../core/views/rep-funnel.js";
import { type RosterInput, rosterView } from "../core/views/roster.js";
import { fromFirstActiveWeek, type TrendWeek, trendView } from "../core/views/trend.js";
import type { RequestContext } from "./context.js";
import { loadTeamFigures } from "./figures.js";
import type { Store } from "./ports.js";
import { funnelRange } from "./summaries.js";
import { workingCalendar } from "./working-days.js";

/** Whose figures were asked for: a mention or "me" as typed, or the author of the message replied to. */
export type RepAsked = Who | { externalId: string };

/**
 * Marks an answer about individual reps as the asker's alone, unless the team shares figures among reps: a
 * manager asking in a Telegram group gets it in private.
 */
export function forAskerOnly(ctx: RequestContext, reply: Reply): Reply {
  if (ctx.team.repVisibility === "team" || reply.tone === "error") return reply;
  return {
    ...reply,
    privately: { sent: ctx.t.coach.sentPrivately, unreachable: ctx.t.coach.startPrivateChat },
  };
}

/** "Budi Santoso" → "budisantoso": how a name typed after an @ is compared. */
const squash = (name: string) =>
  name
    .normalize("NFKD")
    .replace(/[^\p{L}\p{N}]/gu, "")
    .toLowerCase();

/**
 * The team member a mention names: a Slack user id, a Telegram @username, the display name written together
 * ("@budisantoso"), or a first name when only one member has it. Null when nobody on the team matches.
 */
export function findMentioned(members: readonly TeamMember[], mention: string): TeamMember | null {
  const wanted = mention.toLowerCase();
  const exact =
    members.find((m) => m.externalId.toLowerCase() === wanted) ??
    members.find((m) => m.handle === wanted) ??
    members.find((m) => squash(m.displayName) === squash(mention));
  if (exact) return exact;
  const byFirstName = members.filter((m) => squash(m.displayName.split(/\s+/)[0] ?? "") === squash(mention));
  return byFirstName.length === 1 ? (byFirstName[0] ?? null) : null;
}

/** The member a command names, among the team's; undefined when nobody on the team is meant. */
export function memberAsked(
  members: readonly TeamMember[],
  asked: RepAsked,
  askerId: number,
): TeamMember | undefined {
  if ("me" in asked) return members.find((m) => m.id === askerId);
  if ("externalId" in asked) return members.find((m) => m.externalId === asked.externalId);
  return findMentioned(members, asked.mention) ?? undefined;
}

/** "@nobody is not on this team", naming the person as they were asked for. */
export function notOnTeam(ctx: RequestContext, asked: RepAsked): Reply {
  const named = "mention" in asked ? `@${asked.mention}` : ctx.t.coach.thatPerson;
  return { tone: "error", lines: [ctx.t.coach.notOnTeam(named)] };
}

/**
 * The rep a command is about, if the asker may see them: anyone for a manager; for a rep, themselves, and others
 * only where the team shares figures (`settings visibility team`).
 */
async function resolveRep(
  store: Store,
  ctx: RequestContext,
  asked: RepAsked,
): Promise<{ member: TeamMember } | { reply: Reply }> {
  const member = memberAsked(await store.listTeamMembers(ctx.team.id), asked, ctx.member.id);
  if (!member) return { reply: notOnTeam(ctx, asked) };
  const own = member.id === ctx.member.id;
  if (!own && ctx.role !== "manager" && ctx.team.repVisibility !== "team") {
    return { reply: { tone: "error", lines: [ctx.t.coach.othersPrivate(ctx.commandPrefix)] } };
  }
  return { member };
}

/**
 * One rep's funnel beside the team's over the same period: the same figures, read once, so the rep's row is
 * exactly their share of the team's totals.
 */
export async function repFunnel(
  store: Store,
  ctx: RequestContext,
  period: FunnelPeriod,
  asked: RepAsked,
): Promise<Reply> {
  const resolved = await resolveRep(store, ctx, asked);
  if ("reply" in resolved) return resolved.reply;
  const { member } = resolved;
  const range = funnelRange(period, ctx.today);
  const figures = await loadTeamFigures(store, ctx.team, range, ctx.today);
  const label = ctx.t.funnelPeriodLabel(
    period,
    isoWeekOf(ctx.today).week,
    rangeLabel(ctx.t, range),
    monthLabel(ctx.t, ctx.today),
  );
  const reply = repFunnelView(ctx.t, {
    title: ctx.t.coach.repFunnelTitle(member.displayName, label),
    name: member.displayName,
    rep: analyzeFunnel(figures.rep(member.id).counts),
    team: analyzeFunnel(figures.totals),
    helpCommand: `${ctx.commandPrefix}help`,
  });
  return member.id === ctx.member.id ? reply : forAskerOnly(ctx, reply);
}

/** Today per rep — reported, off, or not yet — and whether today is a working day at all. */
export async function todayRoster(
  store: Store,
  ctx: RequestContext,
): Promise<Pick<RosterInput, "workingDay" | "today">> {
  const day = { start: ctx.today, end: ctx.today };
  const [members, today, calendar] = await Promise.all([
    store.listTeamMembers(ctx.team.id),
    loadTeamFigures(store, ctx.team, day, ctx.today),
    workingCalendar(store, ctx.team, day),
  ]);
  const workingDay = calendar.days.includes(ctx.today);
  return {
    workingDay,
    today: teamReps(today, members).map((r) => ({ ...r, off: workingDay && r.expectedDays === 0 })),
  };
}

/** Today's roster for a manager: who reported (visits against quota), who is off, who has not, and the week's pace. */
export async function teamRoster(store: Store, ctx: RequestContext): Promise<Reply> {
  if (ctx.role !== "manager") return { tone: "error", lines: [ctx.t.coach.managersOnlyRoster] };
  const [members, today, week] = await Promise.all([
    store.listTeamMembers(ctx.team.id),
    todayRoster(store, ctx),
    // The pace over the working days already past, as the manager's alert counts it: today is still being worked.
    loadTeamFigures(store, ctx.team, isoWeekRange(ctx.today), addDays(ctx.today, -1)),
  ]);
  return forAskerOnly(
    ctx,
    rosterView(ctx.t, {
      teamName: ctx.team.name,
      day: weekdayDate(ctx.t, ctx.today),
      ...today,
      week: teamReps(week, members),
    }),
  );
}

/** Reps ranked by visit quota attainment over this week or this month so far. */
export async function leaderboard(
  store: Store,
  ctx: RequestContext,
  period: "week" | "month",
): Promise<Reply> {
  if (ctx.role !== "manager" && ctx.team.repVisibility !== "team") {
    return { tone: "error", lines: [ctx.t.coach.leaderboardPrivate(ctx.commandPrefix)] };
  }
  const range = period === "month" ? monthRange(ctx.today) : isoWeekRange(ctx.today);
  const [members, figures] = await Promise.all([
    store.listTeamMembers(ctx.team.id),
    loadTeamFigures(store, ctx.team, range, ctx.today),
  ]);
  const label =
    period === "month"
      ? monthLabel(ctx.t, ctx.today)
      : ctx.t.funnelPeriodLabel("week", isoWeekOf(ctx.today).week, rangeLabel(ctx.t, range), "");
  return forAskerOnly(
    ctx,
    leaderboardView(ctx.t, {
      title: ctx.t.coach.leaderboardTitle(ctx.team.name, label),
      rows: rankLeaderboard(teamReps(figures, members)),
    }),
  );
}

/**
 * The team's last `weeks` ISO weeks, this one so far included: visits against everyone's quota, leads, and the
 * funnel's ratio — as a table and a chart.
 */
export async function trendWeeks(
  store: Store,
  ctx: RequestContext,
  weeks: number,
  /** A day of the last week shown: this week unless the dashboard asks for an earlier stretch. */
  through = ctx.today,
): Promise<TrendWeek[]> {
  const members = await store.listTeamMembers(ctx.team.id);
  const thisWeek = isoWeekRange(through);
  const starts = Array.from({ length: weeks }, (_, i) => addDays(thisWeek.start, -7 * (weeks - 1 - i)));
  return Promise.all(
    starts.map(async (start) => {
      const range = { start, end: addDays(start, 6) };
      const figures = await loadTeamFigures(store, ctx.team, range, earlierDay(range.end, ctx.today));
      return {
        week: isoWeekOf(start).week,
        range,
        counts: figures.totals,
        expectedVisits: teamReps(figures, members).reduce((sum, r) => sum + r.expected.visits, 0),
        analysis: analyzeFunnel(figures.totals),
      };
    }),
  );
}

export async function trend(store: Store, ctx: RequestContext, weeks: 8 | 12): Promise<Reply> {
  const rows = fromFirstActiveWeek(await trendWeeks(store, ctx, weeks));
  const title = ctx.t.coach.trendTitle(ctx.team.name, weeks);
  const thisWeek = isoWeekRange(ctx.today);
  const range = { start: addDays(thisWeek.start, -7 * (rows.length - 1)), end: thisWeek.end };
  const hasActivity = rows.some((w) => w.analysis.hasData || w.counts.visits > 0);
  const image = hasActivity
    ? {
        png: await renderChart(
          trendChartSvg(ctx.t, {
            title: ctx.t.coach.trendChartTitle(ctx.team.name, weeks),
            subtitle: rangeLabel(ctx.t, range),
            weeks: rows,
          }),
        ),
        fileName: `corong-trend-${ctx.today}.png`,
        title,
      }
    : undefined;
  return trendView(ctx.t, { title, weeks: rows, ...(image ? { image } : {}) });
}
