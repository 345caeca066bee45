import { MORE_THAN_HALF } from "./ballots.js";
import type { Catalogue, CommendationForm, Title } from "./titles.js";

// The titles of Law 06/2022 (Art. 20–26) by their legal names, as DOMAIN.md lists them.
const TITLES: Title[] = [
  {
    code: "LDTT",
    nameVi: "Lao động tiên tiến",
    nameEn: "Advanced Worker",
    subject: "person",
    awardedBy: "Thủ trưởng cơ quan",
    level: "co-so",
    bases: [],
    prerequisite: null,
    alsoHolds: [],
    registrable: true,
    councilThresholdPercent: MORE_THAN_HALF,
    collectiveCriteria: null,
  },
  {
    code: "CSTDCS",
    nameVi: "Chiến sĩ thi đua cơ sở",
    nameEn: "Grassroots Emulation Fighter",
    subject: "person",
    awardedBy: "Thủ trưởng cơ quan",
    level: "co-so",
    // Art. 23: LĐTT and one of these; an initiative is not required by law (an agency rule may).
    bases: ["excellent", "initiative", "research"],
    prerequisite: null,
    alsoHolds: ["LDTT"],
    registrable: true,
    councilThresholdPercent: 80,
    collectiveCriteria: null,
  },
  {
    code: "CSTD_BO_TINH",
    nameVi: "Chiến sĩ thi đua bộ, ban, ngành, tỉnh",
    nameEn: "Ministerial or Provincial Emulation Fighter",
    subject: "person",
    awardedBy: "Bộ trưởng, Thủ trưởng ngành, Chủ tịch UBND tỉnh",
    level: "bo-tinh",
    bases: ["initiative", "research"],
    // Art. 22: 03 consecutive CSTĐCS, the third possibly the year under review.
    prerequisite: { kind: "consecutive-years", titleCode: "CSTDCS", years: 3, includesYear: true },
    alsoHolds: [],
    registrable: true,
    councilThresholdPercent: 90,
    collectiveCriteria: null,
  },
  {
    code: "CSTD_TQ",
    nameVi: "Chiến sĩ thi đua toàn quốc",
    nameEn: "National Emulation Fighter",
    subject: "person",
    awardedBy: "Thủ tướng Chính phủ",
    level: "toan-quoc",
    bases: ["initiative", "research"],
    // Art. 21: 02 consecutive awards of CSTĐ bộ, ban, ngành, tỉnh (one every three years at most).
    prerequisite: { kind: "consecutive-awards", titleCode: "CSTD_BO_TINH", awards: 2, cycleYears: 3 },
    alsoHolds: [],
    registrable: true,
    councilThresholdPercent: 90,
    collectiveCriteria: null,
  },
  {
    code: "TTLDTT",
    nameVi: "Tập thể lao động tiên tiến",
    nameEn: "Advanced Collective",
    subject: "unit",
    awardedBy: "Thủ trưởng cơ quan",
    level: "co-so",
    bases: [],
    prerequisite: null,
    alsoHolds: [],
    registrable: true,
    councilThresholdPercent: MORE_THAN_HALF,
    collectiveCriteria: { minLdttPercent: 70, minCstdcs: 0, source: "QĐ 86/2025/QĐ-UBND tỉnh Bắc Ninh, Điều 5 (giá trị ví dụ của một tỉnh)" },
  },
  {
    code: "TTLDXS",
    nameVi: "Tập thể lao động xuất sắc",
    nameEn: "Excellent Collective",
    subject: "unit",
    awardedBy: "Bộ trưởng, Thủ trưởng ngành, Chủ tịch UBND tỉnh",
    level: "co-so",
    bases: [],
    prerequisite: null,
    alsoHolds: [],
    registrable: true,
    councilThresholdPercent: MORE_THAN_HALF,
    collectiveCriteria: { minLdttPercent: 70, minCstdcs: 1, source: "QĐ 86/2025/QĐ-UBND tỉnh Bắc Ninh, Điều 5 (giá trị ví dụ của một tỉnh)" },
  },
  {
    code: "CO_BO_TINH",
    nameVi: "Cờ thi đua của bộ, ban, ngành, tỉnh",
    nameEn: "Ministerial or Provincial Emulation Flag",
    subject: "unit",
    awardedBy: "Bộ trưởng, Thủ trưởng ngành, Chủ tịch UBND tỉnh",
    level: "bo-tinh",
    bases: [],
    prerequisite: null,
    alsoHolds: [],
    registrable: false,
    councilThresholdPercent: 80,
    collectiveCriteria: null,
  },
  {
    code: "CO_CP",
    nameVi: "Cờ thi đua của Chính phủ",
    nameEn: "Government Emulation Flag",
    subject: "unit",
    awardedBy: "Thủ tướng Chính phủ",
    level: "toan-quoc",
    bases: [],
    prerequisite: null,
    alsoHolds: [],
    registrable: false,
    councilThresholdPercent: 80,
    collectiveCriteria: null,
  },
];

const FORMS: CommendationForm[] = [
  { code: "GIAY_KHEN", nameVi: "Giấy khen của Thủ trưởng cơ quan", nameEn: "Certificate of Merit of the agency head", subject: "any" },
  { code: "BK_BO", nameVi: "Bằng khen của Bộ trưởng, Thủ trưởng ngành", nameEn: "Ministerial Certificate of Merit", subject: "any" },
  { code: "BK_TINH", nameVi: "Bằng khen của Chủ tịch UBND tỉnh", nameEn: "Provincial Certificate of Merit", subject: "any" },
  { code: "BK_TTG", nameVi: "Bằng khen của Thủ tướng Chính phủ", nameEn: "Prime Minister's Certificate of Merit", subject: "any" },
  { code: "HCLD_3", nameVi: "Huân chương Lao động hạng Ba", nameEn: "Labour Order, Third Class", subject: "any" },
  { code: "HCLD_2", nameVi: "Huân chương Lao động hạng Nhì", nameEn: "Labour Order, Second Class", subject: "any" },
  { code: "HCLD_1", nameVi: "Huân chương Lao động hạng Nhất", nameEn: "Labour Order, First Class", subject: "any" },
  { code: "KNC", nameVi: "Kỷ niệm chương", nameEn: "Commemorative Medal", subject: "person" },
];

/**
 * The national rule sets, installed on first use and chosen by the day a rule is applied: Decree
 * 98/2023 guided the 2022 law from 01/01/2024 to 30/06/2025, Decree 152/2025 from 01/07/2025. No
 * national ratio cap: the 15 % of Decree 91/2017 ended on 01/01/2024. A new decree is a new entry
 * here (or rows in the database), not a change to the code that reads them.
 */
export const NATIONAL_RULE_SETS: Catalogue[] = [
  {
    code: "LUAT-06-2022+ND-98-2023",
    sourceDocument: "Luật Thi đua, khen thưởng số 06/2022/QH15; Nghị định 98/2023/NĐ-CP",
    validFrom: "2024-01-01",
    validTo: "2025-06-30",
    titles: TITLES,
    forms: FORMS,
    caps: [],
    // Neither decree, as quoted, sets a quorum apart from the thresholds (shares of all members).
    councilQuorumPercent: null,
  },
  {
    code: "LUAT-06-2022+ND-152-2025",
    sourceDocument: "Luật Thi đua, khen thưởng số 06/2022/QH15; Nghị định 152/2025/NĐ-CP; Thông tư 15/2025/TT-BNV",
    validFrom: "2025-07-01",
    validTo: null,
    titles: TITLES,
    forms: FORMS,
    caps: [],
    // Neither decree, as quoted, sets a quorum apart from the thresholds (shares of all members).
    councilQuorumPercent: null,
  },
];
