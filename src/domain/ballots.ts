import type { AgencyRules, Catalogue } from "./titles.js";

export const BALLOT_STATUSES = ["draft", "open", "closed"] as const;
export type BallotStatus = (typeof BALLOT_STATUSES)[number];

/**
 * "More than half" (trên 50 %), stored as a threshold of 50: no rule asks for "at least half", and
 * "more than half" of 200 is 101 where "51 %" would ask 102.
 */
export const MORE_THAN_HALF = 50;

/** What a unit's own vote in its bình xét needs: the agency's share where it sets one (some sectors: 80 %, 90 % of all staff), else more than half. */
export function unitVotePercent(rules: Pick<AgencyRules, "unitVote">): number {
  return rules.unitVote?.percent ?? MORE_THAN_HALF;
}

/**
 * The agreement a candidate needs, as a share of all council members: the agency's rule where it
 * sets one, else the rule set's (Decree 98/2023 Art. 30(7) as quoted: CSTĐCS 80 %, CSTĐ bộ/tỉnh
 * and toàn quốc 90 %), else more than half.
 */
export function thresholdPercent(titleCode: string, catalogue: Pick<Catalogue, "titles">, rules: Pick<AgencyRules, "councilThresholds">): number {
  const agency = rules.councilThresholds.find((rule) => rule.titleCode === titleCode);
  if (agency) return agency.percent;
  return catalogue.titles.find((title) => title.code === titleCode)?.councilThresholdPercent ?? MORE_THAN_HALF;
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

/** Whether a candidate passes: agreements of all members (not of those who voted) at the threshold, or more than half of them. */
export function passes(agree: number, membersTotal: number, percent: number): boolean {
  if (membersTotal <= 0) return false;
  return percent === MORE_THAN_HALF ? agree * 2 > membersTotal : agree * 100 >= membersTotal * percent;
}

/** A threshold as the council's documents write it: "trên 50%" or "80%". */
export function thresholdInWords(percent: number): string {
  return percent === MORE_THAN_HALF ? "trên 50%" : `${percent}%`;
}

/** How many agreements of `membersTotal` a threshold asks for: what a result message says is needed. */
export function agreementsNeeded(membersTotal: number, percent: number): number {
  return percent === MORE_THAN_HALF ? Math.floor(membersTotal / 2) + 1 : Math.ceil((membersTotal * percent) / 100);
}
