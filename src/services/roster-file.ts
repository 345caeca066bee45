import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { RawRow } from "../domain/roster.js";
import { UserError } from "../domain/user-error.js";

/** Larger than any real roster (50,000 people is about 4 MB of CSV); refuses junk early. */
export const MAX_ROSTER_BYTES = 8 * 1024 * 1024;

/** Reads a roster file into rows of cells, or explains in a UserError why it cannot. */
export async function readRosterFile(filePath: string): Promise<RawRow[]> {
  const info = await stat(filePath).catch(() => {
    throw new UserError("file-not-found", { file: filePath });
  });
  if (!info.isFile()) throw new UserError("file-not-found", { file: filePath });
  if (info.size > MAX_ROSTER_BYTES) {
    throw new UserError("file-too-large", { size: megabytes(info.size), limit: megabytes(MAX_ROSTER_BYTES) });
  }
  const bytes = await readFile(filePath);
  const extension = path.extname(filePath).toLowerCase();
  if (extension === ".xlsx") return readXlsx(bytes);
  if (extension === ".csv" || extension === ".txt" || extension === ".tsv") return readCsv(bytes);
  throw new UserError("roster-unsupported-format", { extension: extension || "?" });
}

export function readCsv(bytes: Uint8Array): RawRow[] {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new UserError("roster-not-utf8");
  }
  if (text.includes("\u0000")) throw new UserError("roster-not-utf8");
  text = text.replace(/^\uFEFF/, "");
  if (text.trim() === "") throw new UserError("roster-empty");
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = [",", ";", "\t"].reduce((best, candidate) =>
    firstLine.split(candidate).length > firstLine.split(best).length ? candidate : best,
  );
  try {
    const records = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return records.map(({ record, info }) => ({ line: info.lines, cells: record }));
  } catch (error) {
    throw new UserError("roster-csv-invalid", { reason: error instanceof Error ? error.message.split("\n")[0] ?? "" : "" });
  }
}

async function readXlsx(bytes: Buffer): Promise<RawRow[]> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new UserError("roster-xlsx-invalid");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UserError("roster-empty");
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column++) cells.push(row.getCell(column).text ?? "");
    rows.push({ line: rowNumber, cells });
  });
  return rows;
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}
