import * as z from "zod";
import type { RawRow, RejectedRow } from "./roster.js";
import { foldForMatching } from "./text.js";
import { UserError } from "./user-error.js";

export type HistoryRow = { line: number; staffCode: string; year: number; titleCode: string };

const HEADERS: Record<string, "staff_code" | "year" | "title_code"> = {
  "staff code": "staff_code",
  "ma can bo": "staff_code",
  year: "year",
  nam: "year",
  "title code": "title_code",
  "danh hieu": "title_code",
  "ma danh hieu": "title_code",
};

const row = z.object({
  staff_code: z
    .string()
    .trim()
    .min(1, "roster-missing-staff-code")
    .transform((code) => code.toUpperCase()),
  year: z.coerce.number({ error: "history-bad-year" }).int("history-bad-year").min(1990, "history-bad-year").max(2100, "history-bad-year"),
  title_code: z
    .string()
    .trim()
    .min(1, "history-missing-title")
    .transform((code) => code.toUpperCase()),
});

/** Past years' titles from a CSV: staff_code, year, title_code (Vietnamese headers accepted). */
export function parseHistoryRows(rawRows: RawRow[]): { rows: HistoryRow[]; rejected: RejectedRow[] } {
  const [header, ...data] = rawRows.filter((raw) => raw.cells.some((cell) => cell.trim() !== ""));
  if (!header) throw new UserError("roster-empty");
  const index = new Map(header.cells.map((cell, position) => [HEADERS[foldForMatching(cell.replace(/^\uFEFF/, ""))], position] as const));
  const missing = (["staff_code", "year", "title_code"] as const).filter((column) => !index.has(column));
  if (missing.length > 0) throw new UserError("roster-missing-columns", { columns: missing.join(", "), expected: "staff_code, year, title_code" });
  const rows: HistoryRow[] = [];
  const rejected: RejectedRow[] = [];
  for (const raw of data) {
    const parsed = row.safeParse({
      staff_code: raw.cells[index.get("staff_code") ?? -1] ?? "",
      year: raw.cells[index.get("year") ?? -1] ?? "",
      title_code: raw.cells[index.get("title_code") ?? -1] ?? "",
    });
    if (parsed.success) rows.push({ line: raw.line, staffCode: parsed.data.staff_code, year: parsed.data.year, titleCode: parsed.data.title_code });
    else
      rejected.push({
        line: raw.line,
        key: parsed.error.issues[0]?.message ?? "roster-row-invalid",
        args: { column: String(parsed.error.issues[0]?.path[0] ?? "") },
      });
  }
  return { rows, rejected };
}
