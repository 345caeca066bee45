import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { ParsedPlan } from "../../domain/plan-reader/plan.js";
import { planDocumentFromHtml, planDocumentFromText, readPlan } from "../../domain/plan-reader/reading.js";
import { planSource } from "../documents/plan-source.js";
import { UserError } from "../../domain/user-error.js";
import { fileTooLarge } from "../documents/file-size.js";

/** A Word plan is rarely over 2 MB; 10 MB leaves room for embedded pictures. */
export const MAX_PLAN_BYTES = 10 * 1024 * 1024;

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
  const source = await planSource(bytes, fileName);
  const document = source.kind === "html" ? planDocumentFromHtml(source.content) : planDocumentFromText(source.content);
  return readPlan(document, { year, fileName });
}
