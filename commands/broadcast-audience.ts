import type { Conversation } from "@grammyjs/conversations";
import { InlineKeyboard } from "grammy";
import type { Context, ConversationContext } from "../src/bot/context.js";
import { CONVERSATION_ACTIONS } from "../src/domain/button-actions.js";
import type { BroadcastAudience } from "../src/domain/notifications.js";
import { loadUnitMatching } from "../src/services/plans/index.js";
import { BUTTON_WAIT, cancelLabel } from "./conversation-kit.js";
import { pressed } from "./guard.js";

// The broadcast's second step: who receives it.
const UNIT_BUTTONS = 30;

const audienceButton = (choice: Parameters<typeof CONVERSATION_ACTIONS.broadcastAudience.encode>[0]) => CONVERSATION_ACTIONS.broadcastAudience.encode(choice);

/** Everyone, chosen units, unit heads, the council, or those who have not registered this year. */
export async function chooseAudience(
  conversation: Conversation<Context, ConversationContext>,
  ctx: ConversationContext,
  /** The year whose unregistered people "unreg" means: the launch's, else this one. */
  year: number,
): Promise<BroadcastAudience | null> {
  await ctx.reply(ctx.translateHtml("broadcast-ask-audience"), {
    parse_mode: "HTML",
    reply_markup: new InlineKeyboard()
      .text(ctx.t("broadcast-audience-all"), audienceButton("all"))
      .row()
      .text(ctx.t("broadcast-audience-units"), audienceButton("units"))
      .row()
      .text(ctx.t("broadcast-audience-heads"), audienceButton("heads"))
      .text(ctx.t("broadcast-audience-council"), audienceButton("council"))
      .row()
      .text(ctx.t("broadcast-audience-unregistered"), audienceButton("unreg"))
      .row()
      .text(cancelLabel(ctx), CONVERSATION_ACTIONS.broadcastAbort.encode()),
  });
  const answer = await conversation.waitForCallbackQuery(
    [CONVERSATION_ACTIONS.broadcastAudience.pattern, CONVERSATION_ACTIONS.broadcastAbort.pattern],
    BUTTON_WAIT,
  );
  await answer.answerCallbackQuery();
  switch (pressed(answer, CONVERSATION_ACTIONS.broadcastAudience)?.[0]) {
    case "all":
      return { kind: "all" };
    case "heads":
      return { kind: "roles", roles: ["head"] };
    case "council":
      return { kind: "roles", roles: ["council"] };
    case "unreg":
      return { kind: "unregistered", year };
    case "units":
      return chooseUnits(conversation, ctx);
    default:
      await answer.say("conversation-cancelled");
      return null;
  }
}

async function chooseUnits(conversation: Conversation<Context, ConversationContext>, ctx: ConversationContext): Promise<BroadcastAudience | null> {
  const units = (await conversation.external(() => loadUnitMatching(ctx.services.db))).units.slice(0, UNIT_BUTTONS);
  const chosen = new Set<number>();
  const keyboard = () => {
    const board = new InlineKeyboard();
    units.forEach((unit, index) => {
      board.text(`${chosen.has(unit.id) ? "☑" : "☐"} ${unit.name}`, CONVERSATION_ACTIONS.broadcastUnit.encode(unit.id));
      if (index % 2 === 1) board.row();
    });
    return board
      .row()
      .text(ctx.t("broadcast-button-units-done"), CONVERSATION_ACTIONS.broadcastUnitsDone.encode())
      .text(cancelLabel(ctx), CONVERSATION_ACTIONS.broadcastAbort.encode());
  };
  const message = await ctx.reply(ctx.translateHtml("broadcast-ask-units"), { parse_mode: "HTML", reply_markup: keyboard() });
  for (;;) {
    const answer = await conversation.waitForCallbackQuery(
      [CONVERSATION_ACTIONS.broadcastUnit.pattern, CONVERSATION_ACTIONS.broadcastUnitsDone.pattern, CONVERSATION_ACTIONS.broadcastAbort.pattern],
      BUTTON_WAIT,
    );
    await answer.answerCallbackQuery();
    if (pressed(answer, CONVERSATION_ACTIONS.broadcastAbort)) {
      await answer.say("conversation-cancelled");
      return null;
    }
    if (pressed(answer, CONVERSATION_ACTIONS.broadcastUnitsDone)) {
      if (chosen.size > 0) return { kind: "units", unitIds: [...chosen] };
      await answer.say("broadcast-audience-empty");
      continue;
    }
    const [unitId] = pressed(answer, CONVERSATION_ACTIONS.broadcastUnit) ?? [];
    if (unitId === undefined || !units.some((unit) => unit.id === unitId)) continue;
    if (chosen.has(unitId)) chosen.delete(unitId);
    else chosen.add(unitId);
    await ctx.api.editMessageReplyMarkup(message.chat.id, message.message_id, { reply_markup: keyboard() });
  }
}
