import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";

describe("configuration", () => {
  it("defaults to polling on the embedded database with the console chat", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      databaseUrl: undefined,
      dataDir: "./data",
      telegram: { token: undefined, apiRoot: "https://api.telegram.org" },
      broadcast: { rate: 30, paid: false },
      displayTimeZone: "Asia/Ho_Chi_Minh",
      mode: { kind: "polling" },
    });
  });

  it.each([
    [{ BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.vn/tg" }, "Configuration error: WEBHOOK_SECRET is required"],
    [{ BOT_MODE: "hook" }, "Configuration error: BOT_MODE must be polling or webhook"],
    [{ BROADCAST_RATE: "fast" }, "Configuration error: BROADCAST_RATE"],
    [{ DATABASE_URL: "mysql://x" }, "Configuration error: DATABASE_URL must start with postgres://"],
    [{ TZ_DISPLAY: "Mars/Olympus" }, "Configuration error: TZ_DISPLAY is not an IANA time zone"],
    [{ TELEGRAM_BOT_TOKEN: "oops" }, "Configuration error: TELEGRAM_BOT_TOKEN does not look like a bot token"],
  ])("stops with one line naming the variable for %o", (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it("reads webhook settings", () => {
    const config = loadConfig({ BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.vn/tg", WEBHOOK_SECRET: "s".repeat(32) });
    expect(config.mode).toEqual({
      kind: "webhook",
      url: "https://bot.example.vn/tg",
      secret: "s".repeat(32),
      port: 8080,
      // Zalo delivers to the same server, with the same secret unless it has its own.
      zalo: { url: "https://bot.example.vn/zalo", secret: "s".repeat(32) },
    });
    const own = loadConfig({ BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.vn/tg", WEBHOOK_SECRET: "s".repeat(32), ZALO_WEBHOOK_SECRET: "z".repeat(20) });
    expect(own.mode).toMatchObject({ zalo: { secret: "z".repeat(20) } });
    expect(() => loadConfig({ BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.vn/tg", WEBHOOK_SECRET: "s".repeat(32), ZALO_WEBHOOK_SECRET: "short" })).toThrow(
      "ZALO_WEBHOOK_SECRET must be 16–256 characters",
    );
  });
});
