import { parentPort, workerData } from "node:worker_threads";
import type { RawRow } from "../../domain/roster.js";
import type { ParseJob, ParseOutcome } from "./sandboxed-parse.js";

// Runs inside a worker thread with resourceLimits (see sandboxed-parse.ts): whatever mammoth or
// exceljs make of a hostile file, running out of memory ends this thread, not the bot.
const job = workerData as ParseJob;

async function parse(): Promise<ParseOutcome> {
  const buffer = Buffer.from(job.bytes);
  if (job.kind === "docx-html") {
    const mammoth = await import("mammoth");
    return { ok: true, value: (await mammoth.convertToHtml({ buffer })).value };
  }
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: RawRow[] = [];
  sheet?.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column++) cells.push(row.getCell(column).text ?? "");
    rows.push({ line: rowNumber, cells });
  });
  return { ok: true, value: rows };
}

parse().then(
  (outcome) => parentPort?.postMessage(outcome),
  (error: unknown) => parentPort?.postMessage({ ok: false, reason: error instanceof Error ? error.message : String(error) } satisfies ParseOutcome),
);
