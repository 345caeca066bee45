import path from "node:path";
import { docxToHtml } from "../documents/sandboxed-parse.js";
import { decodeTextDocument } from "../documents/text-document.js";

/**
 * The source of an inspection plan, kept while the secretariat confirms and read again then: a
 * .docx as the HTML mammoth makes of it (sandboxed) so its tables stay tables, anything else as
 * UTF-8 text.
 */
export function inspectionText(bytes: Buffer, fileName: string): Promise<string> {
  if (path.extname(fileName).toLowerCase() === ".docx") return docxToHtml(bytes, "plan-docx-invalid");
  return Promise.resolve(decodeTextDocument(bytes, { maxLines: 20_000, invalidKey: "plan-not-document" }));
}
