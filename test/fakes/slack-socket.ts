import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";

/**
 * A loopback stand-in for Slack's Socket Mode endpoint: greets each connection with `hello` as Slack does, sends
 * envelopes the test hands it, and resolves when the app acknowledges them by envelope_id.
 */
export async function startFakeSlackSocket() {
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const acks = new Map<string, (ack: unknown) => void>();
  let client: WebSocket | undefined;
  let connected: () => void = () => {};
  const connection = new Promise<void>((resolve) => {
    connected = resolve;
  });
  server.on("connection", (socket) => {
    client = socket;
    socket.on("message", (data) => {
      const message = JSON.parse(String(data)) as { envelope_id?: string };
      if (message.envelope_id) acks.get(message.envelope_id)?.(message);
    });
    socket.send(
      JSON.stringify({ type: "hello", num_connections: 1, connection_info: { app_id: "A123ABC456" } }),
    );
    connected();
  });
  let next = 0;
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/link`,
    connected: () => connection,
    /**
     * Sends an envelope ("events_api", "slash_commands", …) and resolves with the app's ack. `extra` adds envelope
     * fields, such as the `retry_attempt` of a redelivery.
     */
    send(
      type: string,
      payload: unknown,
      extra: Record<string, unknown> = {},
    ): Promise<{ envelope_id: string; payload?: unknown }> {
      next += 1;
      const envelopeId = `env-${next}`;
      return new Promise((resolve) => {
        acks.set(envelopeId, resolve as (ack: unknown) => void);
        client?.send(
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
