import { type DateRange, partitionRanges, piecesOf, spanOf } from "../core/calendar.js";
import { METRICS } from "../core/metrics.js";
import type { SettingChange } from "../core/setting-history.js";
import type { MemberTotals, TeamMember } from "../core/team.js";
import type { FigureReads, PeriodQuery, Store } from "./ports.js";

interface TeamReads {
  members: TeamMember[];
  history: SettingChange[];
  holidays: string[];
  daysOff: Array<{ memberId: number; day: string }>;
  /** Per piece, the members' sums. */
  sums: MemberTotals[][];
  /** Each member's place in the store's order of members (name, then id). */
  rank: Map<number, number>;
  checkIns: number[];
}

/**
 * The reads behind the figures of many teams over the same periods, done ahead: six queries for all of them, one
 * pass over the reports, instead of a handful per team and period. What it answers is what the store would: the
 * same sums, added up from the pieces the periods cut the days into, so every figure still comes out of
 * `loadTeamFigures`. A question outside what was read ahead goes to the store.
 */
export async function readAhead(
  store: Store,
  teamIds: readonly number[],
  periods: readonly DateRange[],
): Promise<FigureReads> {
  const pieces = partitionRanges(periods);
  const span = spanOf(pieces) ?? { start: "", end: "" };
  const [sums, checkIns, members, history, holidays, daysOff] = await Promise.all([
    store.sumCountsByTeamMemberPiece(teamIds, pieces),
    store.countCheckInsByTeamPiece(teamIds, pieces),
    store.listMembersOfTeams(teamIds),
    store.listSettingHistoryOfTeams(teamIds),
    store.listHolidaysOfTeams(teamIds, span),
    store.listDaysOffOfTeams(teamIds, span),
  ]);
  const teams = new Map<number, TeamReads>(
    teamIds.map((id) => [
      id,
      {
        members: [],
        history: [],
        holidays: [],
        daysOff: [],
        sums: pieces.map(() => []),
        rank: new Map(),
        checkIns: pieces.map(() => 0),
      },
    ]),
  );
  const of = (teamId: number) => teams.get(teamId);
  // The rows come in the store's member order, so a member's first row gives their place.
  for (const { teamId, piece, ...totals } of sums) {
    const team = of(teamId);
    if (!team) continue;
    team.sums[piece]?.push(totals);
    if (!team.rank.has(totals.memberId)) team.rank.set(totals.memberId, team.rank.size);
  }
  for (const { teamId, piece, checkIns: n } of checkIns) {
    const team = of(teamId);
    if (team) team.checkIns[piece] = n;
  }
  for (const { teamId, ...member } of members) of(teamId)?.members.push(member);
  for (const { teamId, ...change } of history) of(teamId)?.history.push(change);
  for (const { teamId, day } of holidays) of(teamId)?.holidays.push(day);
  for (const { teamId, ...off } of daysOff) of(teamId)?.daysOff.push(off);

  const within = (range: DateRange) => range.start >= span.start && range.end <= span.end;
  return {
    async sumCountsByMember(teamId, range, memberId) {
      const team = of(teamId);
      const parts = piecesOf(range, pieces);
      if (!team || !parts || memberId !== undefined) return store.sumCountsByMember(teamId, range, memberId);
      return addUp(
        parts.map((i) => team.sums[i] ?? []),
        team.rank,
      );
    },
    async countCheckIns(query: PeriodQuery) {
      const team = of(query.teamId);
      const parts = piecesOf(query.range, pieces);
      if (!team || !parts || query.memberId !== undefined) return store.countCheckIns(query);
      return parts.reduce((n, i) => n + (team.checkIns[i] ?? 0), 0);
    },
    async listTeamMembers(teamId) {
      const team = of(teamId);
      return team ? [...team.members] : store.listTeamMembers(teamId);
    },
    async listSettingHistory(teamId) {
      const team = of(teamId);
      return team ? [...team.history] : store.listSettingHistory(teamId);
    },
    async listTeamHolidays(teamId, range) {
      const team = of(teamId);
      if (!team || !within(range)) return store.listTeamHolidays(teamId, range);
      return team.holidays.filter((day) => day >= range.start && day <= range.end);
    },
    async listDaysOff(teamId, range) {
      const team = of(teamId);
      if (!team || !within(range)) return store.listDaysOff(teamId, range);
      return team.daysOff.filter((off) => off.day >= range.start && off.day <= range.end);
    },
  };
}

/**
 * One member list from the lists of consecutive pieces: sums and days add up (a day lies in one piece only), the
 * first day is the earliest. Members come in `rank` order: the store's order (name, then id), as one read gives.
 */
function addUp(
  lists: ReadonlyArray<readonly MemberTotals[]>,
  rank: ReadonlyMap<number, number>,
): MemberTotals[] {
  const byMember = new Map<number, MemberTotals>();
  for (const list of lists) {
    for (const row of list) {
      const seen = byMember.get(row.memberId);
      if (!seen) {
        byMember.set(row.memberId, { ...row, counts: { ...row.counts } });
        continue;
      }
      seen.daysReported += row.daysReported;
      for (const metric of METRICS) seen.counts[metric] += row.counts[metric];
      if (row.firstDay && (!seen.firstDay || row.firstDay < seen.firstDay)) seen.firstDay = row.firstDay;
    }
  }
  const place = (t: MemberTotals) => rank.get(t.memberId) ?? 0;
  return [...byMember.values()].sort((a, b) => place(a) - place(b));
}
