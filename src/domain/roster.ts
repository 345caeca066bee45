import { z } from "zod";
import { parseRole, type Role } from "./roles.js";
import { foldForMatching, normalizeName } from "./text.js";
import { type MessageArgs, UserError } from "./user-error.js";

/** A roster row as it came out of the file: its line number and its cells. */
export type RawRow = { line: number; cells: string[] };

/** Codes are stored upper-cased, so "cb01" and "CB01" are one person. */
export type RosterRow = {
  line: number;
  unitCode: string;
  unitName: string;
  staffCode: string;
  fullName: string;
  position: string;
  roles: Role[];
};

export type RejectedRow = { line: number; key: string; args: MessageArgs };

export type ParsedRoster = { rows: RosterRow[]; rejected: RejectedRow[]; ignoredColumns: string[] };

const COLUMNS = ["unit_code", "unit_name", "staff_code", "full_name", "position", "roles"] as const;
type Column = (typeof COLUMNS)[number];
const REQUIRED: readonly Column[] = ["unit_code", "unit_name", "staff_code", "full_name"];

// Headers are matched after folding case and accents, so "Họ và tên" and "HO VA TEN" both work.
const HEADER_ALIASES: Record<string, Column> = {
  "unit code": "unit_code",
  "ma don vi": "unit_code",
  "ma dv": "unit_code",
  "unit name": "unit_name",
  "ten don vi": "unit_name",
  "don vi": "unit_name",
  "staff code": "staff_code",
  "ma can bo": "staff_code",
  "ma cb": "staff_code",
  "ma nhan vien": "staff_code",
  "ma so": "staff_code",
  "ma cong chuc": "staff_code",
  "full name": "full_name",
  "ho va ten": "full_name",
  "ho ten": "full_name",
  position: "position",
  "chuc vu": "position",
  roles: "roles",
  "vai tro": "roles",
};

const CODE = /^[\p{L}\p{N}._\-/]+$/u;
const code = (missingKey: string) => z.string().trim().min(1, missingKey).max(64, "roster-code-too-long").regex(CODE, "roster-code-invalid");
const name = (missingKey: string) => z.string().transform(normalizeName).pipe(z.string().min(1, missingKey).max(200, "roster-text-too-long"));

const rowSchema = z.object({
  unit_code: code("roster-missing-unit-code"),
  unit_name: name("roster-missing-unit-name"),
  staff_code: code("roster-missing-staff-code"),
  full_name: name("roster-missing-full-name"),
  position: z.string().transform(normalizeName).pipe(z.string().max(200, "roster-text-too-long")),
  roles: z.string(),
});

/**
 * Checks a roster: the header row must name the required columns; each data row is kept or
 * rejected with the reason and its line number. Nothing is written here.
 */
export function parseRoster(rawRows: RawRow[]): ParsedRoster {
  const nonEmpty = rawRows.filter((row) => row.cells.some((cell) => cell.trim() !== ""));
  const [header, ...data] = nonEmpty;
  if (!header) throw new UserError("roster-empty");

  const columnIndex = new Map<Column, number>();
  const ignoredColumns: string[] = [];
  header.cells.forEach((cell, index) => {
    const column = HEADER_ALIASES[foldForMatching(cell.replace(/^\uFEFF/, ""))];
    if (column && !columnIndex.has(column)) columnIndex.set(column, index);
    else if (cell.trim() !== "") ignoredColumns.push(cell.trim());
  });
  const missing = REQUIRED.filter((column) => !columnIndex.has(column));
  if (missing.length > 0) {
    throw new UserError("roster-missing-columns", { columns: missing.join(", "), expected: COLUMNS.join(", ") });
  }
  if (data.length === 0) throw new UserError("roster-no-rows");

  const rows: RosterRow[] = [];
  const rejected: RejectedRow[] = [];
  const firstLineOfStaffCode = new Map<string, number>();
  for (const raw of data) {
    const cellOf = (column: Column) => {
      const index = columnIndex.get(column);
      return index === undefined ? "" : (raw.cells[index] ?? "");
    };
    const parsed = rowSchema.safeParse(Object.fromEntries(COLUMNS.map((column) => [column, cellOf(column)])));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      rejected.push({ line: raw.line, key: issue?.message ?? "roster-row-invalid", args: { column: String(issue?.path[0] ?? "") } });
      continue;
    }
    const value = parsed.data;
    const roleWords = value.roles
      .split(/[;,]/)
      .map((word) => word.trim())
      .filter(Boolean);
    const unknownRole = roleWords.find((word) => parseRole(word) === undefined);
    if (unknownRole !== undefined) {
      rejected.push({ line: raw.line, key: "roster-unknown-role", args: { role: unknownRole } });
      continue;
    }
    const staffCodeKey = value.staff_code.toUpperCase();
    const firstLine = firstLineOfStaffCode.get(staffCodeKey);
    if (firstLine !== undefined) {
      rejected.push({ line: raw.line, key: "roster-duplicate-staff-code", args: { code: staffCodeKey, line: String(firstLine) } });
      continue;
    }
    firstLineOfStaffCode.set(staffCodeKey, raw.line);
    const roles = [...new Set(roleWords.map((word) => parseRole(word) as Role))];
    rows.push({
      line: raw.line,
      unitCode: value.unit_code.toUpperCase(),
      unitName: value.unit_name,
      staffCode: staffCodeKey,
      fullName: value.full_name,
      position: value.position,
      roles: roles.length > 0 ? roles : ["staff"],
    });
  }
  return { rows, rejected, ignoredColumns };
}
