import type { IncomingMessage, ServerResponse } from "node:http";

/** Platforms send small payloads; anything bigger is refused before it is read into memory. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

export class BodyTooLargeError extends Error {
  constructor() {
    super("request body too large");
    this.name = "BodyTooLargeError";
  }
}

/** The raw request body, as signature checks need it; rejects past `limit` bytes. */
export function readBody(req: IncomingMessage, limit = BODY_LIMIT_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Stop buffering; the 413 goes out with "connection: close" and the rest is never read.
        req.removeAllListeners("data");
        req.pause();
        reject(new BodyTooLargeError());
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** The raw body, or null once the request was answered 413 (too large) or 400 (broken off). */
export async function readBodyOrRefuse(req: IncomingMessage, res: ServerResponse): Promise<Buffer | null> {
  try {
    return await readBody(req);
  } catch (error) {
    answer(res, error instanceof BodyTooLargeError ? 413 : 400);
    return null;
  }
}

/** Answers with a status and an optional body: an object as JSON, a string as plain text. */
export function answer(res: ServerResponse, status: number, body?: unknown): void {
  if (res.headersSent) return;
  if (status === 413) {
    res.writeHead(413, { connection: "close" }).end();
    res.once("finish", () => res.socket?.destroy());
    return;
  }
  if (body === undefined || body === null || body === "") {
    res.writeHead(status).end();
  } else if (typeof body === "string") {
    res.writeHead(status, { "content-type": "text/plain; charset=utf-8" }).end(body);
  } else {
    res.writeHead(status, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(body));
  }
}
