import pino from "pino";
import type { Logger } from "./app/logger.js";

/** JSON logs on stderr, so the console chat and `corong parse` keep stdout for their answers. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { app: "corong" } }, pino.destination(2));
}
