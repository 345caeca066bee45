import { type CallbackQueryContext, Composer, InlineKeyboard } from "grammy";
import * as z from "zod";
import type { Context } from "../src/bot/context.js";
import { ACTIONS } from "../src/domain/button-actions.js";
import { INSPECTION_KINDS } from "../src/domain/inspections.js";
import { type ParsedInspectionPlan, parseInspectionPlan, periodWords } from "../src/domain/plan-reader/inspection-plan.js";
import { COMMANDS, mayUse } from "../src/domain/roles.js";
import { matchUnitPhrase } from "../src/domain/unit-matching.js";
import { UserError } from "../src/domain/user-error.js";
import { inspectionText, createInspection } from "../src/services/inspections/index.js";
import { loadPendingInspection, storePendingInspection } from "../src/services/documents/index.js";
import { loadUnitMatching } from "../src/services/plans/index.js";
import { serviceContextOf, thisYear } from "./service-context.js";
import { allowed, onButton } from "./guard.js";
import { closePreview, offerUpload, receiveDocument, uploadIs } from "./uploads.js";

/** /inspectionplan, then the plan's file: a preview of what was read, saved as a direct or a self-inspection. */
export const inspectionPlanImport = new Composer<Context>();

const inspectionKind = z.enum(INSPECTION_KINDS);

inspectionPlanImport.command("inspectionplan", allowed("inspectionplan"), (ctx) => offerUpload(ctx, "inspection", "inspection-plan-help"));

inspectionPlanImport.on("message:document", async (ctx, next) => {
  if (!mayUse(COMMANDS.inspectionplan, ctx.identity.person?.roles ?? null) || !(await uploadIs(ctx, "inspection", /^$/))) return next();
  try {
    await ctx.say("upload-reading");
    const { fileName, bytes } = await receiveDocument(ctx);
    const text = await inspectionText(bytes, fileName);
    const plan = parse(ctx, text);
    const id = await storePendingInspection(ctx.services.db, { chatAccountId: ctx.identity.accountId, sourceName: fileName, text, now: ctx.services.clock() });
    const { units, aliases } = await loadUnitMatching(ctx.services.db);
    const matched: string[] = [];
    const unmatched: string[] = [];
    for (const phrase of plan.units) {
      const match = matchUnitPhrase(phrase, units, aliases);
      if (match.kind === "units" && match.unitIds.length === 1) matched.push(units.find((unit) => unit.id === match.unitIds[0])?.name ?? phrase);
      else unmatched.push(phrase);
    }
    const lines = [
      ctx.translateHtml("inspection-plan-preview", {
        title: plan.title,
        year: String(plan.year),
        from: plan.windowFirstMonth,
        to: plan.windowLastMonth,
        notice: plan.noticeDays,
        report: plan.reportDays,
        ...periodWords(plan, (key) => ctx.t(key)),
        noticeDefault: plan.defaulted.includes("notice") ? ctx.t("inspection-plan-default") : "",
        reportDefault: plan.defaulted.includes("report") ? ctx.t("inspection-plan-default") : "",
        count: matched.length,
        units: matched.join("; ") || "—",
      }),
    ];
    if (unmatched.length > 0) lines.push(ctx.translateHtml("inspection-plan-unmatched", { phrases: unmatched.join("; ") }));
    const keyboard = new InlineKeyboard()
      .text(ctx.t("inspection-plan-button-direct"), ACTIONS.inspectionSave.encode(id, "direct"))
      .row()
      .text(ctx.t("inspection-plan-button-self"), ACTIONS.inspectionSave.encode(id, "self"))
      .row()
      .text(ctx.t("plan-button-cancel"), ACTIONS.inspectionCancel.encode(id));
    await ctx.reply(lines.join("\n"), { parse_mode: "HTML", reply_markup: keyboard });
  } catch (error) {
    if (error instanceof UserError) return ctx.say(error.key, error.args);
    throw error;
  }
});

function parse(ctx: Context, text: string): ParsedInspectionPlan {
  return parseInspectionPlan(text, thisYear(ctx));
}

onButton(inspectionPlanImport, ACTIONS.inspectionSave, (ctx, [pendingId, kind]) => finish(ctx, pendingId, inspectionKind.safeParse(kind).data));
onButton(inspectionPlanImport, ACTIONS.inspectionCancel, (ctx, [pendingId]) => finish(ctx, pendingId, undefined));

async function finish(ctx: CallbackQueryContext<Context>, pendingId: number, kind: z.output<typeof inspectionKind> | undefined) {
  const pending = await loadPendingInspection(ctx.services.db, pendingId, ctx.identity.accountId, ctx.services.clock());
  if (!pending) return ctx.answerCallbackQuery({ text: ctx.t("plan-import-expired") });
  if (!(await closePreview(ctx, pending.id, kind ? "save" : "cancel")) || !kind) return;
  const plan = parse(ctx, pending.text);
  const result = await createInspection(ctx.services.db, { plan, kind, team: [] }, serviceContextOf(ctx));
  if (result.kind === "refused") return ctx.say(result.refusal.key, result.refusal.args);
  await ctx.editMessageText(
    ctx.translateHtml("inspection-plan-saved", {
      id: result.inspectionId,
      title: plan.title,
      units: result.units,
      notice: plan.noticeDays,
      report: plan.reportDays,
      ...periodWords(plan, (key) => ctx.t(key)),
    }),
    { parse_mode: "HTML" },
  );
}
