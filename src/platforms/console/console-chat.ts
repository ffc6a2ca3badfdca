import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Bot } from "../../app/bot.js";
import { DEMO } from "../../app/demo.js";
import { isUnavailable } from "../../app/errors.js";
import type { Locale } from "../../core/locale.js";
import { replyToText } from "../../core/reply.js";
import { textsFor } from "../../core/texts/index.js";
import { deliveryNotice } from "../../core/views/delivery.js";

export interface ConsoleChatOptions {
  bot: Bot;
  input: Readable;
  output: Writable;
  /** Show a prompt and a greeting: true on a terminal, false when stdin is piped. */
  interactive: boolean;
  clock: () => number;
  /** The language of what the console says on its own (the bot's answers follow the member's choice). */
  locale: Locale;
  /** Where a reply's chart is written as a PNG; the chat prints its path. */
  chartDir: string;
}

const SLASH_PREFIX = /^\/sales(?:\s+|$)/i;

/**
 * A local chat with the bot as a rep of the demo team. Lines typed like Slack's `/sales today` are commands;
 * anything else is what a rep would send the bot in a direct message. Ends at end of input.
 */
export async function runConsoleChat(options: ConsoleChatOptions): Promise<void> {
  const { bot, output, interactive } = options;
  const lines = createInterface({
    input: options.input,
    terminal: false,
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  const prompt = () => interactive && output.write("you › ");
  if (interactive) {
    output.write(
      `Corong console — you are a rep in "${DEMO.teamName}". Try: met 4 clients, 2 follow-ups · /sales today · /sales funnel · /sales help\n`,
    );
  }
  prompt();
  for await (const raw of lines) {
    const line = raw.trim();
    if (line === "") {
      prompt();
      continue;
    }
    const isCommand = SLASH_PREFIX.test(line);
    const reply = await bot
      .handle({
        platform: "console",
        workspace: { externalId: DEMO.workspace },
        team: { externalId: DEMO.team },
        user: { ...DEMO.you },
        text: isCommand ? line.replace(SLASH_PREFIX, "") : line,
        via: isCommand ? "command" : "direct",
        receivedAt: options.clock(),
      })
      // The console has no platform to retry for it: the person is told, and types it again.
      .catch((error: unknown) => {
        if (!isUnavailable(error)) throw error;
        return deliveryNotice(textsFor(options.locale), "notSaved");
      });
    let text = replyToText(reply);
    if (reply.image && !reply.silent) {
      const path = join(options.chartDir, reply.image.fileName);
      await writeFile(path, reply.image.png);
      text += `\n${textsFor(options.locale).chartSaved(path)}`;
    }
    if (reply.file && !reply.silent) {
      const path = join(options.chartDir, reply.file.fileName);
      await writeFile(path, reply.file.bytes);
      text += `\n${textsFor(options.locale).fileSaved(path)}`;
    }
    if (text)
      output.write(
        `${interactive ? "corong › " : ""}${text.replaceAll("\n", interactive ? "\n         " : "\n")}\n`,
      );
    prompt();
  }
}
