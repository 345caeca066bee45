import { PlainOutbound } from "../plain-text/outbound.js";
import type { Database } from "../../db/client.js";
import { type ChannelCapabilities, sendsAsFile } from "../../domain/channels.js";
import { type PendingChoice, renderNumberedChoices, splitText } from "../../domain/numbered-choices.js";
import type { Translate } from "../../services/outbox.js";
import type { ServerLinks } from "../../services/platform/signed-links.js";
import type { OutgoingFile } from "../plain-text/api.js";
import { rememberChoices } from "../plain-text/choices.js";
import type { OaClient } from "./client.js";

/** What a button press sends back (hidden from the chat): the message it was on and its data. */
export const BUTTON_PAYLOAD = /^tdkt:(\d{1,10}):(.{1,64})$/s;

/**
 * Sending to the Official Account: texts in parts of at most the channel's length, options as real
 * buttons (oa.query.hide) when they fit one message, as numbered options when they do not (a
 * 20-candidate ballot page); files as file messages when Zalo carries their kind and size, as
 * signed links of this server otherwise.
 */
export class OaOutbound extends PlainOutbound {
  constructor(
    private readonly client: OaClient,
    db: Database,
    translate: Translate,
    timeZone: string,
    downloads: ServerLinks | undefined,
    readonly capabilities: ChannelCapabilities,
  ) {
    super(db, "zalo_oa", translate, timeZone, downloads);
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

  /** As a file message when Zalo carries its kind and size; as a signed link otherwise. */
  override async sendFile(chatId: string, file: OutgoingFile, caption: string): Promise<void> {
    const bytes = file.bytes ? await file.bytes() : undefined;
    if (!bytes || !sendsAsFile(this.capabilities, file.fileName, bytes.length)) return super.sendFile(chatId, file, caption);
    if (caption) await this.sendText(chatId, caption);
    const token = await this.client.uploadFile(file.fileName, bytes);
    await this.client.sendMessage(chatId, { attachment: { type: "file", payload: { token } } });
  }
}
