import type { Shown } from "./fake-telegram.js";

/**
 * Answers the privacy notice a first invite code brings with "Đồng ý", as a person who reads it
 * would, and returns the bot's next message (the link's confirmation). Also used by benchmarks,
 * so it throws rather than asserts.
 */
export async function agreeToPrivacy(who: { press(on: Shown, label: string): unknown; next(): Promise<Shown> }, notice: Shown): Promise<Shown> {
  if (!notice.text.includes("Trước khi liên kết tài khoản")) throw new Error(`expected the privacy notice, got: ${notice.text}`);
  who.press(notice, "✅ Đồng ý");
  return who.next();
}
