import type { TitleLevel } from "./titles.js";

export const BALLOT_STATUSES = ["draft", "open", "closed"] as const;
export type BallotStatus = (typeof BALLOT_STATUSES)[number];

/**
 * The agreement a candidate needs, as a share of all council members: Decree 98/2023 Art. 30(7)
 * as quoted — CSTĐCS 80 %, CSTĐ bộ/tỉnh and toàn quốc 90 % —, and a majority for any other title.
 */
export function thresholdPercent(titleCode: string, level: TitleLevel): number {
  if (titleCode === "CSTDCS") return 80;
  if (titleCode.startsWith("CSTD_")) return 90;
  return level === "co-so" ? 51 : 90;
}

/** Whether a candidate passes: agreements of all members (not of those who voted) at the threshold. */
export function passes(agree: number, membersTotal: number, percent: number): boolean {
  return membersTotal > 0 && agree * 100 >= membersTotal * percent;
}
