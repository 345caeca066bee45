import { Composer } from "grammy";
import type { Context } from "../src/bot/context.js";
import { allowed } from "./guard.js";
import { linkWithInviteCode } from "./link.js";

export const startCommand = new Composer<Context>();

// /start <code> is what Telegram sends when the user opens the invite link t.me/<bot>?start=<code>.
startCommand.command("start", allowed("start"), async (ctx) => {
  const payload = ctx.match.trim();
  if (payload) return linkWithInviteCode(ctx, payload);
  const person = ctx.identity.person;
  if (person) await ctx.say("start-linked", { name: person.fullName });
  else await ctx.say("unlinked-explain");
});
