import type { Conversation } from "@grammyjs/conversations";
import { Composer, InlineKeyboard } from "grammy";
import * as z from "zod";
import type { Context, ConversationContext } from "../src/bot/context.js";
import { localDay } from "../src/domain/calendar.js";
import { catalogueOn, localName } from "../src/services/rules/index.js";
import { decideRegistration, pendingFor } from "../src/services/registrations/index.js";
import { ACTIONS, CONVERSATION_ACTIONS } from "../src/domain/button-actions.js";
import { allowed, onButton, pressed } from "./guard.js";
import { cancelLabel, IDLE_LIMIT_MS } from "./conversation-kit.js";
import { serviceContextOf, registrationYear } from "./service-context.js";

export const RETURN_CONVERSATION = "return-registration";
export const approveCommand = new Composer<Context>();

const reasonText = z.string().trim().min(3).max(500);
const yearArgument = z.coerce.number().int().min(2000).max(2100);

/**
 * /approve [year]: what waits for this person's decision — a head's unit's staff, the leadership's
 * heads, collective titles and units without a head — each with approve and return buttons.
 */
approveCommand.command("approve", allowed("approve"), async (ctx) => {
  const person = ctx.identity.person;
  if (!person) return;
  const zone = ctx.services.config.displayTimeZone;
  const now = ctx.services.clock();
  const locale = await ctx.i18n.getLocale();
  // Year Y's registrations are still decided in the first months of Y+1.
  const year = yearArgument.safeParse(ctx.match.trim()).data ?? (await registrationYear(ctx));
  const [pending, catalogue] = await Promise.all([pendingFor(ctx.services.db, person, year), catalogueOn(ctx.services.db, localDay(now, zone))]);
  const leader = person.roles.includes("leader");
  const scope = leader ? ctx.t("approve-scope-agency") : person.unitName;
  if (pending.length === 0) return ctx.say("approve-none", { unit: scope, year: String(year) });
  const keyboard = new InlineKeyboard();
  const lines = [ctx.translateHtml("approve-header", { unit: scope, count: pending.length, year: String(year) })];
  pending.forEach((registration, index) => {
    const title = catalogue.titles.find((entry) => entry.code === registration.titleCode);
    const form = catalogue.forms.find((entry) => entry.code === registration.formCode);
    lines.push(
      ctx.translateHtml("approve-line", {
        number: index + 1,
        name: registration.personName ? (leader ? `${registration.personName} (${registration.unitName})` : registration.personName) : registration.unitName,
        title: title ? localName(title, locale) : registration.titleCode,
        form: form ? localName(form, locale) : "—",
        initiative: registration.initiativeTitle ?? "—",
      }),
    );
    keyboard
      .text(ctx.t("approve-button-approve", { number: index + 1 }), ACTIONS.approve.encode(registration.id))
      .text(ctx.t("approve-button-return", { number: index + 1 }), ACTIONS.giveBack.encode(registration.id))
      .row();
  });
  await ctx.reply(lines.join("\n"), { parse_mode: "HTML", reply_markup: keyboard });
});

onButton(approveCommand, ACTIONS.approve, async (ctx, [registrationId]) => {
  const person = ctx.identity.person;
  if (!person) return ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
  const result = await decideRegistration(ctx.services.db, person, { registrationId, decision: "approve" }, serviceContextOf(ctx));
  if (result.kind === "refused") return ctx.answerCallbackQuery({ text: ctx.t(result.refusal.key, result.refusal.args) });
  await ctx.answerCallbackQuery();
  await ctx.say("approve-approved");
});

onButton(approveCommand, ACTIONS.giveBack, async (ctx, [registrationId]) => {
  await ctx.answerCallbackQuery();
  await ctx.conversation.enter(RETURN_CONVERSATION, registrationId);
});

/** Asks the head why, then returns the registration; the employee is told and can fix it. */
export async function returnConversation(conversation: Conversation<Context, ConversationContext>, ctx: ConversationContext, id: number): Promise<void> {
  await ctx.reply(ctx.translateHtml("approve-ask-reason"), {
    parse_mode: "HTML",
    reply_markup: new InlineKeyboard().text(cancelLabel(ctx), CONVERSATION_ACTIONS.giveBackCancel.encode()),
  });
  for (;;) {
    const answer = await conversation.wait({ maxMilliseconds: IDLE_LIMIT_MS });
    if (pressed(answer, CONVERSATION_ACTIONS.giveBackCancel)) {
      await answer.answerCallbackQuery();
      await answer.say("conversation-cancelled");
      return;
    }
    const text = answer.message?.text?.trim();
    if (text?.startsWith("/")) await conversation.halt({ next: true });
    const reason = reasonText.safeParse(text ?? "");
    if (!reason.success) {
      if (answer.callbackQuery) await answer.answerCallbackQuery();
      await answer.say("approve-reason-needed");
      continue;
    }
    const result = await conversation.external(async () => {
      const person = ctx.identity.person;
      if (!person) return { kind: "refused" as const, refusal: { key: "unlinked-explain", args: {} } };
      const outcome = await decideRegistration(ctx.services.db, person, { registrationId: id, decision: "return", reason: reason.data }, serviceContextOf(ctx));
      return outcome.kind === "refused" ? outcome : { kind: outcome.kind };
    });
    if (result.kind === "refused") await answer.say(result.refusal.key, result.refusal.args);
    else await answer.say("approve-returned");
    return;
  }
}
