import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface TelegramCall {
  method: string;
  args: Record<string, unknown>;
  /** Epoch ms the call arrived, to check that a 429's retry_after was waited out. */
  at: number;
}

export interface FakeUser {
  id: number;
  is_bot: boolean;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export const FAKE_BOT = {
  id: 7000000001,
  is_bot: true,
  first_name: "Corong",
  username: "CorongBot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
} as const;

export const BOT_TOKEN = "7000000001:AAFakeTokenForTestsOnly_abcdefghijk";

/** How long an empty getUpdates is held open at most: long polling, shortened for tests. */
const LONG_POLL_MS = 200;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => resolve(body));
    req.on("error", reject);
  });
}

/** JSON bodies as telegraf sends them without files; multipart (sendPhoto with a file) reduced to its text fields. */
function decodeArgs(body: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes("application/json")) return body ? JSON.parse(body) : {};
  if (contentType?.includes("multipart/form-data")) {
    const args: Record<string, unknown> = {};
    for (const match of body.matchAll(/name="([^"]+)"(?:; filename="[^"]*")?\r\n(?:[^\r\n]+\r\n)*\r\n/g)) {
      const start = (match.index ?? 0) + match[0].length;
      const end = body.indexOf("\r\n--", start);
      const name = match[1] ?? "";
      args[name] = /filename=/.test(match[0]) ? { file: true, bytes: end - start } : body.slice(start, end);
    }
    return args;
  }
  return Object.fromEntries(new URLSearchParams(body));
}

/**
 * A loopback stand-in for the Telegram Bot API (`/bot<token>/<method>`): getUpdates long-polls a queue of updates
 * the test pushes, the sending methods answer the way the Bot API documents and are recorded, and any method can
 * be made to answer 429 with `parameters.retry_after`.
 */
export async function startFakeTelegram(options: { admins?: Record<string, FakeUser[]> } = {}) {
  const calls: TelegramCall[] = [];
  let queue: Array<Record<string, unknown>> = [];
  const admins = new Map(Object.entries(options.admins ?? {}));
  const rateLimits = new Map<string, { times: number; retryAfter: number }>();
  const refusals = new Map<string, { times: number; description: string }>();
  const waiters: Array<() => void> = [];
  const pollers: Array<() => void> = [];
  let messageId = 5000;

  const wake = () => {
    for (const w of waiters.splice(0)) w();
  };

  const ok = (res: ServerResponse, result: unknown) =>
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, result }));

  const sent = (args: Record<string, unknown>, extra: Record<string, unknown>) => {
    const chatId = Number(args.chat_id);
    return {
      message_id: Number(args.message_id ?? ++messageId),
      from: FAKE_BOT,
      chat:
        chatId < 0 ? { id: chatId, title: "Sales JKT", type: "supergroup" } : { id: chatId, type: "private" },
      date: Math.floor(Date.now() / 1000),
      ...extra,
    };
  };

  /** Ends the getUpdates that is waiting, if any, with a conflict. */
  let pollingNow: (() => void) | undefined;

  async function getUpdates(args: Record<string, unknown>, req: IncomingMessage, res: ServerResponse) {
    const offset = Number(args.offset ?? 0);
    // Asking from `offset` confirms every update before it, as the Bot API does.
    if (offset > 0) queue = queue.filter((u) => Number(u.update_id) >= offset);
    const timeoutMs = Math.min(Number(args.timeout ?? 0) * 1000, LONG_POLL_MS);
    // Only one getUpdates may be open per bot: a newer one ends the one waiting with 409, as Telegram does.
    pollingNow?.();
    if (queue.length === 0 && timeoutMs > 0) {
      let conflict = false;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        const wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
        pollers.push(wakeUp);
        pollingNow = () => {
          conflict = true;
          wakeUp();
        };
        req.once("close", wakeUp);
      });
      pollingNow = undefined;
      if (conflict && !res.writableEnded) {
        res.writeHead(409, { "content-type": "application/json" }).end(
          JSON.stringify({
            ok: false,
            error_code: 409,
            description:
              "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
          }),
        );
        return;
      }
    }
    if (res.destroyed || res.writableEnded) return;
    const limit = Number(args.limit ?? 100);
    ok(res, queue.slice(0, limit));
  }

  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const method = (req.url ?? "").split("?")[0]?.split("/").pop() ?? "";
    const args = decodeArgs(body, req.headers["content-type"]);
    if (!(req.url ?? "").startsWith(`/bot${BOT_TOKEN}/`)) {
      res
        .writeHead(401, { "content-type": "application/json" })
        .end('{"ok":false,"error_code":401,"description":"Unauthorized"}');
      return;
    }
    if (method === "getUpdates") {
      await getUpdates(args, req, res);
      return;
    }
    calls.push({ method, args, at: Date.now() });
    const limited = rateLimits.get(method);
    if (limited && limited.times > 0) {
      limited.times -= 1;
      res.writeHead(429, { "content-type": "application/json" }).end(
        JSON.stringify({
          ok: false,
          error_code: 429,
          description: `Too Many Requests: retry after ${limited.retryAfter}`,
          parameters: { retry_after: limited.retryAfter },
        }),
      );
      wake();
      return;
    }
    const refusal = refusals.get(method);
    if (refusal && refusal.times > 0) {
      refusal.times -= 1;
      res
        .writeHead(400, { "content-type": "application/json" })
        .end(JSON.stringify({ ok: false, error_code: 400, description: refusal.description }));
      wake();
      return;
    }
    switch (method) {
      case "getMe":
        ok(res, FAKE_BOT);
        break;
      case "deleteWebhook":
      case "setWebhook":
      case "setMyCommands":
      case "answerCallbackQuery":
        ok(res, true);
        break;
      case "getChatAdministrators": {
        const users = admins.get(String(args.chat_id)) ?? [];
        ok(res, [
          ...users.map((user, i) =>
            i === 0
              ? { status: "creator", user, is_anonymous: false }
              : { status: "administrator", user, can_be_edited: false, is_anonymous: false },
          ),
          { status: "administrator", user: FAKE_BOT, can_be_edited: false, is_anonymous: false },
        ]);
        break;
      }
      case "sendMessage":
        ok(res, sent(args, { text: args.text }));
        break;
      case "editMessageText":
        ok(res, sent(args, { text: args.text, edit_date: Math.floor(Date.now() / 1000) }));
        break;
      case "sendPhoto":
        ok(
          res,
          sent(args, {
            photo: [
              { file_id: "AgACAgQAAxk", file_unique_id: "AQAD", width: 1080, height: 720, file_size: 51234 },
            ],
            ...(args.caption ? { caption: args.caption } : {}),
          }),
        );
        break;
      case "sendDocument":
        ok(
          res,
          sent(args, {
            document: {
              file_id: "BQACAgQAAxk",
              file_unique_id: "AgAD",
              file_name: "export.csv",
              mime_type: "text/csv",
            },
            ...(args.caption ? { caption: args.caption } : {}),
          }),
        );
        break;
      default:
        res
          .writeHead(404, { "content-type": "application/json" })
          .end('{"ok":false,"error_code":404,"description":"Not Found: method not found"}');
    }
    wake();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiRoot,
    calls,
    /** The calls to one method, in order. */
    callsTo: (method: string) => calls.filter((c) => c.method === method),
    /** Queues updates for the next getUpdates, as Telegram does when users write. */
    push(...updates: Array<Record<string, unknown>>) {
      queue.push(...updates.map((u) => structuredClone(u)));
      for (const p of pollers.splice(0)) p();
    },
    /** Updates not yet confirmed by the bot's next getUpdates offset. */
    pending: () => queue.length,
    setAdmins(chatId: number, users: FakeUser[]) {
      admins.set(String(chatId), users);
    },
    /** Answer the next `times` calls to `method` with 429 and `parameters.retry_after`. */
    /** Answer the next `times` calls to `method` with 400 and `description`, as Telegram refuses a call. */
    refuse(method: string, description: string, times = 1) {
      refusals.set(method, { times, description });
    },
    rateLimit(method: string, times: number, retryAfter = 1) {
      rateLimits.set(method, { times, retryAfter });
    },
    /** Resolves once `predicate` holds for what was recorded (checked after each call). */
    async waitFor(predicate: () => boolean, timeoutMs = 8000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (!predicate()) {
        if (Date.now() > deadline) throw new Error("fake Telegram: the expected call never came");
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const p of pollers.splice(0)) p();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export type FakeTelegram = Awaited<ReturnType<typeof startFakeTelegram>>;
