import type { MessageArgs } from "./user-error.js";

/** A title as the rules describe it (danh hiệu thi đua). */
export type Title = {
  code: string;
  nameVi: string;
  nameEn: string;
  subject: "person" | "unit";
  awardedBy: string;
  requiresInitiative: boolean;
  /** e.g. CSTĐ tỉnh needs CSTĐCS in each of the 3 years before. */
  prerequisite: { titleCode: string; consecutiveYears: number } | null;
  registrable: boolean;
};

export type CommendationForm = { code: string; nameVi: string; nameEn: string; subject: "person" | "unit" | "any" };
export type RatioCap = { titleCode: string; ofTitleCode: string; maxPercent: number };

export type Catalogue = {
  code: string;
  sourceDocument: string;
  validFrom: string;
  titles: Title[];
  forms: CommendationForm[];
  caps: RatioCap[];
};

/**
 * The catalogue seeded on first start, from the 2022 Law on Emulation and Commendation (Art.
 * 21–23) and Decree 152/2025. It is stored as data and can be replaced by a newer rule set
 * without a release; the code only interprets it.
 */
export const SEED_CATALOGUE: Catalogue = {
  code: "LUAT-06-2022+ND-152-2025",
  sourceDocument: "Luật Thi đua, khen thưởng số 06/2022/QH15; Nghị định 152/2025/NĐ-CP; Thông tư 15/2025/TT-BNV",
  validFrom: "2024-01-01",
  titles: [
    {
      code: "LDTT",
      nameVi: "Lao động tiên tiến",
      nameEn: "Advanced Worker",
      subject: "person",
      awardedBy: "Thủ trưởng đơn vị",
      requiresInitiative: false,
      prerequisite: null,
      registrable: true,
    },
    {
      code: "CSTDCS",
      nameVi: "Chiến sĩ thi đua cơ sở",
      nameEn: "Grassroots Emulation Fighter",
      subject: "person",
      awardedBy: "Thủ trưởng đơn vị",
      requiresInitiative: true,
      prerequisite: null,
      registrable: true,
    },
    {
      code: "CSTD_TINH",
      nameVi: "Chiến sĩ thi đua cấp tỉnh",
      nameEn: "Provincial Emulation Fighter",
      subject: "person",
      awardedBy: "Chủ tịch UBND tỉnh",
      requiresInitiative: true,
      prerequisite: { titleCode: "CSTDCS", consecutiveYears: 3 },
      registrable: true,
    },
    {
      code: "CSTD_TQ",
      nameVi: "Chiến sĩ thi đua toàn quốc",
      nameEn: "National Emulation Fighter",
      subject: "person",
      awardedBy: "Thủ tướng Chính phủ",
      requiresInitiative: true,
      prerequisite: { titleCode: "CSTD_TINH", consecutiveYears: 2 },
      registrable: true,
    },
    {
      code: "TTLDTT",
      nameVi: "Tập thể lao động tiên tiến",
      nameEn: "Advanced Collective",
      subject: "unit",
      awardedBy: "Thủ trưởng đơn vị",
      requiresInitiative: false,
      prerequisite: null,
      registrable: true,
    },
    {
      code: "TTLDXS",
      nameVi: "Tập thể lao động xuất sắc",
      nameEn: "Excellent Collective",
      subject: "unit",
      awardedBy: "Chủ tịch UBND tỉnh",
      requiresInitiative: false,
      prerequisite: null,
      registrable: true,
    },
    {
      code: "CO_TINH",
      nameVi: "Cờ thi đua cấp tỉnh",
      nameEn: "Provincial Emulation Flag",
      subject: "unit",
      awardedBy: "Chủ tịch UBND tỉnh",
      requiresInitiative: false,
      prerequisite: null,
      registrable: false,
    },
    {
      code: "CO_CP",
      nameVi: "Cờ thi đua của Chính phủ",
      nameEn: "Government Emulation Flag",
      subject: "unit",
      awardedBy: "Thủ tướng Chính phủ",
      requiresInitiative: false,
      prerequisite: null,
      registrable: false,
    },
  ],
  forms: [
    { code: "GIAY_KHEN", nameVi: "Giấy khen", nameEn: "Certificate of Merit (agency)", subject: "any" },
    { code: "BK_TINH", nameVi: "Bằng khen của Chủ tịch UBND tỉnh", nameEn: "Provincial Certificate of Merit", subject: "any" },
    { code: "BK_TTG", nameVi: "Bằng khen của Thủ tướng Chính phủ", nameEn: "Prime Minister's Certificate of Merit", subject: "any" },
    { code: "HUAN_CHUONG", nameVi: "Huân chương Lao động", nameEn: "Labour Order", subject: "any" },
  ],
  caps: [{ titleCode: "CSTDCS", ofTitleCode: "LDTT", maxPercent: 15 }],
};

/** Why a title cannot be registered, as a message key and its arguments. */
export type Refusal = { key: string; args: MessageArgs };

/** How many years in a row, ending the year before `year`, the person holds `titleCode`. */
export function consecutiveYears(history: { year: number; titleCode: string }[], titleCode: string, year: number): number {
  const held = new Set(history.filter((entry) => entry.titleCode === titleCode).map((entry) => entry.year));
  let count = 0;
  while (held.has(year - 1 - count)) count++;
  return count;
}

/**
 * Whether this person may register this title this year: collective titles only for a unit head
 * (for their unit), and consecutive-year chains from the history. The initiative is asked for
 * later in the conversation, so it is not checked here.
 */
export function refusalFor(
  title: Title,
  who: { isUnitHead: boolean; history: { year: number; titleCode: string }[]; year: number },
  titleName: (code: string) => string,
): Refusal | null {
  if (!title.registrable) return { key: "register-refused-not-registrable", args: { title: titleName(title.code) } };
  if (title.subject === "unit" && !who.isUnitHead) return { key: "register-refused-collective", args: { title: titleName(title.code) } };
  if (title.prerequisite) {
    const have = consecutiveYears(who.history, title.prerequisite.titleCode, who.year);
    if (have < title.prerequisite.consecutiveYears) {
      return {
        key: "register-refused-history",
        args: { title: titleName(title.code), needed: title.prerequisite.consecutiveYears, prerequisite: titleName(title.prerequisite.titleCode), have },
      };
    }
  }
  return null;
}

/** Units over a ratio cap: e.g. 3 CSTĐCS for 10 LĐTT is 30 %, over 15 %. */
export function capWarnings(counts: Map<string, number>, caps: RatioCap[]): { cap: RatioCap; count: number; of: number; percent: number }[] {
  return caps.flatMap((cap) => {
    const count = counts.get(cap.titleCode) ?? 0;
    // CSTĐCS holders are LĐTT as well, so they count in the base.
    const of = (counts.get(cap.ofTitleCode) ?? 0) + (cap.ofTitleCode === "LDTT" ? count : 0);
    if (count === 0) return [];
    const percent = of === 0 ? 100 : Math.round((count / of) * 100);
    return percent > cap.maxPercent ? [{ cap, count, of, percent }] : [];
  });
}

/** A title a candidate must have held for the given number of consecutive years. */
export type TitlePrerequisite = { titleCode: string; consecutiveYears: number };

export const REGISTRATION_STATUSES = ["submitted", "approved", "returned", "withdrawn"] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
