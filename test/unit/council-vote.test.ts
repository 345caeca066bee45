import { describe, expect, it } from "vitest";
import { agreementsNeeded, MORE_THAN_HALF, passes, quorumMet, quorumPercent, thresholdPercent, unitVotePercent } from "../../src/domain/ballots.js";
import { NATIONAL_RULE_SETS } from "../../src/domain/rule-sets.js";
import { NO_AGENCY_RULES } from "../../src/domain/titles.js";

// Every figure is worked out by hand: a candidate needs `agree × 100 ≥ members × percent`.
describe("the council's vote (domain/ballots.ts)", () => {
  it("counts agreement against all seven members: 80 % needs 6 (5.6 rounds up), 90 % needs all 7, more than half needs 4", () => {
    expect(passes(6, 7, 80)).toBe(true);
    expect(passes(5, 7, 80)).toBe(false);
    expect(passes(7, 7, 90)).toBe(true);
    expect(passes(6, 7, 90)).toBe(false);
    expect(passes(4, 7, MORE_THAN_HALF)).toBe(true);
    expect(passes(3, 7, MORE_THAN_HALF)).toBe(false);
  });

  it("takes more than half of 200 as 101, not the 102 that 51 % would ask, and of 8 as 5", () => {
    expect(agreementsNeeded(200, MORE_THAN_HALF)).toBe(101);
    expect(passes(101, 200, MORE_THAN_HALF)).toBe(true);
    expect(passes(100, 200, MORE_THAN_HALF)).toBe(false);
    expect(agreementsNeeded(8, MORE_THAN_HALF)).toBe(5);
    expect(passes(4, 8, MORE_THAN_HALF)).toBe(false);
    // An agency that asks 80 % of all staff: 160 of 200, 7 of 8 (6.4 rounds up).
    expect(agreementsNeeded(200, 80)).toBe(160);
    expect(agreementsNeeded(8, 80)).toBe(7);
  });

  it("asks a unit's bình xét for more than half unless the agency sets its share", () => {
    expect(unitVotePercent(NO_AGENCY_RULES)).toBe(MORE_THAN_HALF);
    expect(unitVotePercent({ unitVote: { percent: 90, source: "Quy chế của ngành" } })).toBe(90);
  });

  it("puts the flags at 80 % of the council (Decree 98/2023 Art. 30(7)): 8 of 10 pass, 7 do not", () => {
    // Decree 152/2025's set, in force from 01/07/2025.
    const catalogue = NATIONAL_RULE_SETS.find((set) => set.validTo === null) as (typeof NATIONAL_RULE_SETS)[number];
    for (const flag of ["CO_BO_TINH", "CO_CP"]) {
      const percent = thresholdPercent(flag, catalogue, NO_AGENCY_RULES);
      expect([flag, percent]).toEqual([flag, 80]);
      expect(passes(8, 10, percent)).toBe(true);
      expect(passes(7, 10, percent)).toBe(false);
    }
  });

  it("passes nobody on a council with no members", () => {
    expect(passes(0, 0, MORE_THAN_HALF)).toBe(false);
    expect(quorumMet(0, 0, 50)).toBe(false);
  });

  it("meets a 67 % quorum of 7 with 5 votes (500 ≥ 469) and not with 4 (400 < 469)", () => {
    expect(quorumMet(5, 7, 67)).toBe(true);
    expect(quorumMet(4, 7, 67)).toBe(false);
  });

  it("asks more than half of the members to vote where no quorum is set: 4 of 7, 3 of 6 not, and never 1 of 7", () => {
    expect(quorumMet(4, 7, null)).toBe(true);
    expect(quorumMet(3, 7, null)).toBe(false);
    expect(quorumMet(3, 6, null)).toBe(false);
    expect(quorumMet(1, 7, null)).toBe(false);
  });

  it("takes the agency's threshold over the rule set's, and more than half when neither names the title", () => {
    const catalogue = { titles: [{ code: "CSTDCS", councilThresholdPercent: 80 }] } as unknown as Parameters<typeof thresholdPercent>[1];
    const agency = { ...NO_AGENCY_RULES, councilThresholds: [{ titleCode: "CSTDCS", percent: 100, source: "Quy chế nội bộ" }] };
    expect(thresholdPercent("CSTDCS", catalogue, NO_AGENCY_RULES)).toBe(80);
    expect(thresholdPercent("CSTDCS", catalogue, agency)).toBe(100);
    expect(thresholdPercent("LDTT", catalogue, agency)).toBe(MORE_THAN_HALF);
  });

  it("takes the agency's quorum over the rule set's, and none when neither sets one", () => {
    expect(quorumPercent({ councilQuorumPercent: 50 }, NO_AGENCY_RULES)).toBe(50);
    expect(quorumPercent({ councilQuorumPercent: 50 }, { councilQuorum: { percent: 67, source: "Quy chế" } })).toBe(67);
    expect(quorumPercent({ councilQuorumPercent: null }, NO_AGENCY_RULES)).toBeNull();
  });
});
