import { Composer, InlineKeyboard } from "grammy";
import * as z from "zod";
import type { Context } from "../src/bot/context.js";
import { ACTIONS } from "../src/domain/button-actions.js";
import { castBallot, draftOf, toggleDraft, votesIn, ballotCandidatesOf, ballotSession } from "../src/services/ballots/index.js";
import { serviceContextOf } from "./service-context.js";
import { allowed, onButton } from "./guard.js";

/**
 * A voter's secret ballot: /vote N — every candidate is "agree" until marked otherwise; submit
 * once; change until the close. The council votes, or a unit's members in its bình xét.
 */
export const voteCommand = new Composer<Context>();

const sessionId = z.coerce.number().int().positive();

// A council may have hundreds of candidates: the ballot is shown a page at a time.
const PAGE_SIZE = 20;

/** A page of the ballot as the member fills it in: each candidate with their mark, a toggle each, and submit. */
async function ballotView(
  ctx: Context,
  id: number,
  personId: number,
  page: number,
): Promise<{ text: string; keyboard: InlineKeyboard } | "not-member" | undefined> {
  const session = await ballotSession(ctx.services.db, id);
  if (session?.status !== "open") return undefined;
  // Only the session's voters see its ballot (the council's, or the unit's members in a bình xét).
  if (!(await votesIn(ctx.services.db, session, personId))) return "not-member";
  const candidates = await ballotCandidatesOf(ctx.services.db, id);
  const pages = Math.max(1, Math.ceil(candidates.length / PAGE_SIZE));
  const shown = Math.min(Math.max(page, 0), pages - 1);
  const disagree = await draftOf(ctx.services.db, ctx.services.ballotSeal, id, personId);
  const keyboard = new InlineKeyboard();
  const lines = [ctx.translateHtml("ballot-view-header", { id, title: session.title, count: candidates.length })];
  if (pages > 1) lines.push(ctx.translateHtml("ballot-view-page", { page: shown + 1, pages }));
  for (const [index, candidate] of candidates.slice(shown * PAGE_SIZE, (shown + 1) * PAGE_SIZE).entries()) {
    const against = disagree.includes(candidate.position);
    lines.push(ctx.translateHtml(against ? "ballot-view-line-disagree" : "ballot-view-line-agree", { position: candidate.position, label: candidate.label }));
    // The same label whatever the mark: on Zalo the labels of numbered options are stored, and must not keep the vote.
    keyboard.text(ctx.t("ballot-button-toggle", { position: candidate.position }), ACTIONS.ballotToggle.encode(id, candidate.position));
    if (index % 4 === 3) keyboard.row();
  }
  lines.push("", ctx.translateHtml("ballot-view-summary", { count: disagree.length, positions: disagree.join(", ") || "—" }));
  keyboard.row();
  if (shown > 0) keyboard.text(ctx.t("ballot-button-previous"), ACTIONS.ballotPage.encode(id, shown - 1));
  if (shown < pages - 1) keyboard.text(ctx.t("ballot-button-next"), ACTIONS.ballotPage.encode(id, shown + 1));
  keyboard.row().text(ctx.t("ballot-button-submit"), ACTIONS.ballotSubmit.encode(id));
  return { text: lines.join("\n"), keyboard };
}

async function showBallot(ctx: Context, id: number, page: number, how: "reply" | "edit") {
  const person = ctx.identity.person;
  if (!person) return;
  const view = await ballotView(ctx, id, person.id, page);
  if (!view) return ctx.say("ballot-not-open", { id });
  if (view === "not-member") return ctx.say("ballot-not-member", { id });
  if (how === "edit") await ctx.editMessageText(view.text, { parse_mode: "HTML", reply_markup: view.keyboard });
  else await ctx.reply(view.text, { parse_mode: "HTML", reply_markup: view.keyboard });
}

voteCommand.command("vote", allowed("vote"), async (ctx) => {
  const id = sessionId.safeParse(ctx.match.trim());
  if (!id.success) return ctx.say("vote-usage");
  await showBallot(ctx, id.data, 0, "reply");
});

onButton(voteCommand, ACTIONS.ballotToggle, async (ctx, [id, position]) => {
  const person = ctx.identity.person;
  if (!person) return;
  const session = await ballotSession(ctx.services.db, id);
  if (session && (await votesIn(ctx.services.db, session, person.id)))
    await toggleDraft(ctx.services.db, ctx.services.ballotSeal, { sessionId: id, personId: person.id, position }, ctx.services.clock());
  await ctx.answerCallbackQuery();
  await showBallot(ctx, id, Math.floor((position - 1) / PAGE_SIZE), "edit");
});

onButton(voteCommand, ACTIONS.ballotPage, async (ctx, [id, page]) => {
  await ctx.answerCallbackQuery();
  await showBallot(ctx, id, page, "edit");
});

for (const [button, change] of [
  [ACTIONS.ballotSubmit, false],
  [ACTIONS.ballotChange, true],
] as const) {
  onButton(voteCommand, button, async (ctx, [id]) => {
    const person = ctx.identity.person;
    if (!person) return;
    await ctx.answerCallbackQuery();
    const disagree = await draftOf(ctx.services.db, ctx.services.ballotSeal, id, person.id);
    const result = await castBallot(ctx.services.db, ctx.services.ballotSeal, { sessionId: id, personId: person.id, disagree, change }, serviceContextOf(ctx));
    const keyboard = result === "already-voted" ? new InlineKeyboard().text(ctx.t("ballot-button-change"), ACTIONS.ballotChange.encode(id)) : undefined;
    await ctx.say(`ballot-${result}`, { id, disagree: disagree.length }, keyboard ? { reply_markup: keyboard } : undefined);
  });
}
