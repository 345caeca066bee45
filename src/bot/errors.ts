import type { I18n } from "@grammyjs/i18n";
import { type BotError, GrammyError, HttpError } from "grammy";
import type { Logger } from "pino";
import { isStorageFull } from "../db/client.js";
import type { Context } from "./context.js";
import { DEFAULT_LOCALE } from "./i18n.js";

/**
 * The last stop for an error in a handler: log it with the update id, and tell the user to try
 * again in their language — never a stack trace.
 */
export const reportHandlerError =
  (i18n: I18n<Context>, logger: Logger) =>
  async (error: BotError<Context>): Promise<void> => {
    const ctx = error.ctx;
    ctx.outcome = "error";
    const cause = error.error;
    const details = {
      update_id: ctx.update.update_id,
      err: cause instanceof Error ? cause : new Error(String(cause)),
      telegram: cause instanceof GrammyError ? cause.description : undefined,
    };
    const storageFull = isStorageFull(cause);
    // Nothing is written until someone frees space: the operator must hear of it at once.
    if (storageFull) logger.fatal(details, "database storage is full: nothing can be saved until space is freed");
    else logger.error(details, "update failed");
    // A failed send cannot be answered by another send.
    if (cause instanceof HttpError || !ctx.chat) return;
    try {
      const key = storageFull ? "error-storage-full" : "error-try-again";
      // The failure may have come before the user's language was known.
      const text = typeof ctx.t === "function" ? ctx.t(key) : i18n.t(DEFAULT_LOCALE, key);
      if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => {});
      await ctx.reply(text);
    } catch (replyError) {
      logger.warn({ update_id: ctx.update.update_id, err: replyError }, "could not tell the user about the failure");
    }
  };
