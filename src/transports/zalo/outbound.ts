import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { chatAccounts } from "../../db/schema/index.js";
import type { OutboxPayload } from "../../domain/notifications.js";
import type { PendingChoice } from "../../domain/numbered-choices.js";
import { formatDateTime } from "../../domain/calendar.js";
import { renderNumberedChoices, splitText } from "../../domain/numbered-choices.js";
import { htmlToPlainText } from "../../domain/text.js";
import { publishDownload } from "../../services/platform/downloads.js";
import type { ServerLinks } from "../../services/platform/signed-links.js";
import type { Translate } from "../../services/outbox.js";
import type { Sender } from "../../scheduler/dispatcher.js";
import type { MonthlyQuota } from "../../services/delivery/index.js";
import type { OutgoingFile, PlainOutgoing } from "../plain-text/api.js";
import { rememberChoices, forgetChoices } from "../plain-text/choices.js";
import { type ZaloClient, ZaloApiError } from "./client.js";

/** Zalo refuses longer texts. */
export const ZALO_TEXT_LIMIT = 2000;
/** How long Zalo's sends wait after its quota answered 429. */
export const ZALO_QUOTA_PAUSE_SECONDS = 60;

/**
 * Sending to Zalo: plain text in parts of at most 2,000 characters, buttons as a numbered list
 * that is remembered for the chat, documents as a signed link when a web server can serve one.
 */
export class ZaloOutbound {
  constructor(
    private readonly client: ZaloClient,
    private readonly db: Database,
    private readonly translate: Translate,
    private readonly timeZone: string,
    private readonly downloads: ServerLinks | undefined,
    /** The Bot Platform's monthly ceiling, counted on every message sent. */
    readonly quota: MonthlyQuota | undefined,
  ) {}

  /** The language of the person in this chat, for the bot's own words around a message. */
  async localeOf(chatId: string): Promise<string> {
    const [account] = await this.db
      .select({ language: chatAccounts.language })
      .from(chatAccounts)
      .where(and(eq(chatAccounts.platform, "zalo"), eq(chatAccounts.chatId, chatId)))
      .limit(1);
    return account?.language ?? "vi";
  }

  /**
   * A message with its options: a handler's replace the options the chat had, a notification's
   * are added under new keys (see rememberChoices). A message without any leaves the earlier ones
   * answerable, as Telegram leaves earlier buttons pressable.
   */
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

  /** Plain text in ordered parts. */
  async sendText(chatId: string, text: string): Promise<void> {
    for (const part of splitText(text, ZALO_TEXT_LIMIT)) await this.post(chatId, part);
  }

  async sendFile(chatId: string, file: OutgoingFile, caption: string): Promise<void> {
    const locale = await this.localeOf(chatId);
    const lines = caption ? [caption] : [];
    if (this.downloads && file.bytes) {
      const link = await publishDownload(this.downloads, { fileName: file.fileName, bytes: await file.bytes() });
      lines.push(this.translate(locale, "zalo-document-link", { name: file.fileName, url: link.url, until: formatDateTime(link.expiresAt, this.timeZone) }));
    } else {
      lines.push(this.translate(locale, "zalo-document-unavailable", { name: file.fileName }));
    }
    await this.sendText(chatId, lines.join("\n\n"));
  }

  private async post(chatId: string, text: string): Promise<void> {
    await this.client.call("sendMessage", { chat_id: chatId, text });
    await this.quota?.count();
  }

  /** A message rendered for Telegram (outbox rows, progress reports), as Zalo can show it. */
  async sendPayload(chatId: string, payload: OutboxPayload, messageId: number): Promise<void> {
    const text = payload.parseMode === "HTML" ? htmlToPlainText(payload.text) : payload.text;
    // A Telegram file id cannot travel to Zalo: the text comes with the explanation.
    if (payload.documentFileId) return this.sendFile(chatId, { fileName: "document", bytes: undefined }, text);
    const choices = (payload.buttons ?? []).flat().map((button) => ({ label: button.text, data: button.data }));
    return this.sendWithChoices(chatId, text, choices, messageId, "add");
  }

  /** What a handler shows, through the Bot API calls answered by plainTextFetch. */
  async deliver(outgoing: PlainOutgoing): Promise<void> {
    switch (outgoing.kind) {
      case "message":
      case "edit":
        // Zalo cannot edit: the new state arrives as a new message.
        return this.sendWithChoices(outgoing.chatId, outgoing.text, outgoing.choices, outgoing.messageId);
      case "choices":
        // Buttons taken away: the numbers shown stop working, and there is nothing new to say.
        if (outgoing.choices.length === 0) return forgetChoices(this.db, "zalo", outgoing.chatId, outgoing.messageId);
        return this.sendWithChoices(
          outgoing.chatId,
          this.translate(await this.localeOf(outgoing.chatId), "plain-choices-updated"),
          outgoing.choices,
          outgoing.messageId,
        );
      case "notice":
        return this.sendText(outgoing.chatId, outgoing.text);
      case "document":
        return this.sendFile(outgoing.chatId, outgoing.file, outgoing.caption);
    }
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
