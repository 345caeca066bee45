import { type LocalDay, localDay, workingDaysBetween } from "./calendar.js";
import type { Refusal } from "./titles.js";

const DAY_MS = 86_400_000;

/** A notice or report period: N calendar days, or N working days ("07 ngày làm việc"). */
export type Period = { days: number; working: false } | { days: number; working: true; holidays: ReadonlySet<LocalDay>; timeZone: string };

/**
 * Whether a visit may be scheduled at `at`: not in the past, and announced at least the notice
 * period ahead unless the secretariat overrides it with a recorded reason.
 */
export function visitRefusal(at: Date, now: Date, notice: Period, override: string | null): Refusal | null {
  if (at <= now) return { key: "visit-in-past", args: {} };
  const noticeDays = notice.days;
  const daysAhead = notice.working
    ? workingDaysBetween(localDay(now, notice.timeZone), localDay(at, notice.timeZone), notice.holidays)
    : Math.floor((at.getTime() - now.getTime()) / DAY_MS);
  if (daysAhead < noticeDays && !override) return { key: "visit-notice-too-short", args: { days: daysAhead, min: noticeDays } };
  return null;
}

/** Direct (the agency's team visits), self-inspection (the unit itself) or cross-inspection (units of a cluster). */
export const INSPECTION_KINDS = ["direct", "self", "cross"] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];

export const VISIT_STATUSES = ["scheduled", "cancelled", "done"] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

/**
 * A cross-inspection between agencies of a cluster keeps the inspection rules agencies' plans use
 * most (the Lạng Sơn plans: «thông báo trước 05 ngày», the report «trước ngày kiểm tra 03 ngày»).
 */
export const CROSS_AGENCY_VISIT = { noticeDays: 5, reportDays: 3 } as const;
