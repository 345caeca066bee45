import type { Middleware } from "grammy";
import type { Context } from "../src/bot/context.js";
import { ACTIONS, type ActionName, COMMANDS, type CommandName, mayUse } from "../src/domain/roles.js";

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

/** The same for a button: a forged or stale press by someone the table does not allow is refused. */
export function allowedAction(action: ActionName): Middleware<Context> {
  return async (ctx, next) => {
    if (mayUse(ACTIONS[action], ctx.identity.person?.roles ?? null)) return next();
    await ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
  };
}
