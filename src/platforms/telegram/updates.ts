import type { NewDelivery } from "../../app/ports.js";

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The chat an update belongs to (its message's, or the button's message's), else its sender. */
function chatOf(update: Json): string {
  for (const field of ["message", "edited_message"]) {
    const message = update[field];
    if (isObject(message) && isObject(message.chat)) return String(message.chat.id);
  }
  const query = update.callback_query;
  if (isObject(query)) {
    if (isObject(query.message) && isObject(query.message.chat)) return String(query.message.chat.id);
    if (isObject(query.from)) return String(query.from.id);
  }
  return "none";
}

/**
 * An update from getUpdates or the webhook, as a delivery: keyed by update_id within the bot, ordered by chat, so
 * an edit is never handled before the message it edits. Null for anything that is not an update.
 */
export function telegramDelivery(payload: unknown, botId: string, receivedAt: number): NewDelivery | null {
  if (!isObject(payload)) return null;
  const id = payload.update_id;
  if (typeof id !== "number" || !Number.isSafeInteger(id) || id < 0) return null;
  return {
    platform: "telegram",
    workspace: botId,
    key: `update:${id}`,
    ordering: `${botId}:${chatOf(payload)}`,
    payload,
    receivedAt,
  };
}

/** The bot's id is the number before the colon of its token: known before any call to Telegram. */
export function botIdOf(token: string): string {
  return token.split(":")[0] ?? token;
}
