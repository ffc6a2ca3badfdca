import { CorongError } from "../../src/app/errors.js";
import type { Chart, Messenger } from "../../src/app/ports.js";
import { replyToText } from "../../src/core/reply.js";

export interface Delivery {
  to: "direct" | "team";
  teamId: number;
  memberId?: number;
  name?: string;
  text: string;
  chart?: Chart;
}

/**
 * A Messenger that records what it was asked to send and can fail on demand, the way a platform answering 429
 * would: the stand-in for Slack and Telegram in the scheduler's ledger tests.
 */
export function recordingMessenger() {
  const delivered: Delivery[] = [];
  let failuresLeft = 0;
  const blockedBy = new Set<string>();
  const failIfAsked = () => {
    if (failuresLeft > 0) {
      failuresLeft -= 1;
      throw new Error("429 Too Many Requests: retry after 1");
    }
  };
  const messenger = {
    async sendDirect(team, member, reply) {
      if (blockedBy.has(member.displayName))
        throw new CorongError("undeliverable", "Forbidden: bot was blocked by the user");
      failIfAsked();
      delivered.push({
        to: "direct",
        teamId: team.id,
        memberId: member.id,
        name: member.displayName,
        text: replyToText(reply),
      });
    },
    async postToTeam(team, reply) {
      failIfAsked();
      delivered.push({ to: "team", teamId: team.id, text: replyToText(reply) });
    },
    async postChart(team, chart) {
      failIfAsked();
      delivered.push({ to: "team", teamId: team.id, text: "", chart });
    },
  } satisfies Messenger;
  return {
    messenger,
    delivered,
    /** The next `n` sends fail like a rate-limited platform. */
    failNext(n: number) {
      failuresLeft = n;
    },
    /** Direct messages to this person fail for good, as for a rep who blocked the bot. */
    blockedBy(name: string) {
      blockedBy.add(name);
    },
  };
}
