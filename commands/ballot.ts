import { Composer, InputFile } from "grammy";
import * as z from "zod";
import type { Context } from "../src/bot/context.js";
import { localDay, parseLocalDateTime } from "../src/domain/calendar.js";
import {
  recordDecision,
  ballotMinutesDocx,
  ballotResultsXlsx,
  castBallot,
  enterPaperCount,
  personByStaffCode,
  ballotTally,
  closeBallot,
  createBallotSession,
  createMeetingSessions,
  recordHigherDecision,
  proposalDossier,
  type HeldCandidate,
  openBallot,
  unitsNotReviewed,
} from "../src/services/ballots/index.js";
import { agencyName, catalogueOn, titleName } from "../src/services/rules/index.js";
import { sendProposalsUp } from "../src/services/province/index.js";
import { translatorOf, serviceContextOf, reviewYear } from "./service-context.js";
import { allowed } from "./guard.js";
import { replyLines } from "./long-reply.js";

/**
 * The council's secret ballot in chat, run by the secretariat and the chair (the leadership):
 * /ballot meeting M [year] (one session per title from a recorded meeting, the members sent the
 * agenda), /ballot new [year] Title (one session for every title), /ballot open N (the chair opens
 * a title's vote), /ballot close N (the tally, only now), written and paper votes, the minutes and
 * the decision. Members vote with /vote N (commands/vote.ts).
 */
export const ballotCommand = new Composer<Context>();

const sessionId = z.coerce.number().int().positive();

ballotCommand.command("ballot", allowed("ballot"), async (ctx) => {
  const [verb = "", ...rest] = ctx.match.trim().split(/\s+/);
  const context = serviceContextOf(ctx);
  const zone = ctx.services.config.displayTimeZone;
  // The year under review ends in Q1 of the next: by default, last year.
  const yearOf = (word: string | undefined) => (/^20\d\d$/.test(word ?? "") ? Number(word) : reviewYear(ctx));
  if (verb === "new") {
    const yearGiven = /^20\d\d$/.test(rest[0] ?? "");
    const year = yearOf(rest[0]);
    const title = (yearGiven ? rest.slice(1) : rest).join(" ").trim() || ctx.t("ballot-default-title", { year: String(year) });
    const created = await createBallotSession(ctx.services.db, { year, title }, context);
    await ctx.say("ballot-created", { id: created.id, count: created.candidates, year: String(year), title });
    await tellHeld(ctx, created.held);
    return warnUnreviewed(ctx, year);
  }
  if (verb === "meeting") {
    const meetingId = sessionId.safeParse(rest[0]);
    if (!meetingId.success) return ctx.say("ballot-usage");
    const year = yearOf(rest[1]);
    const created = await createMeetingSessions(
      ctx.services.db,
      { meetingId: meetingId.data, year },
      { ...context, translate: translatorOf(ctx), timeZone: zone },
    );
    if (created === "no-meeting") return ctx.say("ballot-no-meeting", { id: meetingId.data });
    if (created.sessions.length === 0) return ctx.say("ballot-meeting-empty", { year: String(year) });
    const lines = [ctx.translateHtml("ballot-meeting-created", { id: meetingId.data, year: String(year) })];
    for (const session of created.sessions)
      lines.push(ctx.translateHtml("ballot-meeting-line", { id: session.id, title: session.titleCode, count: session.candidates }));
    await ctx.reply(lines.join("\n"), { parse_mode: "HTML" });
    await tellHeld(ctx, created.held);
    return warnUnreviewed(ctx, year);
  }
  const id = sessionId.safeParse(rest[0]);
  if (!id.success) return ctx.say("ballot-usage");
  if (verb === "open") {
    const opened = await openBallot(ctx.services.db, id.data, { ...context, translate: translatorOf(ctx) });
    return ctx.say(opened ? "ballot-opened" : "ballot-not-draft", { id: id.data, members: opened?.membersTotal ?? 0 });
  }
  if (verb === "close") {
    if (!(await closeBallot(ctx.services.db, ctx.services.ballotSeal, id.data, context))) return ctx.say("ballot-not-open", { id: id.data });
    return showTally(ctx, id.data);
  }
  if (verb === "result") return showTally(ctx, id.data);
  if (verb === "minutes") {
    const exportContext = { agency: await agencyName(ctx.services.db, ctx.services.config.agencyName), timeZone: ctx.services.config.displayTimeZone };
    const minutes = await ballotMinutesDocx(ctx.services.db, id.data, exportContext);
    const results = await ballotResultsXlsx(ctx.services.db, id.data, exportContext);
    if (!minutes || !results) return ctx.say("ballot-tally-not-yet", { id: id.data });
    await ctx.replyWithDocument(new InputFile(minutes, `bien-ban-bo-phieu-${id.data}.docx`), {
      caption: ctx.translateHtml("ballot-minutes-caption", { id: id.data }),
      parse_mode: "HTML",
    });
    await ctx.replyWithDocument(new InputFile(results, `ket-qua-bo-phieu-${id.data}.xlsx`), {
      caption: ctx.translateHtml("ballot-results-caption", { id: id.data }),
      parse_mode: "HTML",
    });
    return;
  }
  if (verb === "dossier") {
    const exportContext = {
      agency: await agencyName(ctx.services.db, ctx.services.config.agencyName),
      timeZone: ctx.services.config.displayTimeZone,
      now: ctx.services.clock(),
    };
    const dossier = await proposalDossier(ctx.services.db, id.data, exportContext);
    if (!dossier) return ctx.say("ballot-tally-not-yet", { id: id.data });
    if (dossier.files.length === 0) return ctx.say("ballot-dossier-none", { id: id.data });
    for (const file of dossier.files) await ctx.replyWithDocument(new InputFile(file.bytes, file.name));
    const lines = [
      ctx.translateHtml("ballot-dossier-header", { id: id.data, reports: dossier.files.filter((file) => file.name.startsWith("bao-cao")).length }),
    ];
    for (const gap of dossier.missing) lines.push(ctx.translateHtml(`ballot-dossier-missing-${gap.what}`, { name: gap.name }));
    return replyLines(ctx, lines);
  }
  if (verb === "send") {
    // /ballot send N: the proposals of a decided session, with their dossier, to the province.
    const sent = await sendProposalsUp(ctx.services.db, id.data, {
      ...context,
      translate: translatorOf(ctx),
      timeZone: zone,
      agency: await agencyName(ctx.services.db, ctx.services.config.agencyName),
    });
    if (sent.kind === "sent") return ctx.say("ballot-sent-up", { id: id.data, count: sent.candidates, files: sent.files, to: sent.to });
    if (sent.kind === "already-sent") return ctx.say("ballot-sent-up-already", { id: id.data, to: sent.to });
    return ctx.say(sent.kind === "none" ? "ballot-higher-none" : "ballot-no-province", { id: id.data });
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
    if (typeof entered === "object") {
      return ctx.say("ballot-paper-too-many", { id: id.data, votes: (agree as number) + (disagree as number), members: entered.members });
    }
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
    const result = await castBallot(
      ctx.services.db,
      ctx.services.ballotSeal,
      { sessionId: id.data, personId: member.id, disagree, change: false, how: "written" },
      context,
    );
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
    if (result.kind === "void") return ctx.say("ballot-decide-void", { id: id.data });
    if (result.kind === "future") return ctx.say("ballot-decide-future", { date: dayText });
    if (result.kind === "already-decided") return ctx.say("ballot-already-decided", { id: id.data });
    await ctx.say("ballot-decided", {
      id: id.data,
      number,
      awarded: result.awarded,
      proposed: result.proposed,
      notAwarded: result.notAwarded,
      told: result.told,
      total: result.awarded + result.proposed + result.notAwarded,
    });
    // DOMAIN.md: who decides the agency head's own title is the province's or ministry's rule; signing it oneself is flagged.
    if (result.leadersAwarded.length > 0) await ctx.say("ballot-decided-leaders", { names: result.leadersAwarded.join(", ") });
    return;
  }
  if (verb === "higher") {
    // /ballot higher N 123/QĐ-UBND 20/03/2027 Chủ tịch UBND tỉnh | 1 3: the higher level's decision on the proposals.
    const [before = "", after] = rest.slice(1).join(" ").split("|");
    const [number = "", dayText = "", ...authority] = before.trim().split(/\s+/);
    const day = parseLocalDateTime(dayText, ctx.services.config.displayTimeZone);
    const positions =
      after === undefined
        ? undefined
        : z
            .array(z.coerce.number().int().positive())
            .min(1)
            .safeParse(after.trim().split(/[\s,]+/));
    if (!number || "error" in day || authority.length === 0 || positions?.success === false) return ctx.say("ballot-higher-usage");
    const result = await recordHigherDecision(
      ctx.services.db,
      {
        sessionId: id.data,
        number,
        decidedOn: localDay(day.at, ctx.services.config.displayTimeZone),
        authority: authority.join(" "),
        positions: positions?.data,
      },
      { ...context, translate: translatorOf(ctx), timeZone: ctx.services.config.displayTimeZone },
    );
    if (result.kind === "future") return ctx.say("ballot-decide-future", { date: dayText });
    if (result.kind === "none-proposed") return ctx.say("ballot-higher-none", { id: id.data });
    return ctx.say("ballot-higher-recorded", {
      id: id.data,
      number,
      authority: authority.join(" "),
      awarded: result.awarded,
      notAwarded: result.notAwarded,
      told: result.told,
      total: result.awarded + result.notAwarded,
    });
  }
  return ctx.say("ballot-usage");
});

/** The council would vote on registrations no unit meeting has reviewed: the secretariat is told which units. */
async function warnUnreviewed(ctx: Context, year: number) {
  const units = await unitsNotReviewed(ctx.services.db, year);
  if (units.length > 0) await ctx.say("ballot-units-not-reviewed", { count: units.length, units: units.join(", ") });
}

async function showTally(ctx: Context, id: number) {
  const tally = await ballotTally(ctx.services.db, id);
  if (tally === "not-closed") return ctx.say("ballot-tally-not-yet", { id });
  const lines = [ctx.translateHtml("ballot-tally-header", { id, voted: tally.voted, members: tally.membersTotal })];
  // A void session has no counts to show: they would tell how the few who voted voted.
  if (!tally.quorumMet) {
    lines.push(ctx.translateHtml(tally.quorumPercent === null ? "ballot-tally-void-majority" : "ballot-tally-void", { percent: tally.quorumPercent ?? 0 }));
    return ctx.reply(lines.join("\n"), { parse_mode: "HTML" });
  }
  for (const candidate of tally.candidates) {
    lines.push(
      ctx.translateHtml(candidate.passed ? "ballot-tally-passed" : "ballot-tally-failed", {
        position: candidate.position,
        label: candidate.label,
        agree: candidate.agree ?? 0,
        disagree: candidate.disagree ?? 0,
        members: tally.membersTotal,
        percent: candidate.thresholdPercent,
      }),
    );
  }
  await replyLines(ctx, lines);
}

/** The candidates left off a ballot because the law does not let them be proposed, each with why. */
async function tellHeld(ctx: Context, held: HeldCandidate[]): Promise<void> {
  if (held.length === 0) return;
  const catalogue = await catalogueOn(ctx.services.db, localDay(ctx.services.clock(), ctx.services.config.displayTimeZone));
  const locale = await ctx.i18n.getLocale();
  const lines = [ctx.translateHtml("ballot-held-header", { count: held.length })];
  for (const candidate of held) {
    lines.push(
      ctx.translateHtml("ballot-held-line", {
        who: candidate.who,
        title: titleName(catalogue, candidate.titleCode, locale),
        reason: ctx.t(candidate.reason.key, candidate.reason.args),
      }),
    );
  }
  await replyLines(ctx, lines);
}
