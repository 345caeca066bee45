import { foldForMatching } from "./text.js";

export type RosterUnit = { id: number; code: string; name: string };
export type UnitMatch = { kind: "units"; unitIds: number[]; how: "name" | "alias" | "group" } | { kind: "unmatched" };

// Phrases plans use for groups of units, folded. Each picks units from the roster by name.
const GROUPS: { pattern: RegExp; pick: (unit: RosterUnit, folded: string) => boolean }[] = [
  // "Các phòng nghiệp vụ / chuyên môn": the departments, not the office.
  { pattern: /^cac phong (nghiep vu|chuyen mon|thuoc)/, pick: (_unit, folded) => folded.startsWith("phong ") },
  // "Các đơn vị thuộc, trực thuộc Sở", "Các đơn vị", "Toàn cơ quan".
  { pattern: /^(cac don vi|toan (co quan|so|nganh)|tat ca)/, pick: () => true },
  // "Hội đồng TĐKT": the council's work is done by its standing office (Văn phòng).
  { pattern: /^(thuong truc )?hoi dong (tdkt|thi dua)/, pick: (_unit, folded) => folded.startsWith("van phong") },
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
  const exact = keyed.find(({ unit, name }) => name === key || phraseKey(unit.code) === key);
  if (exact) return { kind: "units", unitIds: [exact.unit.id], how: "name" };
  const group = GROUPS.find(({ pattern }) => pattern.test(key));
  if (group) {
    const picked = keyed.filter(({ unit, name }) => group.pick(unit, name)).map(({ unit }) => unit.id);
    if (picked.length > 0) return { kind: "units", unitIds: picked, how: "group" };
  }
  // The longest unit name the phrase begins with, as long as it says more than one word.
  const prefixed = keyed
    .filter(({ name }) => name.includes(" ") && (key.startsWith(`${name} `) || name.startsWith(`${key} `)))
    .sort((a, b) => b.name.length - a.name.length);
  const best = prefixed[0];
  if (best && (prefixed.length === 1 || (prefixed[1]?.name.length ?? 0) < best.name.length)) {
    return { kind: "units", unitIds: [best.unit.id], how: "name" };
  }
  return { kind: "unmatched" };
}
