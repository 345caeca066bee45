import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { RawRow } from "../../domain/roster.js";
import { UserError } from "../../domain/user-error.js";
import { xlsxRows } from "../documents/sandboxed-parse.js";
import { decodeTextDocument } from "../documents/text-document.js";
import { fileTooLarge } from "../documents/file-size.js";

/** Larger than any real roster (50,000 people is about 4 MB of CSV); refuses junk early. */
export const MAX_ROSTER_BYTES = 8 * 1024 * 1024;
// 50,000 people and their title rows, with room to spare.
const MAX_ROSTER_LINES = 100_000;

/** Reads a roster file into rows of cells, or explains in a UserError why it cannot. */
export async function readRosterFile(filePath: string): Promise<RawRow[]> {
  const info = await stat(filePath).catch(() => {
    throw new UserError("file-not-found", { file: filePath });
  });
  if (!info.isFile()) throw new UserError("file-not-found", { file: filePath });
  if (info.size > MAX_ROSTER_BYTES) {
    throw fileTooLarge(info.size, MAX_ROSTER_BYTES);
  }
  return readRosterBytes(await readFile(filePath), path.basename(filePath));
}

/** Reads a roster from its bytes (an upload, or a file read by the CLI) by the kind its name gives. */
export async function readRosterBytes(bytes: Buffer, fileName: string): Promise<RawRow[]> {
  if (bytes.length > MAX_ROSTER_BYTES) throw fileTooLarge(bytes.length, MAX_ROSTER_BYTES);
  const extension = path.extname(fileName).toLowerCase();
  if (extension === ".xlsx") return readXlsx(bytes);
  if (extension === ".csv" || extension === ".txt" || extension === ".tsv") return readCsv(bytes);
  throw new UserError("roster-unsupported-format", { extension: extension || "?" });
}

export function readCsv(bytes: Uint8Array): RawRow[] {
  const text = decodeTextDocument(bytes, { maxLines: MAX_ROSTER_LINES, invalidKey: "roster-not-utf8" });
  if (text.trim() === "") throw new UserError("roster-empty");
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = [",", ";", "\t"].reduce((best, candidate) => (firstLine.split(candidate).length > firstLine.split(best).length ? candidate : best));
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
    throw new UserError("roster-csv-invalid", { reason: error instanceof Error ? (error.message.split("\n")[0] ?? "") : "" });
  }
}

async function readXlsx(bytes: Buffer): Promise<RawRow[]> {
  const rows = await xlsxRows(bytes, "roster-xlsx-invalid");
  if (rows.length === 0) throw new UserError("roster-empty");
  return rows;
}
