import { Composer } from "grammy";
import type { Context } from "../src/bot/context.js";
import { commandsFor, type Role } from "../src/domain/roles.js";
import { chatMenuRolesOf, recordChatMenu } from "../src/services/accounts/index.js";

/**
 * Telegram's command menu for this chat: the commands this person's roles may use (a head sees
 * /tasks and /approve, the secretariat /broadcast…), in their language. Everyone else keeps the
 * staff menu published at start-up. The plain-text platforms have no menu.
 */
export async function publishChatMenu(ctx: Context, roles: readonly Role[]): Promise<void> {
  if (ctx.services.platform !== "telegram" || !ctx.chat) return;
  const commands = commandsFor(roles).filter((command) => command !== "start");
  try {
    await ctx.api.setMyCommands(
      commands.map((command) => ({ command, description: ctx.t(`cmd-${command}`) })),
      { scope: { type: "chat", chat_id: ctx.chat.id } },
    );
    await recordChatMenu(ctx.services.db, ctx.identity.accountId, roles);
  } catch (error) {
    // A menu is a convenience: failing to set it must not cost the user the answer.
    ctx.services.logger.warn({ err: error }, "could not publish the chat's command menu");
  }
}

/** When a person's roles changed since the chat's menu was published (a roster import), the menu follows. */
export const chatMenuUpdates = new Composer<Context>();

chatMenuUpdates.use(async (ctx, next) => {
  const person = ctx.identity.person;
  if (person && ctx.services.platform === "telegram" && ctx.identity.menuRoles !== chatMenuRolesOf(person.roles)) await publishChatMenu(ctx, person.roles);
  await next();
});
