import { AsyncLocalStorage } from "node:async_hooks";
import type { IncomingMessage, ServerResponse } from "node:http";
import { ErrorCode, type InstallationStore, InstallProvider, type InstallURLOptions } from "@slack/oauth";
import type { Logger } from "../../app/logger.js";
import { isLocale, type Locale } from "../../core/locale.js";
import type { InstallFailure } from "../../core/texts/web-texts.js";
import type { Route } from "../../http/server.js";
import { installedHtml, installFailedHtml, installPageHtml } from "../../web/install-pages.js";
import { SECURITY_HEADERS } from "../../web/security-headers.js";
import { boltLogger } from "./bolt-logger.js";

/** What the bot asks a workspace for: the same list as slack/manifest.yml. */
export const BOT_SCOPES = [
  "commands",
  "chat:write",
  "files:write",
  "reactions:write",
  "users:read",
  "channels:read",
  "groups:read",
  "channels:history",
  "groups:history",
  "im:history",
  "im:write",
];

export const INSTALL_PATH = "/slack/install";
export const REDIRECT_PATH = "/slack/oauth_redirect";

export interface SlackInstallOptions {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  installationStore: InstallationStore;
  /** Web API base URL: oauth.v2.access and auth.test go where every other call goes. */
  apiUrl?: string;
  /** Where installers' browsers reach this deployment; the redirect URL is built from it. */
  publicUrl: () => string;
  defaultLocale: Locale;
  logger: Logger;
}

function localeOf(req: IncomingMessage, fallback: Locale): Locale {
  const first = String(req.headers["accept-language"] ?? "")
    .trim()
    .slice(0, 2)
    .toLowerCase();
  return isLocale(first) ? first : fallback;
}

function page(res: ServerResponse, status: number, body: string): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.writeHead(status).end(body);
}

/** Why the OAuth library refused a callback, as the installer should hear it. */
function failureOf(error: { code?: string; message?: string }): InstallFailure {
  // The library says "cancelled" only in its message; its code is shared with other authorization failures.
  if (error.code === ErrorCode.AuthorizationError && /cancel/i.test(error.message ?? "")) return "cancelled";
  if (error.code === ErrorCode.InvalidStateError || error.code === ErrorCode.MissingStateError)
    return "expired";
  return "failed";
}

/**
 * "Add to Slack" with Bolt's InstallProvider: `GET /slack/install` shows the page that starts Slack's OAuth v2
 * flow (the state is signed with SLACK_STATE_SECRET and pinned to the browser by a cookie), and
 * `GET /slack/oauth_redirect` checks the state, exchanges the code and keeps the installation in the database.
 */
export function createSlackInstall(options: SlackInstallOptions): {
  routes: Route[];
  installer: InstallProvider;
} {
  const { logger } = options;
  // The install page is rendered inside the library; the request's language reaches it through this.
  const requestLocale = new AsyncLocalStorage<Locale>();
  const installer = new InstallProvider({
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    stateSecret: options.stateSecret,
    installationStore: options.installationStore,
    logger: boltLogger(logger.child({ source: "slack-oauth" })),
    ...(options.apiUrl ? { clientOptions: { slackApiUrl: options.apiUrl } } : {}),
    renderHtmlForInstallPath: (url) =>
      installPageHtml(requestLocale.getStore() ?? options.defaultLocale, url),
  });
  const installOptions = (): InstallURLOptions => ({
    scopes: BOT_SCOPES,
    redirectUri: `${options.publicUrl()}${REDIRECT_PATH}`,
  });

  async function install(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const locale = localeOf(req, options.defaultLocale);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    await requestLocale.run(locale, () => installer.handleInstallPath(req, res, undefined, installOptions()));
  }

  async function callback(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const locale = localeOf(req, options.defaultLocale);
    await installer.handleCallback(req, res, {
      success: (installation, _options, _req, response) => {
        logger.info(
          { workspace: installation.team?.id ?? installation.enterprise?.id },
          "installed in a Slack workspace",
        );
        const name = installation.team?.name ?? installation.enterprise?.name ?? "Slack";
        page(response, 200, installedHtml(locale, name));
      },
      failure: (error, _options, _req, response) => {
        const reason = failureOf(error);
        logger.warn({ code: error.code, reason }, "a Slack installation did not complete");
        page(response, reason === "failed" ? 502 : 400, installFailedHtml(locale, reason, INSTALL_PATH));
      },
    });
  }

  const guarded =
    (handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>) =>
    (req: IncomingMessage, res: ServerResponse) => {
      handle(req, res).catch((error: unknown) => {
        logger.error({ err: error }, "the Slack install flow failed");
        if (!res.headersSent)
          page(res, 500, installFailedHtml(options.defaultLocale, "failed", INSTALL_PATH));
      });
    };

  return {
    installer,
    routes: [
      { method: "GET", path: INSTALL_PATH, handle: guarded(install) },
      { method: "GET", path: REDIRECT_PATH, handle: guarded(callback) },
    ],
  };
}
