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

export function isUndeliverable(error: unknown): boolean {
  return error instanceof CorongError && error.code === "undeliverable";
}

export function isUnavailable(error: unknown): boolean {
  return error instanceof CorongError && error.code === "unavailable";
}
