import { isLocale, type Locale } from "../core/locale.js";
import { METRICS, type PartialCounts } from "../core/metrics.js";
import type { Member, Report, Role, Team } from "../core/team.js";
import type { MemberRow, ReportRow, TeamRow } from "./schema.js";

/** Rows become domain objects here and nowhere else. */

export function toTeam(row: TeamRow): Team {
  return {
    id: Number(row.id),
    workspaceId: Number(row.workspaceId),
    externalId: row.externalId,
    name: row.name,
    timezone: row.timezone,
    locale: toLocale(row.locale) ?? "en",
    workingDays: row.workingDays
      .split(",")
      .filter((d) => d !== "")
      .map(Number),
    quota: { visits: Number(row.quotaVisits), followUps: Number(row.quotaFollowUps) },
    reminderTime: row.reminderTime,
    nudgeTime: row.nudgeTime,
    digestTime: row.digestTime,
    monthlyTarget: row.monthlyTarget === null ? null : Number(row.monthlyTarget),
    country: row.country ?? null,
    repVisibility: row.repVisibility === "team" ? "team" : "private",
    alertDay: Number(row.alertDay ?? 3),
    alertTime: row.alertTime ?? "12:00",
    recapDay: Number(row.recapDay ?? 5),
    recapTime: row.recapTime ?? "15:00",
  };
}

export function toMember(row: MemberRow): Member {
  return {
    id: Number(row.id),
    workspaceId: Number(row.workspaceId),
    externalId: row.externalId,
    displayName: row.displayName,
    locale: toLocale(row.locale),
    lastLocale: toLocale(row.lastLocale ?? null),
    handle: row.handle ?? null,
    defaultTeamId: row.defaultTeamId === null ? null : Number(row.defaultTeamId),
  };
}

export function toReport(row: ReportRow): Report {
  const counts: PartialCounts = {};
  for (const metric of METRICS) {
    const value = row[metric];
    if (value !== null && value !== undefined) counts[metric] = Number(value);
  }
  return {
    id: Number(row.id),
    teamId: Number(row.teamId),
    memberId: Number(row.memberId),
    day: row.day,
    counts,
    sourceText: row.sourceText,
    messageId: row.messageId,
    createdAt: row.createdAt,
    undoneAt: row.undoneAt,
    revisedAt: row.revisedAt ?? null,
  };
}

/** Metric columns for an insert or update: null where the report did not mention the metric. */
export function metricColumns(counts: PartialCounts): Record<(typeof METRICS)[number], number | null> {
  const columns = {} as Record<(typeof METRICS)[number], number | null>;
  for (const metric of METRICS) columns[metric] = counts[metric] ?? null;
  return columns;
}

export function toRole(value: string): Role {
  return value === "manager" ? "manager" : "rep";
}

function toLocale(value: string | null): Locale | null {
  return value !== null && isLocale(value) ? value : null;
}
