import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { Platform } from "../core/team.js";
import { CorongError, isUnavailable, isUndeliverable } from "./errors.js";
import { withLogContext } from "./log-context.js";
import type { Logger } from "./logger.js";
import {
  type InboxItem,
  type NewDelivery,
  NO_TELEMETRY,
  type Settlement,
  type Store,
  type Telemetry,
} from "./ports.js";

/** The platform's answer to a delivery it is still waiting on (an HTTP response, a Socket Mode ack). */
export type LiveAck = (body?: unknown) => Promise<void>;

/** What tells a person about their delivery when it cannot be handled at once. */
export type DeliveryNotice = "delayed" | "lost";

/** How one platform handles a recorded delivery: the adapter turns the payload into work for the bot. */
export interface DeliveryHandler {
  /**
   * Handles one delivery. `ack` is there on the first attempt while the platform still waits for its answer
   * (Slack's view submissions answer in it); on a retry the platform was answered long ago. Throws to be retried.
   */
  process(item: InboxItem, ack?: LiveAck): Promise<void>;
  /** Tells the sender, where the payload says who they are, that their message is late or lost. Best effort. */
  notify?(item: InboxItem, notice: DeliveryNotice): Promise<void>;
}

export interface IntakeOptions {
  store: Store;
  logger: Logger;
  clock: () => number;
  /** How long a claim holds before another process may take it over; renewed while the work runs. */
  leaseMs?: number;
  /** How often due deliveries (retries, claims whose holder died) are looked for. */
  sweepMs?: number;
  telemetry?: Telemetry;
}

export interface Intake {
  /** Names this process in the claims it takes. */
  readonly owner: string;
  handle(platform: Platform, handler: DeliveryHandler): void;
  /**
   * Records a delivery durably, claimed by this process: only after this resolves may the platform be told it was
   * received. Null for a delivery recorded before (a retry, or one another replica took). Throws
   * CorongError("unavailable") when it cannot be recorded now, or this process is stopping: the platform must be
   * told to retry, or the sender that nothing was saved.
   */
  accept(delivery: NewDelivery): Promise<InboxItem | null>;
  /** Handles an accepted delivery after earlier ones with the same ordering key. Never rejects. */
  run(item: InboxItem, ack?: LiveAck): Promise<void>;
  /** Starts looking for due deliveries (at once: whatever a stopped process parked) and renewing leases. */
  start(): void;
  /**
   * Stops taking deliveries, waits up to `graceMs` for the ones in hand, and parks the rest due at once for the
   * next process. Returns how many finished and how many were parked.
   */
  stop(graceMs: number): Promise<{ finished: number; parked: number }>;
}

const LEASE_MS = 30_000;
const SWEEP_MS = 2_000;
/** Fewer deliveries held at once than this, so a backlog after an outage is worked off in steps. */
const MAX_HELD = 200;
/** Tries before a delivery that keeps failing for another reason than the database is given up. */
const MAX_ATTEMPTS = 5;
/** Past this a delivery is given up whatever the reason: its sender has long moved on. */
const MAX_AGE_MS = 24 * 60 * 60_000;

/** 1 s, 2 s, 4 s … up to 5 minutes between tries. */
function retryDelayMs(attempt: number): number {
  return Math.min(1000 * 2 ** (attempt - 1), 5 * 60_000);
}

/**
 * The durable inbox: deliveries are recorded before they are acknowledged and handled from the record, so a
 * crash, a stop, a deploy or a database blip never loses one the platform was told was received. A process holds
 * a delivery under a lease it keeps renewing; a lease that runs out (the holder died) lets any process take it
 * over, and a stopping process hands back what it could not finish. Failures are retried with backoff.
 */
export function createIntake(options: IntakeOptions): Intake {
  const { store, clock } = options;
  const telemetry = options.telemetry ?? NO_TELEMETRY;
  const logger = options.logger.child({ part: "intake" });
  const leaseMs = options.leaseMs ?? LEASE_MS;
  const sweepMs = options.sweepMs ?? SWEEP_MS;
  const owner = `${process.pid}-${randomUUID().slice(0, 8)}`;
  const handlers = new Map<Platform, DeliveryHandler>();
  /** Deliveries this process has claimed and not settled. */
  const held = new Map<number, InboxItem>();
  /** Held deliveries whose work is finished but whose end is not recorded yet: never parked for a rerun. */
  const unsettled = new Set<number>();
  /** Held deliveries whose handler has started: never parked, since this process may still answer them. */
  const begun = new Set<number>();
  const running = new Set<Promise<void>>();
  const chains = new Map<string, Promise<void>>();
  let markStarted: () => void = () => {};
  const started = new Promise<void>((resolve) => {
    markStarted = resolve;
  });
  let stopping = false;
  let timers: NodeJS.Timeout[] = [];
  let sweeping: Promise<void> | null = null;
  let finished = 0;

  const iso = (ms: number) => new Date(ms).toISOString();

  /** Ends an attempt. A retry may just as well be left to the lease running out, so one try is enough. */
  async function settle(item: InboxItem, settlement: Settlement): Promise<void> {
    try {
      await store.settleDelivery(item, owner, settlement);
    } catch (error) {
      logger.warn(
        { err: error, delivery: item.id },
        "could not record a retry; the lease will run out instead",
      );
    }
  }

  /**
   * Records that a delivery is finished (done, or given up), trying until it sticks: were it left to the lease,
   * the work would be done again. The delivery stays held meanwhile, so its lease keeps being renewed.
   */
  async function settleFinally(item: InboxItem, settlement: Settlement): Promise<void> {
    unsettled.add(item.id);
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          await store.settleDelivery(item, owner, settlement);
          return;
        } catch (error) {
          if (stopping) throw error;
          logger.warn(
            { err: error, delivery: item.id },
            "could not record that a delivery ended; trying again",
          );
          await sleep(Math.min(250 * 2 ** attempt, 5000));
        }
      }
    } finally {
      unsettled.delete(item.id);
    }
  }

  async function notify(item: InboxItem, notice: DeliveryNotice): Promise<void> {
    await handlers
      .get(item.platform)
      ?.notify?.(item, notice)
      .catch((error: unknown) =>
        logger.warn({ err: error, delivery: item.id, notice }, "could not tell the sender"),
      );
  }

  async function failed(item: InboxItem, error: unknown): Promise<"failed" | "retry"> {
    const now = clock();
    const reason = error instanceof Error ? error.message : String(error);
    const context = { err: error, delivery: item.id, platform: item.platform, attempt: item.attempts };
    const giveUp =
      isUndeliverable(error) ||
      now - item.receivedAt > MAX_AGE_MS ||
      (!isUnavailable(error) && item.attempts >= MAX_ATTEMPTS);
    if (giveUp) {
      logger.error(context, "a delivery could not be handled and was given up");
      await settleFinally(item, { status: "failed", at: iso(now), error: reason });
      await notify(item, "lost");
      return "failed";
    }
    logger.warn(context, "handling a delivery failed; it will be retried");
    await settle(item, { status: "pending", dueAt: iso(now + retryDelayMs(item.attempts)), error: reason });
    if (item.attempts === 1 && isUnavailable(error)) await notify(item, "delayed");
    return "retry";
  }

  async function work(item: InboxItem, ack?: LiveAck): Promise<void> {
    await started;
    // Parked by a stop while it waited its turn: the next process takes it.
    if (!held.has(item.id)) return;
    const begunAt = clock();
    const took = () => (clock() - begunAt) / 1000;
    try {
      try {
        const handler = handlers.get(item.platform);
        if (!handler) throw new Error(`no handler for ${item.platform} deliveries`);
        begun.add(item.id);
        await handler.process(item, ack);
      } catch (error) {
        if (held.has(item.id)) telemetry.delivery(item.platform, await failed(item, error), took());
        return;
      }
      if (!held.has(item.id)) return;
      await settleFinally(item, { status: "done", at: iso(clock()) });
      finished++;
      telemetry.delivery(item.platform, "done", took());
    } catch (error) {
      logger.error({ err: error, delivery: item.id }, "the end of a delivery could not be recorded");
    } finally {
      held.delete(item.id);
      begun.delete(item.id);
    }
  }

  function run(item: InboxItem, ack?: LiveAck): Promise<void> {
    held.set(item.id, item);
    const previous = chains.get(item.ordering) ?? Promise.resolve();
    const current = previous.then(() =>
      withLogContext({ delivery: item.id, platform: item.platform }, () => work(item, ack)),
    );
    chains.set(item.ordering, current);
    running.add(current);
    void current.then(() => {
      running.delete(current);
      if (chains.get(item.ordering) === current) chains.delete(item.ordering);
    });
    return current;
  }

  function sweep(): Promise<void> {
    if (stopping || sweeping) return sweeping ?? Promise.resolve();
    sweeping = sweepOnce().finally(() => {
      sweeping = null;
    });
    return sweeping;
  }

  async function sweepOnce(): Promise<void> {
    const room = MAX_HELD - held.size;
    if (room <= 0) return;
    try {
      const now = clock();
      // Only deliveries this process can handle: a Slack-only replica leaves Telegram's to a Telegram one.
      const platforms = [...handlers.keys()];
      const due = await store.claimDueDeliveries(
        platforms,
        iso(now),
        iso(now + leaseMs),
        owner,
        Math.min(room, 50),
      );
      if (stopping) {
        // Claimed while this process began to stop: handed straight back rather than left to their leases.
        if (due.length > 0)
          await store.parkDeliveries(
            owner,
            due.map((item) => item.id),
            iso(clock()),
          );
        return;
      }
      if (due.length > 0) logger.info({ count: due.length }, "taking up deliveries that were not finished");
      for (const item of due) {
        // Its lease lapsed while this process still works on it (renewals failed): keep working, under the new claim.
        const mine = held.get(item.id);
        if (mine) mine.attempts = item.attempts;
        else void run(item);
      }
    } catch (error) {
      logger.warn({ err: error }, "looking for unfinished deliveries failed; trying again shortly");
    }
  }

  async function renew(): Promise<void> {
    const ids = [...held.keys()];
    for (let i = 0; i < ids.length; i += 500) {
      await store
        .renewDeliveries(owner, ids.slice(i, i + 500), iso(clock() + leaseMs))
        .catch((error: unknown) => logger.warn({ err: error }, "renewing delivery leases failed"));
    }
  }

  return {
    owner,
    handle(platform, handler) {
      handlers.set(platform, handler);
    },
    async accept(delivery) {
      if (stopping) throw new CorongError("unavailable", "this process is stopping");
      return store.acceptDelivery(delivery, owner, iso(clock() + leaseMs));
    },
    run,
    start() {
      markStarted();
      void sweep();
      timers = [
        setInterval(() => void sweep(), sweepMs),
        setInterval(() => void renew(), Math.max(leaseMs / 3, 100)),
      ];
      for (const timer of timers) timer.unref();
    },
    async stop(graceMs) {
      stopping = true;
      for (const timer of timers) clearInterval(timer);
      const before = finished;
      await Promise.race([Promise.allSettled([sweeping, ...running]), sleep(graceMs)]);
      // Only what has not begun goes back for the next process. Work under way (or finished, its end not yet
      // recorded) stays held: it may still finish and be recorded here, else its lease runs out — a rerun then,
      // rather than two processes answering the same message at once.
      const unfinished = [...held.keys()].filter((id) => !unsettled.has(id) && !begun.has(id));
      for (const id of unfinished) held.delete(id);
      let parked = 0;
      if (unfinished.length > 0) {
        parked = await store.parkDeliveries(owner, unfinished, iso(clock())).catch((error: unknown) => {
          logger.error({ err: error }, "could not park unfinished deliveries; their leases will run out");
          return 0;
        });
      }
      return { finished: finished - before, parked };
    },
  };
}
