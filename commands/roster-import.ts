import { type CallbackQueryContext, Composer, InlineKeyboard } from "grammy";
import type { Context } from "../src/bot/context.js";
import { COMMANDS, mayUse } from "../src/domain/roles.js";
import { UserError } from "../src/domain/user-error.js";
import { loadPendingRoster, storePendingRoster } from "../src/services/pending-imports.js";
import { importRoster, previewRoster } from "../src/services/roster.js";
import { readRosterBytes } from "../src/services/roster-file.js";
import { ACTIONS } from "../src/domain/button-actions.js";
import { allowed, onButton } from "./guard.js";
import { closePreview, offerUpload, receiveDocument } from "./uploads.js";
import { actorOf } from "./actor.js";

/** A secretariat member sends the roster file; the bot shows what it would do and imports on confirmation. */
export const rosterImport = new Composer<Context>();

const ROSTER_FILE = /\.(xlsx|csv|tsv)$/i;
const REJECTED_SHOWN = 10;

rosterImport.on("message:document", async (ctx, next) => {
  const fileName = ctx.message.document.file_name ?? "";
  if (!mayUse(COMMANDS.roster, ctx.identity.person?.roles ?? null) || !ROSTER_FILE.test(fileName)) return next();
  try {
    await ctx.say("upload-reading");
    const { bytes } = await receiveDocument(ctx);
    const rows = await readRosterBytes(bytes, fileName);
    const preview = await previewRoster(ctx.services.db, rows);
    const id = await storePendingRoster(ctx.services.db, { chatAccountId: ctx.identity.accountId, sourceName: fileName, rows, now: ctx.services.clock() });
    const lines = [ctx.th("roster-preview", { file: fileName, created: preview.newPeople, known: preview.knownPeople, rejected: preview.rejected.length })];
    for (const row of preview.rejected.slice(0, REJECTED_SHOWN))
      lines.push(ctx.th("cli-roster-rejected", { line: String(row.line), reason: ctx.t(row.key, row.args) }));
    if (preview.rejected.length > REJECTED_SHOWN) lines.push(ctx.th("roster-preview-more", { count: preview.rejected.length - REJECTED_SHOWN }));
    if (preview.ignoredColumns.length > 0) lines.push(ctx.th("cli-roster-ignored-columns", { columns: preview.ignoredColumns.join(", ") }));
    const keyboard = new InlineKeyboard()
      .text(ctx.t("roster-button-import"), ACTIONS.rosterSave.encode(id))
      .text(ctx.t("plan-button-cancel"), ACTIONS.rosterCancel.encode(id));
    await ctx.reply(lines.join("\n"), { parse_mode: "HTML", reply_markup: keyboard });
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    ctx.services.logger.info({ file: fileName, reason: error.args.reason ?? error.key }, "roster upload refused");
    await ctx.say(error.key, error.args);
  }
});

for (const [choice, button] of [
  ["save", ACTIONS.rosterSave],
  ["cancel", ACTIONS.rosterCancel],
] as const) {
  onButton(rosterImport, button, (ctx, [pendingId]) => finishRosterPreview(ctx, pendingId, choice));
}

async function finishRosterPreview(ctx: CallbackQueryContext<Context>, pendingId: number, choice: "save" | "cancel") {
  const pending = await loadPendingRoster(ctx.services.db, pendingId, ctx.identity.accountId, ctx.services.clock());
  if (!pending) return ctx.answerCallbackQuery({ text: ctx.t("plan-import-expired") });
  if (!(await closePreview(ctx, pending.id, choice))) return;
  const result = await importRoster(ctx.services.db, pending.rows, {
    clock: ctx.services.clock,
    actor: actorOf(ctx),
    source: pending.sourceName,
  });
  await ctx.editMessageText(
    ctx.th("cli-roster-summary", {
      created: result.created,
      updated: result.updated,
      unchanged: result.unchanged,
      rejected: result.rejected.length,
      units: result.unitsCreated,
    }),
    { parse_mode: "HTML" },
  );
}

rosterImport.command("roster", allowed("roster"), (ctx) => offerUpload(ctx, "roster-help"));
