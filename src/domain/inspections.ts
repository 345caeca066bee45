import { foldForMatching, normalizeName } from "./text.js";
import type { Refusal } from "./titles.js";
import { UserError } from "./user-error.js";

export type ParsedInspectionPlan = {
  year: number;
  title: string;
  windowFrom: number;
  windowTo: number;
  noticeDays: number;
  reportDays: number;
  /** The periods the text does not state, for which the defaults (5 and 3 days) were used. */
  defaulted: ("notice" | "report")[];
  units: string[];
};

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/**
 * Reads an inspection plan (kế hoạch kiểm tra): the window ("Quý II, III năm 2024"), the notice
 * period ("trước ít nhất 05 ngày"), the report lead time ("trước 03 ngày") and the inspected units
 * (the bullet lists under "… được chọn kiểm tra"). What the text does not say takes the defaults
 * of the rules: notice 5 days, report 3 days.
 */
export function parseInspectionPlan(text: string, fallbackYear?: number): ParsedInspectionPlan {
  const plain = text.replace(/\*+|_+|#+/g, "").replace(/\r/g, "");
  const folded = foldForMatching(plain);
  const year = Number(/kiem tra[^\n]*nam (20\d\d)/.exec(folded)?.[1] ?? /nam (20\d\d)/.exec(folded)?.[1] ?? fallbackYear ?? 0);
  if (!year) throw new UserError("plan-no-year");
  // "Quý II, III", "Quý II và Quý III", "quý 2 đến quý 4".
  const windowMatch = /(?:thuc hien trong|thoi gian)[^\n]*?quy ((?:iv|i{1,3}|[1-4])(?:\s*(?:,|va|-|den)\s*(?:quy\s+)?(?:iv|i{1,3}|[1-4])\b)*)/.exec(folded);
  const quarters = (windowMatch?.[1] ?? "")
    .split(/\s*(?:,|va|-|den)\s*(?:quy\s+)?/)
    .map((q) => ROMAN[q.trim()] ?? Number(q))
    .filter((q) => q >= 1 && q <= 4);
  // Each period is stated in its own sentence: the schedule is announced (thông báo) N days
  // before, the report (báo cáo) is sent N days before.
  const daysIn = (line: string) => /truoc (?:it nhat )?0?(\d{1,2}) ngay/.exec(line)?.[1];
  // Sentence by sentence: each period is stated in its own, and folding joins the lines.
  const foldedLines = plain.split(/\n|[.;]\s+/).map(foldForMatching);
  const notice = foldedLines.map((line) => (/thong bao|lich/.test(line) ? daysIn(line) : undefined)).find(Boolean);
  const report = foldedLines.map((line) => (/bao cao/.test(line) && !/thong bao/.test(line) ? daysIn(line) : undefined)).find(Boolean);
  const title = normalizeName(/^\s*(Kiểm tra[^\n]*)$/imu.exec(plain)?.[1] ?? `Kiểm tra công tác thi đua, khen thưởng năm ${year}`);

  const lines = plain.split("\n");
  // The heading of the list, not a sentence that mentions it.
  const start = lines.findIndex(
    (line) => /(duoc chon kiem tra|danh sach (co quan|don vi) (duoc )?kiem tra)\s*:?$/.test(foldForMatching(line)) && !/^\s*[-•+]/.test(line),
  );
  const units: string[] = [];
  if (start >= 0) {
    for (const line of lines.slice(start + 1)) {
      const trimmed = line.trim();
      const key = foldForMatching(trimmed);
      // The list ends at the next numbered heading ("3. Công tác chuẩn bị") or at a separate plan.
      if (/^\d+\.\s/.test(trimmed) || /ke hoach kiem tra rieng/.test(key)) break;
      if (/^[-•+]\s+/.test(trimmed)) units.push(normalizeName(trimmed.replace(/^[-•+]\s+/, "").replace(/[.;,]$/, "")));
    }
  }
  if (units.length === 0) throw new UserError("inspection-no-units");
  return {
    year,
    title,
    windowFrom: Math.min(...(quarters.length ? quarters : [1])),
    windowTo: Math.max(...(quarters.length ? quarters : [4])),
    noticeDays: notice ? Number(notice) : 5,
    reportDays: report ? Number(report) : 3,
    defaulted: [...(notice ? [] : ["notice" as const]), ...(report ? [] : ["report" as const])],
    units,
  };
}

const DAY_MS = 86_400_000;

/**
 * Whether a visit may be scheduled at `at`: not in the past, and announced at least the notice
 * period ahead unless the secretariat overrides it with a recorded reason.
 */
export function visitRefusal(at: Date, now: Date, noticeDays: number, override: string | null): Refusal | null {
  if (at <= now) return { key: "visit-in-past", args: {} };
  const daysAhead = Math.floor((at.getTime() - now.getTime()) / DAY_MS);
  if (daysAhead < noticeDays && !override) return { key: "visit-notice-too-short", args: { days: daysAhead, min: noticeDays } };
  return null;
}

/** Direct (the agency's team visits), self-inspection (the unit itself) or cross-inspection (units of a cluster). */
export const INSPECTION_KINDS = ["direct", "self", "cross"] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];

export const VISIT_STATUSES = ["scheduled", "cancelled", "done"] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];
