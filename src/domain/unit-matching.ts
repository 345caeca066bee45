import { foldForMatching } from "./text.js";

export type RosterUnit = { id: number; code: string; name: string };
export type UnitMatch = { kind: "units"; unitIds: number[]; how: "name" | "alias" | "group" } | { kind: "external" } | { kind: "unmatched" };

// Bodies outside the agency that plans name (folded): the cluster and its members, the
// province's and the district's boards and councils, the other agencies, the communes. A unit
// of the roster is never one of them.
const OUTSIDE: RegExp[] = [
  /^cac don vi thanh vien\b/,
  /\b(cum|khoi) thi dua\b/,
  /^cac (cum|khoi)\b/,
  /\bco quan (trong|thuoc) (cum|khoi)\b/,
  /^cac (so|bo|nganh|huyen|xa|dia phuong|tinh)\b/,
  /\bso ban nganh\b/,
  /\bban thi dua\b/,
  /\b(ubnd|uy ban nhan dan|chinh phu|trung uong|tinh uy|huyen uy|thanh uy|mat tran)\b/,
  /^thanh tra cac\b/,
  /\b(tinh|huyen|thanh pho|thi xa)$/,
];

// Phrases plans use for groups of units, folded. Each picks units from the roster by name.
const GROUPS: { pattern: RegExp; pick: (unit: RosterUnit, folded: string) => boolean }[] = [
  // "Các phòng nghiệp vụ / chuyên môn": the departments, not the office.
  { pattern: /^cac phong (nghiep vu|chuyen mon|thuoc)/, pick: (_unit, folded) => folded.startsWith("phong ") },
  // "Các đơn vị thuộc, trực thuộc Sở", "Các đơn vị", "Toàn cơ quan", "Các phòng, đơn vị".
  { pattern: /^(cac don vi|toan (co quan|so|nganh)|tat ca|cac phong (va )?don vi|cac phong ban)/, pick: () => true },
  // "Hội đồng TĐKT": the council's work is done by its standing office (Văn phòng).
  { pattern: /^(thuong truc )?hoi dong (tdkt|td ?- ?kt|thi dua)/, pick: (_unit, folded) => folded.startsWith("van phong") },
];

/** Matching key of a phrase: case, accents, punctuation and extra spaces do not matter. */
export function phraseKey(phrase: string): string {
  return foldForMatching(phrase)
    .replace(/[.,;:()"“”]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Finds the roster units a phrase of plan text names: a learnt alias first, then the unit's own
 * name or code, then a group phrase. "Văn phòng Thanh tra tỉnh" finds the unit "Văn phòng"
 * because the phrase starts with that unit's name followed by the agency's.
 */
export function matchUnitPhrase(phrase: string, units: RosterUnit[], aliases: ReadonlyMap<string, number[]>): UnitMatch {
  const key = phraseKey(phrase);
  const alias = aliases.get(key);
  if (alias) return { kind: "units", unitIds: alias, how: "alias" };
  const keyed = units.map((unit) => ({ unit, name: phraseKey(unit.name) }));
  const named = byName(key, keyed);
  if (named) return named;
  // "Thường trực Hội đồng TĐ-KT Sở (Văn phòng Sở)": the bracket says which unit is meant.
  const bracketed = /\(([^()]+)\)\s*$/.exec(phrase)?.[1];
  const inBrackets = bracketed ? byName(phraseKey(bracketed), keyed) : undefined;
  if (inBrackets) return inBrackets;
  if (OUTSIDE.some((pattern) => pattern.test(key))) return { kind: "external" };
  const group = GROUPS.find(({ pattern }) => pattern.test(key));
  if (group) {
    const picked = keyed.filter(({ unit, name }) => group.pick(unit, name)).map(({ unit }) => unit.id);
    if (picked.length > 0) return { kind: "units", unitIds: picked, how: "group" };
  }
  return { kind: "unmatched" };
}

/**
 * A unit by its own name or code, or the longest unit name of more than one word the phrase
 * begins with ("Văn phòng Thanh tra tỉnh" is "Văn phòng" followed by the agency's name).
 */
function byName(key: string, keyed: { unit: RosterUnit; name: string }[]): UnitMatch | undefined {
  const exact = keyed.find(({ unit, name }) => name === key || phraseKey(unit.code) === key);
  if (exact) return { kind: "units", unitIds: [exact.unit.id], how: "name" };
  const prefixed = keyed
    .filter(({ name }) => name.includes(" ") && (key.startsWith(`${name} `) || name.startsWith(`${key} `)))
    .sort((a, b) => b.name.length - a.name.length);
  const best = prefixed[0];
  if (best && (prefixed.length === 1 || (prefixed[1]?.name.length ?? 0) < best.name.length)) {
    return { kind: "units", unitIds: [best.unit.id], how: "name" };
  }
  return undefined;
}
