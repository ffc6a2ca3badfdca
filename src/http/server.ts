import { randomBytes } from "node:crypto";
import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { withLogContext } from "../app/log-context.js";
import type { Logger } from "../app/logger.js";
import { answer } from "./body.js";
import type { Health } from "./health.js";

/** A proxy's X-Request-Id when it is a sane one, so its logs and ours line up; else a new one. */
function requestIdOf(req: IncomingMessage): string {
  const given = req.headers["x-request-id"];
  if (typeof given === "string" && /^[A-Za-z0-9._-]{1,64}$/.test(given)) return given;
  return randomBytes(8).toString("hex");
}

export interface Route {
  method: "GET" | "POST";
  path: string;
  handle: RequestListener;
}

/** Everything under a path, any method: an app with routes of its own (the dashboard). */
export interface Mount {
  prefix: string;
  handle: RequestListener;
}

export interface HttpServer {
  server: Server;
  /** The bound port: the configured one, or the one the OS chose for port 0. */
  port: number;
  close(): Promise<void>;
}

/**
 * One HTTP port for every platform: Slack's events endpoint, Telegram's webhook and the health checks share it,
 * so a deployment opens one port whichever platforms it runs. `/healthz` answers whenever the process runs (with
 * the database's state in the body); `/readyz` answers 503 while the database is out of reach or the process is
 * stopping, so a load balancer sends deliveries elsewhere.
 */
export async function startHttpServer(options: {
  port: number;
  host?: string;
  routes: Route[];
  mounts?: Mount[];
  logger: Logger;
  health?: () => Health;
  /** False while stopping: deliveries get 503, and the platforms send them again (to another replica). */
  accepting?: () => boolean;
}) {
  const table = new Map(options.routes.map((r) => [`${r.method} ${r.path}`, r.handle]));
  const accepting = options.accepting ?? (() => true);
  const health = options.health ?? (() => ({ database: "reachable" as const, checkedAt: null }));
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (req.method === "GET" && path === "/healthz") {
      answer(res, 200, { ok: true, ...health() });
      return;
    }
    if (req.method === "GET" && path === "/readyz") {
      const state = health();
      const ready = accepting() && state.database === "reachable";
      answer(res, ready ? 200 : 503, { ready, stopping: !accepting(), ...state });
      return;
    }
    const mount = options.mounts?.find((m) => path === m.prefix || path.startsWith(`${m.prefix}/`));
    const handle = table.get(`${req.method} ${path}`) ?? mount?.handle;
    // Logged by its route, never the path itself: a login link's path is its key.
    const route = table.has(`${req.method} ${path}`) ? path : (mount?.prefix ?? path);
    if (!handle) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    if (!accepting()) {
      res.writeHead(503, { "retry-after": "1", connection: "close" }).end();
      return;
    }
    // Every line logged for this request, and for the delivery it takes in, carries its id.
    const requestId = requestIdOf(req);
    res.setHeader("X-Request-Id", requestId);
    try {
      withLogContext({ request: requestId }, () => handle(req, res));
    } catch (error) {
      options.logger.error({ err: error, route }, "HTTP handler failed");
      if (!res.headersSent) res.writeHead(500).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  } satisfies HttpServer;
}
