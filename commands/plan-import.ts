import { type CallbackQueryContext, Composer, InlineKeyboard } from "grammy";
import type { Context } from "../src/bot/context.js";
import { atLocal, formatDate } from "../src/domain/calendar.js";
import { mayUse, COMMANDS } from "../src/domain/roles.js";
import { UserError } from "../src/domain/user-error.js";
import { loadPendingPlan, storePendingPlan } from "../src/services/documents/index.js";
import { parsePlanBytes, type PlanPreview, previewPlan, saveUnitAlias, savePlan } from "../src/services/plans/index.js";
import { ACTIONS } from "../src/domain/button-actions.js";
import { allowed, onButton } from "./guard.js";
import { closePreview, offerUpload, receiveDocument, uploadIs } from "./uploads.js";
import { serviceContextOf } from "./service-context.js";

/** A secretariat member sends a plan document; the bot shows what it found and saves on confirmation. */
export const planImport = new Composer<Context>();

const PLAN_FILE = /\.(docx|md|markdown|txt|tsv|html?)$/i;
const TASKS_SHOWN_PER_QUARTER = 6;
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

async function showPreview(ctx: Context, pendingId: number, how: "reply" | "edit") {
  const loaded = await loadPreview(ctx, pendingId);
  if (!loaded) return ctx.say("plan-import-expired");
  const { preview } = loaded;
  const zone = ctx.services.config.displayTimeZone;
  const unitName = new Map(preview.units.map((unit) => [unit.id, unit.name]));
  const lines = [ctx.translateHtml("plan-preview-header", { title: preview.plan.title, year: String(preview.plan.year), count: preview.tasks.length })];
  for (const quarter of [1, 2, 3, 4] as const) {
    const tasks = preview.tasks.filter((task) => task.quarter === quarter);
    lines.push("", ctx.translateHtml("plan-preview-quarter", { quarter, count: tasks.length }));
    for (const task of tasks.slice(0, TASKS_SHOWN_PER_QUARTER)) {
      const names = (ids: number[]) => ids.map((unitId) => unitName.get(unitId) ?? "").join(", ") || "—";
      lines.push(
        ctx.translateHtml("plan-preview-task", {
          number: task.number,
          content: shorten(task.content.replace(/\n/g, " "), 90),
          due: formatDate(task.dueAt, zone),
          from: [
            ctx.t(`plan-due-from-${task.deadlineFrom ?? "quarter"}`),
            ...(task.movedFrom ? [ctx.t("plan-due-moved", { day: formatDate(atLocal(task.movedFrom, "12:00:00", zone), zone) })] : []),
          ].join(", "),
          lead: names(task.leadUnitIds),
          coordinating: names(task.coordinatingUnitIds),
        }),
      );
    }
    if (tasks.length > TASKS_SHOWN_PER_QUARTER) lines.push(ctx.translateHtml("plan-preview-more", { count: tasks.length - TASKS_SHOWN_PER_QUARTER }));
  }
  const { meetings, registrationDeadline } = preview.plan;
  if (meetings.length > 0) {
    const months = meetings.map((meeting) => `${String(meeting.month).padStart(2, "0")}/${meeting.year}`).join(", ");
    lines.push("", ctx.translateHtml("plan-preview-meetings", { count: meetings.length, months, title: meetings[0]?.title ?? "" }));
  }
  if (registrationDeadline) {
    const day = `${String(registrationDeadline.day).padStart(2, "0")}/${String(registrationDeadline.month).padStart(2, "0")}/${registrationDeadline.year}`;
    lines.push("", ctx.translateHtml("plan-preview-registration-deadline", { date: day }));
  }
  const keyboard = new InlineKeyboard();
  if (preview.unmatched.length > 0) {
    lines.push("", ctx.translateHtml("plan-preview-unmatched", { count: preview.unmatched.length }));
    for (const [position, phrase] of preview.unmatched.entries())
      lines.push(ctx.translateHtml("plan-preview-unmatched-line", { position: position + 1, phrase }));
    preview.unmatched.slice(0, UNMATCHED_BUTTONS).forEach((phrase, position) => {
      keyboard.text(ctx.t("plan-button-map", { position: position + 1, phrase: shorten(phrase, 24) }), ACTIONS.planMap.encode(pendingId, position)).row();
    });
  }
  keyboard.text(ctx.t("plan-button-save"), ACTIONS.planSave.encode(pendingId)).text(ctx.t("plan-button-cancel"), ACTIONS.planCancel.encode(pendingId));
  const text = fitTelegram(lines.join("\n"));
  if (how === "edit") await ctx.editMessageText(text, { parse_mode: "HTML", reply_markup: keyboard });
  else await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
}

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

function shorten(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

/** Cuts at a line boundary well inside Telegram's 4096 characters (entities expand on escape). */
function fitTelegram(html: string): string {
  if (html.length <= 3900) return html;
  const cut = html.lastIndexOf("\n", 3880);
  return `${html.slice(0, cut)}\n…`;
}

planImport.command("plan", allowed("plan"), (ctx) => offerUpload(ctx, "plan", "plan-help"));
