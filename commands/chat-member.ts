import { Composer } from "grammy";
import type { Context } from "../src/bot/context.js";
import { setAccountBlocked } from "../src/services/accounts/index.js";

/**
 * Telegram says when a user blocks the bot or starts it again (my_chat_member in the private
 * chat): the account is marked at once, not only after a notification fails. Nothing is sent.
 */
export const chatMemberUpdates = new Composer<Context>();

chatMemberUpdates.on("my_chat_member", async (ctx) => {
  const status = ctx.myChatMember.new_chat_member.status;
  if (status === "kicked") await setAccountBlocked(ctx.services.db, ctx.identity.accountId, true);
  else if (status === "member") await setAccountBlocked(ctx.services.db, ctx.identity.accountId, false);
});
