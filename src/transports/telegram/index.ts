import { run } from "@grammyjs/runner";
import { Api, GrammyError, HttpError } from "grammy";
import { TELEGRAM_CAPABILITIES } from "../../domain/channels.js";
import type { BotServices } from "../../bot/context.js";
import { createBot, type TdktBot } from "../../bot/index.js";
import { outgoingPolicy } from "../../bot/outgoing-policy.js";
import type { ProgressEdit } from "../../scheduler/broadcast-progress.js";
import type { ChatPlatform } from "../platform.js";
import type { Sender } from "../../scheduler/dispatcher.js";
import { ALLOWED_UPDATES, publishCommandMenu } from "./commands-menu.js";
import { telegramWebhook } from "./webhook.js";

/** Builds the Telegram bot with the outgoing-call policy every Telegram transport shares. */
export function createTelegramBot(services: Omit<BotServices, "platform" | "capabilities">, token: string): TdktBot {
  return createBot({ token, services: { ...services, platform: "telegram", capabilities: TELEGRAM_CAPABILITIES }, outgoing: outgoingPolicy(services.logger) });
}

/** Telegram through grammY: long polling, or the webhook of the shared HTTP server. */
export function telegramPlatform(services: Omit<BotServices, "platform" | "capabilities">, token: string): ChatPlatform {
  const { config } = services;
  const bot = createTelegramBot(services, token);
  const { mode } = config;
  return {
    name: "telegram",
    bot,
    sender: telegramSender(token, config.telegram.apiRoot, { paid: config.broadcast.paid, timeoutSeconds: config.telegram.sendTimeoutSeconds }),
    rate: config.broadcast.rate,
    progress: progressEditor(bot),
    run: (signal, onReady) => runTelegramPolling(bot, signal, onReady),
    ...(mode.kind === "webhook" ? { webhook: telegramWebhook(bot, mode.url, mode.secret, mode.telegramMaxConnections) } : {}),
  };
}

/**
 * Long polling through grammY's runner. Resolves once `stop` has been called and every update
 * in flight has finished, so nothing is left half-written.
 */
export async function runTelegramPolling(bot: TdktBot, stop: AbortSignal, onReady: () => void): Promise<void> {
  await bot.init();
  // Polling and a webhook exclude each other; a switch back from webhook mode needs this.
  await bot.api.deleteWebhook();
  await publishCommandMenu(bot);
  const handle = run(bot, {
    runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } },
  });
  onReady();
  await new Promise<void>((resolve) => {
    if (stop.aborted) resolve();
    else stop.addEventListener("abort", () => resolve(), { once: true });
  });
  await handle.stop();
  await bot.inflight.drain();
}

/**
 * Sends outbox messages through the Bot API without auto-retry: the dispatcher decides what a
 * 429, a 403 or a lost answer means for the row.
 */
export function telegramSender(token: string, apiRoot: string, options: { paid?: boolean; timeoutSeconds?: number } = {}): Sender {
  // A request with no answer in this time is recorded as unknown, never resent.
  const api = new Api(token, { apiRoot, timeoutSeconds: options.timeoutSeconds ?? 30 });
  return async ({ chatId, payload }) => {
    const other = {
      ...(payload.parseMode ? { parse_mode: payload.parseMode } : {}),
      ...(payload.buttons
        ? { reply_markup: { inline_keyboard: payload.buttons.map((row) => row.map((button) => ({ text: button.text, callback_data: button.data }))) } }
        : {}),
      ...(options.paid ? { allow_paid_broadcast: true } : {}),
    };
    try {
      if (payload.documentFileId) await api.sendDocument(chatId, payload.documentFileId, { caption: payload.text, ...other });
      else await api.sendMessage(chatId, payload.text, other);
      return { kind: "sent" };
    } catch (error) {
      if (error instanceof GrammyError) {
        if (error.error_code === 429) return { kind: "retry", afterSeconds: error.parameters.retry_after ?? 1, reason: error.description };
        if (error.error_code === 403) return { kind: "failed", reason: error.description, blocked: true };
        if (error.error_code >= 500) return { kind: "unknown", reason: error.description };
        return { kind: "failed", reason: error.description };
      }
      // HttpError: the connection failed or timed out, maybe after Telegram got the request.
      return { kind: "unknown", reason: error instanceof HttpError ? error.message : String(error) };
    }
  };
}

/** Edits a broadcast's progress message; an edit that changes nothing is not an error. */
function progressEditor(bot: TdktBot): ProgressEdit {
  return async ({ chatId, messageId }, { text, buttons }) => {
    try {
      await bot.api.editMessageText(chatId, messageId, text, {
        parse_mode: "HTML",
        reply_markup: { inline_keyboard: buttons.map((row) => row.map((button) => ({ text: button.text, callback_data: button.data }))) },
      });
    } catch (error) {
      if (!(error instanceof GrammyError && error.description.includes("message is not modified"))) throw error;
    }
  };
}
