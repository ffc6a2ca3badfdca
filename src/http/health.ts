import type { Connection } from "../db/connect.js";

/** What /healthz says: the process answers; whether its database does is a separate line. */
export interface Health {
  database: "reachable" | "unreachable";
  /** When the database was last reached or found out of reach, ISO; null before the first check. */
  checkedAt: string | null;
}

/** How often the database is probed when nothing else has been asking it. */
const PROBE_MS = 5000;

/**
 * The database's state as the latest call or probe found it. /healthz reads this and never waits on the database
 * itself, so it answers at once even while the database is locked or gone.
 */
export function createDatabaseHealth(connection: Pick<Connection, "probe">, clock: () => number) {
  let reachable = true;
  let checkedAt: number | null = null;
  let timer: NodeJS.Timeout | undefined;

  const record = (ok: boolean) => {
    reachable = ok;
    checkedAt = clock();
  };
  const check = () =>
    connection.probe(2000).then(
      () => record(true),
      () => record(false),
    );

  return {
    record,
    health: (): Health => ({
      database: reachable ? "reachable" : "unreachable",
      checkedAt: checkedAt === null ? null : new Date(checkedAt).toISOString(),
    }),
    start() {
      void check();
      timer = setInterval(() => {
        // A call in the last few seconds already told; the probe covers quiet times.
        if (checkedAt === null || clock() - checkedAt >= PROBE_MS) void check();
      }, PROBE_MS);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
    },
  };
}
