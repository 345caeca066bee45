import type { TitleLevel } from "./titles.js";

// sáng kiến: declared by an employee, reviewed by the initiative council (Hội đồng sáng kiến).
export const INITIATIVE_STATUSES = ["submitted", "recognised", "returned"] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

export const INITIATIVE_SCOPES = ["co-so", "bo-tinh", "toan-quoc"] as const satisfies readonly TitleLevel[];

const SCOPE_RANK: Record<TitleLevel, number> = { "co-so": 0, "bo-tinh": 1, "toan-quoc": 2 };

/**
 * Whether an initiative recognised at `scope` can be the basis of a title of `level`: CSTĐCS cites
 * one of the agency (cơ sở), CSTĐ bộ/tỉnh one of ministry/provincial scope, toàn quốc a national one
 * (Law 06/2022 Art. 21–23); a wider scope serves a narrower title.
 */
export function scopeServes(scope: TitleLevel, level: TitleLevel): boolean {
  return SCOPE_RANK[scope] >= SCOPE_RANK[level];
}

/** The initiative council's score, out of 100. */
export const MAX_INITIATIVE_SCORE = 100;
