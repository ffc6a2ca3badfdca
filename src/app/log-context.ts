import { AsyncLocalStorage } from "node:async_hooks";

/** What every log line written while handling one thing carries: its request, delivery or job. */
export type LogFields = Record<string, string | number>;

const current = new AsyncLocalStorage<LogFields>();

/**
 * Runs `work` with `fields` added to every log line it writes, however deep and however asynchronous (the
 * logger reads them back, see src/logger.ts). Nested calls add to what the caller had: a delivery taken in by a
 * request keeps the request id.
 */
export function withLogContext<T>(fields: LogFields, work: () => T): T {
  return current.run(Object.freeze({ ...current.getStore(), ...fields }), work);
}

export function logContext(): LogFields {
  return current.getStore() ?? {};
}
