import type { ConversationContext } from "../src/bot/context.js";

// What every guided conversation (/register, /broadcast, /launch, returning a registration)
// shares: how long it waits, its cancel and back buttons, and its neutral messages.

/** How long a conversation waits for the next answer before it lapses (a lapsed one saves nothing). */
export const IDLE_LIMIT_MS = 30 * 60_000;

/** The labels of the buttons every conversation offers. */
export const cancelLabel = (ctx: ConversationContext) => ctx.t("conversation-button-cancel");
export const backLabel = (ctx: ConversationContext) => ctx.t("conversation-button-back");

/** Waiting for a button: anything else is answered with a reminder to use the buttons. */
export const BUTTON_WAIT = {
  maxMilliseconds: IDLE_LIMIT_MS,
  otherwise: (other: ConversationContext) => other.say("conversation-use-buttons"),
} as const;

/** Ends a conversation on its cancel button (or another command): the press answered, the person told nothing was saved. */
export async function sayCancelled(answer: ConversationContext): Promise<void> {
  if (answer.callbackQuery) await answer.answerCallbackQuery();
  await answer.say("conversation-cancelled");
}
