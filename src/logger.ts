import pino from "pino";
import { logContext } from "./app/log-context.js";
import type { Logger } from "./app/logger.js";

/** What an error may say in a log: who failed and why, never what was being sent. */
interface LoggedError {
  type?: string;
  message?: string;
  stack?: string;
  code?: unknown;
  /** Telegram's description and error_code, Slack's `data.error`, an HTTP status. */
  description?: unknown;
  error_code?: unknown;
  status?: unknown;
  slackError?: unknown;
  cause?: LoggedError;
}

/**
 * Serialises an error by a list of fields, not all of them: platform SDK errors carry the request they failed on
 * (Telegraf's `on.payload`, axios's `config.data` behind Bolt's respond), and that holds the message text — a
 * dashboard sign-in link among them. What a request carried stays out of the logs.
 */
export function loggedError(error: unknown, depth = 0): LoggedError | undefined {
  if (!(error instanceof Error)) return error === undefined ? undefined : { message: String(error) };
  const e = error as Error & Record<string, unknown>;
  const response = e.response as { status?: unknown } | undefined;
  const data = e.data as { error?: unknown } | undefined;
  const logged: LoggedError = { type: e.name, message: e.message, stack: e.stack };
  if (e.code !== undefined) logged.code = e.code;
  if (e.description !== undefined) logged.description = e.description;
  if (e.error_code !== undefined) logged.error_code = e.error_code;
  const status = e.statusCode ?? e.status ?? response?.status;
  if (status !== undefined) logged.status = status;
  if (data?.error !== undefined) logged.slackError = data.error;
  const cause = depth < 3 ? loggedError(e.cause, depth + 1) : undefined;
  if (cause) logged.cause = cause;
  return logged;
}

/**
 * JSON logs on stderr, so the console chat and `corong parse` keep stdout for their answers. Each line carries the
 * id of what it was written for: `request`, `delivery` (with its platform), `job`.
 */
export function createLogger(
  level: string,
  destination: pino.DestinationStream = pino.destination(2),
): Logger {
  return pino(
    {
      level,
      base: { app: "corong" },
      serializers: { err: (error: unknown) => loggedError(error) },
      // The request, delivery or job the line was written for (app/log-context). A copy: pino merges each
      // line's own fields into what the mixin returns, and those must not stay on the next line.
      mixin: () => ({ ...logContext() }),
    },
    destination,
  );
}
