import { Composer } from "grammy";
import type { Context } from "../src/bot/context.js";
import { normalizeInviteCode } from "../src/services/invites/index.js";
import { linkWithInviteCode } from "./link.js";

/** Whatever no command took: a helpful answer, never silence. */
export const fallback = new Composer<Context>();

fallback.on("message:text", async (ctx) => {
  const text = ctx.message.text.trim();
  const command = /^\/([^\s@]+)/.exec(text)?.[1];
  if (command) {
    await ctx.say(ctx.identity.person ? "unknown-command" : "unlinked-explain", { command });
    return;
  }
  // People paste the code on its own as often as they open the link.
  if (!ctx.identity.person && normalizeInviteCode(text)) return linkWithInviteCode(ctx, text);
  await ctx.say(ctx.identity.person ? "unknown-text" : "unlinked-explain");
});

fallback.on("callback_query", async (ctx) => {
  await ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
});

fallback.on("message", async (ctx) => {
  await ctx.say(ctx.identity.person ? "unknown-text" : "unlinked-explain");
});
