import { describe, expect, it } from "vitest";
import { collectiveHold, personHold, weighsOnCollective } from "../../src/domain/eligibility.js";

const BAC_NINH = { minLdttPercent: 70, minCstdcs: 0, source: "QĐ 86/2025/QĐ-UBND tỉnh Bắc Ninh" };

describe("who may be proposed (Decree 152/2025 Art. 4; the province's collective criteria)", () => {
  it("does not propose a unit where 6 of its 10 members (60 %) are LĐTT for TTLĐTT, which needs 70 %: 7 of 10", () => {
    expect(collectiveHold(BAC_NINH, { members: 10, ldtt: 6, cstdcs: 0, weighingDiscipline: 0 })).toEqual({
      key: "hold-collective-ldtt",
      args: { ldtt: 6, members: 10, percent: 60, need: 70, source: "QĐ 86/2025/QĐ-UBND tỉnh Bắc Ninh" },
    });
    expect(collectiveHold(BAC_NINH, { members: 10, ldtt: 7, cstdcs: 0, weighingDiscipline: 0 })).toBeNull();
    // 70 % of 9 is 6.3: it takes 7.
    expect(collectiveHold(BAC_NINH, { members: 9, ldtt: 6, cstdcs: 0, weighingDiscipline: 0 })?.key).toBe("hold-collective-ldtt");
  });

  it("asks TTLĐXS for a CSTĐCS too, and refuses either collective with a member disciplined at cảnh cáo that year", () => {
    const excellent = { ...BAC_NINH, minCstdcs: 1 };
    expect(collectiveHold(excellent, { members: 10, ldtt: 9, cstdcs: 0, weighingDiscipline: 0 })?.key).toBe("hold-collective-cstdcs");
    expect(collectiveHold(excellent, { members: 10, ldtt: 9, cstdcs: 1, weighingDiscipline: 0 })).toBeNull();
    expect(collectiveHold(BAC_NINH, { members: 10, ldtt: 9, cstdcs: 0, weighingDiscipline: 1 })?.key).toBe("hold-collective-discipline");
    expect(weighsOnCollective({ kind: "disciplined", level: "canh-cao", year: 2026 }, 2026)).toBe(true);
    expect(weighsOnCollective({ kind: "disciplined", level: "khien-trach", year: 2026 }, 2026)).toBe(false);
    expect(weighsOnCollective({ kind: "disciplined", level: "canh-cao", year: 2025 }, 2026)).toBe(false);
  });

  it("does not propose a person under consideration for discipline, under investigation, or disciplined that year", () => {
    expect(personHold({ kind: "considering", year: 2026 }, 2026)?.key).toBe("hold-considering");
    expect(personHold({ kind: "investigated", year: 2025 }, 2026)?.key).toBe("hold-investigated");
    expect(personHold({ kind: "disciplined", level: "khien-trach", year: 2026 }, 2026)).toEqual({
      key: "hold-disciplined",
      args: { level: "khien-trach", year: "2026" },
    });
    // Last year's measure does not stop this year's title.
    expect(personHold({ kind: "disciplined", level: "canh-cao", year: 2025 }, 2026)).toBeNull();
    expect(personHold(null, 2026)).toBeNull();
  });
});
