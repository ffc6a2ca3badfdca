import { z } from "zod";
import { isValidTimeZone } from "./core/calendar.js";

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const optionalUrl = optionalText.refine((v) => v === undefined || URL.canParse(v), "must be a URL");

const schema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .default("sqlite:./data/corong.db")
    .refine(
      (v) => /^sqlite:.+/.test(v) || /^postgres(ql)?:\/\/.+/.test(v),
      "must be sqlite:PATH or postgres://user@host:port/db",
    ),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DEFAULT_TIMEZONE: z
    .string()
    .trim()
    .default("Asia/Jakarta")
    .refine(isValidTimeZone, "must be an IANA time zone such as Asia/Jakarta"),
  DEFAULT_LOCALE: z.enum(["en", "id"]).default("en"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_API_URL: optionalUrl,
  TELEGRAM_BOT_TOKEN: optionalText,
  TELEGRAM_API_ROOT: optionalUrl,
  TELEGRAM_WEBHOOK_URL: optionalUrl,
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
  if (config.SLACK_BOT_TOKEN && !config.SLACK_SIGNING_SECRET && !config.SLACK_APP_TOKEN)
    problems.push(
      "SLACK_SIGNING_SECRET: required with SLACK_BOT_TOKEN (or set SLACK_APP_TOKEN for Socket Mode)",
    );
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}
