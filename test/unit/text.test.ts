import { describe, expect, it } from "vitest";
import { escapeHtml, foldForMatching, htmlToPlainText } from "../../src/domain/text.js";
import { parseTelegramHtml } from "../../src/domain/telegram-html.js";

describe("text for chat", () => {
  it("escapes a user's name so Telegram shows it exactly", () => {
    const html = `<b>${escapeHtml('Nguyễn <Văn> & "Co"')}</b>`;
    expect(parseTelegramHtml(html)).toEqual({ text: 'Nguyễn <Văn> & "Co"' });
  });

  it("turns Telegram HTML into plain text for platforms without markup", () => {
    expect(htmlToPlainText('<b>A &amp; B</b> &lt;x&gt; <a href="https://t.me/x">link</a>')).toBe("A & B <x> link (https://t.me/x)");
  });

  it("folds accents and case for matching", () => {
    expect(foldForMatching("  Văn phòng  ĐOÀN_Thanh tra ")).toBe("van phong doan thanh tra");
  });
});
