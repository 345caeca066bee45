import { type CallbackQueryContext, Composer, InlineKeyboard } from "grammy";
import type { Context } from "../src/bot/context.js";
import { COMMANDS, mayUse } from "../src/domain/roles.js";
import { UserError } from "../src/domain/user-error.js";
import { loadPendingRoster, storePendingRoster } from "../src/services/documents/index.js";
import { importRoster, previewRoster, readRosterBytes } from "../src/services/roster/index.js";
import { ACTIONS } from "../src/domain/button-actions.js";
import { allowed, onButton } from "./guard.js";
import { closePreview, offerUpload, receiveDocument, uploadIs } from "./uploads.js";
import { translatorOf, serviceContextOf } from "./service-context.js";
import { rosterPreviewText, rosterResultText } from "./roster-preview.js";

/** A secretariat member sends the roster file; the bot shows what it would do and imports on confirmation. */
export const rosterImport = new Composer<Context>();

const ROSTER_FILE = /\.(xlsx|csv|tsv)$/i;

rosterImport.on("message:document", async (ctx, next) => {
  const fileName = ctx.message.document.file_name ?? "";
  if (!mayUse(COMMANDS.roster, ctx.identity.person?.roles ?? null) || !(await uploadIs(ctx, "roster", ROSTER_FILE))) return next();
  try {
    await ctx.say("upload-reading");
    const { bytes } = await receiveDocument(ctx);
    const rows = await readRosterBytes(bytes, fileName);
    const preview = await previewRoster(ctx.services.db, rows);
    const id = await storePendingRoster(ctx.services.db, { chatAccountId: ctx.identity.accountId, sourceName: fileName, rows, now: ctx.services.clock() });
    const keyboard = new InlineKeyboard();
    if (preview.leaving.length > 0) {
      keyboard.text(ctx.t("roster-button-import-full", { count: preview.leaving.length }), ACTIONS.rosterSaveFull.encode(id)).row();
      keyboard.text(ctx.t("roster-button-import-keep", { count: preview.leaving.length }), ACTIONS.rosterSave.encode(id)).row();
    } else keyboard.text(ctx.t("roster-button-import"), ACTIONS.rosterSave.encode(id));
    keyboard.text(ctx.t("plan-button-cancel"), ACTIONS.rosterCancel.encode(id));
    await ctx.reply(rosterPreviewText(ctx, fileName, preview), { parse_mode: "HTML", reply_markup: keyboard });
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    ctx.services.logger.info({ file: fileName, reason: error.args.reason ?? error.key }, "roster upload refused");
    await ctx.say(error.key, error.args);
  }
});

for (const [choice, button] of [
  ["save", ACTIONS.rosterSave],
  ["full", ACTIONS.rosterSaveFull],
  ["cancel", ACTIONS.rosterCancel],
] as const) {
  onButton(rosterImport, button, (ctx, [pendingId]) => finishRosterPreview(ctx, pendingId, choice));
}

async function finishRosterPreview(ctx: CallbackQueryContext<Context>, pendingId: number, choice: "save" | "full" | "cancel") {
  const pending = await loadPendingRoster(ctx.services.db, pendingId, ctx.identity.accountId, ctx.services.clock());
  if (!pending) return ctx.answerCallbackQuery({ text: ctx.t("plan-import-expired") });
  if (!(await closePreview(ctx, pending.id, choice === "cancel" ? "cancel" : "save"))) return;
  const result = await importRoster(ctx.services.db, pending.rows, {
    ...serviceContextOf(ctx),
    source: pending.sourceName,
    departures: choice === "full",
    notify: { translate: translatorOf(ctx), timeZone: ctx.services.config.displayTimeZone },
  });
  await ctx.editMessageText(rosterResultText(ctx, result), { parse_mode: "HTML" });
}

rosterImport.command("roster", allowed("roster"), (ctx) => offerUpload(ctx, "roster", "roster-help"));
