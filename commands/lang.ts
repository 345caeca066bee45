import { Composer, InlineKeyboard } from "grammy";
import * as z from "zod";
import { ACTIONS } from "../src/domain/button-actions.js";
import type { Context } from "../src/bot/context.js";
import { LOCALES } from "../src/bot/i18n.js";
import { setLanguage } from "../src/services/accounts/index.js";
import { allowed, onButton } from "./guard.js";

export const langCommand = new Composer<Context>();

const languageChoice = z.enum(LOCALES);

langCommand.command("lang", allowed("lang"), async (ctx) => {
  const keyboard = new InlineKeyboard();
  for (const locale of LOCALES) keyboard.text(ctx.t(`lang-name-${locale}`), ACTIONS.language.encode(locale));
  await ctx.say("lang-choose", {}, { reply_markup: keyboard });
});

onButton(langCommand, ACTIONS.language, async (ctx, [locale]) => {
  const choice = languageChoice.safeParse(locale);
  if (!choice.success) {
    await ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
    return;
  }
  await setLanguage(ctx.services.db, ctx.identity.accountId, choice.data);
  ctx.i18n.useLocale(choice.data);
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.translateHtml("lang-changed"), { parse_mode: "HTML" });
});
