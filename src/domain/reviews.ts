// bình xét: the unit's meeting reviews its approved registrations and proposes some to the council.
export const UNIT_REVIEW_STATUSES = ["open", "sent"] as const;
export type UnitReviewStatus = (typeof UNIT_REVIEW_STATUSES)[number];
