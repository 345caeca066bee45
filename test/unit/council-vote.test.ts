import { describe, expect, it } from "vitest";
import { passes, quorumMet, quorumPercent, thresholdPercent, UNIT_VOTE_PERCENT } from "../../src/domain/ballots.js";
import { NO_AGENCY_RULES } from "../../src/domain/titles.js";

// Every figure is worked out by hand: a candidate needs `agree × 100 ≥ members × percent`.
describe("the council's vote (domain/ballots.ts)", () => {
  it("counts agreement against all seven members: 80 % needs 6 (5.6 rounds up), 90 % needs all 7, 51 % needs 4", () => {
    expect(passes(6, 7, 80)).toBe(true);
    expect(passes(5, 7, 80)).toBe(false);
    expect(passes(7, 7, 90)).toBe(true);
    expect(passes(6, 7, 90)).toBe(false);
    expect(passes(4, 7, 51)).toBe(true);
    expect(passes(3, 7, 51)).toBe(false);
  });

  it("passes nobody on a council with no members", () => {
    expect(passes(0, 0, 51)).toBe(false);
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
    expect(thresholdPercent("LDTT", catalogue, agency)).toBe(UNIT_VOTE_PERCENT);
    expect(UNIT_VOTE_PERCENT).toBe(51);
  });

  it("takes the agency's quorum over the rule set's, and none when neither sets one", () => {
    expect(quorumPercent({ councilQuorumPercent: 50 }, NO_AGENCY_RULES)).toBe(50);
    expect(quorumPercent({ councilQuorumPercent: 50 }, { councilQuorum: { percent: 67, source: "Quy chế" } })).toBe(67);
    expect(quorumPercent({ councilQuorumPercent: null }, NO_AGENCY_RULES)).toBeNull();
  });
});
