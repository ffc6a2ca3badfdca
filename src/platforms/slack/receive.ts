import { isUnavailable } from "../../app/errors.js";
import type { Intake } from "../../app/intake.js";
import type { SlackDelivery } from "./deliveries.js";

/**
 * Slack waits 3 seconds for an answer, network included. A form submission is answered by its listener's ack()
 * (the form's errors ride in it); one queued behind a slow delivery from the same person is answered empty well
 * before Slack gives up — it is recorded, and handled in turn.
 */
const ACK_DEADLINE_MS = 2000;

/** Only a form submission's answer carries something (errors that keep the form open); the rest reply later. */
function answersInAck(delivery: SlackDelivery): boolean {
  return (delivery.payload as { type?: unknown }).type === "view_submission";
}

/** How a delivery is answered on its transport: an HTTP response, or a Socket Mode ack. */
export interface SlackAnswer {
  ack(body?: unknown): Promise<void>;
  /** Leaves the delivery unanswered (HTTP 503, no Socket Mode ack), so Slack sends it again. */
  retryLater(): Promise<void>;
  /** Slack's last retry of an event: after this one it stops trying. */
  lastTry: boolean;
}

export interface NotSaved {
  /** What to answer a command or interaction that could not be recorded: it tells the sender nothing was saved. */
  answerFor(delivery: SlackDelivery): Promise<unknown>;
  /** Tells the sender of an event that Slack will not send again that nothing was saved. */
  tell(delivery: SlackDelivery): Promise<void>;
}

/**
 * The one way a Slack delivery is received, over HTTP or Socket Mode: recorded in the inbox first, answered
 * second, handled from the record. What cannot be recorded is not acknowledged as received: an event is left for
 * Slack to retry, and a command or interaction (which Slack never retries) is answered with "nothing was saved".
 */
export async function receiveSlackDelivery(
  intake: Intake,
  delivery: SlackDelivery,
  answer: SlackAnswer,
  notSaved: NotSaved,
): Promise<void> {
  let item: Awaited<ReturnType<Intake["accept"]>>;
  try {
    item = await intake.accept(delivery);
  } catch (error) {
    if (!isUnavailable(error)) throw error;
    if (delivery.kind !== "event") return answer.ack(await notSaved.answerFor(delivery));
    // Slack's last try: it will not send this again, so the sender hears it was not saved (without holding the
    // answer up).
    if (answer.lastTry) void notSaved.tell(delivery).catch(() => {});
    return answer.retryLater();
  }
  // Recorded before: a retry, a replay, or a delivery another replica took. It is handled there, once.
  if (!item) return answer.ack();
  // Recorded is all Slack needs to hear: events, commands and buttons are answered at once, their replies follow
  // (response_url, a message), however long the same person's earlier deliveries take.
  if (!answersInAck(delivery)) {
    await answer.ack();
    void intake.run(item);
    return;
  }
  let answered = false;
  const once = async (body?: unknown) => {
    if (answered) return;
    answered = true;
    await answer.ack(body);
  };
  const deadline = setTimeout(() => void once(), ACK_DEADLINE_MS);
  try {
    await intake.run(item, once);
  } finally {
    clearTimeout(deadline);
    await once();
  }
}
