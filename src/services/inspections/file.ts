import path from "node:path";
import { docxToText } from "../documents/sandboxed-parse.js";
import { decodeTextDocument } from "../documents/text-document.js";

/** The text of an inspection plan: a .docx through mammoth (sandboxed), anything else as UTF-8 text. */
export function inspectionText(bytes: Buffer, fileName: string): Promise<string> {
  if (path.extname(fileName).toLowerCase() === ".docx") return docxToText(bytes, "plan-docx-invalid");
  return Promise.resolve(decodeTextDocument(bytes, { maxLines: 20_000, invalidKey: "plan-not-document" }));
}
