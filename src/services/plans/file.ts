import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { ParsedPlan } from "../../domain/plan-reader/plan.js";
import { planDocumentFromHtml, planDocumentFromText, readPlan } from "../../domain/plan-reader/reading.js";
import { docxToHtml } from "../documents/sandboxed-parse.js";
import { decodeTextDocument } from "../documents/text-document.js";
import { UserError } from "../../domain/user-error.js";
import { fileTooLarge } from "../documents/file-size.js";

/** A Word plan is rarely over 2 MB; 10 MB leaves room for embedded pictures. */
export const MAX_PLAN_BYTES = 10 * 1024 * 1024;
// The longest fixture plan has 185 lines; a text with more than this is not a plan.
const MAX_PLAN_LINES = 20_000;

export async function readPlanFile(filePath: string, year?: number): Promise<ParsedPlan> {
  const info = await stat(filePath).catch(() => {
    throw new UserError("file-not-found", { file: filePath });
  });
  if (!info.isFile()) throw new UserError("file-not-found", { file: filePath });
  if (info.size > MAX_PLAN_BYTES) throw fileTooLarge(info.size, MAX_PLAN_BYTES);
  return parsePlanBytes(await readFile(filePath), path.basename(filePath), year);
}

/** Reads a plan from its bytes, whichever of the supported forms (.docx, markdown, tab-separated or HTML text) it has. */
export async function parsePlanBytes(bytes: Buffer, fileName: string, year?: number): Promise<ParsedPlan> {
  if (bytes.length > MAX_PLAN_BYTES) throw fileTooLarge(bytes.length, MAX_PLAN_BYTES);
  const isZip = bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  const document =
    isZip || /\.docx$/i.test(fileName)
      ? planDocumentFromHtml(await docxToHtml(bytes, "plan-docx-invalid"))
      : planDocumentFromText(decodeTextDocument(bytes, { maxLines: MAX_PLAN_LINES, invalidKey: "plan-not-document" }));
  return readPlan(document, { year, fileName });
}
