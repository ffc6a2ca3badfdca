import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";

/**
 * A loopback stand-in for Slack's Socket Mode endpoint: greets each connection with `hello` as Slack does, sends
 * envelopes the test hands it, and resolves when the app acknowledges them by envelope_id. With several
 * connections (replicas) each envelope goes to one of them, as Slack spreads them.
 */
export async function startFakeSlackSocket() {
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const acks = new Map<string, (ack: unknown) => void>();
  const clients: WebSocket[] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  server.on("connection", (socket) => {
    clients.push(socket);
    socket.on("message", (data) => {
      const message = JSON.parse(String(data)) as { envelope_id?: string };
      if (message.envelope_id) acks.get(message.envelope_id)?.(message);
    });
    socket.send(
      JSON.stringify({
        type: "hello",
        num_connections: clients.length,
        connection_info: { app_id: "A123ABC456" },
      }),
    );
    for (const waiter of waiters.filter((w) => clients.length >= w.count)) waiter.resolve();
  });
  let next = 0;
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/link`,
    /** Resolves once `count` connections (the first by default) are open. */
    connected: (count = 1) =>
      new Promise<void>((resolve) => {
        if (clients.length >= count) resolve();
        else waiters.push({ count, resolve });
      }),
    /**
     * Sends an envelope ("events_api", "slash_commands", …) and resolves with the app's ack. `extra` adds envelope
     * fields, such as the `retry_attempt` of a redelivery. `via` picks the connection (the latest by default).
     */
    send(
      type: string,
      payload: unknown,
      extra: Record<string, unknown> = {},
      via = clients.length - 1,
    ): Promise<{ envelope_id: string; payload?: unknown }> {
      next += 1;
      const envelopeId = `env-${next}`;
      return new Promise((resolve) => {
        acks.set(envelopeId, resolve as (ack: unknown) => void);
        clients[via]?.send(
          JSON.stringify({
            envelope_id: envelopeId,
            type,
            payload,
            accepts_response_payload: type !== "events_api",
            ...extra,
          }),
        );
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of server.clients) socket.terminate();
        server.close(() => resolve());
      }),
  };
}
