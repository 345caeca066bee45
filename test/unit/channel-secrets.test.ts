import { describe, expect, it } from "vitest";
import { openChannelValue, sealChannelValue } from "../../src/services/province/channel-secrets.js";

const KEY = "a-channel-secrets-key-of-at-least-32-chars";
const TOKEN = "123456:ABC-the-agency-bot-token";

describe("an agency's channel credentials, sealed", () => {
  it("opens with the key, for the agency and the setting it was sealed for", () => {
    const sealed = sealChannelValue(KEY, 2, "TELEGRAM_BOT_TOKEN", TOKEN);
    expect(sealed).not.toContain(TOKEN);
    expect(openChannelValue(KEY, 2, "TELEGRAM_BOT_TOKEN", sealed)).toBe(TOKEN);
    // Two seals of one value differ: nobody can tell two agencies share a token.
    expect(sealChannelValue(KEY, 2, "TELEGRAM_BOT_TOKEN", TOKEN)).not.toBe(sealed);
  });

  it("does not open with another key, for another agency, as another setting, or tampered with", () => {
    const sealed = sealChannelValue(KEY, 2, "TELEGRAM_BOT_TOKEN", TOKEN);
    const refused = { key: "channel-secret-unreadable" };
    expect(() => openChannelValue(`${KEY}-other`, 2, "TELEGRAM_BOT_TOKEN", sealed)).toThrow(expect.objectContaining(refused));
    expect(() => openChannelValue(KEY, 3, "TELEGRAM_BOT_TOKEN", sealed)).toThrow(expect.objectContaining(refused));
    expect(() => openChannelValue(KEY, 2, "ZALO_BOT_TOKEN", sealed)).toThrow(expect.objectContaining(refused));
    const tampered = `${sealed.slice(0, -4)}AAAA`;
    expect(() => openChannelValue(KEY, 2, "TELEGRAM_BOT_TOKEN", tampered)).toThrow(expect.objectContaining(refused));
    expect(() => openChannelValue(KEY, 2, "TELEGRAM_BOT_TOKEN", "plain text")).toThrow(expect.objectContaining(refused));
  });
});
