import Holidays from "date-holidays";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Bot, createBot } from "../../src/app/bot.js";
import { buildDigest, digestPeriods } from "../../src/app/digests.js";
import { readAhead } from "../../src/app/figure-batch.js";
import { loadTeamFigures } from "../../src/app/figures.js";
import { silentLogger } from "../../src/app/logger.js";
import { monthPlanAsOf } from "../../src/app/plans.js";
import type { Store } from "../../src/app/ports.js";
import { funnelRange } from "../../src/app/summaries.js";
import { planFunnel } from "../../src/core/funnel.js";
import { type Counts, emptyCounts, METRICS, type PartialCounts } from "../../src/core/metrics.js";
import { replyToText } from "../../src/core/reply.js";
import type { Team } from "../../src/core/team.js";
import { formatCounts } from "../../src/core/texts/metric-words.js";
import { createStore } from "../../src/db/store.js";
import { DIALECTS, type TestDatabase } from "../support/databases.js";

/**
 * Six weeks of a team's life as random streams of reports, edits, undos, days off, quota and target changes, sent
 * through the bot in time order; then every view's figures for every week are checked against a computation
 * written here from the same events, independently of src/app and src/db.
 */

const FIRST = "2026-11-16"; // a Monday
const WEEKS = 6;
const REPS = ["ayu", "budi", "citra", "dedi"];
const TEAM_HOLIDAY = "2026-12-04";

// ---- calendar helpers, written for the oracle alone
const DAY_MS = 86_400_000;
const toMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
const addDays = (day: string, n: number) => new Date(toMs(day) + n * DAY_MS).toISOString().slice(0, 10);
const weekday = (day: string) => ((new Date(toMs(day)).getUTCDay() + 6) % 7) + 1; // 1 = Monday
const daysBetween = (start: string, end: string) => {
  const out: string[] = [];
  for (let d = start; d <= end; d = addDays(d, 1)) out.push(d);
  return out;
};
const monthOf = (day: string) => {
  const start = `${day.slice(0, 7)}-01`;
  const next = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)), 1));
  return { start, end: addDays(next.toISOString().slice(0, 10), -1) };
};
/** 10:00 team-local (Jakarta, UTC+7) on `day`, plus `minutes`. */
const at = (day: string, minutes = 0) => Date.parse(`${day}T10:00:00+07:00`) + minutes * 60_000;

function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// ---- what happened, as the oracle keeps it
interface OracleReport {
  rep: string;
  day: string;
  counts: PartialCounts;
  active: boolean;
  order: number;
}

class Oracle {
  reports = new Map<string, OracleReport>();
  daysOff = new Set<string>();
  quota: Array<{ from: string; visits?: number; followUps?: number }> = [
    { from: "0000", visits: 5, followUps: 3 },
  ];
  targets: Array<{ from: string; value: number | null }> = [];
  private order = 0;
  private publicHolidays = new Set(
    new Holidays("ID")
      .getHolidays(2026)
      .filter((h) => h.type === "public")
      .map((h) => h.date.slice(0, 10)),
  );

  report(id: string, rep: string, day: string, counts: PartialCounts) {
    const known = this.reports.get(id);
    if (known) {
      known.counts = counts;
      known.active = true;
    } else this.reports.set(id, { rep, day, counts, active: true, order: this.order++ });
  }

  undo(rep: string) {
    const last = [...this.reports.values()]
      .filter((r) => r.rep === rep && r.active)
      .sort((a, b) => b.order - a.order)[0];
    if (last) last.active = false;
  }

  isWorkingDay(day: string) {
    return weekday(day) <= 5 && !this.publicHolidays.has(day) && day !== TEAM_HOLIDAY;
  }

  quotaOn(day: string) {
    let visits = 5;
    let followUps = 3;
    for (const q of [...this.quota].sort((a, b) => (a.from < b.from ? -1 : 1))) {
      if (q.from > day) break;
      if (q.visits !== undefined) visits = q.visits;
      if (q.followUps !== undefined) followUps = q.followUps;
    }
    return { visits, followUps };
  }

  targetOn(day: string): number | null {
    let value: number | null = null;
    for (const t of [...this.targets].sort((a, b) => (a.from < b.from ? -1 : 1)))
      if (t.from <= day) value = t.value;
    return value;
  }

  counts(range: { start: string; end: string }, rep?: string): Counts {
    const total = emptyCounts();
    for (const r of this.reports.values()) {
      if (!r.active || r.day < range.start || r.day > range.end || (rep && r.rep !== rep)) continue;
      for (const m of METRICS) total[m] += r.counts[m] ?? 0;
    }
    return total;
  }

  rep(rep: string, range: { start: string; end: string }, asOf: string) {
    const days = daysBetween(range.start, range.end).filter(
      (d) => d <= asOf && this.isWorkingDay(d) && !this.daysOff.has(`${rep}:${d}`),
    );
    const reported = new Set(
      [...this.reports.values()]
        .filter((r) => r.active && r.rep === rep && r.day >= range.start && r.day <= range.end)
        .map((r) => r.day),
    );
    const expected = { visits: 0, followUps: 0 };
    for (const d of days) {
      const q = this.quotaOn(d);
      expected.visits += q.visits;
      expected.followUps += q.followUps;
    }
    return {
      counts: this.counts(range, rep),
      daysReported: reported.size,
      expectedDays: days.length,
      expected,
    };
  }

  plan(today: string) {
    const month = monthOf(today);
    const target = this.targetOn(today);
    if (target === null || target === 0) return null;
    const closedSoFar = this.counts({ start: month.start, end: today }).closed;
    const history = this.counts({ start: addDays(today, -83), end: today });
    const left = daysBetween(today, month.end).filter((d) => this.isWorkingDay(d)).length;
    return { target, closedSoFar, plan: planFunnel(Math.max(0, target - closedSoFar), history, left) };
  }
}

describe.each(DIALECTS)("every figure against an independent computation, on $name", (dialect) => {
  let database: TestDatabase;
  let store: Store;
  let bot: Bot;
  let team: Team;
  const ids = new Map<string, number>();

  beforeEach(async () => {
    database = await dialect.create();
    store = createStore(database.connection.db);
    bot = createBot({ store, logger: silentLogger, defaults: { timeZone: "Asia/Jakarta", locale: "en" } });
    const created = new Date(at(FIRST, -60 * 24 * 7)).toISOString();
    const workspaceId = await store.ensureWorkspace("slack", "T1", "Acme", created);
    team = await store.createTeam(
      { workspaceId, externalId: "C1", name: "Sales JKT", timezone: "Asia/Jakarta", locale: "en" },
      created,
    );
    const maya = await store.ensureMember(workspaceId, "maya", "Maya", created);
    await store.setRole(team.id, maya.id, "manager", created);
    for (const rep of REPS) {
      const member = await store.ensureMember(workspaceId, rep, rep, created);
      await store.joinTeam(team.id, member.id, created);
      ids.set(rep, member.id);
    }
  });
  afterEach(async () => {
    await database.drop();
  });

  const send = (
    user: string,
    text: string,
    receivedAt: number,
    extra: { messageId?: string; sentAt?: number } = {},
  ) =>
    bot
      .handle({
        platform: "slack",
        workspace: { externalId: "T1" },
        team: { externalId: "C1" },
        user: { externalId: user, displayName: user },
        text,
        via: "command",
        receivedAt,
        ...extra,
      })
      .then(replyToText);

  it.each([20261201, 7])(
    "six weeks from seed %i",
    async (seed) => {
      const rand = random(seed);
      const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)] as T;
      const oracle = new Oracle();
      const randomCounts = (): PartialCounts => {
        const counts: PartialCounts = { visits: Math.floor(rand() * 8) + 1 };
        const limits: Array<[keyof Counts, number]> = [
          ["followUps", 5],
          ["relationshipContacts", 3],
          ["referralsAsked", 3],
          ["referralsReceived", 2],
          ["leads", 5],
          ["prospects", 4],
          ["potential", 3],
          ["closeable", 2],
          ["closed", 2],
        ];
        for (const [metric, max] of limits) if (rand() < 0.5) counts[metric] = Math.floor(rand() * max);
        return counts;
      };
      let n = 0;
      // Events are generated day by day, then sent in the order of their instants: a report sent the next evening
      // ("yesterday ...") comes after that next morning's.
      const events: Array<{ time: number; run: () => Promise<void> }> = [];
      const later = (time: number, run: () => Promise<void>) => events.push({ time, run });
      later(at(FIRST, -60), async () => {
        expect(await send("maya", `settings holiday ${TEAM_HOLIDAY}`, at(FIRST, -60))).toContain(
          TEAM_HOLIDAY,
        );
      });
      for (const day of daysBetween(FIRST, addDays(FIRST, 7 * WEEKS - 1))) {
        let minute = 0;
        if (rand() < 0.25) {
          const metric = pick(["visits", "followups"] as const);
          const value = Math.floor(rand() * 6) + 2;
          const time = at(day, minute++);
          later(time, async () => {
            await send("maya", `quota ${metric} ${value}`, time);
            oracle.quota.push({ from: day, [metric === "visits" ? "visits" : "followUps"]: value });
          });
        }
        if (rand() < 0.15) {
          const value = Math.floor(rand() * 12);
          const time = at(day, minute++);
          later(time, async () => {
            await send("maya", `target ${value}`, time);
            oracle.targets.push({ from: day, value: value > 0 ? value : null });
          });
        }
        for (const rep of REPS) {
          if (rand() < 0.1) {
            const yesterday = rand() < 0.5;
            const offDay = yesterday ? addDays(day, -1) : day;
            const time = at(day, minute++);
            later(time, async () => {
              await send(rep, yesterday ? "off yesterday" : "off today", time);
              if (oracle.isWorkingDay(offDay)) oracle.daysOff.add(`${rep}:${offDay}`);
            });
            continue;
          }
          if (rand() < 0.25) continue;
          const locale = pick(["en", "id"] as const);
          const counts = randomCounts();
          const late = rand() < 0.2;
          const id = `m${n++}`;
          const sentAt = at(late ? addDays(day, 1) : day, minute++ + (late ? 600 : 0));
          const prefix = late ? (locale === "id" ? "kemarin " : "yesterday ") : "";
          later(sentAt, async () => {
            await send(rep, `${prefix}${formatCounts(locale, counts)}`, sentAt, { messageId: id, sentAt });
            oracle.report(id, rep, day, counts);
          });
          if (rand() < 0.15) {
            // The rep corrects the message a little later: the same report, new numbers, still that day.
            const fixed = randomCounts();
            later(sentAt + 5 * 60_000, async () => {
              await send(rep, `${prefix}${formatCounts(locale, fixed)}`, sentAt + 5 * 60_000, {
                messageId: id,
                sentAt,
              });
              oracle.report(id, rep, day, fixed);
            });
          }
          if (rand() < 0.1) {
            later(sentAt + 10 * 60_000, async () => {
              await send(rep, "undo", sentAt + 10 * 60_000, { messageId: `undo-${id}` });
              oracle.undo(rep);
            });
          }
        }
      }
      events.sort((a, b) => a.time - b.time);
      for (const event of events) await event.run();

      for (let w = 0; w < WEEKS; w++) {
        const week = { start: addDays(FIRST, 7 * w), end: addDays(FIRST, 7 * w + 6) };
        // A weekday in the week (the week so far) and its last day (the whole week).
        for (const asOf of [addDays(week.start, 2), week.end]) {
          const weekFigures = await loadTeamFigures(store, team, week, asOf);
          const dayFigures = await loadTeamFigures(store, team, { start: asOf, end: asOf }, asOf);
          for (const rep of REPS) {
            const id = ids.get(rep) ?? 0;
            const label = `${rep} week ${week.start} as of ${asOf}`;
            expect(weekFigures.rep(id), label).toMatchObject(oracle.rep(rep, week, asOf));
            expect(dayFigures.rep(id), `${rep} on ${asOf}`).toMatchObject(
              oracle.rep(rep, { start: asOf, end: asOf }, asOf),
            );
            // What the rep reads is laid out from the same figures.
            const expected = oracle.rep(rep, week, asOf);
            expect(await send(rep, "week", at(asOf, 420)), label).toContain(
              `Visits ${expected.counts.visits}/${expected.expected.visits}`,
            );
          }
          for (const period of ["week", "month", "4w"] as const) {
            const range = funnelRange(period, asOf);
            expect((await loadTeamFigures(store, team, range, asOf)).totals, `${period} ${asOf}`).toEqual(
              oracle.counts(range),
            );
          }
          const plan = await monthPlanAsOf(store, team, asOf);
          expect(plan, `plan ${asOf}`).toEqual(oracle.plan(asOf));
        }
        // The Monday digest, read on the Monday after the week: rows, totals and the plan of that day.
        const monday = addDays(week.end, 1);
        const digest = await buildDigest(store, team, week, monday);
        expect(digest.totals).toEqual(oracle.counts(week));
        expect(digest.plan).toEqual(oracle.plan(monday));
        expect(await monthPlanAsOf(store, team, monday)).toEqual(digest.plan);
        // Read ahead as the Monday of many teams reads it: the very same digest.
        const ahead = await readAhead(store, [team.id], digestPeriods(week, monday));
        expect(await buildDigest(ahead, team, week, monday)).toEqual(digest);
        for (const rep of REPS) {
          const expected = oracle.rep(rep, week, week.end);
          expect(
            digest.rows.find((r) => r.name === rep),
            `${rep} digest ${week.start}`,
          ).toMatchObject({
            visits: expected.counts.visits,
            followUps: expected.counts.followUps,
            closed: expected.counts.closed,
            daysReported: expected.daysReported,
            expectedDays: expected.expectedDays,
            visitTarget: expected.expected.visits,
          });
        }
      }
    },
    120_000,
  );
});
