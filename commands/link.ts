import type { Context } from "../src/bot/context.js";
import { formatDate, formatDateTime } from "../src/domain/calendar.js";
import { redeemInvite } from "../src/services/invites.js";
import { publishChatMenu } from "./menu.js";

/** Tries the text as an invite code and tells the user what came of it. */
export async function linkWithInviteCode(ctx: Context, text: string): Promise<void> {
  const { db, clock, platform, config } = ctx.services;
  const result = await redeemInvite(db, { platform, externalId: String(ctx.from?.id), accountId: ctx.identity.accountId, text }, clock);
  const zone = config.displayTimeZone;
  switch (result.kind) {
    case "linked":
      // The menu first: when the confirmation arrives, the menu already matches it.
      await publishChatMenu(ctx, result.roles);
      await ctx.say("invite-linked", { name: result.fullName });
      return;
    case "already-linked":
      await ctx.say("invite-already-linked", { name: result.fullName });
      return;
    case "wrong":
      await (result.attemptsLeft > 0 ? ctx.say("invite-wrong", { left: result.attemptsLeft }) : ctx.say("invite-wrong-last"));
      return;
    case "locked":
      await ctx.say("invite-locked", { until: formatDateTime(result.until, zone) });
      return;
    case "expired":
      await ctx.say("invite-expired", { date: formatDate(result.expiredAt, zone) });
      return;
    case "used":
      await ctx.say("invite-used");
      return;
    case "replaced":
      await ctx.say("invite-replaced");
      return;
  }
}
