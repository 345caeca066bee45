import type { CollectiveCriteria, Refusal } from "./titles.js";

/**
 * Who may be proposed at all, whatever the vote: Decree 152/2025 Art. 4 proposes nobody under
 * consideration for discipline or under investigation, inspection or audit for a suspected breach;
 * collectives have criteria of their own, set by the ministry or province (DOMAIN.md).
 */

export const DISCIPLINE_KINDS = ["considering", "investigated", "disciplined"] as const;
export type DisciplineKind = (typeof DISCIPLINE_KINDS)[number];
/** Disciplinary measures for public servants, mildest first (Law on Cadres and Civil Servants). */
export const DISCIPLINE_LEVELS = ["khien-trach", "canh-cao", "giang-chuc", "cach-chuc", "buoc-thoi-viec"] as const;
export type DisciplineLevel = (typeof DISCIPLINE_LEVELS)[number];

/** What the secretariat recorded about a person: under consideration, under investigation, or disciplined (with the measure) in a year. */
export type Discipline = { kind: DisciplineKind; year: number; level?: DisciplineLevel | undefined };

/** Why a person may not be proposed for the year's titles, or null. */
export function personHold(discipline: Discipline | null, year: number): Refusal | null {
  if (!discipline) return null;
  if (discipline.kind === "disciplined")
    return discipline.year === year ? { key: "hold-disciplined", args: { level: discipline.level ?? "khien-trach", year: String(year) } } : null;
  // Under consideration or investigation holds whatever year it started in, until it is lifted.
  return { key: discipline.kind === "considering" ? "hold-considering" : "hold-investigated", args: {} };
}

/** Whether a measure counts against a collective: cảnh cáo or above (TTLĐTT, TTLĐXS). */
export function weighsOnCollective(discipline: Discipline | null, year: number): boolean {
  if (discipline?.kind !== "disciplined" || discipline.year !== year) return false;
  return DISCIPLINE_LEVELS.indexOf(discipline.level ?? "khien-trach") >= DISCIPLINE_LEVELS.indexOf("canh-cao");
}

/** A unit's year as its criteria read it (a CSTĐCS is an LĐTT too, Art. 23). */
export type UnitYear = { members: number; ldtt: number; cstdcs: number; weighingDiscipline: number };

/** Why a unit may not be proposed for a collective title, or null. */
export function collectiveHold(criteria: CollectiveCriteria | null, unit: UnitYear): Refusal | null {
  if (!criteria) return null;
  const need = Math.ceil((unit.members * criteria.minLdttPercent) / 100);
  if (unit.members === 0 || unit.ldtt < need) {
    const percent = unit.members === 0 ? 0 : Math.floor((unit.ldtt * 100) / unit.members);
    return { key: "hold-collective-ldtt", args: { ldtt: unit.ldtt, members: unit.members, percent, need: criteria.minLdttPercent, source: criteria.source } };
  }
  if (unit.cstdcs < criteria.minCstdcs)
    return { key: "hold-collective-cstdcs", args: { count: unit.cstdcs, need: criteria.minCstdcs, source: criteria.source } };
  if (unit.weighingDiscipline > 0) return { key: "hold-collective-discipline", args: { count: unit.weighingDiscipline, source: criteria.source } };
  return null;
}
