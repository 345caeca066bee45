import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { chatAccounts } from "../../db/schema/index.js";
import { formatDateTime } from "../../domain/calendar.js";
import type { OutboxPayload } from "../../domain/notifications.js";
import type { PendingChoice } from "../../domain/numbered-choices.js";
import { htmlToPlainText } from "../../domain/text.js";
import type { Platform } from "../../services/accounts/chat-accounts.js";
import type { Translate } from "../../services/outbox.js";
import { publishDownload } from "../../services/platform/downloads.js";
import type { ServerLinks } from "../../services/platform/signed-links.js";
import type { OutgoingFile, PlainOutgoing } from "./api.js";
import { forgetChoices } from "./choices.js";

/**
 * Sending to a channel without Telegram's message model (the Zalo bot, the Zalo OA): how a
 * handler's calls and the outbox's payloads become its texts, options and files. Each channel
 * says how it sends a text and a message with options; files it cannot send go as signed links.
 */
export abstract class PlainOutbound {
  constructor(
    protected readonly db: Database,
    protected readonly platform: Platform,
    protected readonly translate: Translate,
    protected readonly timeZone: string,
    protected readonly downloads: ServerLinks | undefined,
  ) {}

  /**
   * A message with its options: a handler's replace the options the chat had, a notification's
   * are added under new keys (see rememberChoices). A message without any leaves the earlier ones
   * answerable, as Telegram leaves earlier buttons pressable.
   */
  abstract sendWithChoices(chatId: string, text: string, choices: PendingChoice[], messageId: number, how?: "replace" | "add"): Promise<void>;

  /** Plain text in ordered parts. */
  abstract sendText(chatId: string, text: string): Promise<void>;

  /** The language of the person in this chat, for the bot's own words around a message. */
  async localeOf(chatId: string): Promise<string> {
    const [account] = await this.db
      .select({ language: chatAccounts.language })
      .from(chatAccounts)
      .where(and(eq(chatAccounts.platform, this.platform), eq(chatAccounts.chatId, chatId)))
      .limit(1);
    return account?.language ?? "vi";
  }

  /** A document as a signed link to this server, or why there is none. */
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

  /** A message rendered for Telegram (outbox rows, progress reports), as the channel shows it. */
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
        // No editing on these channels: the new state arrives as a new message.
        return this.sendWithChoices(outgoing.chatId, outgoing.text, outgoing.choices, outgoing.messageId);
      case "choices":
        // Options taken away: the keys shown stop working, and there is nothing new to say.
        if (outgoing.choices.length === 0) return forgetChoices(this.db, this.platform, outgoing.chatId, outgoing.messageId);
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
