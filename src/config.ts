import { z } from "zod";
import { canonicalTimeZone } from "./core/calendar.js";
import { decodeKey } from "./secrets/sealer.js";

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const optionalUrl = optionalText.refine((v) => v === undefined || URL.canParse(v), "must be a URL");

/** Why a DATABASE_URL cannot be used, in words an operator can act on; null when it can. */
function databaseUrlProblem(url: string): string | null {
  if (url.startsWith("sqlite:")) {
    return url.length > "sqlite:".length ? null : "sqlite: needs a file path, e.g. sqlite:./data/corong.db";
  }
  if (!/^postgres(ql)?:\/\//.test(url)) return "must be sqlite:PATH or postgres://user@host:5432/database";
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "is not a valid URL (a space or a stray character?); use postgres://user:password@host:5432/database";
  }
  if (!parsed.hostname) return "names no host; use postgres://user:password@host:5432/database";
  if (parsed.pathname.length <= 1)
    return "names no database; add it after the host, e.g. postgres://host:5432/corong";
  return null;
}

const schema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .default("sqlite:./data/corong.db")
    .superRefine((v, ctx) => {
      const problem = databaseUrlProblem(v);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  // Stored as IANA spells it, whatever the case it was typed in: holiday calendars match names exactly.
  DEFAULT_TIMEZONE: z
    .string()
    .trim()
    .default("Asia/Jakarta")
    .transform((v, ctx) => {
      const zone = canonicalTimeZone(v);
      if (!zone) ctx.addIssue({ code: "custom", message: "must be an IANA time zone such as Asia/Jakarta" });
      return zone ?? v;
    }),
  DEFAULT_LOCALE: z.enum(["en", "id"]).default("en"),
  // Where members' browsers reach the dashboard (behind a reverse proxy, its public https address).
  PUBLIC_URL: optionalUrl.refine(
    (v) => v === undefined || /^https?:\/\//.test(v),
    "must be an http:// or https:// URL, e.g. https://corong.example.com",
  ),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_API_URL: optionalUrl,
  // Distribution to many workspaces ("Add to Slack"): the app's OAuth credentials, and a secret to sign the state.
  SLACK_CLIENT_ID: optionalText,
  SLACK_CLIENT_SECRET: optionalText,
  SLACK_STATE_SECRET: optionalText.refine(
    (v) => v === undefined || v.length >= 16,
    "must be at least 16 characters (a long random string: openssl rand -hex 32)",
  ),
  // Seals installations' tokens at rest (AES-256-GCM); earlier keys still open what they sealed until `corong reseal`.
  CORONG_ENCRYPTION_KEY: optionalText.refine(
    (v) => v === undefined || decodeKey(v) !== null,
    "must be 32 random bytes in base64 or hex (openssl rand -base64 32)",
  ),
  CORONG_PREVIOUS_ENCRYPTION_KEYS: optionalText.refine(
    (v) => v === undefined || v.split(",").every((k) => decodeKey(k) !== null),
    "must be a comma-separated list of earlier CORONG_ENCRYPTION_KEY values (32 bytes each, base64 or hex)",
  ),
  TELEGRAM_BOT_TOKEN: optionalText,
  TELEGRAM_API_ROOT: optionalUrl,
  // Telegram delivers webhooks over HTTPS only.
  TELEGRAM_WEBHOOK_URL: optionalUrl.refine(
    (v) => v === undefined || v.startsWith("https://"),
    "must be an https:// URL (Telegram sends webhooks over HTTPS only); unset it for long polling",
  ),
  TELEGRAM_WEBHOOK_SECRET: optionalText.refine(
    (v) => v === undefined || /^[A-Za-z0-9_-]{1,256}$/.test(v),
    "must be 1-256 characters of A-Z, a-z, 0-9, _ and - (Telegram's rule for secret_token)",
  ),
});

export type Config = Readonly<z.infer<typeof schema>>;

/** Thrown when the environment is wrong; `problems` holds one readable line per bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Reads and validates the environment: the only place that does. Lists every problem at once. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable means "not set", as it does in most deployment tools.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join(".") || "environment"}: ${issue.message}`),
    );
  }
  const config = parsed.data;
  const problems: string[] = [];
  if (config.TELEGRAM_WEBHOOK_URL && !config.TELEGRAM_WEBHOOK_SECRET)
    problems.push("TELEGRAM_WEBHOOK_SECRET: required when TELEGRAM_WEBHOOK_URL is set");
  if (config.TELEGRAM_WEBHOOK_SECRET && !config.TELEGRAM_WEBHOOK_URL)
    problems.push(
      "TELEGRAM_WEBHOOK_URL: required when TELEGRAM_WEBHOOK_SECRET is set (or unset the secret to use long polling)",
    );
  if (config.SLACK_BOT_TOKEN && !config.SLACK_SIGNING_SECRET && !config.SLACK_APP_TOKEN)
    problems.push(
      "SLACK_SIGNING_SECRET: required with SLACK_BOT_TOKEN (or set SLACK_APP_TOKEN for Socket Mode)",
    );
  if (config.SLACK_CLIENT_ID) {
    if (config.SLACK_BOT_TOKEN)
      problems.push(
        "SLACK_BOT_TOKEN: unset it when SLACK_CLIENT_ID is set; every workspace's token then comes from installing at /slack/install",
      );
    for (const name of [
      "SLACK_CLIENT_SECRET",
      "SLACK_STATE_SECRET",
      "SLACK_SIGNING_SECRET",
      "CORONG_ENCRYPTION_KEY",
    ] as const)
      if (!config[name])
        problems.push(`${name}: required when SLACK_CLIENT_ID is set (installing in several workspaces)`);
    // Slack sends installers back over https only, and the OAuth state cookie is Secure.
    if (!config.PUBLIC_URL?.startsWith("https://"))
      problems.push(
        "PUBLIC_URL: required as an https:// address when SLACK_CLIENT_ID is set (installers come back to PUBLIC_URL/slack/oauth_redirect)",
      );
  } else if (config.SLACK_CLIENT_SECRET) {
    problems.push("SLACK_CLIENT_ID: required when SLACK_CLIENT_SECRET is set");
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}
