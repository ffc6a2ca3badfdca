import { describe, expect, it } from "vitest";
import { daysInRange, isoWeekday } from "../../src/core/calendar.js";
import {
  alertFindings,
  behindPace,
  habitToWorkOn,
  leakOwner,
  leakTwoWeeksRunning,
  missedReferrals,
  mostImproved,
  paceOf,
  rankLeaderboard,
  ratioDirection,
} from "../../src/core/coaching.js";
import { type RepFigures, teamFigures } from "../../src/core/figures.js";
import { analyzeFunnel } from "../../src/core/funnel.js";
import { type Counts, emptyCounts } from "../../src/core/metrics.js";
import { replyToText } from "../../src/core/reply.js";
import { type SettingHistory, SINCE_ALWAYS } from "../../src/core/setting-history.js";
import { textsFor } from "../../src/core/texts/index.js";
import { recapView } from "../../src/core/views/coaching.js";
import { leaderboardView } from "../../src/core/views/leaderboard.js";
import { repFunnelView } from "../../src/core/views/rep-funnel.js";
import { rosterView } from "../../src/core/views/roster.js";

const en = textsFor("en");
const id = textsFor("id");
const counts = (partial: Partial<Counts>): Counts => ({ ...emptyCounts(), ...partial });
/** Monday 30 Nov to Sunday 6 Dec 2026. */
const WEEK = { start: "2026-11-30", end: "2026-12-06" };
const WORKING = daysInRange(WEEK).filter((d) => isoWeekday(d) <= 5);
const QUOTA_5: SettingHistory = [
  { name: "quota.visits", value: 5, from: SINCE_ALWAYS },
  { name: "quota.followUps", value: 3, from: SINCE_ALWAYS },
];

const BENCHMARK = counts({ leads: 20, prospects: 10, potential: 6, closeable: 2, closed: 1 });
/** Prospects stall: 2 of 10 become potential (20% against the benchmark's 60%). */
const LEAKY = counts({ leads: 20, prospects: 10, potential: 2, closeable: 1, closed: 0 });

function week(
  reps: Array<{ id: number; name: string; counts: Partial<Counts>; days?: number }>,
  options: {
    asOf?: string;
    history?: SettingHistory;
    off?: Record<number, string[]>;
    holidays?: string[];
  } = {},
) {
  return teamFigures({
    range: WEEK,
    asOf: options.asOf ?? WEEK.end,
    totals: reps.map((r) => ({
      memberId: r.id,
      displayName: r.name,
      counts: counts(r.counts),
      daysReported: r.days ?? 5,
    })),
    workingDays: WORKING.filter((d) => !(options.holidays ?? []).includes(d)),
    isDayOff: (member, day) => (options.off?.[member] ?? []).includes(day),
    history: options.history ?? QUOTA_5,
    quota: { visits: 5, followUps: 3 },
  });
}

describe("one rep's funnel beside the team's", () => {
  it("shows a rep on 10:5:3:1 in a leaky team as on benchmark, with the team's leak beside it", () => {
    const team = analyzeFunnel(counts({ leads: 60, prospects: 30, potential: 8, closeable: 3 }));
    const rep = analyzeFunnel(BENCHMARK);
    expect(leakOwner(rep, team)).toBeNull();
    const text = replyToText(
      repFunnelView(en, { title: "Ayu · week 49", name: "Ayu", rep, team, helpCommand: "/sales help" }),
    );
    expect(text).toContain("Ratio 10 : 5 : 3 : 1 · team 10 : 5 : 1.3 : 0.5 · benchmark 10 : 5 : 3 : 1");
    expect(text).toMatch(/Prospect → potential\s+60%\s+27%\s+60%/);
    expect(text).toContain("On benchmark");
  });

  it("calls a rep's leak theirs when the team converts well at that stage", () => {
    const team = analyzeFunnel(counts({ leads: 60, prospects: 30, potential: 18, closeable: 6 }));
    const rep = analyzeFunnel(LEAKY);
    expect(leakOwner(rep, team)).toBe("rep");
    const text = replyToText(
      repFunnelView(en, { title: "Budi · week 49", name: "Budi", rep, team, helpCommand: "/sales help" }),
    );
    expect(text).toContain("Weakest: prospects → potential — Budi's, not the team's.");
    expect(text).toMatch(/Prospect → potential\s+20%\s+60%\s+60%\s+▼ weakest/);
  });

  it("calls it the team's when the whole team leaks there too, in Indonesian as well", () => {
    const team = analyzeFunnel(counts({ leads: 60, prospects: 30, potential: 7, closeable: 3 }));
    const rep = analyzeFunnel(LEAKY);
    expect(leakOwner(rep, team)).toBe("team");
    const text = replyToText(
      repFunnelView(id, { title: "Budi · minggu 49", name: "Budi", rep, team, helpCommand: "/sales help" }),
    );
    expect(text).toContain("Paling lemah: prospek → potensial — tim juga.");
  });
});

describe("pace over the week so far", () => {
  it("expects only the working days so far, leaving out holidays and the rep's days off", () => {
    // Thursday 3 Dec: Mon–Wed have passed. Wednesday is a holiday, Ayu was off on Monday.
    const f = week(
      [
        { id: 1, name: "Ayu", counts: { visits: 4 } },
        { id: 2, name: "Budi", counts: { visits: 4 } },
      ],
      { asOf: "2026-12-02", holidays: ["2026-12-02"], off: { 1: ["2026-11-30"] } },
    );
    const ayu = f.rep(1);
    const budi = f.rep(2);
    expect(ayu.expected.visits).toBe(5); // Tuesday only
    expect(budi.expected.visits).toBe(10); // Monday and Tuesday
    expect(paceOf(ayu)).toBeCloseTo(0.8);
    expect(paceOf(budi)).toBeCloseTo(0.4);
    expect(behindPace([ayu, budi]).map((r) => r.displayName)).toEqual(["Budi"]);
  });

  it("has no pace on a week nothing was expected yet, and then nobody is behind", () => {
    const f = week([{ id: 1, name: "Ayu", counts: {} }], { asOf: "2026-11-29" });
    expect(paceOf(f.rep(1))).toBeNull();
    expect(behindPace([f.rep(1)])).toEqual([]);
  });

  it("lists who reported, who is off and who has not, and who is behind, on the manager's roster", () => {
    const today = week(
      [
        { id: 1, name: "Ayu", counts: { visits: 3 }, days: 1 },
        { id: 2, name: "Budi", counts: {}, days: 0 },
        { id: 3, name: "Citra", counts: {}, days: 0 },
      ],
      { asOf: "2026-12-02", off: { 3: ["2026-12-02"] } },
    );
    const day = (r: RepFigures) => ({ ...r, expected: { visits: r.expectedDays > 0 ? 5 : 0, followUps: 0 } });
    const text = replyToText(
      rosterView(en, {
        teamName: "Sales JKT",
        day: "Wed 2 Dec",
        workingDay: true,
        today: [1, 2, 3].map((m) => ({ ...day(today.rep(m)), off: m === 3 })),
        week: [today.rep(1), today.rep(2)],
      }),
    );
    expect(text).toContain("Sales JKT · today (Wed 2 Dec) · 1 of 3 reported");
    expect(text).toContain("✅ Ayu 3/5");
    expect(text).toContain("🌴 Citra (off)");
    expect(text).toContain("⏳ Budi — nothing yet");
    expect(text).toContain("This week: Budi 0%");
  });
});

describe("the leaderboard", () => {
  it("ranks by each rep's own quota attainment, not raw visits, with closings and referrals beside", () => {
    // Dedi is ramping up on 2 visits a day; Ayu carries the team's 5. Fewer visits, more of what was asked.
    const history: SettingHistory = [
      ...QUOTA_5,
      { name: "quota.visits", value: 2, from: SINCE_ALWAYS, member: 4 },
    ];
    const f = week(
      [
        { id: 1, name: "Ayu", counts: { visits: 20, closed: 1, referralsAsked: 2 } },
        { id: 2, name: "Budi", counts: { visits: 20, closed: 2 } },
        { id: 4, name: "Dedi", counts: { visits: 10, referralsAsked: 1, referralsReceived: 1 } },
      ],
      { history },
    );
    const rows = rankLeaderboard(f.reported);
    expect(rows.map((r) => r.name)).toEqual(["Dedi", "Budi", "Ayu"]);
    expect(rows[0]).toMatchObject({ attainment: 1, visits: 10, expected: 10 });
    // Same attainment: closings break the tie.
    expect(rows[1]?.closed).toBe(2);
    const text = replyToText(leaderboardView(en, { title: "🏆 Sales JKT · week 49", rows }));
    expect(text).toMatch(/1\s+Dedi\s+100%\s+10\/10\s+0\s+1\/1/);
    expect(text).toMatch(/3\s+Ayu\s+80%\s+20\/25\s+1\s+2\/0/);
  });

  it("names the most improved rep by attainment against the week before", () => {
    const before = week([
      { id: 1, name: "Ayu", counts: { visits: 20 } },
      { id: 2, name: "Budi", counts: { visits: 10 } },
    ]);
    const now = week([
      { id: 1, name: "Ayu", counts: { visits: 21 } },
      { id: 2, name: "Budi", counts: { visits: 20 } },
    ]);
    expect(mostImproved(now.reported, before.reported)).toEqual({ name: "Budi", from: 0.4, to: 0.8 });
    expect(mostImproved(before.reported, now.reported)).toBeNull();
  });
});

describe("the four habits and the funnel over time", () => {
  it("finds a leak only when the same transition ran below half its benchmark two weeks running", () => {
    expect(leakTwoWeeksRunning(LEAKY, LEAKY)?.from).toBe("prospects");
    expect(leakTwoWeeksRunning(BENCHMARK, LEAKY)).toBeNull();
    // Too few deals to tell: two prospects, none through.
    expect(
      leakTwoWeeksRunning(counts({ leads: 4, prospects: 2 }), counts({ leads: 4, prospects: 2 })),
    ).toBeNull();
  });

  it("alerts about reps behind pace and leaking reps, and about nobody when all is well", () => {
    const soFar = week(
      [
        { id: 1, name: "Ayu", counts: { visits: 9 } },
        { id: 2, name: "Budi", counts: { visits: 4 } },
      ],
      { asOf: "2026-12-01" },
    );
    const leaky = week([{ id: 1, name: "Ayu", counts: LEAKY }]);
    const findings = alertFindings(soFar.reported, { before: leaky.reported, last: leaky.reported });
    expect(findings).toEqual([
      { memberId: 2, name: "Budi", behind: { visits: 4, expected: 10, pace: 0.4 }, leak: null },
      expect.objectContaining({
        memberId: 1,
        behind: null,
        leak: expect.objectContaining({ from: "prospects" }),
      }),
    ]);
    const fine = week([{ id: 1, name: "Ayu", counts: { visits: 10 } }], { asOf: "2026-12-01" });
    expect(alertFindings(fine.reported, { before: [], last: [] })).toEqual([]);
  });

  it("recaps a rep's week against every quota and names the one habit to work on", () => {
    const f = week([
      {
        id: 1,
        name: "Ayu",
        counts: { ...BENCHMARK, visits: 25, followUps: 15, relationshipContacts: 3, referralsAsked: 0 },
      },
    ]);
    const ayu = f.rep(1);
    expect(habitToWorkOn(ayu)).toBe("referralsAsked");
    const text = replyToText(recapView(en, ayu));
    expect(text).toContain(
      "This week: visits 25/25 · follow-ups 15/15 · existing-client check-ins 3/3 · referrals asked 0/2",
    );
    expect(text).toContain("Next week: ask two of the existing clients you visit for a referral 🙏");
    expect(replyToText(recapView(id, ayu))).toContain("Minggu depan: minta referensi");
  });

  it("nudges for a referral only after existing-client contacts without a single ask", () => {
    expect(missedReferrals(counts({ relationshipContacts: 6 }))).toBe(true);
    expect(missedReferrals(counts({ relationshipContacts: 6, referralsAsked: 1 }))).toBe(false);
    expect(missedReferrals(counts({}))).toBe(false);
    expect(en.coach.referralNudge(6)).toBe(
      "You checked in with 6 existing clients this fortnight — ask one of them for a referral 🙏",
    );
  });

  it("reads the funnel's direction from prospects per 10 leads, first week against last", () => {
    expect(ratioDirection([LEAKY, counts({ leads: 10, prospects: 7 })])).toBe("better");
    expect(ratioDirection([counts({ leads: 10, prospects: 7 }), LEAKY])).toBe("worse");
    expect(ratioDirection([LEAKY, LEAKY])).toBe("steady");
    expect(ratioDirection([LEAKY, counts({})])).toBeNull();
  });
});
