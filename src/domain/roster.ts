import * as z from "zod";
import { type DeputyRole, roleForPosition } from "./positions.js";
import { parseRole, type Role } from "./roles.js";
import { assignStaffCodes, birthKey } from "./roster-codes.js";
import type { RawRow, RejectedRow, RosterRow } from "./roster-rows.js";
import { furnitureKind, type SkippedRow } from "./roster-furniture.js";
import { foldForMatching, normalizeName } from "./text.js";

export type { SkippedRow } from "./roster-furniture.js";
export type { RawRow, RejectedRow, RosterRow } from "./roster-rows.js";
import { UserError } from "./user-error.js";

/** What the secretariat should know about rows that were kept. */
export type RosterNotes = {
  /** Positions the bot could not place: those people are staff unless the roles column says more. */
  unknownPositions: string[];
  /** One unit code written with several names; the first is kept. */
  unitNameConflicts: { code: string; names: string[] }[];
  /** Names that appear more than once with no birth date or code to tell them apart. */
  sameNames: string[];
  /** Rows that hold text in the name column but are the sheet's furniture, never people. */
  skipped: SkippedRow[];
};

export type ParsedRoster = { rows: RosterRow[]; rejected: RejectedRow[]; ignoredColumns: string[]; headerLine: number; notes: RosterNotes };

export type RosterOptions = { deputyRole: DeputyRole };

const COLUMNS = ["unit_code", "unit_name", "staff_code", "full_name", "position", "roles", "birth_date", "index"] as const;
type Column = (typeof COLUMNS)[number];

// Headers as offices write them, folded (no accents, no punctuation): tried in order, so the
// code columns ("mã đơn vị") are taken before the name columns they start like ("đơn vị").
const HEADER_PATTERNS: [RegExp, Column][] = [
  [/^(stt|tt|so tt|so thu tu|no)$/, "index"],
  [/^(unit code|ma (don vi|dv|phong|phong ban|co quan))$/, "unit_code"],
  [/^(staff code|ma (can bo|cb|nhan vien|nv|so|cong chuc|vien chuc|dinh danh|ccvc)|so hieu( can bo)?)$/, "staff_code"],
  [/^(full name|name|ho (va )?ten|ho ten)( can bo| cong chuc| nhan vien)?$/, "full_name"],
  [/^(birth date|date of birth|(ngay )?(thang )?(nam )?sinh|sinh ngay)$/, "birth_date"],
  [/^(unit name|unit|(ten )?(don vi|phong ban|phong|co quan|bo phan)( cong tac)?)$/, "unit_name"],
  [/^(position|chuc vu|chuc danh|chuc vu chuc danh|chuc vu hien tai)$/, "position"],
  [/^(roles|vai tro|quyen)$/, "roles"],
];

// How far down the header may sit: title rows ("UBND TỈNH…", "DANH SÁCH…") come first.
const HEADER_SEARCH_ROWS = 30;

function headerKey(cell: string): string {
  return foldForMatching(cell.replace(/^\uFEFF/, ""))
    .replace(/\(.*?\)/g, " ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

function columnOf(cell: string): Column | undefined {
  const key = headerKey(cell);
  return key === "" ? undefined : HEADER_PATTERNS.find(([pattern]) => pattern.test(key))?.[1];
}

const CODE = /^[\p{L}\p{N}._\-/]+$/u;
const code = z.string().trim().max(64, "roster-code-too-long").regex(CODE, "roster-code-invalid").or(z.literal(""));
const text = z.string().transform(normalizeName).pipe(z.string().max(200, "roster-text-too-long"));

const rowSchema = z.object({
  unit_code: z
    .string()
    .transform((value) => value.trim())
    .pipe(code),
  unit_name: text,
  staff_code: z
    .string()
    .transform((value) => value.trim())
    .pipe(code),
  full_name: text,
  position: text,
  roles: z.string(),
  birth_date: z.string(),
});

/** "I. Văn phòng Sở", "A - Phòng Tổ chức": a heading row that names the unit of the rows below. */
const SECTION_MARKER = /^\s*([IVXLC]+|[A-Z]|\d+)\s*[.)\-–:]\s*/;

/**
 * Checks a roster as offices keep it: the header row is found wherever it is among the first
 * rows, by Vietnamese or English names; blank rows, column-number rows and repeated headers are
 * skipped; a heading row names the unit when there is no unit column; missing codes are made
 * from what is stable (unit: its name; person: name and birth date). Nothing is written here.
 */
export function parseRoster(rawRows: RawRow[], options: RosterOptions): ParsedRoster {
  const nonEmpty = rawRows.filter((row) => row.cells.some((cell) => cell.trim() !== ""));
  if (nonEmpty.length === 0) throw new UserError("roster-empty");
  const found = findHeader(nonEmpty);
  if (!found) throw new UserError("roster-missing-columns", { rows: HEADER_SEARCH_ROWS });
  const { header, columnIndex, ignoredColumns } = found;
  const data = nonEmpty.slice(nonEmpty.indexOf(header) + 1);
  if (data.length === 0) throw new UserError("roster-no-rows");
  const headerKeys = header.cells.map(headerKey).join("|");

  const candidates: (RosterRow & { nameKey: string; birth: string })[] = [];
  const rejected: RejectedRow[] = [];
  const unknownPositions = new Set<string>();
  const skipped: SkippedRow[] = [];
  let sectionUnit = "";
  // Once the signature block or the date line has begun, the rest of the sheet is its names.
  let inFooter = false;
  for (const raw of data) {
    const cellOf = (column: Column) => {
      const index = columnIndex.get(column);
      return index === undefined ? "" : (raw.cells[index] ?? "");
    };
    if (raw.cells.map(headerKey).join("|") === headerKeys || isColumnNumbering(raw)) continue;
    const parsed = rowSchema.safeParse(Object.fromEntries(COLUMNS.filter((c) => c !== "index").map((column) => [column, cellOf(column)])));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      rejected.push({ line: raw.line, key: issue?.message ?? "roster-row-invalid", args: { column: String(issue?.path[0] ?? "") } });
      continue;
    }
    const value = parsed.data;
    // A numbered row, or one with a staff code, is a person whatever it says; anything else may be
    // the sheet's furniture.
    const identified = /^\d+$/.test(cellOf("index").trim()) || value.staff_code !== "";
    const furniture = identified ? undefined : furnitureKind(raw, value.full_name, value.position, inFooter);
    if (furniture) {
      if (furniture !== "total") inFooter = true;
      const text = normalizeName(value.full_name || raw.cells.join(" "));
      if (value.full_name !== "") skipped.push({ line: raw.line, text: text.slice(0, 80), kind: furniture });
      continue;
    }
    const heading = sectionHeading(raw);
    if (heading !== undefined) {
      sectionUnit = heading;
      continue;
    }
    if (value.full_name === "") {
      // "Người lập biểu", a date line, a signature: not a person unless numbered or coded like one.
      const numbered = /^\d+$/.test(cellOf("index").trim());
      if (numbered || value.staff_code !== "") rejected.push({ line: raw.line, key: "roster-missing-full-name", args: {} });
      continue;
    }
    const unitName = value.unit_name || (value.unit_code ? "" : sectionUnit);
    if (unitName === "" && value.unit_code === "") {
      rejected.push({ line: raw.line, key: "roster-missing-unit-name", args: {} });
      continue;
    }
    const roles = rolesOf(value.roles, value.position, options.deputyRole);
    if ("unknown" in roles) {
      rejected.push({ line: raw.line, key: "roster-unknown-role", args: { role: roles.unknown } });
      continue;
    }
    if (roles.unplaced) unknownPositions.add(value.position);
    candidates.push({
      line: raw.line,
      unitCode: (value.unit_code || unitCodeFor(unitName)).toUpperCase(),
      unitName: unitName || value.unit_code.toUpperCase(),
      staffCode: value.staff_code.toUpperCase(),
      fullName: value.full_name,
      position: value.position,
      roles: roles.roles,
      codeGenerated: value.staff_code === "",
      unitCodeGenerated: value.unit_code === "",
      rolesGiven: value.roles.trim() !== "",
      nameKey: foldForMatching(value.full_name),
      birth: birthKey(value.birth_date),
    });
  }
  const { rows, sameNames } = assignStaffCodes(candidates, rejected);
  return {
    rows,
    rejected: rejected.sort((a, b) => a.line - b.line),
    ignoredColumns,
    headerLine: header.line,
    notes: { unknownPositions: [...unknownPositions], unitNameConflicts: unitNameConflicts(rows), sameNames, skipped },
  };
}

function findHeader(rows: RawRow[]) {
  for (const row of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const columnIndex = new Map<Column, number>();
    const ignoredColumns: string[] = [];
    row.cells.forEach((cell, index) => {
      const column = columnOf(cell);
      if (column && !columnIndex.has(column)) columnIndex.set(column, index);
      else if (cell.trim() !== "" && column === undefined) ignoredColumns.push(normalizeName(cell));
    });
    // A name column alone could be any list ("name, email"): a roster says something more.
    if (columnIndex.has("full_name") && columnIndex.size >= 2) return { header: row, columnIndex, ignoredColumns };
  }
  return undefined;
}

/** "(1) (2) (3)" or "1 2 3" under the header: the form's column numbers, not a person. */
function isColumnNumbering(row: RawRow): boolean {
  const cells = row.cells.map((cell) => cell.trim()).filter(Boolean);
  return cells.length >= 2 && cells.every((cell) => /^\(?\d{1,2}\)?$/.test(cell));
}

// A heading without a numbering marker must start like a unit's name to be taken for one.
const UNIT_WORDS = /^(phong|van phong|ban|trung tam|chi cuc|thanh tra|khoa|to|doi|bo phan|lanh dao|ban giam doc|cac phong|don vi)\b/;

/**
 * The unit a heading row names ("I. Văn phòng Sở", or "Phòng Tổ chức" alone across merged
 * cells, which repeat it): one distinct text, or a numbering cell and one text. A person's row
 * has at least a name and a number or position, so it never reads as one.
 */
function sectionHeading(raw: RawRow): string | undefined {
  const distinct = [...new Set(raw.cells.map((cell) => normalizeName(cell)).filter(Boolean))];
  const markerCell = distinct.length === 2 && /^([IVXLC]+|[A-Z])\.?$/.test(distinct[0] ?? "");
  if (!(distinct.length === 1 || markerCell)) return undefined;
  const heading = (markerCell ? distinct[1] : distinct[0]) ?? "";
  if (!markerCell && !SECTION_MARKER.test(heading) && !UNIT_WORDS.test(foldForMatching(heading))) return undefined;
  return normalizeName(heading.replace(SECTION_MARKER, "")).slice(0, 200) || undefined;
}

function rolesOf(rolesCell: string, position: string, deputyRole: DeputyRole): { roles: Role[]; unplaced: boolean } | { unknown: string } {
  const words = rolesCell
    .split(/[;,]/)
    .map((word) => word.trim())
    .filter(Boolean);
  const roles = new Set<Role>();
  for (const word of words) {
    const role = parseRole(word) ?? roleForPosition(word, deputyRole);
    if (role === undefined) return { unknown: word };
    roles.add(role);
  }
  if (roles.size > 0) return { roles: [...roles], unplaced: false };
  const fromPosition = roleForPosition(position, deputyRole);
  return { roles: [fromPosition ?? "staff"], unplaced: fromPosition === undefined && position !== "" };
}

/** A unit's code when the file has none: its name, folded, so the same name gives the same code. */
export function unitCodeFor(unitName: string): string {
  return (
    foldForMatching(unitName)
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 48) || "DV"
  );
}

function unitNameConflicts(rows: RosterRow[]): { code: string; names: string[] }[] {
  const names = new Map<string, Set<string>>();
  for (const row of rows) names.set(row.unitCode, (names.get(row.unitCode) ?? new Set()).add(row.unitName));
  return [...names].filter(([, set]) => set.size > 1).map(([code, set]) => ({ code, names: [...set] }));
}
