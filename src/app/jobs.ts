import { type ChartRenderer, renderChart as sharedRenderer } from "../charts/render-png.js";
import { addDays, isoWeekOf, isoWeekRange, localDateAt, parseIsoWeekKey } from "../core/calendar.js";
import { type DueJob, dueJobs, nextDueAt } from "../core/schedule.js";
import type { Platform, Team } from "../core/team.js";
import { textsFor } from "../core/texts/index.js";
import { nudgeView, reminderView } from "../core/views/coaching.js";
import { coachingMessages, type DirectMessage } from "./coaching-jobs.js";
import { unpromptedLocale } from "./context.js";
import { type DigestPost, renderDigest } from "./digest-post.js";
import { type DueDigest, digestReads } from "./digests.js";
import { isUndeliverable } from "./errors.js";
import { loadTeamFigures } from "./figures.js";
import { teamHolidays } from "./holidays.js";
import { withLogContext } from "./log-context.js";
import type { Logger } from "./logger.js";
import {
  type FigureReads,
  type JobKey,
  type Messenger,
  NO_TELEMETRY,
  type Store,
  type Telemetry,
} from "./ports.js";

/**
 * How long a claimed job may take before another scheduler may take it over (a crash between claim and post).
 * Longer than the platform clients' own retries (Slack's five-in-five-minutes), so a slow send is not doubled.
 */
const LEASE_MS = 10 * 60_000;

/**
 * How long ledger rows are kept. Far past every window in which a platform redelivers or a job is still due
 * (48 hours at most), and long enough to look into what happened last month.
 */
const LEDGER_RETENTION_MS = 60 * 24 * 60 * 60_000;

/** How soon a team with something still open (a retry, a claim held elsewhere) is looked at again. */
const RETRY_TICK_MS = 60_000;

/** Tries before a job is given up: with the backoff below they span about half an hour. */
const MAX_ATTEMPTS = 6;

/** Waits 1, 2, 4, 8, 16 minutes between tries, so an outage is ridden out rather than hammered. */
function retryDelayMs(attempt: number): number {
  return Math.min(2 ** (attempt - 1), 30) * 60_000;
}

export interface JobsDeps {
  store: Store;
  messengers: Partial<Record<Platform, Messenger>>;
  logger: Logger;
  /** Renders the digest's chart; the process's chart worker unless a bench compares another way. */
  renderChart?: ChartRenderer;
  telemetry?: Telemetry;
}

export interface TickReport {
  sent: Array<{ teamId: number; kind: DueJob["kind"]; periodKey: string; memberId?: number }>;
  failed: number;
}

/** "skipped": this caller did the job, and it turned out to have nothing to send (it is settled all the same). */
type Outcome = "sent" | "skipped" | "settled-before" | "busy";

/** What a job's send says when, having looked, it had nothing to post. */
const NOTHING_TO_SEND = "nothing to send" as const;

/**
 * One scheduler tick: for every team, the jobs due now in its time zone, each done once per period through the
 * job ledger — across restarts, and across replicas ticking at the same moment. A failure is logged and retried
 * on a later tick with backoff, then given up; a message the platform will never take is given up at once. One
 * team's failure never stops the others.
 */
export function createJobRunner(deps: JobsDeps) {
  const { store, logger } = deps;
  const renderChart = deps.renderChart ?? sharedRenderer;
  const telemetry = deps.telemetry ?? NO_TELEMETRY;
  // Finished sweeps, remembered so a quiet minute costs no queries; the ledger stays the truth.
  const finished = new Set<string>();
  let prunedOn = "";

  /** Once a day per process: old ledger rows go, so the tables stay small. */
  async function pruneDaily(now: number) {
    const day = new Date(now).toISOString().slice(0, 10);
    if (day === prunedOn) return;
    prunedOn = day;
    const removed = await store.pruneLedgers(new Date(now - LEDGER_RETENTION_MS).toISOString());
    if (removed > 0) logger.info({ removed }, "pruned old ledger rows");
  }

  async function once(
    key: JobKey,
    now: number,
    /** Resolves with NOTHING_TO_SEND when, having looked, it posted nothing. */
    send: () => Promise<unknown>,
  ): Promise<Outcome> {
    const attempt = await store.claimJob(
      key,
      new Date(now).toISOString(),
      new Date(now + LEASE_MS).toISOString(),
    );
    if (attempt === null) return (await store.isJobSettled(key)) ? "settled-before" : "busy";
    let sent: unknown;
    try {
      sent = await send();
    } catch (error) {
      if (isUndeliverable(error) || attempt >= MAX_ATTEMPTS) {
        await store.failJob(key, attempt);
        telemetry.jobRun(key.kind, "given_up");
        logger.warn({ err: error, member: key.memberKey, attempt }, "scheduled message given up");
        return "settled-before";
      }
      await store.releaseJob(key, attempt, new Date(now + retryDelayMs(attempt)).toISOString());
      telemetry.jobRun(key.kind, "retry");
      throw error;
    }
    await store.markJobSent(key, new Date(now).toISOString());
    if (sent === NOTHING_TO_SEND) return "skipped";
    // The sweep's own entry marks a finished team, not a message.
    if (key.memberKey !== "*") telemetry.jobRun(key.kind, "sent");
    return "sent";
  }

  /**
   * Who the reminder or nudge of the day is for: reps expected to work that day (not off) who reported nothing,
   * or whose visits are under that day's quota. Read through the same figures as every view.
   */
  async function dailyMessages(team: Team, job: DueJob): Promise<DirectMessage[]> {
    const [members, figures] = await Promise.all([
      store.listTeamMembers(team.id),
      loadTeamFigures(store, team, { start: job.day, end: job.day }, job.day),
    ]);
    return members
      .filter((m) => m.role === "rep")
      .map((member) => ({ member, figures: figures.rep(member.id) }))
      .filter(({ figures: f }) => f.expectedDays > 0)
      .filter(({ figures: f }) =>
        job.kind === "reminder" ? f.daysReported === 0 : f.counts.visits < f.expected.visits,
      )
      .map(({ member, figures: f }) => {
        const t = textsFor(unpromptedLocale(member, team));
        const reply =
          job.kind === "reminder"
            ? reminderView(t, member.displayName)
            : nudgeView(t, f.counts.visits, f.expected.visits);
        return { member, reply };
      });
  }

  async function runJob(
    team: Team,
    platform: Platform,
    messenger: Messenger,
    job: DueJob,
    now: number,
    report: TickReport,
    /** Where the tick's digests read their figures: read ahead for many teams at once. */
    digestFigures: (teamId: number) => Promise<FigureReads>,
  ) {
    const sweep: JobKey = { teamId: team.id, kind: job.kind, periodKey: job.periodKey, memberKey: "*" };
    const id = sweepId(team, job);
    if (finished.has(id)) return;
    if (await store.isJobSettled(sweep)) {
      finished.add(id);
      return;
    }
    if (job.kind === "digest") {
      const week = parseIsoWeekKey(job.periodKey);
      if (!week) return;
      // Built only by whoever wins a claim, and once: a digest claimed by another replica costs nothing here.
      let built: Promise<DigestPost> | undefined;
      const digest = () =>
        (built ??= digestFigures(team.id).then((reads) =>
          renderDigest(reads, team, week, platform, localDateAt(now, team.timezone)),
        ));
      // The text and the chart are two posts with two ledger entries: a failed upload never reposts the text.
      const text = await once({ ...sweep, memberKey: "" }, now, async () => {
        const post = await digest();
        // A team set up after the week ended has no week to sum up: its first digest is next Monday's.
        if (post.beforeSetup) return NOTHING_TO_SEND;
        await messenger.postToTeam(team, post.reply);
      });
      if (text === "sent") report.sent.push({ teamId: team.id, kind: job.kind, periodKey: job.periodKey });
      if (text === "busy") return;
      const chartKey = { ...sweep, memberKey: "chart" };
      const chart = await once(chartKey, now, async () => {
        const post = await digest();
        if (post.beforeSetup) return NOTHING_TO_SEND;
        // Rendered once, off the event loop, after the claim; a retry posts the same picture.
        const kept = await store.jobPayload(chartKey);
        const png = kept ?? (await renderChart(post.svg));
        if (!kept) await store.saveJobPayload(chartKey, png);
        await messenger.postChart(team, { ...post.chart, png });
      });
      if (chart !== "busy") await finish(sweep, id, now);
      return;
    }
    let complete = true;
    const messages =
      job.kind === "reminder" || job.kind === "nudge"
        ? await dailyMessages(team, job)
        : await coachingMessages(store, team, job);
    for (const { member, reply } of messages) {
      try {
        const outcome = await once({ ...sweep, memberKey: String(member.id) }, now, () =>
          messenger.sendDirect(team, member, reply),
        );
        if (outcome === "sent")
          report.sent.push({
            teamId: team.id,
            kind: job.kind,
            periodKey: job.periodKey,
            memberId: member.id,
          });
        if (outcome === "busy") complete = false;
      } catch (error) {
        complete = false;
        report.failed += 1;
        logger.error({ err: error, member: member.id }, "scheduled message failed; retrying later");
      }
    }
    if (complete) await finish(sweep, id, now);
  }

  async function finish(sweep: JobKey, id: string, now: number) {
    await once(sweep, now, async () => {});
    finished.add(id);
  }

  /** The digests this tick may send, in the order the teams are worked through (those another process serves left out). */
  function dueDigests(teams: ReadonlyArray<{ team: Team; platform: Platform }>, now: number): DueDigest[] {
    return teams.flatMap(({ team, platform }) => {
      if (!deps.messengers[platform]) return [];
      return dueJobs(team, now, () => false).flatMap((job) => {
        const week = job.kind === "digest" ? parseIsoWeekKey(job.periodKey) : null;
        if (!week || finished.has(sweepId(team, job))) return [];
        return [{ team, week, today: localDateAt(now, team.timezone) }];
      });
    });
  }

  return {
    /** Runs every job due at `now`. */
    async runDue(now: number): Promise<TickReport> {
      const report: TickReport = { sent: [], failed: 0 };
      await pruneDaily(now).catch((error: unknown) =>
        logger.warn({ err: error }, "pruning the ledgers failed"),
      );
      const at = new Date(now).toISOString();
      // Written together at the end of the tick: one commit, not one per team.
      const schedule: Array<{ team: Team; nextDueAt: string }> = [];
      // Only the teams whose next instant has come: an idle team costs nothing per tick.
      const dueTeams = await store.listDueTeamsWithPlatform(at);
      const digestFigures = digestReads(store, dueDigests(dueTeams, now));
      for (const { team, platform } of dueTeams) {
        const messenger = deps.messengers[platform];
        // Another process serves this platform; its schedule is that process's to keep.
        if (!messenger) continue;
        try {
          const pending = dueJobs(team, now, () => false).filter((job) => !finished.has(sweepId(team, job)));
          let due: DueJob[] = [];
          if (pending.length > 0) {
            const today = localDateAt(now, team.timezone);
            const holidays = await teamHolidays(store, team, { start: addDays(today, -1), end: today });
            due = dueJobs(team, now, (d) => holidays.has(d));
            for (const job of due)
              await withLogContext({ job: `${job.kind}:${team.id}:${job.periodKey}` }, () =>
                runJob(team, platform, messenger, job, now, report, digestFigures),
              );
            // SQLite answers synchronously: after a team's queries, let waiting requests (acknowledgements) in.
            await new Promise((resolve) => setImmediate(resolve));
          }
          // Done with everything due: sleep until something new can be. Anything still open (a send to retry, a
          // claim another replica holds): look again next minute.
          const open = due.some((job) => !finished.has(sweepId(team, job)));
          const next = open ? now + RETRY_TICK_MS : nextDueAt(team, now);
          schedule.push({ team, nextDueAt: new Date(next).toISOString() });
        } catch (error) {
          report.failed += 1;
          logger.error(
            { err: error, team: team.id },
            "scheduled jobs for a team failed; retrying on a later tick",
          );
        }
      }
      // A team whose schedule is not written is due again next tick: the ledger keeps that from doubling anything.
      if (schedule.length > 0)
        await store
          .setTeamsNextDue(schedule, at)
          .catch((error: unknown) => logger.warn({ err: error }, "recording when teams are next due failed"));
      return report;
    },
  };
}

export type JobRunner = ReturnType<typeof createJobRunner>;

function sweepId(team: Team, job: DueJob): string {
  return `${team.id}:${job.kind}:${job.periodKey}`;
}

/** The ISO week a digest printed today is about: the last complete one. */
export function lastCompleteWeek(today: string) {
  const range = isoWeekRange(addDays(isoWeekRange(today).start, -1));
  return { key: isoWeekOf(range.start).key, range };
}
