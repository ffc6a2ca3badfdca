import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

describe("configuration", () => {
  it("defaults to the console on embedded SQLite in Jakarta", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      DATABASE_URL: "sqlite:./data/corong.db",
      PORT: 3000,
      DEFAULT_TIMEZONE: "Asia/Jakarta",
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it("names every bad variable at once, one line each", () => {
    let error: unknown;
    try {
      loadConfig({
        DATABASE_URL: "mysql://x",
        PORT: "-1",
        TELEGRAM_WEBHOOK_SECRET: "has spaces!",
        LOG_LEVEL: "loud",
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems.map((p) => p.split(":")[0])).toEqual(
      expect.arrayContaining(["DATABASE_URL", "PORT", "TELEGRAM_WEBHOOK_SECRET", "LOG_LEVEL"]),
    );
  });

  it("asks for the webhook secret with the webhook URL, and a signing secret or app token with Slack", () => {
    expect(() =>
      loadConfig({ TELEGRAM_BOT_TOKEN: "1:x", TELEGRAM_WEBHOOK_URL: "https://x.example/t" }),
    ).toThrow("TELEGRAM_WEBHOOK_SECRET: required when TELEGRAM_WEBHOOK_URL is set");
    expect(() => loadConfig({ SLACK_BOT_TOKEN: "xoxb-1" })).toThrow("SLACK_SIGNING_SECRET");
  });
});
