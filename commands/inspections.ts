import { Composer, InlineKeyboard } from "grammy";
import * as z from "zod";
import type { Context } from "../src/bot/context.js";
import { formatDate, formatDateTime, parseLocalDateTime } from "../src/domain/calendar.js";
import { mayUse, COMMANDS } from "../src/domain/roles.js";
import { foldForMatching, normalizeName } from "../src/domain/text.js";
import { visits, visitReportDue, cancelVisit, markReportReceived, scheduleVisit } from "../src/services/inspections/index.js";
import { ACTIONS } from "../src/domain/button-actions.js";
import { allowed, onButton } from "./guard.js";
import { serviceContextOf } from "./service-context.js";

/** Inspections (kiểm tra công tác TĐKT): the calendar, scheduling visits, and the unit's report. */
export const inspectionsCommand = new Composer<Context>();

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** /inspections: a unit head's upcoming visits, a team member's schedule, or the secretariat's whole calendar. */
inspectionsCommand.command("inspections", allowed("inspections"), async (ctx) => {
  const person = ctx.identity.person;
  if (!person) return;
  const zone = ctx.services.config.displayTimeZone;
  const now = ctx.services.clock();
  const sections: string[] = [];
  const keyboard = new InlineKeyboard();
  if (person.roles.includes("secretariat")) {
    const all = await visits(ctx.services.db, {});
    sections.push(ctx.translateHtml("inspections-calendar-header", { count: all.length }));
    for (const visit of all) {
      const state = visit.reportReceivedAt ? "report" : visit.startsAt < now ? "done" : "notified";
      sections.push(
        ctx.translateHtml("inspections-calendar-line", {
          id: visit.id,
          when: formatDateTime(visit.startsAt, zone),
          unit: visit.unitName,
          state: ctx.t(`visit-state-${state}`),
        }),
      );
    }
  }
  if (person.roles.includes("head")) {
    const mine = await visits(ctx.services.db, { unitId: person.unitId, from: now });
    for (const visit of mine) {
      sections.push(
        ctx.translateHtml("inspections-unit-line", {
          when: formatDateTime(visit.startsAt, zone),
          title: visit.title,
          report: formatDate(visitReportDue(visit, visit.reportDays, zone), zone),
          mode: ctx.t(visit.onDocumentsOnly ? "visit-mode-documents" : "visit-mode-onsite"),
          status: ctx.t(visit.reportReceivedAt ? "visit-report-status-received" : "visit-report-status-waiting"),
        }),
      );
      if (!visit.reportReceivedAt) keyboard.text(ctx.t("inspections-button-report-sent"), ACTIONS.visitReportSent.encode(visit.id)).row();
    }
  }
  const team = await visits(ctx.services.db, { personId: person.id, from: now });
  if (team.length > 0) {
    sections.push(ctx.translateHtml("inspections-team-header"));
    for (const visit of team) sections.push(ctx.translateHtml("inspections-team-line", { when: formatDateTime(visit.startsAt, zone), unit: visit.unitName }));
  }
  if (sections.length === 0) return ctx.say("inspections-none");
  await ctx.reply(sections.join("\n"), { parse_mode: "HTML", reply_markup: keyboard });
});

/**
 * /visit <inspection> <unit code> dd/mm/yyyy HH:mm [| reason to override the notice period]
 * /visit cancel <visit> · /visit docs <inspection> <unit code> dd/mm/yyyy HH:mm (on documents only)
 */
inspectionsCommand.command("visit", allowed("visit"), async (ctx) => {
  const [main = "", override] = ctx.match.split("|").map((part) => part.trim());
  const words = main.split(/\s+/).filter(Boolean);
  if (words[0] === "cancel") {
    const visitId = id.safeParse(words[1]);
    if (!visitId.success) return ctx.say("visit-usage");
    return ctx.say((await cancelVisit(ctx.services.db, visitId.data, serviceContextOf(ctx))) ? "visit-cancelled-done" : "visit-not-found");
  }
  const onDocuments = words[0] === "docs";
  const [inspectionText, unitCode, dayText, timeText = "08:00"] = onDocuments ? words.slice(1) : words;
  const inspectionId = id.safeParse(inspectionText);
  if (!inspectionId.success || !unitCode || !dayText) return ctx.say("visit-usage");
  const zone = ctx.services.config.displayTimeZone;
  const moment = parseLocalDateTime(`${dayText} ${timeText}`, zone);
  if ("error" in moment) return ctx.say("meeting-date-invalid", { value: `${dayText} ${timeText}` });
  const result = await scheduleVisit(
    ctx.services.db,
    {
      inspectionId: inspectionId.data,
      unitCode,
      at: moment.at,
      override: override ? normalizeName(override).slice(0, 300) : null,
      onDocumentsOnly: onDocuments,
    },
    serviceContextOf(ctx),
  );
  if (result.kind === "refused") return ctx.say(result.refusal.key, result.refusal.args);
  const lines = [
    ctx.translateHtml(result.kind === "moved" ? "visit-moved-done" : "visit-scheduled-done", {
      id: result.visit.id,
      when: formatDateTime(result.visit.startsAt, zone),
    }),
    // Said plainly when nobody in the unit can be told: the office must call them.
    ctx.translateHtml(result.headsReached > 0 ? "visit-heads-told" : "visit-heads-unreached", { count: result.headsReached }),
    // The team, as it was told: nobody when the inspection has no team yet, and how to give it one.
    result.team.size === 0
      ? ctx.translateHtml("visit-no-team", { inspection: result.visit.inspectionId })
      : ctx.translateHtml("visit-team-told", { reached: result.team.reached, size: result.team.size }),
    ...result.warnings.map((warning) => ctx.translateHtml(`visit-warning-${warning}`)),
  ];
  await ctx.reply(lines.join("\n"), { parse_mode: "HTML" });
});

// The unit's visit whose report is due, whichever visit's button it was: a head reports for their own unit only.
onButton(inspectionsCommand, ACTIONS.visitReportSent, async (ctx) => {
  const person = ctx.identity.person;
  if (!person) return;
  const result = await markReportReceived(ctx.services.db, { unitId: person.unitId, fileId: null }, serviceContextOf(ctx));
  await ctx.answerCallbackQuery();
  await ctx.say(result.kind === "none" ? "visit-no-report-due" : "visit-report-noted");
});

/** A unit head with a visit coming sends the report as a file: it is attached to the visit. */
inspectionsCommand.on("message:document", async (ctx, next) => {
  const person = ctx.identity.person;
  const caption = foldForMatching(ctx.message.caption ?? "");
  const looksLikeReport = /bao cao|report/.test(caption) || !mayUse(COMMANDS.plan, person?.roles ?? null);
  if (!person?.roles.includes("head") || !looksLikeReport) return next();
  const result = await markReportReceived(ctx.services.db, { unitId: person.unitId, fileId: ctx.message.document.file_id }, serviceContextOf(ctx));
  if (result.kind === "none") return next();
  await ctx.say(result.late ? "visit-report-noted-late" : "visit-report-noted");
});
