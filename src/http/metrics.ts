import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { Telemetry } from "../app/ports.js";
import type { Route } from "./server.js";

/**
 * Prometheus metrics for one process, served at `GET /metrics`: reports stored and refused, commands, deliveries
 * and scheduled messages by outcome, how long deliveries take, the database pool, and Node's own (event-loop lag,
 * heap, GC, handles).
 * Each replica serves its own; Prometheus adds them up.
 */
interface PoolStats {
  open: number;
  idle: number;
  waiting: number;
}

export function createPrometheusTelemetry(
  options: {
    /** The database pool, read at each scrape (Postgres; SQLite has none). */
    poolStats?: (() => PoolStats) | undefined;
  } = {},
): { telemetry: Telemetry; route: Route } {
  const registry = new Registry();
  registry.setDefaultLabels({ app: "corong" });
  collectDefaultMetrics({ register: registry, prefix: "corong_" });
  const { poolStats } = options;
  if (poolStats) {
    const gauge = (name: string, help: string, read: (stats: PoolStats) => number) =>
      new Gauge({
        name,
        help,
        registers: [registry],
        collect() {
          this.set(read(poolStats()));
        },
      });
    gauge("corong_db_pool_connections", "Database connections open in this process's pool", (s) => s.open);
    gauge("corong_db_pool_idle_connections", "Open database connections not in use", (s) => s.idle);
    gauge(
      "corong_db_pool_waiting_queries",
      "Queries waiting for a free database connection",
      (s) => s.waiting,
    );
  }
  const reports = new Counter({
    name: "corong_reports_stored_total",
    help: "Reports saved: created, updated by an edit, or a duplicate delivery of one already stored",
    labelNames: ["platform", "outcome"],
    registers: [registry],
  });
  const refusals = new Counter({
    name: "corong_parse_refusals_total",
    help: "Messages read as reports and refused, by reason",
    labelNames: ["platform", "reason"],
    registers: [registry],
  });
  const commands = new Counter({
    name: "corong_commands_total",
    help: "Messages and commands handled, by what they asked for",
    labelNames: ["platform", "kind"],
    registers: [registry],
  });
  const deliveries = new Counter({
    name: "corong_deliveries_total",
    help: "Delivery attempts by how they ended: done, to be retried, or given up",
    labelNames: ["platform", "outcome"],
    registers: [registry],
  });
  const handling = new Histogram({
    name: "corong_delivery_handling_seconds",
    help: "From taking a delivery up to recording how it ended",
    labelNames: ["platform"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const jobs = new Counter({
    name: "corong_job_runs_total",
    help: "Scheduled messages by kind and outcome",
    labelNames: ["kind", "outcome"],
    registers: [registry],
  });
  const telemetry: Telemetry = {
    reportStored: (platform, outcome) => reports.inc({ platform, outcome }),
    reportRefused: (platform, reason) => refusals.inc({ platform, reason }),
    command: (platform, kind) => commands.inc({ platform, kind }),
    delivery(platform, outcome, seconds) {
      deliveries.inc({ platform, outcome });
      handling.observe({ platform }, seconds);
    },
    jobRun: (kind, outcome) => jobs.inc({ kind, outcome }),
  };
  const route: Route = {
    method: "GET",
    path: "/metrics",
    handle(_req, res) {
      registry.metrics().then(
        (text) => res.writeHead(200, { "content-type": registry.contentType }).end(text),
        () => res.writeHead(500).end(),
      );
    },
  };
  return { telemetry, route };
}
