import type { CallbackQueryContext, Composer, Middleware } from "grammy";
import type { Context } from "../src/bot/context.js";
import type { Action, Fields, Values } from "../src/domain/actions.js";
import { COMMANDS, type CommandName, mayUse } from "../src/domain/roles.js";

/** Lets the update through only if the COMMANDS table allows this user the command. */
export function allowed(command: CommandName): Middleware<Context> {
  return async (ctx, next) => {
    const roles = ctx.identity.person?.roles ?? null;
    if (mayUse(COMMANDS[command], roles)) return next();
    if (ctx.callbackQuery) await ctx.answerCallbackQuery();
    if (!ctx.identity.person) await ctx.say("unlinked-explain");
    else await ctx.say("not-allowed", { command });
  };
}

/** The kinds of button a handler was registered for (the authorization tests compare them with the table). */
export const BUTTON_HANDLERS = new Set<string>();

/**
 * Handles the presses of one kind of button: only its own data reaches the handler, decoded; a
 * press by someone its audience does not include, or with data that does not decode (forged,
 * stale), ends with "this button is no longer valid".
 */
export function onButton<F extends Fields>(
  composer: Composer<Context>,
  button: Action<F>,
  handler: (ctx: CallbackQueryContext<Context>, values: Values<F>) => unknown,
): void {
  BUTTON_HANDLERS.add(button.name);
  composer.callbackQuery(button.pattern, async (ctx) => {
    const values = mayUse(button.audience, ctx.identity.person?.roles ?? null) ? button.decode(ctx.callbackQuery.data) : undefined;
    if (!values) return ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
    return handler(ctx, values);
  });
}

/** Inside a guided conversation: the values of the button pressed, if it is one of this kind. */
export function pressed<F extends Fields>(ctx: { callbackQuery?: { data?: string } | undefined }, button: Action<F>): Values<F> | undefined {
  const data = ctx.callbackQuery?.data;
  return data === undefined ? undefined : button.decode(data);
}
