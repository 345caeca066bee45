import type { ConversationContext } from "../src/bot/context.js";
import { localDay } from "../src/domain/calendar.js";
import type { Actor } from "../src/services/audit.js";
import { emulationYear, yearUnderReview } from "../src/services/campaigns/index.js";
import type { ServiceContext } from "../src/services/context.js";
import type { Translate } from "../src/services/outbox.js";

/** Who the audit log names for what this chat user does: the person, and the chat account it came from. */
export function actorOf(ctx: ConversationContext): Actor {
  return { personId: ctx.identity.person?.id ?? null, label: `${ctx.services.platform}:${ctx.from?.id}` };
}

/** The bot's translations for a message to someone else, in their language (outbox notices). */
export function translatorOf(ctx: ConversationContext): Translate {
  return (locale, key, args) => ctx.i18n.fluent.translate(locale, key, args);
}

/** What a use case needs from this update besides the database: its clock, its actor, its wording and time zone. */
export function serviceContextOf(ctx: ConversationContext): ServiceContext {
  return { clock: ctx.services.clock, actor: actorOf(ctx), translate: translatorOf(ctx), timeZone: ctx.services.config.displayTimeZone };
}

/** The year an update is about when it names none: today's, in the agency's time zone. */
export function thisYear(ctx: ConversationContext): number {
  return Number(localDay(ctx.services.clock(), ctx.services.config.displayTimeZone).slice(0, 4));
}

/** The emulation year registration is in now: a campaign launched in December opens next year's (see emulationYear). */
export function registrationYear(ctx: ConversationContext): Promise<number> {
  return emulationYear(ctx.services.db, ctx.services.clock(), ctx.services.config.displayTimeZone);
}

/** The year a review or a ballot is about when none is named: this year's from October, last year's before. */
export function reviewYear(ctx: ConversationContext): number {
  return yearUnderReview(ctx.services.clock(), ctx.services.config.displayTimeZone);
}
