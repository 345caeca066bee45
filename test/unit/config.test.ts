import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";

describe("configuration", () => {
  it("defaults to polling on the embedded database with the console chat", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      databaseUrl: undefined,
      dataDir: "./data",
      telegram: { token: undefined, apiRoot: "https://api.telegram.org", sendTimeoutSeconds: 30 },
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
    [{ BALLOT_SECRET: "short" }, "Configuration error: BALLOT_SECRET must be at least 32 characters"],
    [
      { BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.vn/tg", WEBHOOK_SECRET: "s".repeat(32), DATABASE_URL: "postgres://db/tdkt" },
      "Configuration error: BALLOT_SECRET is required in webhook mode with DATABASE_URL (the same on every instance)",
    ],
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
      // Ten deliveries in flight at most: a kill -9 answers at most that many twice.
      telegramMaxConnections: 10,
      // Zalo delivers to the same server, with the same secret unless it has its own.
      zalo: { url: "https://bot.example.vn/zalo", secret: "s".repeat(32) },
      // Slow clients are cut off in seconds; /metrics is loopback-only; links get a server-made key.
      http: { headersTimeoutMs: 10_000, requestTimeoutMs: 15_000, keepAliveTimeoutMs: 5_000, silentConnectionMs: 3_000, maxConnections: 256 },
      metricsToken: undefined,
      downloadSigningKey: undefined,
    });
    const hardened = loadConfig({
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://bot.example.vn/tg",
      WEBHOOK_SECRET: "s".repeat(32),
      METRICS_TOKEN: "m".repeat(20),
      DOWNLOAD_SIGNING_KEY: "k".repeat(40),
      HTTP_HEADERS_TIMEOUT_MS: "3000",
      HTTP_REQUEST_TIMEOUT_MS: "2000",
      HTTP_MAX_CONNECTIONS: "64",
    });
    // A request deadline below the headers deadline is raised to it (Node refuses it otherwise).
    expect(hardened.mode).toMatchObject({
      metricsToken: "m".repeat(20),
      downloadSigningKey: "k".repeat(40),
      http: { headersTimeoutMs: 3000, requestTimeoutMs: 3000, maxConnections: 64 },
    });
    expect(() =>
      loadConfig({ BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.vn/tg", WEBHOOK_SECRET: "s".repeat(32), DOWNLOAD_SIGNING_KEY: "short" }),
    ).toThrow("DOWNLOAD_SIGNING_KEY must be at least 32 characters");
    const own = loadConfig({
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://bot.example.vn/tg",
      WEBHOOK_SECRET: "s".repeat(32),
      ZALO_WEBHOOK_SECRET: "z".repeat(20),
    });
    expect(own.mode).toMatchObject({ zalo: { secret: "z".repeat(20) } });
    expect(() =>
      loadConfig({ BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.vn/tg", WEBHOOK_SECRET: "s".repeat(32), ZALO_WEBHOOK_SECRET: "short" }),
    ).toThrow("ZALO_WEBHOOK_SECRET must be 16–256 characters");
  });
});
