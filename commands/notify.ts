import { Composer, InlineKeyboard } from "grammy";
import * as z from "zod";
import type { Context } from "../src/bot/context.js";
import { ACTIONS } from "../src/domain/button-actions.js";
import { NOTIFY_VIA, type NotifyVia } from "../src/domain/notifications.js";
import { foldForMatching } from "../src/domain/text.js";
import { notificationSettings, setNotifyVia } from "../src/services/accounts/index.js";
import { allowed, onButton } from "./guard.js";

/** /notify telegram|zalo|both: where a person with accounts on both platforms gets notifications. */
export const notifyCommand = new Composer<Context>();

// What people type: the platform, or "both" in either language, accents optional.
const notifyArgument = z
  .string()
  .transform((text) => foldForMatching(text))
  .pipe(z.enum(["telegram", "zalo", "both", "ca hai", "ca 2", "tat ca"]))
  .transform((word): NotifyVia => (word === "telegram" || word === "zalo" ? word : "both"));

notifyCommand.command("notify", allowed("notify"), async (ctx) => {
  const person = ctx.identity.person;
  if (!person) return;
  const argument = ctx.match.trim();
  if (!argument) {
    const settings = await notificationSettings(ctx.services.db, person.id);
    const keyboard = new InlineKeyboard();
    for (const via of NOTIFY_VIA) keyboard.text(ctx.t(`notify-via-${via}`), ACTIONS.notifyVia.encode(via));
    await ctx.say("notify-current", { via: ctx.t(`notify-via-${settings.via}`) }, { reply_markup: keyboard });
    return;
  }
  const wanted = notifyArgument.safeParse(argument);
  if (!wanted.success) {
    await ctx.say("notify-usage");
    return;
  }
  await applyChoice(ctx, person.id, wanted.data);
});

onButton(notifyCommand, ACTIONS.notifyVia, async (ctx, [via]) => {
  const person = ctx.identity.person;
  if (!person) {
    await ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
    return;
  }
  await ctx.answerCallbackQuery();
  await applyChoice(ctx, person.id, via);
});

async function applyChoice(ctx: Context, personId: number, via: NotifyVia): Promise<void> {
  await setNotifyVia(ctx.services.db, personId, via);
  const { platforms } = await notificationSettings(ctx.services.db, personId);
  const label = ctx.t(`notify-via-${via}`);
  // Until an account exists there, everything still goes to the accounts the person has.
  if (via !== "both" && !platforms.includes(via)) await ctx.say("notify-set-not-linked", { via: label });
  else await ctx.say("notify-set", { via: label });
}
