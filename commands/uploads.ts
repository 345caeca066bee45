import type { CallbackQueryContext } from "grammy";
import type { Context } from "../src/bot/context.js";
import { finishPendingImport, downloadUpload, MAX_UPLOAD_BYTES, readLocalUpload, fileTooLarge } from "../src/services/documents/index.js";
import { UserError } from "../src/domain/user-error.js";
import { isAbsolute } from "node:path";
import { uploadLink, expectUpload, expectedUpload, type UploadKind } from "../src/services/platform/index.js";
import { formatDateTime } from "../src/domain/calendar.js";

/** The document a message carries, downloaded; refused before download when it says it is too large. */
export async function receiveDocument(ctx: Context): Promise<{ fileName: string; bytes: Buffer }> {
  const document = ctx.message?.document;
  if (!document) throw new UserError("upload-download-failed");
  const declared = document.file_size ?? 0;
  if (declared > MAX_UPLOAD_BYTES) throw fileTooLarge(declared, MAX_UPLOAD_BYTES);
  const file = await ctx.getFile();
  const filePath = file.file_path ?? "";
  // A local Bot API server (--local) answers with the file's absolute path on its own disk.
  if (isAbsolute(filePath)) return { fileName: document.file_name ?? "", bytes: await readLocalUpload(filePath) };
  const url = `${ctx.services.config.telegram.apiRoot}/file/bot${ctx.api.token}/${filePath}`;
  return { fileName: document.file_name ?? "", bytes: await downloadUpload(url) };
}

/**
 * How to send a file: the command's own help (the next file is then taken for that kind), and where people cannot send files in
 * the chat (the Zalo Bot Platform), a one-hour link to the bot's upload page, whose file arrives here as if sent here.
 */
export async function offerUpload(
  ctx: Context,
  kind: UploadKind,
  helpKey: string,
  detail?: { id: number; args: Record<string, string | number> },
): Promise<void> {
  await expectUpload(ctx.services.db, ctx.identity.accountId, kind, ctx.services.clock(), detail?.id);
  await ctx.say(helpKey, detail?.args);
  if (ctx.services.capabilities.filesIn) return;
  const { links } = ctx.services;
  if (!links) {
    await ctx.say("upload-link-unavailable");
    return;
  }
  const { url, expiresAt } = uploadLink(links, ctx.identity.accountId, ctx.services.clock());
  await ctx.say("upload-link", { url, expires: formatDateTime(expiresAt, ctx.services.config.displayTimeZone) });
}

/**
 * Closes a document's preview when its save or cancel button is pressed; true when the caller
 * should now save. Closing first makes a second press of the same button find nothing to do.
 */
export async function closePreview(ctx: CallbackQueryContext<Context>, pendingId: number, choice: "save" | "cancel"): Promise<boolean> {
  if (!(await finishPendingImport(ctx.services.db, pendingId, ctx.services.clock()))) {
    await ctx.answerCallbackQuery({ text: ctx.t("plan-import-expired") });
    return false;
  }
  await ctx.answerCallbackQuery();
  if (choice === "save") return true;
  await ctx.editMessageText(ctx.translateHtml("plan-import-cancelled"), { parse_mode: "HTML" });
  return false;
}

/**
 * Whether a document sent now is of this kind: the kind the chat's last command asked for, or
 * when none was asked for, what its name suggests.
 */
export async function uploadIs(ctx: Context, kind: UploadKind, byName: RegExp): Promise<boolean> {
  const fileName = ctx.message?.document?.file_name ?? "";
  const expected = await uploadExpected(ctx);
  return expected ? expected.kind === kind : byName.test(fileName);
}

// Every document handler asks what the chat expects; one update reads it once.
const expectedOfUpdate = new WeakMap<object, ReturnType<typeof expectedUpload>>();

/** What the chat's last command asked a file for (and for what), read once per update. */
export function uploadExpected(ctx: Context): ReturnType<typeof expectedUpload> {
  let expected = expectedOfUpdate.get(ctx.update);
  if (!expected) {
    expected = expectedUpload(ctx.services.db, ctx.identity.accountId, ctx.services.clock());
    expectedOfUpdate.set(ctx.update, expected);
  }
  return expected;
}
