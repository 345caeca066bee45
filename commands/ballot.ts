import { Composer, InlineKeyboard, InputFile } from "grammy";
import { z } from "zod";
import type { Context } from "../src/bot/context.js";
import { ACTIONS } from "../src/domain/button-actions.js";
import { localDay, parseLocalDateTime } from "../src/domain/calendar.js";
import { recordDecision } from "../src/services/award-decisions.js";
import { agencyName } from "../src/services/agency-rules.js";
import { ballotMinutesDocx, ballotResultsXlsx } from "../src/services/export/ballot-minutes.js";
import {
  ballotCandidatesOf,
  ballotSession,
  ballotTally,
  castBallot,
  closeBallot,
  createBallotSession,
  draftOf,
  enterPaperCount,
  openBallot,
  personByStaffCode,
  toggleDraft,
} from "../src/services/ballots.js";
import { actorOf, translatorOf } from "./actor.js";
import { allowed, onButton } from "./guard.js";

/**
 * The council's secret ballot in chat. The secretariat: /ballot new [year] Title (candidates: the
 * year's approved registrations), /ballot open N, /ballot close N (the tally, only now). A member:
 * /vote N — every candidate is "agree" until marked otherwise; submit once; change until the close.
 */
export const ballotCommand = new Composer<Context>();

const sessionId = z.coerce.number().int().positive();

ballotCommand.command("ballot", allowed("ballot"), async (ctx) => {
  const [verb = "", ...rest] = ctx.match.trim().split(/\s+/);
  const context = { clock: ctx.services.clock, actor: actorOf(ctx) };
  if (verb === "new") {
    const yearGiven = /^20\d\d$/.test(rest[0] ?? "");
    const year = yearGiven ? Number(rest[0]) : Number(localDay(ctx.services.clock(), ctx.services.config.displayTimeZone).slice(0, 4)) - 1;
    const title = (yearGiven ? rest.slice(1) : rest).join(" ").trim() || ctx.t("ballot-default-title", { year: String(year) });
    const created = await createBallotSession(ctx.services.db, { year, title }, context);
    return ctx.say("ballot-created", { id: created.id, count: created.candidates, year: String(year), title });
  }
  const id = sessionId.safeParse(rest[0]);
  if (!id.success) return ctx.say("ballot-usage");
  if (verb === "open") {
    const opened = await openBallot(ctx.services.db, id.data, { ...context, translate: translatorOf(ctx) });
    return ctx.say(opened ? "ballot-opened" : "ballot-not-draft", { id: id.data, members: opened?.membersTotal ?? 0 });
  }
  if (verb === "close") {
    if (!(await closeBallot(ctx.services.db, id.data, context))) return ctx.say("ballot-not-open", { id: id.data });
    return showTally(ctx, id.data);
  }
  if (verb === "result") return showTally(ctx, id.data);
  if (verb === "minutes") {
    const exportContext = { agency: await agencyName(ctx.services.db, ctx.services.config.agencyName), timeZone: ctx.services.config.displayTimeZone };
    const minutes = await ballotMinutesDocx(ctx.services.db, id.data, exportContext);
    const results = await ballotResultsXlsx(ctx.services.db, id.data, exportContext);
    if (!minutes || !results) return ctx.say("ballot-tally-not-yet", { id: id.data });
    await ctx.replyWithDocument(new InputFile(minutes, `bien-ban-bo-phieu-${id.data}.docx`), {
      caption: ctx.th("ballot-minutes-caption", { id: id.data }),
      parse_mode: "HTML",
    });
    await ctx.replyWithDocument(new InputFile(results, `ket-qua-bo-phieu-${id.data}.xlsx`), {
      caption: ctx.th("ballot-results-caption", { id: id.data }),
      parse_mode: "HTML",
    });
    return;
  }
  if (verb === "paper") {
    // /ballot paper N POSITION AGREE DISAGREE: a paper ballot's count for one candidate.
    const [position, agree, disagree] = rest.slice(1).map(Number);
    if (![position, agree, disagree].every((value) => Number.isInteger(value) && (value as number) >= 0)) return ctx.say("ballot-paper-usage");
    const entered = await enterPaperCount(
      ctx.services.db,
      { sessionId: id.data, position: position as number, agree: agree as number, disagree: disagree as number },
      context,
    );
    return ctx.say(`ballot-paper-${entered}`, { id: id.data, position: position as number, agree: agree as number, disagree: disagree as number });
  }
  if (verb === "written") {
    // /ballot written N STAFF_CODE [positions disagreed]: an absent member's vote in writing.
    const [staffCode = "", ...positions] = rest.slice(1);
    const member = await personByStaffCode(ctx.services.db, staffCode);
    if (!member) return ctx.say("invite-unknown-staff", { code: staffCode });
    const disagree = positions
      .flatMap((word) => word.split(","))
      .map(Number)
      .filter((value) => Number.isInteger(value) && value > 0);
    const result = await castBallot(ctx.services.db, { sessionId: id.data, personId: member.id, disagree, change: false, how: "written" }, context);
    const key = result === "cast" ? "ballot-written-cast" : result === "already-voted" ? "ballot-written-already" : `ballot-${result}`;
    return ctx.say(key, { id: id.data, name: member.fullName, disagree: disagree.length });
  }
  if (verb === "decide") {
    // /ballot decide N 12/QĐ-SNgV 05/02/2026 Phạm Thị Anh Thư: the decision's number, date, signer.
    const [number = "", dayText = "", ...signer] = rest.slice(1);
    const day = parseLocalDateTime(dayText, ctx.services.config.displayTimeZone);
    if (!number || "error" in day || signer.length === 0) return ctx.say("ballot-decide-usage");
    const result = await recordDecision(
      ctx.services.db,
      { sessionId: id.data, number, decidedOn: localDay(day.at, ctx.services.config.displayTimeZone), signer: signer.join(" ") },
      { ...context, translate: translatorOf(ctx), timeZone: ctx.services.config.displayTimeZone },
    );
    if (result.kind === "not-closed") return ctx.say("ballot-tally-not-yet", { id: id.data });
    if (result.kind === "already-decided") return ctx.say("ballot-already-decided", { id: id.data });
    return ctx.say("ballot-decided", { id: id.data, number, awarded: result.awarded, notAwarded: result.notAwarded });
  }
  return ctx.say("ballot-usage");
});

async function showTally(ctx: Context, id: number) {
  const tally = await ballotTally(ctx.services.db, id);
  if (tally === "not-closed") return ctx.say("ballot-tally-not-yet", { id });
  const lines = [ctx.th("ballot-tally-header", { id, voted: tally.voted, members: tally.membersTotal })];
  for (const candidate of tally.candidates) {
    lines.push(
      ctx.th(candidate.passed ? "ballot-tally-passed" : "ballot-tally-failed", {
        position: candidate.position,
        label: candidate.label,
        agree: candidate.agree,
        disagree: candidate.disagree,
        members: tally.membersTotal,
        percent: candidate.thresholdPercent,
      }),
    );
  }
  await ctx.reply(lines.join("\n"), { parse_mode: "HTML" });
}

// A council may have hundreds of candidates: the ballot is shown a page at a time.
const PAGE_SIZE = 20;

/** A page of the ballot as the member fills it in: each candidate with their mark, a toggle each, and submit. */
async function ballotView(ctx: Context, id: number, personId: number, page: number): Promise<{ text: string; keyboard: InlineKeyboard } | undefined> {
  const session = await ballotSession(ctx.services.db, id);
  if (session?.status !== "open") return undefined;
  const candidates = await ballotCandidatesOf(ctx.services.db, id);
  const pages = Math.max(1, Math.ceil(candidates.length / PAGE_SIZE));
  const shown = Math.min(Math.max(page, 0), pages - 1);
  const disagree = await draftOf(ctx.services.db, id, personId);
  const keyboard = new InlineKeyboard();
  const lines = [ctx.th("ballot-view-header", { id, title: session.title, count: candidates.length })];
  if (pages > 1) lines.push(ctx.th("ballot-view-page", { page: shown + 1, pages }));
  for (const [index, candidate] of candidates.slice(shown * PAGE_SIZE, (shown + 1) * PAGE_SIZE).entries()) {
    const against = disagree.includes(candidate.position);
    lines.push(ctx.th(against ? "ballot-view-line-disagree" : "ballot-view-line-agree", { position: candidate.position, label: candidate.label }));
    keyboard.text(
      ctx.t(against ? "ballot-button-agree" : "ballot-button-disagree", { position: candidate.position }),
      ACTIONS.ballotToggle.encode(id, candidate.position),
    );
    if (index % 4 === 3) keyboard.row();
  }
  lines.push("", ctx.th("ballot-view-summary", { count: disagree.length, positions: disagree.join(", ") || "—" }));
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
  if (how === "edit") await ctx.editMessageText(view.text, { parse_mode: "HTML", reply_markup: view.keyboard });
  else await ctx.reply(view.text, { parse_mode: "HTML", reply_markup: view.keyboard });
}

ballotCommand.command("vote", allowed("vote"), async (ctx) => {
  const id = sessionId.safeParse(ctx.match.trim());
  if (!id.success) return ctx.say("vote-usage");
  await showBallot(ctx, id.data, 0, "reply");
});

onButton(ballotCommand, ACTIONS.ballotToggle, async (ctx, [id, position]) => {
  const person = ctx.identity.person;
  if (!person) return;
  await toggleDraft(ctx.services.db, { sessionId: id, personId: person.id, position }, ctx.services.clock());
  await ctx.answerCallbackQuery();
  await showBallot(ctx, id, Math.floor((position - 1) / PAGE_SIZE), "edit");
});

onButton(ballotCommand, ACTIONS.ballotPage, async (ctx, [id, page]) => {
  await ctx.answerCallbackQuery();
  await showBallot(ctx, id, page, "edit");
});

for (const [button, change] of [
  [ACTIONS.ballotSubmit, false],
  [ACTIONS.ballotChange, true],
] as const) {
  onButton(ballotCommand, button, async (ctx, [id]) => {
    const person = ctx.identity.person;
    if (!person) return;
    await ctx.answerCallbackQuery();
    const disagree = await draftOf(ctx.services.db, id, person.id);
    const result = await castBallot(
      ctx.services.db,
      { sessionId: id, personId: person.id, disagree, change },
      { clock: ctx.services.clock, actor: actorOf(ctx) },
    );
    const keyboard = result === "already-voted" ? new InlineKeyboard().text(ctx.t("ballot-button-change"), ACTIONS.ballotChange.encode(id)) : undefined;
    await ctx.say(`ballot-${result}`, { id, disagree: disagree.length }, keyboard ? { reply_markup: keyboard } : undefined);
  });
}
