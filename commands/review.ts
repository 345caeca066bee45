import { Composer, InlineKeyboard, InputFile } from "grammy";
import * as z from "zod";
import type { Context } from "../src/bot/context.js";
import { ACTIONS } from "../src/domain/button-actions.js";
import { localDay } from "../src/domain/calendar.js";
import { agencyName, catalogueOn, titleName } from "../src/services/rules/index.js";
import {
  reviewMinutesDocx,
  closeUnitVote,
  openUnitReview,
  recordReviewOutcome,
  sendUnitReview,
  startUnitVote,
  type UnitReview,
  unitReview,
  unitReviewOfUnit,
} from "../src/services/reviews/index.js";
import { serviceContextOf, reviewYear } from "./service-context.js";
import { allowed, onButton } from "./guard.js";

/**
 * bình xét: the head leads the unit's review of its approved registrations — records the
 * meeting's outcome per person (or lets the members vote in secret, in chat), then sends the
 * proposals up to the council with the minutes. /review [year] · /review no N reason · /review yes N
 */
export const reviewCommand = new Composer<Context>();

/** The head's own unit's review with this id, or nothing (a forged id of another unit's). */
async function reviewOfButton(ctx: Context, reviewId: number): Promise<UnitReview | undefined> {
  const person = ctx.identity.person;
  return person ? unitReviewOfUnit(ctx.services.db, reviewId, person.unitId) : undefined;
}

async function showReview(ctx: Context, review: UnitReview, how: "reply" | "edit") {
  const catalogue = await catalogueOn(ctx.services.db, localDay(ctx.services.clock()));
  const locale = await ctx.i18n.getLocale();

  const lines = [ctx.translateHtml("review-header", { unit: review.unitName, year: String(review.year), count: review.items.length })];
  const keyboard = new InlineKeyboard();
  for (const [index, item] of review.items.entries()) {
    const state = item.proposed === null ? "undecided" : item.proposed ? "proposed" : "not-proposed";
    const note = item.note ? ctx.translateHtml("review-note", { note: item.note }) : "";
    lines.push(ctx.translateHtml(`review-line-${state}`, { position: index + 1, name: item.name, title: titleName(catalogue, item.titleCode, locale) }) + note);
    if (review.status === "open") {
      keyboard.text(ctx.t("review-button-propose", { position: index + 1 }), ACTIONS.reviewMark.encode(review.id, item.registrationId, 1));
      keyboard.text(ctx.t("review-button-not-propose", { position: index + 1 }), ACTIONS.reviewMark.encode(review.id, item.registrationId, 0)).row();
    }
  }
  if (review.items.length === 0) lines.push(ctx.translateHtml("review-empty"));
  if (review.status === "sent") lines.push(ctx.translateHtml("review-already-sent"));
  else {
    lines.push(ctx.translateHtml("review-hint"));
    if (review.ballotSessionId === null && review.items.length > 0) keyboard.text(ctx.t("review-button-vote"), ACTIONS.reviewVote.encode(review.id));
    if (review.ballotSessionId !== null) keyboard.text(ctx.t("review-button-close-vote"), ACTIONS.reviewCloseVote.encode(review.id));
    keyboard.text(ctx.t("review-button-send"), ACTIONS.reviewSend.encode(review.id));
  }
  const text = lines.join("\n");
  if (how === "edit") await ctx.editMessageText(text, { parse_mode: "HTML", reply_markup: keyboard });
  else await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
}

const position = z.coerce.number().int().min(1).max(1000);

reviewCommand.command("review", allowed("review"), async (ctx) => {
  const person = ctx.identity.person;
  if (!person) return;
  const [verb = "", ...rest] = ctx.match.trim().split(/\s+/).filter(Boolean);
  const year = /^20\d\d$/.test(verb) ? Number(verb) : reviewYear(ctx);
  let review = await openUnitReview(ctx.services.db, { unitId: person.unitId, year }, serviceContextOf(ctx));
  if (verb === "yes" || verb === "no") {
    // Typed where a reason is wanted: /review no 2 chưa hoàn thành chỉ tiêu quý IV
    const chosen = position.safeParse(rest[0]);
    const item = chosen.success ? review.items[chosen.data - 1] : undefined;
    if (!item) return ctx.say("review-usage");
    const note = rest.slice(1).join(" ").trim().slice(0, 300) || null;
    if (!(await recordReviewOutcome(ctx.services.db, review, { registrationId: item.registrationId, proposed: verb === "yes", note }, serviceContextOf(ctx))))
      return ctx.say("review-already-sent");
    // Read again only when the outcome just recorded changed it.
    review = (await unitReview(ctx.services.db, person.unitId, review.year)) ?? review;
  }
  await showReview(ctx, review, "reply");
});

onButton(reviewCommand, ACTIONS.reviewMark, async (ctx, [reviewId, registrationId, proposed]) => {
  await ctx.answerCallbackQuery();
  const review = await reviewOfButton(ctx, reviewId);
  if (!review) return ctx.say("review-not-yours");
  await recordReviewOutcome(ctx.services.db, review, { registrationId, proposed: proposed === 1 }, serviceContextOf(ctx));
  await showReview(ctx, (await reviewOfButton(ctx, reviewId)) ?? review, "edit");
});

onButton(reviewCommand, ACTIONS.reviewVote, async (ctx, [reviewId]) => {
  await ctx.answerCallbackQuery();
  const review = await reviewOfButton(ctx, reviewId);
  if (!review) return ctx.say("review-not-yours");
  const sessionId = await startUnitVote(ctx.services.db, review, serviceContextOf(ctx));
  if (!sessionId) return ctx.say("review-vote-not-started");
  await ctx.say("review-vote-started", { id: sessionId, count: review.items.length });
});

onButton(reviewCommand, ACTIONS.reviewCloseVote, async (ctx, [reviewId]) => {
  await ctx.answerCallbackQuery();
  const review = await reviewOfButton(ctx, reviewId);
  if (!review) return ctx.say("review-not-yours");
  await closeUnitVote(ctx.services.db, ctx.services.ballotSeal, review, serviceContextOf(ctx));
  await showReview(ctx, (await reviewOfButton(ctx, reviewId)) ?? review, "reply");
});

onButton(reviewCommand, ACTIONS.reviewSend, async (ctx, [reviewId]) => {
  await ctx.answerCallbackQuery();
  const review = await reviewOfButton(ctx, reviewId);
  if (!review) return ctx.say("review-not-yours");
  const undecided = review.items.filter((item) => item.proposed === null).length;
  if (undecided > 0) return ctx.say("review-undecided", { count: undecided });
  const proposed = review.items.filter((item) => item.proposed).length;
  const keyboard = new InlineKeyboard().text(ctx.t("review-button-confirm-send"), ACTIONS.reviewSendConfirmed.encode(review.id));
  await ctx.say("review-confirm-send", { proposed, notProposed: review.items.length - proposed }, { reply_markup: keyboard });
});

onButton(reviewCommand, ACTIONS.reviewSendConfirmed, async (ctx, [reviewId]) => {
  await ctx.answerCallbackQuery();
  const review = await reviewOfButton(ctx, reviewId);
  if (!review) return ctx.say("review-not-yours");
  const result = await sendUnitReview(ctx.services.db, review, serviceContextOf(ctx));
  if (result.kind === "undecided") return ctx.say("review-undecided", { count: result.count });
  if (result.kind === "already-sent") return ctx.say("review-already-sent");
  await ctx.say("review-sent", { proposed: result.proposed, notProposed: result.notProposed });
  const catalogue = await catalogueOn(ctx.services.db, localDay(ctx.services.clock()));
  const minutes = await reviewMinutesDocx(review, {
    agency: await agencyName(ctx.services.db, ctx.services.config.agencyName),
    chair: ctx.identity.person?.fullName ?? "",
    titleName: (code) => titleName(catalogue, code),
    at: ctx.services.clock(),
    timeZone: ctx.services.config.displayTimeZone,
  });
  await ctx.replyWithDocument(new InputFile(minutes, `bien-ban-binh-xet-${review.year}.docx`), {
    caption: ctx.translateHtml("review-minutes-caption", { unit: review.unitName, year: String(review.year) }),
    parse_mode: "HTML",
  });
});
