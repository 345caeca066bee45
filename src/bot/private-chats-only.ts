import type { I18n } from "@grammyjs/i18n";
import type { Middleware } from "grammy";
import { firstTimeInGroup } from "../services/platform/group-chats.js";
import type { BotServices, Context } from "./context.js";
import { DEFAULT_LOCALE, toLocale } from "./i18n.js";

/**
 * The bot serves private chats only: in a group, one member's reply could feed another's
 * conversation and the whole group would read personal data. The first time a group is seen the
 * bot says so in one sentence; after that it answers nothing there and records nothing.
 */
export function privateChatsOnly(services: BotServices, i18n: Pick<I18n<Context>, "t">): Middleware<Context> {
  return async (ctx, next) => {
    const chat = ctx.chat;
    if (!chat || chat.type === "private") return next();
    ctx.outcome = "group";
    if (ctx.callbackQuery) return void (await ctx.answerCallbackQuery());
    if (await firstTimeInGroup(services.db, services.platform, String(chat.id), services.clock())) {
      await ctx.api.sendMessage(chat.id, i18n.t(toLocale(ctx.from?.language_code) ?? DEFAULT_LOCALE, "group-not-served"));
    }
  };
}
