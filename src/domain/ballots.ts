import type { AgencyRules, Catalogue } from "./titles.js";

export const BALLOT_STATUSES = ["draft", "open", "closed"] as const;
export type BallotStatus = (typeof BALLOT_STATUSES)[number];

/** A unit's own vote in its bình xét passes a person with more than half of its members. */
export const UNIT_VOTE_PERCENT = 51;

/**
 * The agreement a candidate needs, as a share of all council members: the agency's rule where it
 * sets one, else the rule set's (Decree 98/2023 Art. 30(7) as quoted: CSTĐCS 80 %, CSTĐ bộ/tỉnh
 * and toàn quốc 90 %), else more than half.
 */
export function thresholdPercent(titleCode: string, catalogue: Pick<Catalogue, "titles">, rules: Pick<AgencyRules, "councilThresholds">): number {
  const agency = rules.councilThresholds.find((rule) => rule.titleCode === titleCode);
  if (agency) return agency.percent;
  return catalogue.titles.find((title) => title.code === titleCode)?.councilThresholdPercent ?? UNIT_VOTE_PERCENT;
}

/** The quorum, as a share of all members: the agency's, else the rule set's, else none (then more than half must vote). */
export function quorumPercent(catalogue: Pick<Catalogue, "councilQuorumPercent">, rules: Pick<AgencyRules, "councilQuorum">): number | null {
  return rules.councilQuorum?.percent ?? catalogue.councilQuorumPercent;
}

/**
 * Whether enough members voted for the ballot to count. With no quorum set, more than half of
 * the members must vote: a count of the few who did would tell how each of them voted (one voter
 * of seven, "0 agree, 1 disagree"), so below it a session is void and shows no count.
 */
export function quorumMet(voted: number, membersTotal: number, percent: number | null): boolean {
  if (membersTotal <= 0) return false;
  return percent === null ? voted * 2 > membersTotal : voted * 100 >= membersTotal * percent;
}

/** Whether a candidate passes: agreements of all members (not of those who voted) at the threshold. */
export function passes(agree: number, membersTotal: number, percent: number): boolean {
  return membersTotal > 0 && agree * 100 >= membersTotal * percent;
}
