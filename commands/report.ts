import { Composer, InlineKeyboard, InputFile } from "grammy";
import type { Context } from "../src/bot/context.js";
import { formatDate, formatDateTime, localDay, nextSendableMoment } from "../src/domain/calendar.js";
import { audienceReach, linkingByUnit } from "../src/services/invites/index.js";
import { capWarnings } from "../src/domain/titles.js";
import { agencyName, agencyRules, catalogueOn, localName, loadHolidays } from "../src/services/rules/index.js";
import { campaignOfYear } from "../src/services/campaigns/index.js";
import { registrationReport, remindUnregistered, approvalGaps, exportRegistrations } from "../src/services/registrations/index.js";
import * as z from "zod";
import { ACTIONS } from "../src/domain/button-actions.js";
import { translatorOf, registrationYear } from "./service-context.js";
import { allowed, onButton } from "./guard.js";

/** The secretariat's side of registration: the report, reminders and the export. */
export const reportCommand = new Composer<Context>();

/** /report: per unit — staff, registered, approved, pending, not registered — and ratio-cap warnings. */
reportCommand.command("report", allowed("report"), async (ctx) => {
  // Year Y's review runs into Q1 of Y+1: /report 2025 in February 2026.
  const year = z.coerce.number().int().min(2000).max(2100).safeParse(ctx.match.trim()).data ?? (await registrationYear(ctx));
  const zone = ctx.services.config.displayTimeZone;
  const locale = await ctx.i18n.getLocale();
  const campaign = await campaignOfYear(ctx.services.db, year);
  if (!campaign) return ctx.say("report-no-campaign", { year: String(year) });
  const [report, catalogue, linking] = await Promise.all([
    registrationReport(ctx.services.db, year),
    catalogueOn(ctx.services.db, localDay(ctx.services.clock(), zone)),
    linkingByUnit(ctx.services.db),
  ]);
  const linkedIn = new Map(linking.map((unit) => [unit.unitId, unit.linked]));
  const name = (code: string) => {
    const title = catalogue.titles.find((entry) => entry.code === code);
    return title ? localName(title, locale) : code;
  };
  const lines = [ctx.translateHtml("report-header", { year: String(year), campaign: campaign.title, deadline: formatDate(campaign.deadlineAt, zone) })];
  const warnings: string[] = [];
  // National caps (none since 01/01/2024) and the agency's own, each with its source.
  const caps = [...catalogue.caps, ...(await agencyRules(ctx.services.db)).caps];
  const capLines = (scope: string, counts: Map<string, number>) =>
    capWarnings(counts, caps, catalogue.titles).map((warning) =>
      ctx.translateHtml("report-cap-warning", {
        unit: scope,
        title: name(warning.cap.titleCode),
        count: warning.count,
        of: warning.of,
        base: name(warning.cap.ofTitleCode),
        percent: warning.percent,
        max: warning.cap.maxPercent,
      }),
    );
  for (const unit of report) {
    lines.push(
      ctx.translateHtml("report-line", {
        unit: unit.unitName,
        staff: unit.staff,
        linked: linkedIn.get(unit.unitId) ?? 0,
        registered: unit.registered,
        approved: unit.approved,
        pending: unit.pending,
        missing: unit.notRegistered,
      }),
    );
    if (unit.collective)
      lines.push(ctx.translateHtml("report-collective-line", { title: name(unit.collective.titleCode), status: ctx.t(`status-${unit.collective.status}`) }));
    warnings.push(...capLines(unit.unitName, unit.byTitle));
  }
  // The agency-wide ratio, beside each unit's: one CSTĐCS in a small unit is no measure of the agency.
  const agency = new Map<string, number>();
  for (const unit of report) for (const [title, count] of unit.byTitle) agency.set(title, (agency.get(title) ?? 0) + count);
  warnings.push(...capLines(ctx.t("approve-scope-agency"), agency));
  const gaps = await approvalGaps(ctx.services.db);
  if (gaps.noLeader) warnings.push(ctx.translateHtml("report-no-leader"));
  for (const unit of gaps.unitsWithoutApprover) warnings.push(ctx.translateHtml("report-unit-without-approver", { unit }));
  const missing = report.reduce((sum, unit) => sum + unit.notRegistered, 0);
  const keyboard = new InlineKeyboard();
  if (missing > 0 && ctx.identity.person?.roles.includes("secretariat"))
    keyboard.text(ctx.t("report-button-remind", { count: missing }), ACTIONS.remindUnregistered.encode());
  await ctx.reply([...lines, ...(warnings.length ? ["", ...warnings] : [])].join("\n"), { parse_mode: "HTML", reply_markup: keyboard });
});

onButton(reportCommand, ACTIONS.remindUnregistered, async (ctx) => {
  const now = ctx.services.clock();
  const zone = ctx.services.config.displayTimeZone;
  const notBefore = nextSendableMoment(now, await loadHolidays(ctx.services.db, now), zone);
  const queued = await remindUnregistered(ctx.services.db, { now, year: await registrationYear(ctx), translate: translatorOf(ctx), timeZone: zone, notBefore });
  await ctx.answerCallbackQuery();
  const count = new Set(queued.map((message) => message.notificationKey)).size;
  const reach = await audienceReach(ctx.services.db, { kind: "unregistered", year: await registrationYear(ctx) });
  const lines = [
    ctx.translateHtml("report-reminded", {
      count,
      when: formatDateTime(notBefore, zone),
      already: Math.max(0, reach.reached - count),
    }),
  ];
  if (reach.onRoster > reach.reached)
    lines.push(ctx.translateHtml("audience-reach", { reached: reach.reached, onRoster: reach.onRoster, unlinked: reach.unlinked }));
  await ctx.reply(lines.join("\n"), { parse_mode: "HTML" });
});

const exportArguments = z.tuple([z.coerce.number().int().min(2000).max(2100).optional(), z.literal("pending").optional()]).or(z.tuple([z.literal("pending")]));

/**
 * /export [year] [pending]: the biểu đăng ký in the office's form — approved registrations, with
 * those awaiting approval on request; the secretariat's covers the agency, a head's his unit.
 */
reportCommand.command("export", allowed("export"), async (ctx) => {
  const words = ctx.match.trim().split(/\s+/).filter(Boolean);
  const parsed = exportArguments.safeParse(words);
  if (!parsed.success) return ctx.say("export-usage");
  const [first, second] = parsed.data;
  const year = typeof first === "number" ? first : await registrationYear(ctx);
  const person = ctx.identity.person;
  const whole = person?.roles.includes("secretariat") || person?.roles.includes("admin");
  const exported = await exportRegistrations(ctx.services.db, {
    year,
    agency: await agencyName(ctx.services.db, ctx.services.config.agencyName),
    translate: translatorOf(ctx),
    now: ctx.services.clock(),
    timeZone: ctx.services.config.displayTimeZone,
    withPending: first === "pending" || second === "pending",
    ...(whole || !person ? {} : { unitId: person.unitId }),
  });
  if (exported.individuals + exported.collectives === 0) return ctx.say("export-none", { year: String(year) });
  await ctx.replyWithDocument(new InputFile(exported.bytes, `bieu-dang-ky-thi-dua-${year}.xlsx`), {
    caption: ctx.translateHtml("export-caption", { year: String(year), individuals: exported.individuals, collectives: exported.collectives }),
    parse_mode: "HTML",
  });
});
