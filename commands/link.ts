import { Composer, InlineKeyboard } from "grammy";
import type { Context } from "../src/bot/context.js";
import { ACTIONS } from "../src/domain/button-actions.js";
import { formatDate, formatDateTime } from "../src/domain/calendar.js";
import { agencyName } from "../src/services/rules/index.js";
import { acceptInvite, type RedeemResult, redeemInvite } from "../src/services/invites/index.js";
import { onButton } from "./guard.js";
import { publishChatMenu } from "./menu.js";

/** Tries the text as an invite code and tells the user what came of it. */
export async function linkWithInviteCode(ctx: Context, text: string): Promise<void> {
  const { db, clock, platform } = ctx.services;
  const result = await redeemInvite(
    db,
    { platform, externalId: String(ctx.from?.id), accountId: ctx.identity.accountId, text, userCap: userCapOf(ctx) },
    clock,
  );
  await tellOutcome(ctx, result);
}

/** The Zalo Bot Platform carries at most so many people a bot; the other channels have no ceiling. */
function userCapOf(ctx: Context): number | undefined {
  return ctx.services.platform === "zalo" ? ctx.services.config.zalo.maxUsers : undefined;
}

async function tellOutcome(ctx: Context, result: RedeemResult): Promise<void> {
  const zone = ctx.services.config.displayTimeZone;
  switch (result.kind) {
    case "consent-needed": {
      const keyboard = new InlineKeyboard()
        .text(ctx.t("privacy-button-agree"), ACTIONS.consentAgree.encode(result.inviteId))
        .text(ctx.t("privacy-button-decline"), ACTIONS.consentDecline.encode(result.inviteId));
      const agency = (await agencyName(ctx.services.db, ctx.services.config.agencyName)) || ctx.t("privacy-agency-unnamed");
      await ctx.say("privacy-notice", { name: result.fullName, agency }, { reply_markup: keyboard });
      return;
    }
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
    case "channel-full":
      await ctx.say("invite-channel-full", { cap: result.cap });
      return;
  }
}

/** The answer to the privacy notice: agreeing links the account; declining keeps nothing. */
export const consentButtons = new Composer<Context>();

onButton(consentButtons, ACTIONS.consentAgree, async (ctx, [inviteId]) => {
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup();
  const { db, clock, platform } = ctx.services;
  await tellOutcome(
    ctx,
    await acceptInvite(db, { platform, externalId: String(ctx.from.id), accountId: ctx.identity.accountId, inviteId, userCap: userCapOf(ctx) }, clock),
  );
});

onButton(consentButtons, ACTIONS.consentDecline, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup();
  await ctx.say("privacy-declined");
});
