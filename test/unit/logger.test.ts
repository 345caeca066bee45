import { GrammyError } from "grammy";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";

describe("logs", () => {
  it("never carry the bot token or secrets, whether in a message, a field or an error", () => {
    const token = "987654:SECRET-token-value-ABCDEFG";
    const lines: string[] = [];
    const config = loadConfig({
      TELEGRAM_BOT_TOKEN: token,
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://x.vn/tg",
      WEBHOOK_SECRET: "webhook-secret-value-123456",
      ZALO_BOT_TOKEN: "1234567890:zalo-token-value",
      ZALO_WEBHOOK_SECRET: "zalo-secret-value-123456",
    });
    const logger = createLogger(config, "info", { write: (line: string) => lines.push(line) });
    logger.info(`calling https://api.telegram.org/bot${token}/sendMessage`);
    logger.info({ config }, "configuration");
    logger.info({ token, secret: "webhook-secret-value-123456", nested: { token } }, "fields");
    logger.error({ err: new Error(`request to /bot${token}/getMe failed`) }, "failure");
    logger.warn(`header x-telegram-bot-api-secret-token: webhook-secret-value-123456`);
    logger.warn(`POST https://bot-api.zaloplatforms.com/bot1234567890:zalo-token-value/sendMessage with x-bot-api-secret-token: zalo-secret-value-123456`);
    const all = lines.join("\n");
    expect(lines).toHaveLength(6);
    expect(all).not.toContain("SECRET-token-value");
    expect(all).not.toContain("webhook-secret-value");
    expect(all).not.toContain("zalo-token-value");
    expect(all).not.toContain("zalo-secret-value");
    expect(all).toContain("[redacted]");
  });

  it("keep no personal data of a failed send: the method and the reason, not the message", () => {
    const lines: string[] = [];
    const logger = createLogger(loadConfig({}), "info", { write: (line: string) => lines.push(line) });
    const refused = new GrammyError(
      "Call to 'sendMessage' failed!",
      { ok: false, error_code: 400, description: "Bad Request: chat not found" },
      "sendMessage",
      { chat_id: 4242, text: "Chúc mừng Nguyễn Thị Hương được công nhận Lao động tiên tiến" },
    );
    logger.warn({ method: "sendMessage", err: refused }, "a call to the platform failed");
    const [line = ""] = lines;
    expect(line).not.toContain("Nguyễn Thị Hương");
    expect(line).toContain("sendMessage");
    expect(line).toContain("chat not found");
  });
});
