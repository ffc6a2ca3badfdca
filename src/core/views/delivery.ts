import { mentionsActivity } from "../parse/index.js";
import type { Reply } from "../reply.js";
import type { Texts } from "../texts/index.js";

/** Why a person hears about their message when it could not be handled at once. */
export type DeliveryNoticeKind = "notSaved" | "delayed" | "lost";

const EXCERPT_LENGTH = 60;

/**
 * The message a sender gets when their delivery was not recorded (send again), is recorded but late (a
 * confirmation follows), or was given up (send again; `text` shows which one).
 */
export function deliveryNotice(t: Texts, kind: DeliveryNoticeKind, text = ""): Reply {
  const oneLine = text.replace(/\s+/g, " ").trim();
  const excerpt = oneLine.length > EXCERPT_LENGTH ? `${oneLine.slice(0, EXCERPT_LENGTH - 1)}…` : oneLine;
  const line =
    kind === "notSaved" ? t.notSavedTryAgain : kind === "delayed" ? t.savingDelayed : t.deliveryLost(excerpt);
  return { tone: kind === "delayed" ? "info" : "error", lines: [line] };
}

/**
 * Whether a sender is told about a delivery that was not handled at once: always in a direct chat or for a
 * command or button; in a team channel only for a report, since chatter there gets no answer, not even this one.
 * The day is the UTC one of `receivedAt`: the team (and its zone) may be out of reach, and the day only settles
 * ambiguous dates, which never turn a report into chatter.
 */
export function wantsDeliveryNotice(input: {
  text: string;
  inTeamChannel: boolean;
  command: boolean;
  receivedAt: number;
}): boolean {
  if (!input.inTeamChannel || input.command) return true;
  return mentionsActivity(input.text, { today: new Date(input.receivedAt).toISOString().slice(0, 10) });
}
