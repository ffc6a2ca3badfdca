import { Writable } from "node:stream";
import { TelegramError } from "telegraf";
import { describe, expect, it } from "vitest";
import { withLogContext } from "../../src/app/log-context.js";
import { createLogger } from "../../src/logger.js";

const LINK = "http://localhost:3000/dashboard/login/4f2a9c";

function captured() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger("info", stream) };
}

describe("the log", () => {
  it("carries the id of the request, delivery or job a line was written for, across awaits", async () => {
    const { lines, logger } = captured();
    logger.info({}, "before");
    await withLogContext({ request: "req-1" }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      await withLogContext({ delivery: 42, platform: "slack" }, async () => {
        await Promise.resolve();
        logger.warn({ user: "U1" }, "inside");
        logger.info({}, "inside again");
      });
      logger.info({}, "request only");
    });
    const [before, inside, insideAgain, requestOnly] = lines.map((l) => JSON.parse(l));
    // A line's own fields stay on that line.
    expect(insideAgain).toMatchObject({ request: "req-1", delivery: 42 });
    expect(insideAgain).not.toHaveProperty("user");
    expect(before).not.toHaveProperty("request");
    expect(inside).toMatchObject({
      request: "req-1",
      delivery: 42,
      platform: "slack",
      user: "U1",
      msg: "inside",
    });
    expect(requestOnly).toMatchObject({ request: "req-1" });
    expect(requestOnly).not.toHaveProperty("delivery");
    expect(requestOnly).not.toHaveProperty("user");
  });

  it("says why a platform call failed, never what it was sending", () => {
    const { lines, logger } = captured();
    // Telegraf's error keeps the request it failed on: the message text, with a sign-in link in it.
    const telegram = new TelegramError(
      { error_code: 403, description: "Forbidden: bot was blocked by the user" },
      { method: "sendMessage", payload: { chat_id: 42, text: `🔐 The Sales JKT dashboard: ${LINK}` } },
    );
    logger.warn({ err: telegram, chat: 42 }, "a private answer could not be sent");
    // An HTTP client's error (Bolt's respond) keeps the request body it sent.
    const http = Object.assign(new Error("Request failed with status code 404"), {
      config: { data: JSON.stringify({ text: LINK }) },
      response: { status: 404, data: { text: LINK } },
    });
    logger.warn({ err: http }, "answering on Slack failed");
    const slack = Object.assign(new Error("An API error occurred: channel_not_found"), {
      code: "slack_webapi_platform_error",
      data: { ok: false, error: "channel_not_found" },
    });
    logger.warn({ err: slack }, "uploading a file failed");

    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).not.toContain("/dashboard/login/");
    const [first, second, third] = lines.map((line) => JSON.parse(line));
    expect(first.err).toMatchObject({ code: 403, description: "Forbidden: bot was blocked by the user" });
    expect(first.chat).toBe(42);
    expect(second.err).toMatchObject({ message: "Request failed with status code 404", status: 404 });
    expect(third.err).toMatchObject({ code: "slack_webapi_platform_error", slackError: "channel_not_found" });
  });
});
