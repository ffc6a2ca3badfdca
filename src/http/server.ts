import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../app/logger.js";

export interface Route {
  method: "GET" | "POST";
  path: string;
  handle: RequestListener;
}

export interface HttpServer {
  server: Server;
  /** The bound port: the configured one, or the one the OS chose for port 0. */
  port: number;
  close(): Promise<void>;
}

/**
 * One HTTP port for every platform: Slack's events endpoint, Telegram's webhook and the health check share it, so
 * a deployment opens one port whichever platforms it runs.
 */
export async function startHttpServer(options: {
  port: number;
  host?: string;
  routes: Route[];
  logger: Logger;
}) {
  const table = new Map(options.routes.map((r) => [`${r.method} ${r.path}`, r.handle]));
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (req.method === "GET" && path === "/healthz") {
      res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
      return;
    }
    const handle = table.get(`${req.method} ${path}`);
    if (!handle) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    try {
      handle(req, res);
    } catch (error) {
      options.logger.error({ err: error, path }, "HTTP handler failed");
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
