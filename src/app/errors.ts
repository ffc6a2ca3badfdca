/** What went wrong, as the app decides what to do about it. */
export type CorongErrorCode =
  /** The platform will never take this message: the rep never started the bot, left, or the chat is gone. */
  | "undeliverable"
  /**
   * The database cannot be reached or is locked right now, even after retries: the work may succeed later, so
   * a delivery is retried rather than answered with an error, and nothing is half-saved.
   */
  | "unavailable";

/** An error with a fixed code, so the app reacts to what happened rather than to a platform's wording. */
export class CorongError extends Error {
  constructor(
    readonly code: CorongErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "CorongError";
  }
}

/**
 * The CorongError behind `error`, however the libraries in between wrapped it (`cause`, or `original` as Bolt and
 * Slack's OAuth library do): a database outage inside Bolt's authorize is still an outage.
 */
function corongErrorIn(error: unknown): CorongError | null {
  return (causesOf(error).find((e) => e instanceof CorongError) as CorongError | undefined) ?? null;
}

/** `error` and what it wraps, outermost first: `cause`, or `original` as Bolt and Slack's OAuth library keep it. */
export function causesOf(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  while (current && chain.length < 6) {
    chain.push(current);
    const next = current as { original?: unknown; cause?: unknown };
    current = next.original ?? next.cause;
  }
  return chain;
}

export function isUndeliverable(error: unknown): boolean {
  return corongErrorIn(error)?.code === "undeliverable";
}

export function isUnavailable(error: unknown): boolean {
  return corongErrorIn(error)?.code === "unavailable";
}
