import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { detectTitle, detectYear, type ParsedPlan, parsePlanTables, isQuarterHeading } from "../../domain/plan-document.js";
import { type Table, tablesFromHtml, tablesFromMarkdown, tablesFromTabSeparated } from "../../domain/document-tables.js";
import { foldForMatching, normalizeName } from "../../domain/text.js";
import { parsePlanProse } from "../../domain/plan-prose.js";
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

/**
 * Reads a plan from its bytes, whichever of the supported forms it has: its task table if it has
 * one, and what its prose dates (the registration deadline; for a plan without a table, its dated
 * duties and its meetings by month).
 */
export async function parsePlanBytes(bytes: Buffer, fileName: string, year?: number): Promise<ParsedPlan> {
  if (bytes.length > MAX_PLAN_BYTES) throw fileTooLarge(bytes.length, MAX_PLAN_BYTES);
  const { tables, text, prose } = await documentTables(bytes, fileName);
  const planYear = year ?? detectYear(text);
  if (!planYear) throw new UserError("plan-no-year");
  const title = detectTitle(text) ?? normalizeName(fileName.replace(/\.[^.]+$/, ""));
  const fromProse = parsePlanProse(prose, planYear);
  let plan: ParsedPlan;
  try {
    plan = parsePlanTables(tables, { year: planYear, title });
  } catch (error) {
    const noTable = error instanceof UserError && (error.key === "plan-no-task-table" || error.key === "plan-no-tasks");
    if (!noTable) throw error;
    if (fromProse.tasks.length + fromProse.meetings.length === 0) {
      // An inspection plan has no task table either: say where it goes.
      const heading = foldForMatching(text.slice(0, 3000)).replace(/[^a-z0-9 ]+/g, " ");
      if (/ke hoach\s+(tu\s+)?kiem tra/.test(heading)) throw new UserError("plan-is-inspection-plan");
      throw error;
    }
    plan = { year: planYear, title, tasks: fromProse.tasks, warnings: [], meetings: [], registrationDeadline: null };
  }
  const registration = fromProse.registrationDeadline;
  if (registration) {
    // The table's registration task falls due when the text says, not at the quarter's end.
    for (const task of plan.tasks) {
      if (!task.deadline && /dang ky thi dua|dang ky danh hieu/.test(foldForMatching(task.content))) {
        task.deadline = registration;
        task.deadlineFrom = "prose";
      }
    }
  }
  return { ...plan, meetings: fromProse.meetings, registrationDeadline: registration };
}

/** The document's tables, its whole text, and its prose: the text outside the tables. */
async function documentTables(bytes: Buffer, fileName: string): Promise<{ tables: Table[]; text: string; prose: string }> {
  const isZip = bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  if (isZip || /\.docx$/i.test(fileName)) {
    const html = await docxToHtml(bytes, "plan-docx-invalid");
    return { tables: tablesFromHtml(html), text: htmlText(html), prose: htmlText(html.replace(/<table[\s\S]*?<\/table>/gi, "\n")) };
  }
  const text = decodeTextDocument(bytes, { maxLines: MAX_PLAN_LINES, invalidKey: "plan-not-document" });
  if (/<table[\s>]/i.test(text)) {
    return {
      tables: tablesFromHtml(text),
      text: text.replace(/<[^>]+>/g, "\n"),
      prose: text.replace(/<table[\s\S]*?<\/table>/gi, "\n").replace(/<[^>]+>/g, "\n"),
    };
  }
  if (/^\s*\|/m.test(text)) return { tables: tablesFromMarkdown(text), text, prose: outsideRows(text, (line) => line.trim().startsWith("|")) };
  return { tables: tablesFromTabSeparated(text, { keepsTableOpen: isQuarterHeading }), text, prose: outsideRows(text, (line) => line.includes("\t")) };
}

function htmlText(html: string): string {
  return html
    .replace(/<\/(p|h\d|li|tr)>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&");
}

// The lines that are not table rows. A quoted tab-separated cell's further lines hold no tab and
// count as prose; with a task table, prose only suggests the registration deadline and meetings.
function outsideRows(text: string, isRow: (line: string) => boolean): string {
  return text
    .split(/\r?\n/)
    .filter((line) => !isRow(line))
    .join("\n");
}
