import type { Logger } from "../../src/app/logger.js";
import { silentLogger } from "../../src/app/logger.js";
import type { Store } from "../../src/app/ports.js";
import { startHttpServer } from "../../src/http/server.js";
import { createDashboard } from "../../src/web/dashboard.js";

export interface Page {
  status: number;
  /** The body as sent, byte for byte (a CSV's BOM included). */
  bytes: Uint8Array;
  /** The body decoded as UTF-8 (a leading BOM dropped, as a browser drops it). */
  text: string;
  headers: Headers;
  location: string | null;
  setCookies: string[];
}

/** The dashboard on a loopback port, as `corong start` serves it, with a clock the test moves. */
export async function startDashboard(
  store: Store,
  clock: () => number,
  logger: Logger = silentLogger,
  /** The address browsers use (`PUBLIC_URL`); this loopback address unless given. */
  publicUrl?: string,
) {
  let base = "";
  const http = await startHttpServer({
    port: 0,
    host: "127.0.0.1",
    routes: [],
    mounts: [
      {
        prefix: "/dashboard",
        handle: createDashboard({
          store,
          logger,
          clock,
          publicUrl: () => publicUrl ?? base,
          defaultLocale: "en",
        }),
      },
    ],
    logger,
  });
  base = `http://127.0.0.1:${http.port}`;
  return { base, close: () => http.close() };
}

async function toPage(res: Response): Promise<Page> {
  const bytes = new Uint8Array(await res.arrayBuffer());
  return {
    status: res.status,
    bytes,
    text: new TextDecoder().decode(bytes),
    headers: res.headers,
    location: res.headers.get("location"),
    setCookies: res.headers.getSetCookie(),
  };
}

/** A GET as a browser sends it, with the session cookie when there is one. */
export async function get(url: string, cookie?: string, headers: Record<string, string> = {}): Promise<Page> {
  return toPage(
    await fetch(url, {
      redirect: "manual",
      headers: { ...headers, ...(cookie ? { cookie: `corong_session=${cookie}` } : {}) },
    }),
  );
}

/** A form POST as a browser sends it (application/x-www-form-urlencoded). */
export async function post(
  url: string,
  form: Record<string, string>,
  cookie?: string,
  headers: Record<string, string> = {},
): Promise<Page> {
  return toPage(
    await fetch(url, {
      method: "POST",
      redirect: "manual",
      headers: {
        ...headers,
        "content-type": "application/x-www-form-urlencoded",
        ...(cookie ? { cookie: `corong_session=${cookie}` } : {}),
      },
      body: new URLSearchParams(form).toString(),
    }),
  );
}

/** The link a chat answer carries. */
export function linkIn(reply: string): string {
  const link = /https?:\/\/\S+\/dashboard\/login\/[\w-]+/.exec(reply)?.[0];
  if (!link) throw new Error(`no dashboard link in: ${reply}`);
  return link;
}

/** Opens the link and presses its button: the session cookie it sets. */
export async function signIn(link: string): Promise<string> {
  const token = link.split("/").pop() ?? "";
  const opened = await post(new URL("/dashboard/login", link).href, { token });
  const cookie = opened.setCookies.find((c) => c.startsWith("corong_session="));
  if (opened.status !== 303 || !cookie) throw new Error(`sign-in failed: ${opened.status} ${opened.text}`);
  return cookie.slice("corong_session=".length).split(";")[0] ?? "";
}

export function csrfOf(html: string): string {
  const token = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error("no CSRF token on the page");
  return token;
}

/** The page's text as a person reads it: tags gone, entities decoded, spaces collapsed. */
export function visibleText(html: string): string {
  return html
    .replace(/<svg[\s\S]*?<\/svg>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}
