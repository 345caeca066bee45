import { randomUUID } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Update } from "grammy/types";
import type { BotServices } from "../../bot/context.js";
import { createBot, type TdktBot } from "../../bot/index.js";
import type { ChannelCapabilities } from "../../domain/channels.js";
import { UserError } from "../../domain/user-error.js";
import { chatAccounts } from "../../db/schema/index.js";
import { openWindow } from "../../services/delivery/index.js";
import { downloadUpload } from "../../services/documents/index.js";
import type { ServerLinks } from "../../services/platform/signed-links.js";
import { agencyName } from "../../services/rules/index.js";
import { and, eq } from "drizzle-orm";
import { plainTextFetch } from "../plain-text/api.js";
import { chatOfCallbackQuery, repromptText, updateFromLine } from "../plain-text/choices.js";
import { chatOrder } from "../plain-text/chat-order.js";
import { LocalFiles } from "../plain-text/local-files.js";
import type { OaClient } from "./client.js";
import { isFollowEvent, type OaEvent, type OaUserEvent, oaUpdateId, userOf, ZALO_OA_BOT_INFO } from "./events.js";
import { BUTTON_PAYLOAD, OaOutbound } from "./outbound.js";

export type OaTransport = {
  bot: TdktBot;
  outbound: OaOutbound;
  handle(event: OaEvent): Promise<{ busy: boolean }>;
  drain(): Promise<void>;
};

/**
 * The same bot on the Official Account: a follow is welcomed (an automated assistant, what it
 * keeps, how to link), an unfollow makes the account unreachable, a button press is the button's
 * callback, a file sent in the chat is the document message it would be on Telegram, and any
 * message from the person opens their reply window again.
 */
export function createOaTransport(
  services: Omit<BotServices, "platform" | "capabilities">,
  options: { client: OaClient; capabilities: ChannelCapabilities; downloads?: ServerLinks; onUnsupported?: (method: string) => void },
): OaTransport {
  const translate = (locale: string, key: string, args?: Record<string, string | number>) => bot.i18n.t(locale, key, args);
  const outbound = new OaOutbound(options.client, services.db, translate, services.config.displayTimeZone, options.downloads, options.capabilities);
  const localFiles = new LocalFiles();
  const bot = createBot({
    token: "zalo-oa",
    services: { ...services, platform: "zalo_oa", capabilities: options.capabilities, ...(options.downloads ? { links: options.downloads } : {}) },
    botInfo: ZALO_OA_BOT_INFO,
    fetch: plainTextFetch({
      deliver: (outgoing) => outbound.deliver(outgoing),
      chatOfCallbackQuery,
      localFile: (fileId) => localFiles.path(fileId),
      unsupported: options.onUnsupported ?? ((method) => services.logger.warn({ method }, "a Bot API call the Zalo OA cannot carry out")),
    }),
  });
  const inChatOrder = chatOrder();

  async function handleInOrder(event: OaEvent): Promise<{ busy: boolean }> {
    const userId = userOf(event);
    const now = services.clock();
    if (event.event_name === "unfollow") {
      await services.db
        .update(chatAccounts)
        .set({ blocked: true })
        .where(and(eq(chatAccounts.platform, "zalo_oa"), eq(chatAccounts.externalId, userId)));
      return { busy: false };
    }
    if (isFollowEvent(event)) {
      await openWindow(services.db, "zalo_oa", userId, now);
      const agency = (await agencyName(services.db, services.config.agencyName)) || translate("vi", "privacy-agency-unnamed");
      await outbound.sendText(userId, translate("vi", "oa-welcome", { agency }));
      return { busy: false };
    }
    const message = (event as OaUserEvent).message;
    const sender = { chatId: userId, externalId: userId, displayName: "" };
    const chat = { id: userId as unknown as number, type: "private" as const, first_name: "Zalo" };
    const from = { id: userId as unknown as number, is_bot: false, first_name: "Zalo" };
    const date = Math.floor((event.timestamp > 1e11 ? event.timestamp : event.timestamp * 1000) / 1000);
    const updateId = oaUpdateId(event);
    try {
      const file = message.attachments?.find((attachment) => attachment.type === "file" && attachment.payload?.url);
      if (event.event_name === "user_send_file" && file?.payload?.url) {
        await receiveFile(sender, { url: file.payload.url, name: file.payload.name ?? "tep" });
        return { busy: false };
      }
      const pressed = message.text === undefined ? null : BUTTON_PAYLOAD.exec(message.text);
      if (pressed) {
        const update: Update = {
          update_id: updateId,
          callback_query: {
            id: `${updateId}:${userId}`,
            from,
            chat_instance: userId,
            data: pressed[2] as string,
            message: { message_id: Number(pressed[1]), date, chat, text: "" },
          },
        };
        return { busy: (await bot.handle(update)).busy };
      }
      const read = await updateFromLine(services.db, {
        platform: "zalo_oa",
        updateId,
        chatId: userId,
        from,
        chat,
        date,
        text: event.event_name === "user_send_text" ? (message.text ?? "").trim() : undefined,
        messageId: updateId % 2_000_000_000,
      });
      if ("update" in read) return { busy: (await bot.handle(read.update)).busy };
      const locale = await outbound.localeOf(userId);
      await outbound.sendText(
        userId,
        repromptText((key, args) => translate(locale, key, args), read.reprompt),
      );
      return { busy: false };
    } finally {
      // Whatever the person sent, their window is open again (the account exists by now).
      await openWindow(services.db, "zalo_oa", userId, now);
    }
  }

  /** A file sent in the chat: fetched from Zalo within the upload limit, then handled as a document. */
  async function receiveFile(sender: { chatId: string; externalId: string; displayName: string }, file: { url: string; name: string }): Promise<void> {
    let bytes: Buffer;
    try {
      bytes = await downloadUpload(file.url);
    } catch (error) {
      const locale = await outbound.localeOf(sender.chatId);
      const refusal = error instanceof UserError ? translate(locale, error.key, error.args) : translate(locale, "upload-download-failed");
      await outbound.sendText(sender.chatId, refusal);
      return;
    }
    const where = path.join(tmpdir(), `tdkt-oa-${randomUUID()}`);
    await writeFile(where, bytes);
    try {
      await localFiles.asDocument(sender, { fileName: path.basename(file.name), path: where, size: bytes.length }, services.clock(), (update) =>
        bot.handle(update),
      );
    } finally {
      await rm(where, { force: true });
    }
  }

  return {
    bot,
    outbound,
    handle: (event) => inChatOrder.run(userOf(event), () => handleInOrder(event)),
    async drain() {
      await inChatOrder.drain();
      await bot.inflight.drain();
    },
  };
}
