import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  /** The token the call was made with (Authorization: Bearer, or a `token` field). */
  token?: string;
  /** When the call arrived (epoch ms). */
  at: number;
}

/** What Slack hands the app for an OAuth code: one workspace's bot token. */
export interface FakeInstall {
  teamId: string;
  teamName: string;
  botToken: string;
  botUserId: string;
  installer: string;
}

export interface FakeSlackOptions {
  /** users.info answers: user id -> tz, name and locale. */
  users?: Record<string, { tz?: string; name?: string; locale?: string; isBot?: boolean }>;
  /** Socket Mode: the WebSocket URL apps.connections.open hands out. */
  socketUrl?: string;
  /** conversations.members answers: channel id -> user ids. */
  channels?: Record<string, string[]>;
  /** OAuth: the app's credentials oauth.v2.access checks, and what each code installs (a code works once). */
  oauth?: { clientId: string; clientSecret: string; codes: Record<string, FakeInstall> };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** Form fields as the Web API client sends them; JSON-encoded values (blocks, view) are decoded. */
function decodeArgs(body: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes("application/json")) return body ? JSON.parse(body) : {};
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    args[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return args;
}

/**
 * A loopback stand-in for the Slack Web API (`/api/<method>`) and for response_url (`/respond/<n>`): it answers the
 * methods Corong calls the way Slack documents them, records every call, and can answer 429 on demand.
 */
export async function startFakeSlack(options: FakeSlackOptions = {}) {
  const calls: SlackCall[] = [];
  const responses: Array<{ path: string; body: Record<string, unknown> }> = [];
  const rateLimits = new Map<string, number>();
  const delays = new Map<string, number>();
  const refusals = new Map<string, { error: string; times: number }>();
  const uploads: Array<{ fileId: string; bytes: number; png: boolean }> = [];
  let base = "";
  let ts = 1_700_000_000;
  const waiters: Array<() => void> = [];

  const usedCodes = new Set<string>();
  const revoked = new Set<string>();
  const installOf = (token: string | undefined) =>
    Object.values(options.oauth?.codes ?? {}).find((install) => install.botToken === token);

  const answer = (method: string, args: Record<string, unknown>, token?: string): Record<string, unknown> => {
    if (token && revoked.has(token)) return { ok: false, error: "token_revoked" };
    switch (method) {
      case "auth.test": {
        const install = installOf(token);
        return install
          ? {
              ok: true,
              user_id: install.botUserId,
              bot_id: `B${install.teamId}`,
              team_id: install.teamId,
              team: install.teamName,
              user: "corong",
              url: `https://${install.teamName.toLowerCase()}.slack.com/`,
            }
          : { ok: true, user_id: "UBOT", bot_id: "BBOT", team_id: "T1", user: "corong" };
      }
      case "oauth.v2.access": {
        const oauth = options.oauth;
        if (!oauth || args.client_id !== oauth.clientId || args.client_secret !== oauth.clientSecret)
          return { ok: false, error: "invalid_client_id" };
        const code = String(args.code);
        const install = oauth.codes[code];
        if (!install || usedCodes.has(code)) return { ok: false, error: "invalid_code" };
        usedCodes.add(code);
        return {
          ok: true,
          access_token: install.botToken,
          token_type: "bot",
          scope:
            "commands,chat:write,files:write,reactions:write,users:read,channels:read,groups:read,channels:history,groups:history,im:history,im:write",
          bot_user_id: install.botUserId,
          app_id: "A0CORONG",
          team: { id: install.teamId, name: install.teamName },
          enterprise: null,
          is_enterprise_install: false,
          authed_user: { id: install.installer },
        };
      }
      case "users.info": {
        const id = String(args.user);
        const user = options.users?.[id] ?? {};
        return {
          ok: true,
          user: {
            id,
            name: user.name?.toLowerCase() ?? id.toLowerCase(),
            real_name: user.name ?? id,
            tz: user.tz ?? "Asia/Jakarta",
            tz_offset: 25200,
            locale: user.locale ?? "en-US",
            profile: { display_name: user.name ?? "" },
            is_bot: user.isBot ?? false,
          },
        };
      }
      case "chat.postMessage":
        ts += 1;
        return { ok: true, channel: args.channel, ts: `${ts}.000100`, message: { text: args.text } };
      case "chat.postEphemeral":
        ts += 1;
        return { ok: true, message_ts: `${ts}.000200` };
      case "conversations.open":
        return { ok: true, channel: { id: `D${String(args.users).split(",")[0]}` } };
      case "reactions.add":
      case "views.publish":
        return { ok: true };
      case "conversations.members": {
        const members = options.channels?.[String(args.channel)] ?? [];
        // Two pages when there is more than one member, as Slack paginates with a cursor.
        const page = args.cursor === "page2" ? members.slice(1) : members.slice(0, 1);
        const next = args.cursor !== "page2" && members.length > 1 ? "page2" : "";
        return { ok: true, members: page, response_metadata: { next_cursor: next } };
      }
      case "apps.connections.open":
        return options.socketUrl
          ? { ok: true, url: options.socketUrl }
          : { ok: false, error: "not_allowed_token_type" };
      case "views.open":
        return {
          ok: true,
          view: { id: "VNHU13V36", callback_id: (args.view as { callback_id?: string })?.callback_id },
        };
      case "files.getUploadURLExternal":
        ts += 1;
        return { ok: true, upload_url: `${base}/upload/F${ts}`, file_id: `F${ts}` };
      case "files.completeUploadExternal":
        return { ok: true, files: (args.files as Array<{ id: string; title?: string }>) ?? [] };
      default:
        return { ok: false, error: "unknown_method" };
    }
  };

  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const body = raw.toString("utf8");
    const url = req.url ?? "/";
    if (url.startsWith("/upload/")) {
      // The Web API client uploads the file as multipart form data; the PNG signature inside is what matters.
      uploads.push({
        fileId: url.slice("/upload/".length),
        bytes: raw.length,
        png: raw.includes(PNG_SIGNATURE),
      });
      res.writeHead(200, { "content-type": "text/plain" }).end("OK");
      return;
    }
    if (url.startsWith("/respond/")) {
      responses.push({ path: url, body: JSON.parse(body || "{}") });
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
      for (const wake of waiters.splice(0)) wake();
      return;
    }
    const method = url.replace(/^\/api\//, "").split("?")[0] ?? "";
    const limited = rateLimits.get(method) ?? 0;
    if (limited > 0) {
      rateLimits.set(method, limited - 1);
      res
        .writeHead(429, { "retry-after": "0", "content-type": "application/json" })
        .end('{"ok":false,"error":"ratelimited"}');
      return;
    }
    const args = decodeArgs(body, req.headers["content-type"]);
    const bearer = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ""))?.[1];
    const token = bearer ?? (typeof args.token === "string" ? args.token : undefined);
    const delay = delays.get(method);
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    calls.push({ method, args, ...(token ? { token } : {}), at: Date.now() });
    const refusal = refusals.get(method);
    if (refusal) {
      refusal.times -= 1;
      if (refusal.times <= 0) refusals.delete(method);
    }
    const result = refusal ? { ok: false, error: refusal.error } : null;
    res
      .writeHead(200, { "content-type": "application/json" })
      .end(JSON.stringify(result ?? answer(method, args, token)));
    for (const wake of waiters.splice(0)) wake();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${base}/api/`,
    responseUrl: (n: number | string) => `${base}/respond/${n}`,
    calls,
    responses,
    uploads,
    /** The calls to one method, in order. */
    callsTo: (method: string) => calls.filter((c) => c.method === method),
    /** Answer every call to `method` only after `ms`: a slow Slack. */
    slow(method: string, ms: number) {
      delays.set(method, ms);
    },
    /** Answer the next `times` calls to `method` with `{ ok: false, error }`, as Slack refuses a call. */
    refuse(method: string, error: string, times: number) {
      refusals.set(method, { error, times });
    },
    /** From now on every call with `token` is refused with token_revoked, as after an uninstall. */
    revoke(token: string) {
      revoked.add(token);
    },
    /** Answer the next `times` calls to `method` with 429 and Retry-After: 0. */
    rateLimit(method: string, times: number) {
      rateLimits.set(method, times);
    },
    /** Resolves once `predicate` holds for what was recorded (checked after each request). */
    async waitFor(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (!predicate()) {
        if (Date.now() > deadline) throw new Error("fake Slack: the expected call never came");
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export type FakeSlack = Awaited<ReturnType<typeof startFakeSlack>>;
