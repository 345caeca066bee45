import type { MessageArgs } from "./user-error.js";

/** What a CSTĐ registration cites (Law 06/2022 Art. 23): excellent work, an initiative, or a research project. */
export const BASES = ["excellent", "initiative", "research"] as const;
export type Basis = (typeof BASES)[number];

/** One registration per person per level and year: CSTĐCS and CSTĐ bộ/tỉnh may be held the same year. */
export type TitleLevel = "co-so" | "bo-tinh" | "toan-quoc";

/**
 * What a title asks of the candidate's record, as the law counts it: a number of consecutive
 * years of a title (CSTĐ bộ/tỉnh: 03 CSTĐCS, the third possibly the year under review), or a
 * number of consecutive awards of a title (CSTĐ toàn quốc: 02 CSTĐ bộ/tỉnh, one award cycle apart).
 */
export type TitlePrerequisite =
  | { kind: "consecutive-years"; titleCode: string; years: number; includesYear: boolean }
  | { kind: "consecutive-awards"; titleCode: string; awards: number; cycleYears: number };

/** A title as the rules describe it (danh hiệu thi đua). */
/** A collective title's criteria as the province sets them: a share of LĐTT, CSTĐCS among its members, no cảnh cáo or above. */
export type CollectiveCriteria = { minLdttPercent: number; minCstdcs: number; source: string };

export type Title = {
  code: string;
  nameVi: string;
  nameEn: string;
  subject: "person" | "unit";
  awardedBy: string;
  level: TitleLevel;
  /** The bases a registration may cite, one of which it must (empty: none asked). */
  bases: Basis[];
  prerequisite: TitlePrerequisite | null;
  /** Titles its holders hold too (a CSTĐCS is a LĐTT, Art. 23): ratio caps count them in the base. */
  alsoHolds: string[];
  registrable: boolean;
  /** Agreement of all council members it needs in the secret ballot, in percent (50: more than half). */
  councilThresholdPercent: number;
  /** A collective title's criteria (the province's values), checked before it is proposed. */
  collectiveCriteria: CollectiveCriteria | null;
  /**
   * Whether the agency's head awards it by his own decision (Decree 152/2025 Art. 6(2)(c): LĐTT,
   * CSTĐCS, TTLĐTT); otherwise the agency's council only proposes it to `awardedBy`.
   */
  agencyDecides: boolean;
};

export type CommendationForm = { code: string; nameVi: string; nameEn: string; subject: "person" | "unit" | "any" };
/** A local ratio cap (no national one since 01/01/2024): a warning, never a refusal, with its source. */
export type RatioCap = { titleCode: string; ofTitleCode: string; maxPercent: number; source: string };

/** A national rule set: the law and the decree in force between two days. */
export type Catalogue = {
  code: string;
  sourceDocument: string;
  validFrom: string;
  validTo: string | null;
  titles: Title[];
  forms: CommendationForm[];
  caps: RatioCap[];
  /** The share of all council members that must vote for a ballot to count; null: none set. */
  councilQuorumPercent: number | null;
};

/** Why a title cannot be registered, as a message key and its arguments. */
export type Refusal = { key: string; args: MessageArgs };

/**
 * Whether this person may register this title this year, checked against their record: collective
 * titles only for a unit head (for their unit), and the consecutive-year or consecutive-award
 * chains the law asks for. `registeredThisYear` holds the titles of the person's live
 * registrations of the year (the third CSTĐCS may be the year under review).
 */
export function refusalFor(
  title: Title,
  who: { isUnitHead: boolean; history: { year: number; titleCode: string }[]; year: number; registeredThisYear?: readonly string[] },
  titleName: (code: string) => string,
): Refusal | null {
  const name = titleName(title.code);
  if (!title.registrable) return { key: "register-refused-not-registrable", args: { title: name } };
  if (title.subject === "unit" && !who.isUnitHead) return { key: "register-refused-collective", args: { title: name } };
  const needed = title.prerequisite;
  if (!needed) return null;
  const prerequisite = titleName(needed.titleCode);
  if (needed.kind === "consecutive-years") {
    const have = consecutiveYears(who.history, needed.titleCode, who.year);
    if (have >= needed.years) return null;
    if (needed.includesYear && have === needed.years - 1) {
      if (who.registeredThisYear?.includes(needed.titleCode)) return null;
      return { key: "register-refused-history-this-year", args: { title: name, prerequisite, have } };
    }
    return { key: "register-refused-history", args: { title: name, needed: needed.years, prerequisite, have } };
  }
  const have = consecutiveAwards(who.history, needed.titleCode, who.year, needed.cycleYears);
  if (have >= needed.awards) return null;
  return { key: "register-refused-awards", args: { title: name, needed: needed.awards, prerequisite, have, cycle: needed.cycleYears } };
}

/** How many years in a row, ending the year before `year`, the person holds `titleCode`. */
export function consecutiveYears(history: { year: number; titleCode: string }[], titleCode: string, year: number): number {
  const held = new Set(history.filter((entry) => entry.titleCode === titleCode).map((entry) => entry.year));
  let count = 0;
  while (held.has(year - 1 - count)) count++;
  return count;
}

/**
 * How many awards of `titleCode` in a row, counting back from the last one before `year`, each at
 * most `cycleYears` after the one before it, the last within `cycleYears` of `year`.
 */
export function consecutiveAwards(history: { year: number; titleCode: string }[], titleCode: string, year: number, cycleYears: number): number {
  const years = [...new Set(history.filter((entry) => entry.titleCode === titleCode && entry.year < year).map((entry) => entry.year))].sort((a, b) => b - a);
  let count = 0;
  let after = year;
  for (const awarded of years) {
    if (after - awarded > cycleYears) break;
    count++;
    after = awarded;
  }
  return count;
}

/** The agency's own rules on top of the national set (a Sở's quy chế): data the secretariat edits. */
export type AgencyRules = {
  /** Titles for which the agency requires an initiative or research as the basis, with the rule's name. */
  initiativeRequired: { titleCode: string; source: string }[];
  caps: RatioCap[];
  /** The council's thresholds where the agency's rule differs from the national set. */
  councilThresholds: { titleCode: string; percent: number; source: string }[];
  /** The council's quorum where the agency sets one. */
  councilQuorum: { percent: number; source: string } | null;
  /** The share of a unit's members its bình xét vote needs, where the agency sets one (else more than half). */
  unitVote: { percent: number; source: string } | null;
};

export const NO_AGENCY_RULES: AgencyRules = { initiativeRequired: [], caps: [], councilThresholds: [], councilQuorum: null, unitVote: null };

/**
 * Whether a chosen basis is accepted: one of the title's, named where it is an initiative or a
 * research project, and not "excellent work" where the agency requires an initiative.
 */
export function basisRefusal(title: Title, basis: Basis | null, name: string | null, rules: AgencyRules, titleName: string): Refusal | null {
  if (title.bases.length === 0) return null;
  if (!basis || !title.bases.includes(basis)) return { key: "register-refused-basis", args: { title: titleName } };
  const agencyRule = rules.initiativeRequired.find((rule) => rule.titleCode === title.code);
  if (basis === "excellent" && agencyRule) return { key: "register-refused-agency-initiative", args: { title: titleName, rule: agencyRule.source } };
  if (basis !== "excellent" && !name) return { key: "register-refused-initiative", args: { title: titleName } };
  return null;
}

/** Units over a ratio cap: e.g. 3 CSTĐCS for 10 LĐTT is 30 %, over 15 %. */
export function capWarnings(
  counts: Map<string, number>,
  caps: RatioCap[],
  titles: readonly Pick<Title, "code" | "alsoHolds">[],
): { cap: RatioCap; count: number; of: number; percent: number }[] {
  return caps.flatMap((cap) => {
    const count = counts.get(cap.titleCode) ?? 0;
    // Holders of the counted title who hold the base title too (CSTĐCS are LĐTT) count in the base.
    const alsoInBase = titles.find((title) => title.code === cap.titleCode)?.alsoHolds.includes(cap.ofTitleCode) ?? false;
    const of = (counts.get(cap.ofTitleCode) ?? 0) + (alsoInBase ? count : 0);
    if (count === 0) return [];
    const percent = of === 0 ? 100 : Math.round((count / of) * 100);
    return percent > cap.maxPercent ? [{ cap, count, of, percent }] : [];
  });
}

export const REGISTRATION_STATUSES = ["submitted", "approved", "returned", "withdrawn"] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/**
 * Whether a title is decided where the council votes on it: what the agency's head confers (Decree
 * 152/2025 Art. 6(2)(c)); at the province's Ban Thi đua - Khen thưởng, whose council advises the
 * province's chairman, also what the chairman confers. Anything else is proposed upward.
 */
export function decidedHere(title: Pick<Title, "agencyDecides" | "awardedBy">, atProvince: boolean): boolean {
  return title.agencyDecides || (atProvince && title.awardedBy.includes("Chủ tịch UBND tỉnh"));
}
