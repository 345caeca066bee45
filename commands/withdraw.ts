import { Composer, InlineKeyboard } from "grammy";
import type { Context } from "../src/bot/context.js";
import { ACTIONS } from "../src/domain/button-actions.js";
import { registrationById, withdrawRegistration } from "../src/services/registrations/index.js";
import { serviceContextOf } from "./service-context.js";
import { onButton } from "./guard.js";

/**
 * Withdrawing a registration: at once while it waits, but an approved one only after a second
 * press (its approval would be lost, and the approver is told).
 */
export const withdrawButtons = new Composer<Context>();

onButton(withdrawButtons, ACTIONS.registrationWithdraw, async (ctx, [registrationId]) => {
  const registration = await registrationById(ctx.services.db, registrationId);
  if (registration?.status !== "approved") return withdraw(ctx, registrationId);
  await ctx.answerCallbackQuery();
  await ctx.say(
    "register-withdraw-approved-confirm",
    {},
    {
      reply_markup: new InlineKeyboard()
        .text(ctx.t("register-button-withdraw-confirm"), ACTIONS.registrationWithdrawConfirmed.encode(registrationId))
        .text(ctx.t("conversation-button-cancel"), ACTIONS.registrationWithdrawKept.encode()),
    },
  );
});

onButton(withdrawButtons, ACTIONS.registrationWithdrawConfirmed, (ctx, [registrationId]) => withdraw(ctx, registrationId));

onButton(withdrawButtons, ACTIONS.registrationWithdrawKept, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.say("register-withdraw-kept");
});

async function withdraw(ctx: Parameters<Parameters<typeof onButton>[2]>[0], registrationId: number) {
  const person = ctx.identity.person;
  if (!person) return ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
  const result = await withdrawRegistration(ctx.services.db, person, registrationId, serviceContextOf(ctx));
  await ctx.answerCallbackQuery();
  if (result.kind === "refused") return ctx.say(result.refusal.key, result.refusal.args);
  await ctx.say("register-withdrawn");
}
