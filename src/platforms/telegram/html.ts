import type { InlineKeyboardMarkup } from "telegraf/types";
import { type Reply, tableToText } from "../../core/reply.js";

export interface TelegramMessage {
  /** Telegram HTML (parse_mode "HTML"). */
  text: string;
  reply_markup?: InlineKeyboardMarkup;
}

/** Telegram's limit for one message's text. */
const MESSAGE_LIMIT = 4096;
const BUTTONS_PER_ROW = 3;

/** Telegram HTML treats &, < and > as markup: escaping them shows what a person typed, never a tag. */
export function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/** Escapes a line and shows `backticked` examples as code, as Slack's mrkdwn does. */
function inline(text: string): string {
  return escapeHtml(text).replace(/`([^`\n]+)`/g, "<code>$1</code>");
}

/** A Reply as Telegram HTML: bold title, the lines, fields, the table preformatted, the footer in italics, and buttons. */
export function toTelegramMessage(reply: Reply): TelegramMessage {
  const parts: string[] = [];
  if (reply.title) parts.push(`<b>${escapeHtml(reply.title)}</b>`);
  parts.push(...reply.lines.map(inline));
  if (reply.fields?.length)
    parts.push(reply.fields.map((f) => `<b>${escapeHtml(f.label)}</b>: ${escapeHtml(f.value)}`).join("\n"));
  if (reply.table) parts.push(`<pre>${escapeHtml(tableToText(reply.table))}</pre>`);
  if (reply.footer?.length) parts.push(...reply.footer.map((line) => `<i>${inline(line)}</i>`));
  let text = parts.join("\n");
  // Cutting through a tag would make Telegram refuse the message; fall back to escaped plain lines.
  if (text.length > MESSAGE_LIMIT) text = `${escapeHtml(stripTags(text).slice(0, MESSAGE_LIMIT / 2))}…`;
  const rows: InlineKeyboardMarkup["inline_keyboard"] = [];
  for (const [i, button] of (reply.buttons ?? []).entries()) {
    if (i % BUTTONS_PER_ROW === 0) rows.push([]);
    rows[rows.length - 1]?.push({ text: button.label, callback_data: button.action });
  }
  return { text, ...(rows.length > 0 ? { reply_markup: { inline_keyboard: rows } } : {}) };
}

function stripTags(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
}
