import { createHash } from "node:crypto";
import type { RejectedRow, RosterRow } from "./roster-rows.js";
import { foldForMatching } from "./text.js";

// Codes for the people of an office's list that has none: made from what is stable about them.

/** dd/mm/yyyy, yyyy-mm-dd or an Excel date string, as yyyymmdd; "" when there is none. */
export function birthKey(cell: string): string {
  const trimmed = cell.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(trimmed);
  if (iso) return `${iso[1]}${iso[2]}${iso[3]}`;
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  if (vn) return `${vn[3]}${(vn[2] ?? "").padStart(2, "0")}${(vn[1] ?? "").padStart(2, "0")}`;
  return foldForMatching(trimmed).replace(/\s+/g, "");
}

const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** A person's code when the file has none: the same name and birth date give the same code. */
export function staffCodeFor(nameKey: string, birth: string, unitCode = ""): string {
  const digest = createHash("sha256").update(`${nameKey}|${birth}|${unitCode}`).digest();
  let code = "CB-";
  for (let i = 0; i < 8; i++) code += CODE_ALPHABET[(digest[i] ?? 0) % CODE_ALPHABET.length];
  return code;
}

/**
 * Gives each row without a code a generated one and refuses a code used twice. Two people of the
 * same name and no birth date are told apart by their unit (so moving one of them between units
 * cannot be recognised: the preview says so).
 */
export function assignStaffCodes(candidates: (RosterRow & { nameKey: string; birth: string })[], rejected: RejectedRow[]) {
  const nameCount = new Map<string, number>();
  for (const row of candidates) if (row.codeGenerated) nameCount.set(`${row.nameKey}|${row.birth}`, (nameCount.get(`${row.nameKey}|${row.birth}`) ?? 0) + 1);
  const sameNames = new Set<string>();
  const rows: RosterRow[] = [];
  const firstLineOfStaffCode = new Map<string, number>();
  for (const { nameKey, birth, ...row } of candidates) {
    if (row.codeGenerated) {
      const shared = (nameCount.get(`${nameKey}|${birth}`) ?? 0) > 1;
      if (shared) sameNames.add(row.fullName);
      row.staffCode = staffCodeFor(nameKey, birth, shared ? row.unitCode : "");
    }
    const firstLine = firstLineOfStaffCode.get(row.staffCode);
    if (firstLine !== undefined) {
      rejected.push({
        line: row.line,
        key: row.codeGenerated ? "roster-duplicate-person" : "roster-duplicate-staff-code",
        args: { code: row.staffCode, line: String(firstLine) },
      });
      continue;
    }
    firstLineOfStaffCode.set(row.staffCode, row.line);
    rows.push(row);
  }
  return { rows, sameNames: [...sameNames] };
}
