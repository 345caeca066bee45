import type { Update } from "grammy/types";
import type { BotServices } from "../../bot/context.js";
import { ZALO_BOT_CAPABILITIES } from "../../domain/channels.js";
import { createBot, type TdktBot } from "../../bot/index.js";
import { MonthlyQuota } from "../../services/delivery/index.js";
import type { ServerLinks } from "../../services/platform/signed-links.js";
import type { UploadReceiver } from "../http/upload-page.js";
import { plainTextFetch } from "../plain-text/api.js";
import { chatOrder } from "../plain-text/chat-order.js";
import { LocalFiles } from "../plain-text/local-files.js";
import { chatOfCallbackQuery, repromptText, updateFromLine } from "../plain-text/choices.js";
import type { ZaloClient } from "./client.js";
import { ZALO_BOT_INFO, type ZaloEvent, zaloUpdateId } from "./events.js";
import { ZaloOutbound } from "./outbound.js";

// A handler still busy after this shows "typing…", as a person would see someone answering.
const TYPING_AFTER_MS = 400;

export type ZaloTransport = {
  bot: TdktBot;
  outbound: ZaloOutbound;
  /** Handles one event: resolves once the bot has answered it. */
  handle(event: ZaloEvent): Promise<{ busy: boolean }>;
  /** Files sent through the upload page (Zalo's bots cannot receive files). */
  uploads: UploadReceiver;
  /** Waits for every event taken so far. */
  drain(): Promise<void>;
};

/**
 * The same bot, on Zalo: events become Telegram-shaped updates for the same handlers, and the
 * bot client's own fetch (plain-text/api.ts) takes their replies to Zalo. A reply that answers
 * the numbered options last shown becomes the press of that button.
 */
export function createZaloTransport(
  services: Omit<BotServices, "platform" | "capabilities">,
  options: { client: ZaloClient; downloads?: ServerLinks; onUnsupported?: (method: string) => void },
): ZaloTransport {
  // The bot's own translations, looked up when a message goes out (the bot exists by then).
  const outbound = new ZaloOutbound(
    options.client,
    services.db,
    (locale, key, args) => bot.i18n.t(locale, key, args),
    services.config.displayTimeZone,
    options.downloads,
    new MonthlyQuota(services.db, "zalo", services.config.zalo.monthlyMessages, {
      clock: services.clock,
      translate: (locale, key, args) => bot.i18n.t(locale, key, args),
      timeZone: services.config.displayTimeZone,
    }),
  );
  // Files taken by the upload page, by the file id their update carries, until it is handled.
  const localFiles = new LocalFiles();
  const bot = createBot({
    token: "zalo",
    services: { ...services, platform: "zalo", capabilities: ZALO_BOT_CAPABILITIES, ...(options.downloads ? { links: options.downloads } : {}) },
    botInfo: ZALO_BOT_INFO,
    fetch: plainTextFetch({
      deliver: (outgoing) => outbound.deliver(outgoing),
      chatOfCallbackQuery,
      localFile: (fileId) => localFiles.path(fileId),
      unsupported: options.onUnsupported ?? ((method) => services.logger.warn({ method }, "a Bot API call Zalo cannot carry out")),
    }),
  });
  const inChatOrder = chatOrder();

  async function handleInOrder(event: ZaloEvent): Promise<{ busy: boolean }> {
    const update = await toUpdate(event);
    if (!update) return { busy: false };
    const chatId = event.message.chat.id;
    const typing = setTimeout(() => {
      options.client.call("sendChatAction", { chat_id: chatId, action: "typing" }).catch(() => {});
    }, TYPING_AFTER_MS);
    try {
      return { busy: (await bot.handle(update)).busy };
    } finally {
      clearTimeout(typing);
    }
  }

  /** The event as an update for the same handlers, or undefined when the bot has answered it already. */
  async function toUpdate(event: ZaloEvent): Promise<Update | undefined> {
    const { message } = event;
    const name = message.from.display_name ?? message.from.name ?? "";
    // grammY types ids as numbers; Zalo's are strings, which every handler only passes back.
    const chatId = message.chat.id as unknown as number;
    // Zalo marks group chats; the bot's guard answers them once and serves nothing there.
    const chat =
      message.chat.chat_type?.toUpperCase() === "GROUP"
        ? { id: chatId, type: "group" as const, title: name }
        : { id: chatId, type: "private" as const, first_name: name };
    // Zalo stamps milliseconds; seconds are accepted too.
    const sentMs = message.date === undefined ? Date.now() : message.date > 1e11 ? message.date : message.date * 1000;
    const updateId = zaloUpdateId(event);
    const read = await updateFromLine(services.db, {
      platform: "zalo",
      updateId,
      chatId: message.chat.id,
      from: { id: message.from.id as unknown as number, is_bot: message.from.is_bot ?? false, first_name: name },
      chat,
      date: Math.floor(sentMs / 1000),
      // Images, stickers and the rest come without text: the bot answers them politely.
      text: event.event_name === "message.text.received" ? (message.text ?? "").trim() : undefined,
      messageId: updateId % 2_000_000_000,
    });
    if ("update" in read) return read.update;
    const locale = await outbound.localeOf(message.chat.id);
    await outbound.sendText(
      message.chat.id,
      repromptText((key, args) => bot.i18n.t(locale, key, args), read.reprompt),
    );
    return undefined;
  }

  return {
    bot,
    outbound,
    uploads: {
      receiveFile: (target, file) =>
        inChatOrder.run(target.chatId, () => localFiles.asDocument(target, file, services.clock(), (update) => bot.handle(update))),
      translate: (locale, key, args) => bot.i18n.t(locale, key, args),
    },
    handle(event) {
      return inChatOrder.run(event.message.chat.id, () => handleInOrder(event));
    },
    async drain() {
      await inChatOrder.drain();
      await bot.inflight.drain();
    },
  };
}
