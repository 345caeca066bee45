import { type CallbackQueryContext, Composer, InlineKeyboard } from "grammy";
import type { Context } from "../src/bot/context.js";
import { applyCorrection, looksLikeCorrection, parseCorrection } from "../src/domain/plan-reader/corrections.js";
import { matchUnitPhrase } from "../src/domain/unit-matching.js";
import { mayUse, COMMANDS } from "../src/domain/roles.js";
import { UserError } from "../src/domain/user-error.js";
import { latestPendingPlan, loadPendingPlan, storePendingPlan, updatePendingPlan } from "../src/services/documents/index.js";
import {
  loadUnitMatching,
  parsePlanBytes,
  type PlanPreview,
  planPreviewLines,
  previewPlan,
  saveUnitAlias,
  savePlan,
  shorten,
} from "../src/services/plans/index.js";

import { replyLines } from "./long-reply.js";
import { ACTIONS } from "../src/domain/button-actions.js";
import { allowed, onButton } from "./guard.js";
import { closePreview, offerUpload, receiveDocument, uploadIs } from "./uploads.js";
import { serviceContextOf } from "./service-context.js";

/** A secretariat member sends a plan document; the bot shows what it found and saves on confirmation. */
export const planImport = new Composer<Context>();

const PLAN_FILE = /\.(docx|md|markdown|txt|tsv|html?)$/i;
const UNMATCHED_BUTTONS = 8;
const UNIT_BUTTONS = 40;

planImport.on("message:document", async (ctx, next) => {
  const roles = ctx.identity.person?.roles ?? null;
  const fileName = ctx.message.document.file_name ?? "";
  if (!mayUse(COMMANDS.plan, roles) || !(await uploadIs(ctx, "plan", PLAN_FILE))) return next();
  try {
    const { bytes } = await receiveDocument(ctx);
    const plan = await parsePlanBytes(bytes, fileName);
    const pendingId = await storePendingPlan(ctx.services.db, {
      chatAccountId: ctx.identity.accountId,
      sourceName: fileName,
      plan,
      now: ctx.services.clock(),
    });
    await showPreview(ctx, pendingId, "reply");
  } catch (error) {
    if (error instanceof UserError) return ctx.say(error.key, error.args);
    throw error;
  }
});

async function loadPreview(ctx: Context, pendingId: number): Promise<{ preview: PlanPreview; sourceName: string } | undefined> {
  const pending = await loadPendingPlan(ctx.services.db, pendingId, ctx.identity.accountId, ctx.services.clock());
  if (!pending) return undefined;
  return { preview: await previewPlan(ctx.services.db, pending.plan, ctx.services.config.displayTimeZone), sourceName: pending.sourceName };
}

/**
 * The duties first, in as many messages as they need, then what else was read with the buttons:
 * after a button only that last message changes ("edit"); a correction sends the duties again.
 */
async function showPreview(ctx: Context, pendingId: number, how: "reply" | "edit") {
  const loaded = await loadPreview(ctx, pendingId);
  if (!loaded) return ctx.say("plan-import-expired");
  const { preview } = loaded;
  const { duties, summary } = planPreviewLines(preview, htmlTranslation(ctx), ctx.services.config.displayTimeZone);
  const keyboard = new InlineKeyboard();
  if (preview.unmatched.length > 0) {
    summary.push("", ctx.translateHtml("plan-preview-unmatched", { count: preview.unmatched.length }));
    for (const [position, phrase] of preview.unmatched.entries())
      summary.push(ctx.translateHtml("plan-preview-unmatched-line", { position: position + 1, phrase }));
    preview.unmatched.slice(0, UNMATCHED_BUTTONS).forEach((phrase, position) => {
      keyboard.text(ctx.t("plan-button-map", { position: position + 1, phrase: shorten(phrase, 24) }), ACTIONS.planMap.encode(pendingId, position)).row();
    });
  }
  summary.push("", ctx.translateHtml("plan-fix-help", fixExample(preview.plan.year, preview.units)));
  keyboard.text(ctx.t("plan-button-save"), ACTIONS.planSave.encode(pendingId)).text(ctx.t("plan-button-cancel"), ACTIONS.planCancel.encode(pendingId));
  const text = fitTelegram(summary.join("\n"));
  if (how === "edit") return ctx.editMessageText(text, { parse_mode: "HTML", reply_markup: keyboard });
  await replyLines(ctx, duties);
  await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
}

function htmlTranslation(ctx: Context) {
  return (key: string, args?: Record<string, string | number>) => ctx.translateHtml(key, args);
}

/** The year and a real unit name in the examples, so that what the clerk copies works. */
function fixExample(year: number, units: readonly { name: string }[]): { year: string; unit: string } {
  return { year: String(year), unit: units[0]?.name ?? "Văn phòng" };
}

// Corrections typed while a preview is open: «sửa 3 hạn 15/04/2026», «bỏ 3», «thêm quý 2: …», «xem quý 2».
planImport.on("message:text", async (ctx, next) => {
  const text = ctx.message.text;
  if (!mayUse(COMMANDS.plan, ctx.identity.person?.roles ?? null) || !looksLikeCorrection(text)) return next();
  const now = ctx.services.clock();
  const pending = await latestPendingPlan(ctx.services.db, ctx.identity.accountId, now);
  if (!pending) return next();
  const correction = parseCorrection(text, pending.plan.year);
  const zone = ctx.services.config.displayTimeZone;
  if ("key" in correction) {
    const { units } = await loadUnitMatching(ctx.services.db);
    return ctx.say(correction.key, { ...fixExample(pending.plan.year, units), ...correction.args });
  }
  if (correction.kind === "show") {
    const preview = await previewPlan(ctx.services.db, pending.plan, zone);
    return replyLines(ctx, planPreviewLines(preview, htmlTranslation(ctx), zone, { quarter: correction.quarter }).duties);
  }
  if (correction.kind === "units") {
    // Units are named as the roster names them: a typo is said now, not found missing at the deadline.
    const { units, aliases } = await loadUnitMatching(ctx.services.db);
    const unknown = correction.phrases.find((phrase) => matchUnitPhrase(phrase, units, aliases).kind !== "units");
    if (unknown) return ctx.say("plan-fix-unknown-unit", { phrase: unknown, units: units.map((unit) => unit.name).join(", ") });
  }
  const corrected = applyCorrection(pending.plan, correction);
  if ("key" in corrected) return ctx.say(corrected.key, corrected.args);
  if (!(await updatePendingPlan(ctx.services.db, pending.id, corrected))) return ctx.say("plan-import-expired");
  await ctx.say("plan-fix-done");
  await showPreview(ctx, pending.id, "reply");
});

onButton(planImport, ACTIONS.planMap, async (ctx, [pendingId, position]) => {
  const loaded = await loadPreview(ctx, pendingId);
  const phrase = loaded?.preview.unmatched[position];
  if (!loaded || phrase === undefined) return ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
  await ctx.answerCallbackQuery();
  const keyboard = new InlineKeyboard();
  loaded.preview.units.slice(0, UNIT_BUTTONS).forEach((unit, position_) => {
    keyboard.text(shorten(unit.name, 30), ACTIONS.planSetUnit.encode(pendingId, position, unit.id));
    if (position_ % 2 === 1) keyboard.row();
  });
  keyboard
    .row()
    .text(ctx.t("plan-button-external"), ACTIONS.planExternal.encode(pendingId, position))
    .row()
    .text(ctx.t("plan-button-back"), ACTIONS.planBack.encode(pendingId));
  await ctx.editMessageText(ctx.translateHtml("plan-map-choose", { phrase }), { parse_mode: "HTML", reply_markup: keyboard });
});

onButton(planImport, ACTIONS.planSetUnit, (ctx, [pendingId, position, unitId]) => mapPhrase(ctx, pendingId, position, unitId));
onButton(planImport, ACTIONS.planExternal, (ctx, [pendingId, position]) => mapPhrase(ctx, pendingId, position, undefined));

/** Maps an unmatched phrase to a unit of the roster, or to none (a body outside the agency). */
async function mapPhrase(ctx: Context, pendingId: number, position: number, unitId: number | undefined) {
  const loaded = await loadPreview(ctx, pendingId);
  const phrase = loaded?.preview.unmatched[position];
  const unitKnown = unitId === undefined || loaded?.preview.units.some((unit) => unit.id === unitId);
  if (!loaded || phrase === undefined || !unitKnown) return ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
  // Remembered for every later import: the same phrase will match by itself next time.
  await saveUnitAlias(ctx.services.db, phrase, unitId === undefined ? [] : [unitId]);
  await ctx.answerCallbackQuery();
  await showPreview(ctx, pendingId, "edit");
}

onButton(planImport, ACTIONS.planBack, async (ctx, [pendingId]) => {
  await ctx.answerCallbackQuery();
  await showPreview(ctx, pendingId, "edit");
});

onButton(planImport, ACTIONS.planSave, (ctx, [pendingId]) => finishPlanPreview(ctx, pendingId, "save"));
onButton(planImport, ACTIONS.planCancel, (ctx, [pendingId]) => finishPlanPreview(ctx, pendingId, "cancel"));

async function finishPlanPreview(ctx: CallbackQueryContext<Context>, pendingId: number, choice: "save" | "cancel") {
  const loaded = await loadPreview(ctx, pendingId);
  if (!loaded) return ctx.answerCallbackQuery({ text: ctx.t("plan-import-expired") });
  if (!(await closePreview(ctx, pendingId, choice))) return;
  const saved = await savePlan(ctx.services.db, loaded.preview, { ...serviceContextOf(ctx), source: loaded.sourceName });
  await ctx.editMessageText(
    ctx.translateHtml("plan-import-saved", {
      title: loaded.preview.plan.title,
      created: saved.created,
      updated: saved.updated,
      removed: saved.removed,
      unmatched: loaded.preview.unmatched.length,
    }),
    { parse_mode: "HTML" },
  );
}

/** Cuts at a line boundary well inside Telegram's 4096 characters (entities expand on escape). */
function fitTelegram(html: string): string {
  if (html.length <= 3900) return html;
  const cut = html.lastIndexOf("\n", 3880);
  return `${html.slice(0, cut)}\n…`;
}

planImport.command("plan", allowed("plan"), (ctx) => offerUpload(ctx, "plan", "plan-help"));
