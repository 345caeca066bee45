import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/client.js";
import { NATIONAL_RULE_SETS } from "../../src/domain/rule-sets.js";
import { basisRefusal, capWarnings, consecutiveAwards, consecutiveYears, NO_AGENCY_RULES, refusalFor, type Title } from "../../src/domain/titles.js";
import { catalogueOn } from "../../src/services/rules/catalogue.js";
import { openTestDatabase } from "../support/databases.js";

const titles = NATIONAL_RULE_SETS[1]?.titles ?? [];
const title = (code: string) => titles.find((entry) => entry.code === code) as Title;
const name = (code: string) => code;
const held = (titleCode: string, ...years: number[]) => years.map((year) => ({ year, titleCode }));

describe("the consecutive-year rule of CSTĐ bộ, ban, ngành, tỉnh (Art. 22)", () => {
  const staff = (history: { year: number; titleCode: string }[], registeredThisYear: string[] = []) => ({
    isUnitHead: false,
    history,
    year: 2025,
    registeredThisYear,
  });

  it("counts the years in a row before the year under review", () => {
    expect(consecutiveYears(held("CSTDCS", 2022, 2023, 2024), "CSTDCS", 2025)).toBe(3);
    // 2023 is missing: only 2024 counts.
    expect(consecutiveYears(held("CSTDCS", 2021, 2022, 2024), "CSTDCS", 2025)).toBe(1);
    expect(consecutiveYears(held("CSTDCS", 2025), "CSTDCS", 2025)).toBe(0);
  });

  it("accepts three recorded years, or two with this year's CSTĐCS registered alongside", () => {
    expect(refusalFor(title("CSTD_BO_TINH"), staff(held("CSTDCS", 2022, 2023, 2024)), name)).toBeNull();
    expect(refusalFor(title("CSTD_BO_TINH"), staff(held("CSTDCS", 2023, 2024), ["CSTDCS"]), name)).toBeNull();
    expect(refusalFor(title("CSTD_BO_TINH"), staff(held("CSTDCS", 2023, 2024)), name)).toEqual({
      key: "register-refused-history-this-year",
      args: { title: "CSTD_BO_TINH", prerequisite: "CSTDCS", have: 2 },
    });
    expect(refusalFor(title("CSTD_BO_TINH"), staff(held("CSTDCS", 2024), ["CSTDCS"]), name)).toEqual({
      key: "register-refused-history",
      args: { title: "CSTD_BO_TINH", needed: 3, prerequisite: "CSTDCS", have: 1 },
    });
  });
});

describe("the consecutive-award rule of CSTĐ toàn quốc (Art. 21)", () => {
  it("counts awards back from the last, each at most three years after the one before, the last within three years", () => {
    expect(consecutiveAwards(held("CSTD_BO_TINH", 2019, 2022), "CSTD_BO_TINH", 2025, 3)).toBe(2);
    // Six years between the two awards: only the last counts.
    expect(consecutiveAwards(held("CSTD_BO_TINH", 2016, 2022), "CSTD_BO_TINH", 2025, 3)).toBe(1);
    // The last award is four years back: none counts.
    expect(consecutiveAwards(held("CSTD_BO_TINH", 2018, 2021), "CSTD_BO_TINH", 2025, 3)).toBe(0);
    // Two calendar years in a row are two awards too (the old rule's reading, still accepted).
    expect(consecutiveAwards(held("CSTD_BO_TINH", 2023, 2024), "CSTD_BO_TINH", 2025, 3)).toBe(2);
  });

  it("accepts two consecutive awards and explains the shortfall otherwise", () => {
    const who = (history: { year: number; titleCode: string }[]) => ({ isUnitHead: false, history, year: 2025 });
    expect(refusalFor(title("CSTD_TQ"), who(held("CSTD_BO_TINH", 2019, 2022)), name)).toBeNull();
    expect(refusalFor(title("CSTD_TQ"), who(held("CSTD_BO_TINH", 2016, 2022)), name)).toEqual({
      key: "register-refused-awards",
      args: { title: "CSTD_TQ", needed: 2, prerequisite: "CSTD_BO_TINH", have: 1, cycle: 3 },
    });
  });
});

describe("the basis of a CSTĐ (Art. 23)", () => {
  const rules = { ...NO_AGENCY_RULES, initiativeRequired: [{ titleCode: "CSTDCS", source: "Quy chế TĐKT của Sở" }] };

  it("accepts excellent work without an initiative, and an initiative or research with its name", () => {
    expect(basisRefusal(title("CSTDCS"), "excellent", null, NO_AGENCY_RULES, "CSTĐCS")).toBeNull();
    expect(basisRefusal(title("CSTDCS"), "initiative", "Số hoá hồ sơ", NO_AGENCY_RULES, "CSTĐCS")).toBeNull();
    expect(basisRefusal(title("CSTDCS"), "research", null, NO_AGENCY_RULES, "CSTĐCS")).toEqual({
      key: "register-refused-initiative",
      args: { title: "CSTĐCS" },
    });
    expect(basisRefusal(title("CSTDCS"), null, null, NO_AGENCY_RULES, "CSTĐCS")).toEqual({ key: "register-refused-basis", args: { title: "CSTĐCS" } });
    // LĐTT asks for no basis at all.
    expect(basisRefusal(title("LDTT"), null, null, rules, "LĐTT")).toBeNull();
  });

  it("refuses excellent work alone where the agency requires an initiative, citing its rule", () => {
    expect(basisRefusal(title("CSTDCS"), "excellent", null, rules, "CSTĐCS")).toEqual({
      key: "register-refused-agency-initiative",
      args: { title: "CSTĐCS", rule: "Quy chế TĐKT của Sở" },
    });
    expect(basisRefusal(title("CSTDCS"), "initiative", "Số hoá hồ sơ", rules, "CSTĐCS")).toBeNull();
    // CSTĐ bộ/tỉnh never accepted excellent work alone.
    expect(basisRefusal(title("CSTD_BO_TINH"), "excellent", null, NO_AGENCY_RULES, "CSTĐ tỉnh")).toEqual({
      key: "register-refused-basis",
      args: { title: "CSTĐ tỉnh" },
    });
  });
});

describe("ratio caps, an agency's warning", () => {
  const cap = { titleCode: "CSTDCS", ofTitleCode: "LDTT", maxPercent: 15, source: "QĐ 86/2025" };

  it("counts CSTĐCS holders among the LĐTT they also are", () => {
    // 1 CSTĐCS and 4 LĐTT: 1 / 5 = 20 % > 15 %.
    expect(
      capWarnings(
        new Map([
          ["CSTDCS", 1],
          ["LDTT", 4],
        ]),
        [cap],
        titles,
      ),
    ).toEqual([{ cap, count: 1, of: 5, percent: 20 }]);
    // 1 and 6: 1 / 7 = 14 %, within 15 %.
    expect(
      capWarnings(
        new Map([
          ["CSTDCS", 1],
          ["LDTT", 6],
        ]),
        [cap],
        titles,
      ),
    ).toEqual([]);
    expect(capWarnings(new Map([["LDTT", 6]]), [cap], titles)).toEqual([]);
  });

  it("counts in the base only holders of a title that carries the base title", () => {
    // A cap of CSTĐ bộ/tỉnh over CSTĐCS: its holders are not counted as CSTĐCS as well, 1 / 4 = 25 %.
    const provincial = { titleCode: "CSTD_BO_TINH", ofTitleCode: "CSTDCS", maxPercent: 20, source: "x" };
    expect(
      capWarnings(
        new Map([
          ["CSTD_BO_TINH", 1],
          ["CSTDCS", 4],
        ]),
        [provincial],
        titles,
      ),
    ).toEqual([{ cap: provincial, count: 1, of: 4, percent: 25 }]);
  });

  it("has no national cap since 01/01/2024", () => {
    expect(NATIONAL_RULE_SETS.flatMap((ruleSet) => ruleSet.caps)).toEqual([]);
  });
});

describe("the rule set in force on a day", () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openTestDatabase("pglite");
  });
  afterAll(() => database?.close());

  it("is Decree 98/2023 until 30/06/2025 and Decree 152/2025 from 01/07/2025", async () => {
    expect((await catalogueOn(database.db, "2024-01-01")).code).toBe("LUAT-06-2022+ND-98-2023");
    expect((await catalogueOn(database.db, "2025-06-30")).code).toBe("LUAT-06-2022+ND-98-2023");
    expect((await catalogueOn(database.db, "2025-07-01")).code).toBe("LUAT-06-2022+ND-152-2025");
    expect((await catalogueOn(database.db, "2025-07-01")).sourceDocument).toContain("Nghị định 152/2025/NĐ-CP");
  });
});
