import { mkdtemp, rm, writeFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as z from "zod";
import type { Database } from "../../db/client.js";
import { escapeHtml } from "../../domain/text.js";
import type { MessageArgs } from "../../domain/user-error.js";
import { MAX_UPLOAD_BYTES } from "../../services/documents/chat-upload.js";
import { type UploadTarget, uploadTarget } from "../../services/platform/web-uploads.js";
import { parseApiPayload, readBytes, reply, type UploadedPart } from "./body.js";

/** A platform that takes files through the upload page (its bots cannot receive them). */
export type UploadReceiver = {
  /** The file as if it had been sent in the target's chat; resolves once the bot has answered it. */
  receiveFile(target: UploadTarget, file: { fileName: string; path: string; size: number }): Promise<void>;
  translate(locale: string, key: string, args?: MessageArgs): string;
};

// The multipart envelope around the file: boundaries and part headers.
const ENVELOPE_BYTES = 64 * 1024;
// Each upload is held in memory while it is read: a few at a time, whatever the connection cap.
const UPLOADS_AT_ONCE = 4;

const fileName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  // A name, not a path, and nothing a terminal or a log would take for a control.
  .refine((name) => !/[\\/\p{Cc}]/u.test(name));

/**
 * GET <path><token> shows a one-field form; POST takes the chosen file (multipart, as a browser
 * sends it, at most MAX_UPLOAD_BYTES) and hands it to the bot in the token's chat. No script:
 * Zalo's in-app browser and any other shows it alike. The token is in the address, so the page
 * is sent with no-referrer and never cached.
 */
export function uploadPageHandler(db: Database, signingKey: string, receivers: Partial<Record<string, UploadReceiver>>, now: () => Date) {
  let uploading = 0;
  return async (req: IncomingMessage, res: ServerResponse, token: string): Promise<void> => {
    const target = await uploadTarget(db, signingKey, token, now());
    const receiver = target ? receivers[target.platform] : undefined;
    if (!target || !receiver) return reply(res, 404, "link expired or unknown\n");
    const locale = target.language ?? "vi";
    const t = (key: string, args?: MessageArgs) => receiver.translate(locale, key, args);
    const page = (status: number, body: string) => reply(res, status, htmlPage(locale, t("upload-page-title"), body), "text/html; charset=utf-8", PAGE_HEADERS);
    if (req.method === "GET") return page(200, uploadForm(t));
    if (uploading >= UPLOADS_AT_ONCE) return page(503, `<p>${escapeHtml(t("upload-page-busy"))}</p>${uploadForm(t)}`);
    uploading += 1;
    try {
      const declared = Number(req.headers["content-length"] ?? 0);
      const body = declared > MAX_UPLOAD_BYTES + ENVELOPE_BYTES ? undefined : await readBytes(req, MAX_UPLOAD_BYTES + ENVELOPE_BYTES);
      const file = body ? uploadedFile(req.headers["content-type"] ?? "", body) : "too large";
      if (file === "too large") {
        req.resume();
        return page(413, `<p>${escapeHtml(t("upload-page-too-large", { megabytes: MAX_UPLOAD_BYTES / 1024 / 1024 }))}</p>${uploadForm(t)}`);
      }
      if (!file) return page(400, `<p>${escapeHtml(t("upload-page-no-file"))}</p>${uploadForm(t)}`);
      const directory = await mkdtemp(join(tmpdir(), "tdkt-upload-"));
      try {
        const path = join(directory, "upload");
        await writeFile(path, file.bytes);
        await receiver.receiveFile(target, { fileName: file.name, path, size: file.size });
      } finally {
        await rm(directory, { recursive: true, force: true });
      }
      return page(200, `<p>${escapeHtml(t("upload-page-received", { file: file.name }))}</p>`);
    } finally {
      uploading -= 1;
    }
  };
}

export const PAGE_HEADERS = {
  "cache-control": "no-store",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
};

function uploadForm(t: (key: string, args?: MessageArgs) => string): string {
  return `<form method="post" enctype="multipart/form-data">
<p>${escapeHtml(t("upload-page-intro"))}</p>
<p><input type="file" name="file" required></p>
<p><button type="submit">${escapeHtml(t("upload-page-send"))}</button></p>
</form>`;
}

export function htmlPage(locale: string, title: string, body: string): string {
  return `<!doctype html>
<html lang="${escapeHtml(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:34rem;margin:2rem auto;padding:0 1rem;line-height:1.5}button{font-size:1.1rem;padding:.5rem 1.5rem}</style>
</head><body><h1>${escapeHtml(title)}</h1>
${body}
</body></html>`;
}

function uploadedFile(contentType: string, body: Buffer): UploadedPart | "too large" | undefined {
  if (!contentType.startsWith("multipart/form-data")) return undefined;
  const part = parseApiPayload(contentType, body).file as UploadedPart | undefined;
  if (typeof part !== "object" || part === null || !Buffer.isBuffer(part.bytes) || part.size === 0) return undefined;
  if (part.size > MAX_UPLOAD_BYTES) return "too large";
  const name = fileName.safeParse(part.name);
  return name.success ? { ...part, name: name.data } : undefined;
}
