/** What went wrong, as the app decides what to do about it. */
export type CorongErrorCode =
  /** The platform will never take this message: the rep never started the bot, left, or the chat is gone. */
  "undeliverable";

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
