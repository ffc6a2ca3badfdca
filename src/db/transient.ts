import { setTimeout as sleep } from "node:timers/promises";
import { CorongError } from "../app/errors.js";

/** SQLSTATE codes that say "the same statement may work in a moment", never "the statement is wrong". */
const TRANSIENT_SQLSTATES = new Set([
  "40001", // serialization_failure
  "40P01", // deadlock_detected
  "55P03", // lock_not_available (lock_timeout)
  "57014", // query_canceled (statement_timeout)
  "57P01", // admin_shutdown: pg_terminate_backend, a restart
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now: starting up, failing over
  "53300", // too_many_connections
]);

const TRANSIENT_SYSTEM_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
]);

/** What node-postgres says when a connection died under it; it gives these no code. */
const TRANSIENT_MESSAGES =
  /query read timeout|connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|client was closed and is not queryable|terminating connection/i;

/**
 * True when a database error is about the connection or a lock — a dropped backend, a restart, a failover, a file
 * another process holds — so the same work may succeed if tried again. Looks through wrapped causes.
 */
export function isTransientDatabaseError(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") {
      if (/^SQLITE_(BUSY|LOCKED)/.test(code)) return true;
      if (TRANSIENT_SQLSTATES.has(code) || code.startsWith("08")) return true;
      if (TRANSIENT_SYSTEM_CODES.has(code)) return true;
    }
    if (e instanceof Error && TRANSIENT_MESSAGES.test(e.message)) return true;
  }
  return false;
}

export interface RetryPolicy {
  /** How long to keep trying, in ms, before giving up with CorongError("unavailable"). */
  budgetMs: number;
  /** The first wait; each next one doubles, with jitter, up to `maxDelayMs`. */
  firstDelayMs?: number;
  maxDelayMs?: number;
  /**
   * Also give up when one attempt is still running at the end of the budget (a pool waiting for a connection, a
   * failover dropping packets): for work whose caller must answer in time, like recording a delivery before the
   * platform's ack deadline. The attempt may still commit later; the work must be safe to find done (idempotent).
   */
  boundEachAttempt?: boolean;
}

/** `attempt`, or CorongError("unavailable") once `ms` have passed without it settling. */
async function withinBudget<T>(attempt: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new CorongError("unavailable", "the database did not answer in time")),
      Math.max(0, ms),
    );
  });
  try {
    return await Promise.race([attempt, timeout]);
  } finally {
    clearTimeout(timer);
    // A late failure of the abandoned attempt is nobody's to handle.
    attempt.catch(() => {});
  }
}

/**
 * Runs `work`, trying again with backoff while it fails with a transient database error and the budget lasts.
 * The waits are timers, never a blocked thread: a locked SQLite file delays this work, not the event loop.
 * `work` must be safe to repeat (a transaction that rolled back, or an idempotent statement).
 */
export async function retryTransient<T>(work: () => Promise<T>, policy: RetryPolicy): Promise<T> {
  const started = performance.now();
  let delay = policy.firstDelayMs ?? 20;
  for (;;) {
    try {
      return await (policy.boundEachAttempt
        ? withinBudget(work(), policy.budgetMs - (performance.now() - started))
        : work());
    } catch (error) {
      if (!isTransientDatabaseError(error)) throw error;
      const elapsed = performance.now() - started;
      // Half to all of the delay: replicas that failed together do not retry together.
      const wait = delay * (0.5 + Math.random() / 2);
      if (elapsed + wait > policy.budgetMs) {
        throw new CorongError("unavailable", "the database cannot be reached right now", { cause: error });
      }
      await sleep(wait);
      delay = Math.min(delay * 2, policy.maxDelayMs ?? 500);
    }
  }
}
