import { addDays, instantAt, isoWeekday, isoWeekOf, type LocalDate, localDateAt } from "./calendar.js";

/**
 * Daily: the reminder and the quota nudge. Weekly: the Monday digest (to the team), the manager's alert, each rep's
 * recap, and the referral nudge (to reps who met existing clients but asked none of them for a referral).
 */
export type JobKind = "reminder" | "nudge" | "digest" | "alert" | "recap" | "referralNudge";

/** What the scheduler needs to know about a team. */
export interface ScheduledTeam {
  timezone: string;
  workingDays: readonly number[];
  reminderTime: string;
  nudgeTime: string;
  digestTime: string;
  alertDay: number;
  alertTime: string;
  recapDay: number;
  recapTime: string;
}

export interface DueJob {
  kind: JobKind;
  /**
   * The period the job is done once for: the local date for daily jobs, the reported ISO week for the digest, the
   * current ISO week for the other weekly jobs.
   */
  periodKey: string;
  /** Daily jobs: the team-local day they are about. The digest: the Monday it was due. */
  day: LocalDate;
  /** When it was due, epoch ms. */
  dueAt: number;
}

/** A digest missed while the service was down is still worth posting this long after it was due. */
export const DIGEST_CATCH_UP_MS = 48 * 60 * 60 * 1000;

/** The digest goes out on Mondays, about the ISO week that just ended. */
const DIGEST_WEEKDAY = 1;

/**
 * The referral nudge goes out on Tuesdays at the nudge time: early enough in the week to act on, and never on the
 * Monday the digest already speaks.
 */
export const REFERRAL_NUDGE_WEEKDAY = 2;

/**
 * The jobs whose time has come at `now` for a team, in its own time zone (DST-correct). Daily jobs run on working
 * days that are not public holidays, from their time until the local day ends (the nudge only until the reminder
 * takes over): a reminder missed during downtime is dropped with its day, never sent late in a burst. The weekly
 * alert, recap and referral nudge are due on their weekday in the same way. The Monday digest stays due for 48 hours.
 * What already ran is the ledger's business, not this function's.
 */
export function dueJobs(team: ScheduledTeam, now: number, isHoliday: (date: LocalDate) => boolean): DueJob[] {
  const today = localDateAt(now, team.timezone);
  const jobs: DueJob[] = [];
  if (team.workingDays.includes(isoWeekday(today)) && !isHoliday(today)) {
    const nudgeAt = instantAt(today, team.nudgeTime, team.timezone);
    const reminderAt = instantAt(today, team.reminderTime, team.timezone);
    // Once the reminder is due the nudge has nothing to add: after downtime a rep gets one message, not two.
    const nudgeEnds = reminderAt > nudgeAt ? reminderAt : Number.POSITIVE_INFINITY;
    if (now >= nudgeAt && now < nudgeEnds)
      jobs.push({ kind: "nudge", periodKey: today, day: today, dueAt: nudgeAt });
    if (now >= reminderAt) jobs.push({ kind: "reminder", periodKey: today, day: today, dueAt: reminderAt });
    // Weekly coaching messages: on their weekday, from their time until the day ends. A week whose day is a
    // holiday has none: the alert on Thursday would be about a different week's pace.
    const week = isoWeekOf(today).key;
    const weekly: Array<[JobKind, number, string]> = [
      ["alert", team.alertDay, team.alertTime],
      ["recap", team.recapDay, team.recapTime],
      ["referralNudge", REFERRAL_NUDGE_WEEKDAY, team.nudgeTime],
    ];
    for (const [kind, weekday, time] of weekly) {
      const dueAt = instantAt(today, time, team.timezone);
      if (isoWeekday(today) === weekday && now >= dueAt)
        jobs.push({ kind, periodKey: week, day: today, dueAt });
    }
  }
  const digest = lastDigestDue(team, now);
  if (digest && now - digest.dueAt <= DIGEST_CATCH_UP_MS) jobs.push(digest);
  return jobs;
}

/** The most recent Monday digest time at or before `now` (looking back over this and last week's Monday). */
function lastDigestDue(team: ScheduledTeam, now: number): DueJob | null {
  const today = localDateAt(now, team.timezone);
  const thisMonday = addDays(today, -((isoWeekday(today) - DIGEST_WEEKDAY + 7) % 7));
  for (const monday of [thisMonday, addDays(thisMonday, -7)]) {
    const dueAt = instantAt(monday, team.digestTime, team.timezone);
    if (dueAt <= now) {
      return { kind: "digest", periodKey: isoWeekOf(addDays(monday, -1)).key, day: monday, dueAt };
    }
  }
  return null;
}

/**
 * The next instant after `now` at which a job can become due for the team: the earliest of its reminder, nudge,
 * weekly and digest times still to come. Until then `dueJobs` can only lose jobs (a day ends, the digest's catch-up
 * runs out), never gain one, so the scheduler need not look at the team. Holidays are not consulted: waking on one
 * finds nothing due and looks ahead again.
 */
export function nextDueAt(team: ScheduledTeam, now: number): number {
  const today = localDateAt(now, team.timezone);
  // Every job recurs within a week; eight days cover a week's times from any moment of today.
  for (let ahead = 0; ahead <= 8; ahead++) {
    const day = addDays(today, ahead);
    const weekday = isoWeekday(day);
    const times: string[] = [];
    if (team.workingDays.includes(weekday)) {
      times.push(team.nudgeTime, team.reminderTime);
      if (weekday === team.alertDay) times.push(team.alertTime);
      if (weekday === team.recapDay) times.push(team.recapTime);
    }
    if (weekday === DIGEST_WEEKDAY) times.push(team.digestTime);
    const upcoming = times.map((time) => instantAt(day, time, team.timezone)).filter((at) => at > now);
    // A later day's times are all later than an earlier day's.
    if (upcoming.length > 0) return Math.min(...upcoming);
  }
  return now + 7 * 24 * 60 * 60 * 1000;
}
