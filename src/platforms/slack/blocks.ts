import type { types } from "@slack/bolt";
import { type Reply, replyToText, tableToText } from "../../core/reply.js";
import { escapeMrkdwn } from "./mrkdwn.js";

export interface SlackMessage {
  /** The plain fallback: notifications, screen readers, clients without Block Kit. */
  text: string;
  blocks: types.KnownBlock[];
}

const SECTION_LIMIT = 3000;
const HEADER_LIMIT = 150;

function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

/** Button action ids carry the reply's action, so one listener can route every Corong button. */
export const ACTION_PREFIX = "corong:";

/** A Reply as Block Kit: header, the lines, fields, the table in a monospace block, then buttons. */
export function toSlackMessage(reply: Reply): SlackMessage {
  const blocks: types.KnownBlock[] = [];
  if (reply.title)
    blocks.push({ type: "header", text: { type: "plain_text", text: clip(reply.title, HEADER_LIMIT) } });
  if (reply.lines.length > 0) {
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: clip(escapeMrkdwn(reply.lines.join("\n")), SECTION_LIMIT) },
    });
  }
  if (reply.fields?.length) {
    blocks.push({
      type: "section",
      fields: reply.fields
        .slice(0, 10)
        .map((f) => ({ type: "mrkdwn", text: `*${escapeMrkdwn(f.label)}*\n${escapeMrkdwn(f.value)}` })),
    });
  }
  if (reply.table) {
    blocks.push({
      type: "rich_text",
      elements: [
        { type: "rich_text_preformatted", elements: [{ type: "text", text: tableToText(reply.table) }] },
      ],
    });
  }
  if (reply.footer?.length) {
    blocks.push({
      type: "context",
      elements: [{ type: "mrkdwn", text: clip(escapeMrkdwn(reply.footer.join("\n")), SECTION_LIMIT) }],
    });
  }
  if (reply.buttons?.length) {
    blocks.push({
      type: "actions",
      elements: reply.buttons.map((b) => ({
        type: "button",
        action_id: `${ACTION_PREFIX}${b.action}`,
        text: { type: "plain_text", text: clip(b.label, 75), emoji: true },
        value: b.action,
      })),
    });
  }
  return { text: escapeMrkdwn(replyToText(reply)), blocks };
}
