import type { IncomingMessage, ServerResponse } from "node:http";
import type { Database } from "../../db/client.js";
import { escapeHtml } from "../../domain/text.js";
import type { MessageArgs } from "../../domain/user-error.js";
import { openDownload } from "../../services/platform/downloads.js";
import { reply } from "./body.js";
import { htmlPage, PAGE_HEADERS } from "./upload-page.js";

/**
 * GET <path><token> shows the file's name and a button; the POST it sends gives the file, once.
 * A link preview (the chat platform fetching the address to draw a card) only GETs, so it uses up
 * nothing; a link opened a second time — forwarded, say, with a unit's invite codes — is refused.
 */
export function downloadPageHandler(db: Database, signingKey: string, translate: (key: string, args?: MessageArgs) => string, now: () => Date) {
  return async (req: IncomingMessage, res: ServerResponse, token: string): Promise<void> => {
    const page = (status: number, body: string) =>
      reply(res, status, htmlPage("vi", translate("download-page-title"), body), "text/html; charset=utf-8", PAGE_HEADERS);
    const file = await openDownload(db, signingKey, token, { now: now(), take: req.method === "POST" });
    if (file === undefined) return reply(res, 404, "link expired or unknown\n");
    if (file === "used") return page(410, `<p>${escapeHtml(translate("download-page-used"))}</p>`);
    if (req.method === "GET") {
      return page(
        200,
        `<form method="post"><p>${escapeHtml(translate("download-page-intro", { file: file.fileName }))}</p><p><button type="submit">${escapeHtml(translate("download-page-button"))}</button></p></form>`,
      );
    }
    return reply(res, 200, file.bytes, "application/octet-stream", {
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "cache-control": "no-store",
    });
  };
}
