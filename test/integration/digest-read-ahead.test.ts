import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderDigest } from "../../src/app/digest-post.js";
import { buildDigest, digestPeriods, digestReads } from "../../src/app/digests.js";
import { readAhead } from "../../src/app/figure-batch.js";
import { createJobRunner } from "../../src/app/jobs.js";
import { silentLogger } from "../../src/app/logger.js";
import type { Store } from "../../src/app/ports.js";
import { addDays } from "../../src/core/calendar.js";
import type { PartialCounts } from "../../src/core/metrics.js";
import { replyToText } from "../../src/core/reply.js";
import type { Team } from "../../src/core/team.js";
import { connect } from "../../src/db/connect.js";
import { createStore } from "../../src/db/store.js";
import { recordingMessenger } from "../fakes/recording-messenger.js";
import { countingStore } from "../support/counting-store.js";
import { DIALECTS, type TestDatabase } from "../support/databases.js";

/**
 * The Monday of many teams: every digest is read ahead for all teams at once (a few queries, one pass over the
 * reports), and each must say exactly what reading its own team alone says.
 */

const WEEK = { start: "2026-11-23", end: "2026-11-29" };
const MONDAY = "2026-11-30";
const SETUP = "2026-08-01T00:00:00.000Z";
const jakarta = (local: string) => Date.parse(`${local}+07:00`);

function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Teams that differ in every way a digest can: reps with the same name, a rep on two teams, a manager who reports,
 * withdrawn reports, two reports a day, days off, declared holidays, quotas and targets changed mid-period (for the
 * team and for one rep), location check-ins, a team with no reports and a team with no members.
 */
async function seedTeams(store: Store, seed: number): Promise<Team[]> {
  const rand = random(seed);
  const teams: Team[] = [];
  const workspaces = [
    await store.ensureWorkspace("slack", "T1", "Acme", SETUP),
    await store.ensureWorkspace("slack", "T2", "Beta", SETUP),
  ];
  const shared = await store.ensureMember(workspaces[0] ?? 0, "U-shared", "Sari", SETUP);
  let messages = 0;
  for (let t = 0; t < 7; t++) {
    const workspaceId = workspaces[t % 2] ?? 0;
    const team = await store.createTeam(
      { workspaceId, externalId: `C${t}`, name: `Team ${t}`, timezone: "Asia/Jakarta", locale: "en" },
      SETUP,
    );
    teams.push(team);
    if (t === 6) continue; // no members at all
    const manager = await store.ensureMember(workspaceId, `M${t}`, `Manager ${t}`, SETUP);
    await store.setRole(team.id, manager.id, "manager", SETUP);
    const reps = [manager];
    for (let r = 0; r < 4; r++) {
      // Two reps called "Ayu" on some teams: the order must not depend on which is read first.
      const name = r < 2 && t % 2 === 0 ? "Ayu" : `Rep ${String.fromCharCode(68 - r)}${t}`;
      const rep = await store.ensureMember(workspaceId, `U${t}-${r}`, name, SETUP);
      await store.joinTeam(team.id, rep.id, SETUP);
      reps.push(rep);
    }
    if (workspaceId === workspaces[0]) {
      await store.joinTeam(team.id, shared.id, SETUP);
      reps.push(shared);
    }
    if (t === 5) continue; // members, no reports
    // Someone no longer on the team: their reports still count, as the store counts them.
    reps.push(await store.ensureMember(workspaceId, `F${t}`, `Former ${t}`, SETUP));
    if (rand() < 0.7) await store.recordSetting(team.id, "monthlyTarget", 3 + t, "2026-11-01", SETUP);
    await store.recordSetting(team.id, "quota.visits", 3 + (t % 3), "2026-11-25", SETUP);
    await store.recordSetting(team.id, "quota.visits", 6, "2026-11-01", SETUP, reps[1]?.id);
    await store.addTeamHoliday(team.id, addDays(WEEK.start, t % 5), "Team day");
    for (let d = -90; d <= 0; d++) {
      const day = addDays(MONDAY, d);
      for (const rep of reps) {
        if (rand() < 0.3) continue;
        if (rand() < 0.05) {
          await store.addDaysOff(team.id, rep.id, [day], SETUP);
          continue;
        }
        const counts: PartialCounts = { visits: Math.floor(rand() * 7) };
        for (const metric of ["followUps", "leads", "prospects", "potential", "closeable", "closed"] as const)
          if (rand() < 0.6) counts[metric] = Math.floor(rand() * 4);
        const report = {
          workspaceId,
          teamId: team.id,
          memberId: rep.id,
          day,
          counts,
          sourceText: JSON.stringify(counts),
          messageId: `m${messages++}`,
          at: `${day}T04:00:00.000Z`,
        };
        const saved =
          rand() < 0.1
            ? await store.saveCheckIn({ report, latitude: -6.2, longitude: 106.8 })
            : await store.saveReport(report);
        if (rand() < 0.08) await store.withdrawReport(saved.report.id, `${day}T05:00:00.000Z`);
        if (rand() < 0.1)
          await store.saveReport({ ...report, counts: { visits: 1 }, messageId: `m${messages++}` });
      }
    }
  }
  return teams;
}

describe.each(DIALECTS)("digests read ahead for many teams on $name", (dialect) => {
  let database: TestDatabase;
  let store: Store;

  beforeEach(async () => {
    database = await dialect.create();
    store = createStore(database.connection.db);
  });
  afterEach(async () => {
    await database.drop();
  });

  it.each([11, 20261130])("every team's digest is the one its own reads give (seed %i)", async (seed) => {
    const teams = await seedTeams(store, seed);
    const { store: watched, calls } = countingStore(store);
    const ahead = await readAhead(
      watched,
      teams.map((t) => t.id),
      digestPeriods(WEEK, MONDAY),
    );
    for (const team of teams) {
      // Every period's sums, in the store's order of members, first days included.
      for (const period of digestPeriods(WEEK, MONDAY))
        expect(await ahead.sumCountsByMember(team.id, period), `${team.name} ${period.start}`).toEqual(
          await store.sumCountsByMember(team.id, period),
        );
      expect(await ahead.countCheckIns({ teamId: team.id, range: WEEK })).toEqual(
        await store.countCheckIns({ teamId: team.id, range: WEEK }),
      );
      const digest = await buildDigest(ahead, team, WEEK, MONDAY);
      expect(digest, team.name).toEqual(await buildDigest(store, team, WEEK, MONDAY));
      // Every rep is on the digest, silent ones too (Team 6 has nobody).
      if (team.name !== "Team 6") expect(digest.rows.length, team.name).toBeGreaterThanOrEqual(4);
    }
    // Six reads for all seven teams, and nothing read team by team.
    expect(Object.fromEntries(calls)).toEqual({
      sumCountsByTeamMemberPiece: 1,
      countCheckInsByTeamPiece: 1,
      listMembersOfTeams: 1,
      listSettingHistoryOfTeams: 1,
      listHolidaysOfTeams: 1,
      listDaysOffOfTeams: 1,
    });
  });

  it("a question outside what was read ahead is asked of the store, and answered the same", async () => {
    const teams = await seedTeams(store, 3);
    const [first, second] = teams as [Team, Team];
    const { store: watched, calls } = countingStore(store);
    const ahead = await readAhead(watched, [first.id], digestPeriods(WEEK, MONDAY));
    calls.clear();
    const oddRange = { start: "2026-11-24", end: "2026-11-26" };
    const anyMember = (await store.listTeamMembers(first.id))[1]?.id;
    const later = { start: "2026-12-01", end: "2026-12-31" };
    await store.addTeamHoliday(first.id, "2026-12-24", "Office closed");
    await store.addDaysOff(first.id, anyMember ?? 0, ["2026-12-02"], SETUP);
    expect(await ahead.sumCountsByMember(first.id, oddRange)).toEqual(
      await store.sumCountsByMember(first.id, oddRange),
    );
    expect(await ahead.listTeamMembers(second.id)).toEqual(await store.listTeamMembers(second.id));
    expect(await ahead.sumCountsByMember(first.id, WEEK, anyMember)).toEqual(
      await store.sumCountsByMember(first.id, WEEK, anyMember),
    );
    expect(await ahead.listTeamHolidays(first.id, later)).toEqual(["2026-12-24"]);
    expect(await ahead.listDaysOff(first.id, later)).toEqual([{ memberId: anyMember, day: "2026-12-02" }]);
    expect(Object.fromEntries(calls)).toEqual({
      sumCountsByMember: 2,
      listTeamMembers: 1,
      listTeamHolidays: 1,
      listDaysOff: 1,
    });
  });

  it("a Monday tick posts every team's digest with its own figures, reading them a chunk at a time", async () => {
    const teams = await seedTeams(store, 5);
    const { store: watched, calls } = countingStore(store);
    const out = recordingMessenger();
    const runner = createJobRunner({
      store: watched,
      logger: silentLogger,
      messengers: { slack: out.messenger },
      renderChart: async () => new Uint8Array([1]),
    });
    await runner.runDue(jakarta(`${MONDAY}T08:00:00`));
    const posted = out.delivered.filter((d) => d.to === "team" && d.text !== "");
    // Team 6 has no members and nothing reported: no digest for it.
    expect(posted.map((d) => d.teamId).sort()).toEqual(
      teams
        .slice(0, 6)
        .map((t) => t.id)
        .sort(),
    );
    for (const team of teams.slice(0, 6)) {
      const expected = await renderDigest(store, team, WEEK, "slack", MONDAY);
      expect(posted.find((d) => d.teamId === team.id)?.text, team.name).toBe(replyToText(expected.reply));
    }
    expect(calls.get("sumCountsByTeamMemberPiece")).toBe(1);
    expect(calls.get("sumCountsByMember") ?? 0).toBe(0);
    expect(calls.get("listTeamMembers") ?? 0).toBe(0);
  });

  it("two replicas ticking at the same digest minute post each team's digest and chart once", async () => {
    const teams = await seedTeams(store, 13);
    const second = connect(database.url);
    try {
      const out = recordingMessenger();
      const runner = (s: Store) =>
        createJobRunner({
          store: s,
          logger: silentLogger,
          messengers: { slack: out.messenger },
          renderChart: async () => new Uint8Array([1]),
        });
      const other = createStore(second.db);
      const monday = jakarta(`${MONDAY}T08:00:00`);
      await Promise.all([
        runner(store).runDue(monday),
        runner(other).runDue(monday),
        runner(other).runDue(monday),
      ]);
      await Promise.all([runner(store).runDue(monday + 60_000), runner(other).runDue(monday + 60_000)]);
      const texts = out.delivered.filter((d) => d.to === "team" && d.text !== "").map((d) => d.teamId);
      const charts = out.delivered.filter((d) => d.chart).map((d) => d.teamId);
      const withDigest = teams
        .slice(0, 6)
        .map((t) => t.id)
        .sort();
      expect(texts.sort()).toEqual(withDigest);
      expect(charts.sort()).toEqual(withDigest);
    } finally {
      await second.close();
    }
  });

  it("reads ahead in chunks of alike teams: no more teams at once than the chunk, and none read twice", async () => {
    const teams = await seedTeams(store, 8);
    const { store: watched, calls } = countingStore(store);
    const due = teams.map((team) => ({ team, week: WEEK, today: MONDAY }));
    const readsFor = digestReads(watched, due, 3);
    for (const team of teams) {
      const reads = await readsFor(team.id);
      expect(await buildDigest(reads, team, WEEK, MONDAY)).toEqual(
        await buildDigest(store, team, WEEK, MONDAY),
      );
    }
    expect(calls.get("sumCountsByTeamMemberPiece")).toBe(Math.ceil(teams.length / 3));
    expect(calls.get("sumCountsByMember") ?? 0).toBe(0);
  });

  it("teams of two kinds interleaved in a tick are still read a chunk of each kind at a time", async () => {
    const teams = await seedTeams(store, 9);
    const { store: watched, calls } = countingStore(store);
    // Catching up: half the teams are already on Tuesday, listed between the others.
    const today = (i: number) => (i % 2 === 0 ? MONDAY : "2026-12-01");
    const due = teams.map((team, i) => ({ team, week: WEEK, today: today(i) }));
    const readsFor = digestReads(watched, due, 3);
    for (const [i, team] of teams.entries()) {
      const reads = await readsFor(team.id);
      expect(await buildDigest(reads, team, WEEK, today(i))).toEqual(
        await buildDigest(store, team, WEEK, today(i)),
      );
    }
    // Four Monday teams and three Tuesday ones: two chunks and one.
    expect(calls.get("sumCountsByTeamMemberPiece")).toBe(3);
    expect(calls.get("sumCountsByMember") ?? 0).toBe(0);
  });
});
