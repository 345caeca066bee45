import type { Middleware } from "grammy";
import type { Context } from "../src/bot/context.js";
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
