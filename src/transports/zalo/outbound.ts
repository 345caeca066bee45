import { PlainOutbound } from "../plain-text/outbound.js";
import type { Database } from "../../db/client.js";
import type { PendingChoice } from "../../domain/numbered-choices.js";
import { renderNumberedChoices, splitText } from "../../domain/numbered-choices.js";
import type { ServerLinks } from "../../services/platform/signed-links.js";
import type { Translate } from "../../services/outbox.js";
import type { Sender } from "../../scheduler/dispatcher.js";
import type { MonthlyQuota } from "../../services/delivery/index.js";
import { rememberChoices } from "../plain-text/choices.js";
import { type ZaloClient, ZaloApiError } from "./client.js";

/** Zalo refuses longer texts. */
export const ZALO_TEXT_LIMIT = 2000;
/** How long Zalo's sends wait after its quota answered 429. */
export const ZALO_QUOTA_PAUSE_SECONDS = 60;

/**
 * Sending to the Zalo Bot Platform: plain text in parts of at most 2,000 characters, buttons as
 * a numbered list that is remembered for the chat, documents as a signed link when a web server
 * can serve one.
 */
export class ZaloOutbound extends PlainOutbound {
  constructor(
    private readonly client: ZaloClient,
    db: Database,
    translate: Translate,
    timeZone: string,
    downloads: ServerLinks | undefined,
    /** The Bot Platform's monthly ceiling, counted on every message sent. */
    readonly quota: MonthlyQuota | undefined,
  ) {
    super(db, "zalo", translate, timeZone, downloads);
  }

  async sendWithChoices(chatId: string, text: string, choices: PendingChoice[], messageId: number, how: "replace" | "add" = "replace"): Promise<void> {
    if (choices.length === 0) return this.sendText(chatId, text);
    const hint = this.translate(await this.localeOf(chatId), "plain-choose-hint");
    const list = renderNumberedChoices(await rememberChoices(this.db, "zalo", chatId, choices, messageId, how), hint);
    // The list stays whole in the last part, under the end of the text.
    const parts = splitText(text, ZALO_TEXT_LIMIT - list.length - 2);
    const last = parts.pop();
    for (const part of parts) await this.post(chatId, part);
    await this.post(chatId, last ? `${last}\n\n${list}` : list);
  }

  async sendText(chatId: string, text: string): Promise<void> {
    for (const part of splitText(text, ZALO_TEXT_LIMIT)) await this.post(chatId, part);
  }

  private async post(chatId: string, text: string): Promise<void> {
    await this.client.call("sendMessage", { chat_id: chatId, text });
    await this.quota?.count();
  }
}

/**
 * Outbox messages to Zalo, in the dispatcher's terms: a lost answer is unknown, never resent; a
 * month whose quota is spent sends nothing more, and its messages go on through other channels.
 */
export function zaloSender(outbound: ZaloOutbound): Sender {
  return async ({ chatId, payload }) => {
    if (await outbound.quota?.spent()) return { kind: "unreachable", reason: "quota" };
    try {
      await outbound.sendPayload(chatId, payload, Date.now() % 2_000_000_000);
      return { kind: "sent" };
    } catch (error) {
      if (!(error instanceof ZaloApiError)) return { kind: "unknown", reason: String(error) };
      if (!error.answered || (error.errorCode ?? 0) >= 500) return { kind: "unknown", reason: error.message };
      // "Quota exceeded" is the month's ceiling: retrying would fail all month.
      if (error.errorCode === 429 && /quota/i.test(error.message)) {
        await outbound.quota?.exhausted();
        return { kind: "unreachable", reason: "quota" };
      }
      // Any other 429 names no time to retry after: Zalo's sends (only) pause a while.
      if (error.errorCode === 429) return { kind: "retry", afterSeconds: ZALO_QUOTA_PAUSE_SECONDS, reason: error.message };
      // A 403 names no cause on Zalo (a user who left, a bot not allowed to write first): not proof of a block.
      return { kind: "failed", reason: error.message };
    }
  };
}
