import { LogLevel, type Logger as SlackLogger } from "@slack/bolt";
import type { Logger } from "../../app/logger.js";

/** Bolt's own logging, routed into the app's logger so every line is JSON on stderr with context. */
export function boltLogger(logger: Logger): SlackLogger {
  let level = LogLevel.INFO;
  const text = (msg: unknown[]) => msg.map((m) => (m instanceof Error ? m.message : String(m))).join(" ");
  return {
    debug: () => {},
    info: (...msg) => logger.info({ source: "bolt" }, text(msg)),
    warn: (...msg) => logger.warn({ source: "bolt" }, text(msg)),
    error: (...msg) => logger.error({ source: "bolt" }, text(msg)),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
