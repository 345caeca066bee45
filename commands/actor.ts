import type { ConversationContext } from "../src/bot/context.js";
import type { Actor } from "../src/services/audit.js";
import type { Translate } from "../src/services/outbox.js";

/** Who the audit log names for what this chat user does: the person, and the chat account it came from. */
export function actorOf(ctx: ConversationContext): Actor {
  return { personId: ctx.identity.person?.id ?? null, label: `${ctx.services.platform}:${ctx.from?.id}` };
}

/** The bot's translations for a message to someone else, in their language (outbox notices). */
export function translatorOf(ctx: ConversationContext): Translate {
  return (locale, key, args) => ctx.i18n.fluent.translate(locale, key, args);
}
