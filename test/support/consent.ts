import { expect } from "vitest";
import type { Shown } from "./fake-telegram.js";

/**
 * Answers the privacy notice a first invite code brings with "Đồng ý", as a person who reads it
 * would, and returns the bot's next message (the link's confirmation).
 */
export async function agreeToPrivacy(who: { press(on: Shown, label: string): unknown; next(): Promise<Shown> }, notice: Shown): Promise<Shown> {
  expect(notice.text).toContain("Trước khi liên kết tài khoản");
  who.press(notice, "✅ Đồng ý");
  return who.next();
}
