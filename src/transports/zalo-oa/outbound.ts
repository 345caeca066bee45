import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { chatAccounts } from "../../db/schema/index.js";
import { formatDateTime } from "../../domain/calendar.js";
import { type ChannelCapabilities, sendsAsFile } from "../../domain/channels.js";
import type { OutboxPayload } from "../../domain/notifications.js";
import { type PendingChoice, renderNumberedChoices, splitText } from "../../domain/numbered-choices.js";
import { htmlToPlainText } from "../../domain/text.js";
import type { Translate } from "../../services/outbox.js";
import { publishDownload } from "../../services/platform/downloads.js";
import type { ServerLinks } from "../../services/platform/signed-links.js";
import type { OutgoingFile, PlainOutgoing } from "../plain-text/api.js";
import { forgetChoices, rememberChoices } from "../plain-text/choices.js";
import type { OaClient } from "./client.js";

/** What a button press sends back (hidden from the chat): the message it was on and its data. */
export const BUTTON_PAYLOAD = /^tdkt:(\d{1,10}):(.{1,64})$/s;

/**
 * Sending to the Official Account: texts in parts of at most the channel's length, options as real
 * buttons (oa.query.hide) when they fit one message, as numbered options when they do not (a
 * 20-candidate ballot page); files as file messages when Zalo carries their kind and size, as
 * signed links of this server otherwise.
 */
export class OaOutbound {
  constructor(
    private readonly client: OaClient,
    private readonly db: Database,
    private readonly translate: Translate,
    private readonly timeZone: string,
    private readonly downloads: ServerLinks | undefined,
    readonly capabilities: ChannelCapabilities,
  ) {}

  async localeOf(chatId: string): Promise<string> {
    const [account] = await this.db
      .select({ language: chatAccounts.language })
      .from(chatAccounts)
      .where(and(eq(chatAccounts.platform, "zalo_oa"), eq(chatAccounts.chatId, chatId)))
      .limit(1);
    return account?.language ?? "vi";
  }

  private fitsButtons(choices: PendingChoice[]): boolean {
    const { buttons } = this.capabilities;
    return buttons !== "numbered" && choices.length <= buttons.max && choices.every((choice) => [...choice.label].length <= buttons.titleLimit);
  }

  async sendWithChoices(chatId: string, text: string, choices: PendingChoice[], messageId: number, how: "replace" | "add" = "replace"): Promise<void> {
    if (choices.length === 0) return this.sendText(chatId, text);
    // Remembered either way: a label typed instead of pressed still counts.
    const offered = await rememberChoices(this.db, "zalo_oa", chatId, choices, messageId, how);
    const limit = this.capabilities.textLimit;
    if (this.fitsButtons(choices)) {
      const parts = splitText(text || "…", limit);
      const last = parts.pop() as string;
      for (const part of parts) await this.client.sendMessage(chatId, { text: part });
      const buttons = choices.map((choice) => ({ title: choice.label, type: "oa.query.hide", payload: `tdkt:${messageId}:${choice.data}` }));
      await this.client.sendMessage(chatId, { text: last, attachment: { type: "template", payload: { buttons } } });
      return;
    }
    const list = renderNumberedChoices(offered, this.translate(await this.localeOf(chatId), "plain-choose-hint"));
    const parts = splitText(text, limit - list.length - 2);
    const last = parts.pop();
    for (const part of parts) await this.client.sendMessage(chatId, { text: part });
    await this.client.sendMessage(chatId, { text: last ? `${last}\n\n${list}` : list });
  }

  async sendText(chatId: string, text: string): Promise<void> {
    for (const part of splitText(text, this.capabilities.textLimit)) await this.client.sendMessage(chatId, { text: part });
  }

  async sendFile(chatId: string, file: OutgoingFile, caption: string): Promise<void> {
    const bytes = file.bytes ? await file.bytes() : undefined;
    if (bytes && sendsAsFile(this.capabilities, file.fileName, bytes.length)) {
      if (caption) await this.sendText(chatId, caption);
      const token = await this.client.uploadFile(file.fileName, bytes);
      await this.client.sendMessage(chatId, { attachment: { type: "file", payload: { token } } });
      return;
    }
    const locale = await this.localeOf(chatId);
    const lines = caption ? [caption] : [];
    if (this.downloads && bytes) {
      const link = await publishDownload(this.downloads, { fileName: file.fileName, bytes });
      lines.push(this.translate(locale, "zalo-document-link", { name: file.fileName, url: link.url, until: formatDateTime(link.expiresAt, this.timeZone) }));
    } else {
      lines.push(this.translate(locale, "zalo-document-unavailable", { name: file.fileName }));
    }
    await this.sendText(chatId, lines.join("\n\n"));
  }

  /** A message rendered for Telegram (outbox rows, progress reports), as the OA shows it. */
  async sendPayload(chatId: string, payload: OutboxPayload, messageId: number): Promise<void> {
    const text = payload.parseMode === "HTML" ? htmlToPlainText(payload.text) : payload.text;
    if (payload.documentFileId) return this.sendFile(chatId, { fileName: "document", bytes: undefined }, text);
    const choices = (payload.buttons ?? []).flat().map((button) => ({ label: button.text, data: button.data }));
    return this.sendWithChoices(chatId, text, choices, messageId, "add");
  }

  async deliver(outgoing: PlainOutgoing): Promise<void> {
    switch (outgoing.kind) {
      case "message":
      case "edit":
        // The OA cannot edit: the new state arrives as a new message.
        return this.sendWithChoices(outgoing.chatId, outgoing.text, outgoing.choices, outgoing.messageId);
      case "choices":
        if (outgoing.choices.length === 0) return forgetChoices(this.db, "zalo_oa", outgoing.chatId, outgoing.messageId);
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
