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

  it("asks for everything installing in several Slack workspaces needs, and not a single token beside it", () => {
    const key = Buffer.alloc(32, 7).toString("base64");
    const ready = {
      SLACK_CLIENT_ID: "123.456",
      SLACK_CLIENT_SECRET: "shh",
      SLACK_STATE_SECRET: "a-long-random-state-secret",
      SLACK_SIGNING_SECRET: "sign",
      CORONG_ENCRYPTION_KEY: key,
      PUBLIC_URL: "https://corong.example.com",
    };
    expect(loadConfig(ready).SLACK_CLIENT_ID).toBe("123.456");
    let problems: string[] = [];
    try {
      loadConfig({ SLACK_CLIENT_ID: "123.456" });
    } catch (error) {
      problems = (error as ConfigError).problems;
    }
    expect(problems.map((p) => p.split(":")[0])).toEqual([
      "SLACK_CLIENT_SECRET",
      "SLACK_STATE_SECRET",
      "SLACK_SIGNING_SECRET",
      "CORONG_ENCRYPTION_KEY",
      "PUBLIC_URL",
    ]);
    expect(() => loadConfig({ ...ready, PUBLIC_URL: "http://corong.example.com" })).toThrow(
      "PUBLIC_URL: required as an https:// address",
    );
    expect(() => loadConfig({ ...ready, SLACK_BOT_TOKEN: "xoxb-1" })).toThrow("SLACK_BOT_TOKEN: unset it");
    expect(() => loadConfig({ ...ready, CORONG_ENCRYPTION_KEY: "hunter2" })).toThrow("32 random bytes");
    expect(() => loadConfig({ ...ready, CORONG_PREVIOUS_ENCRYPTION_KEYS: `${key},short` })).toThrow(
      "CORONG_PREVIOUS_ENCRYPTION_KEYS",
    );
    expect(() => loadConfig({ ...ready, SLACK_STATE_SECRET: "short" })).toThrow("at least 16");
  });

  it("asks for the webhook secret with the webhook URL, and a signing secret or app token with Slack", () => {
    expect(() =>
      loadConfig({ TELEGRAM_BOT_TOKEN: "1:x", TELEGRAM_WEBHOOK_URL: "https://x.example/t" }),
    ).toThrow("TELEGRAM_WEBHOOK_SECRET: required when TELEGRAM_WEBHOOK_URL is set");
    expect(() => loadConfig({ SLACK_BOT_TOKEN: "xoxb-1" })).toThrow("SLACK_SIGNING_SECRET");
  });

  it("stores a time zone typed in any case the way IANA spells it", () => {
    expect(loadConfig({ DEFAULT_TIMEZONE: "asia/jakarta" }).DEFAULT_TIMEZONE).toBe("Asia/Jakarta");
    expect(loadConfig({ DEFAULT_TIMEZONE: "AMERICA/NEW_YORK" }).DEFAULT_TIMEZONE).toBe("America/New_York");
    expect(() => loadConfig({ DEFAULT_TIMEZONE: "Asia/Atlantis" })).toThrow("DEFAULT_TIMEZONE");
  });

  it("names DATABASE_URL and the fix for a URL that cannot be a database", () => {
    const problem = (url: string) => {
      try {
        loadConfig({ DATABASE_URL: url });
      } catch (error) {
        return (error as ConfigError).problems;
      }
      return [];
    };
    expect(problem("postgres://bad host:xx/db")).toEqual([
      "DATABASE_URL: is not a valid URL (a space or a stray character?); use postgres://user:password@host:5432/database",
    ]);
    expect(problem("postgres://127.0.0.1:5432")[0]).toMatch(/^DATABASE_URL: names no database/);
    expect(problem("sqlite:")[0]).toMatch(/^DATABASE_URL: sqlite: needs a file path/);
    expect(problem("postgresql://u@db.internal:5432/corong")).toEqual([]);
  });

  it("takes a Telegram webhook only over HTTPS, and never a secret without its URL", () => {
    expect(() =>
      loadConfig({
        TELEGRAM_BOT_TOKEN: "1:x",
        TELEGRAM_WEBHOOK_URL: "http://x.example/t",
        TELEGRAM_WEBHOOK_SECRET: "s",
      }),
    ).toThrow("TELEGRAM_WEBHOOK_URL: must be an https:// URL");
    expect(() => loadConfig({ TELEGRAM_BOT_TOKEN: "1:x", TELEGRAM_WEBHOOK_SECRET: "s" })).toThrow(
      "TELEGRAM_WEBHOOK_URL: required when TELEGRAM_WEBHOOK_SECRET is set",
    );
  });
});
