import type { Context } from "../src/bot/context.js";
import { UserError } from "../src/domain/user-error.js";
import { downloadUpload, MAX_UPLOAD_BYTES } from "../src/services/documents/chat-upload.js";

/** The document a message carries, downloaded; refused before download when it says it is too large. */
export async function receiveDocument(ctx: Context): Promise<{ fileName: string; bytes: Buffer }> {
  const document = ctx.message?.document;
  if (!document) throw new UserError("upload-download-failed");
  const declared = document.file_size ?? 0;
  if (declared > MAX_UPLOAD_BYTES) throw new UserError("file-too-large", { size: (declared / 1048576).toFixed(1), limit: String(MAX_UPLOAD_BYTES / 1048576) });
  const file = await ctx.getFile();
  const url = `${ctx.services.config.telegram.apiRoot}/file/bot${ctx.api.token}/${file.file_path ?? ""}`;
  return { fileName: document.file_name ?? "", bytes: await downloadUpload(url) };
}
