import { foldForMatching } from "./text.js";

/** Dates in plan text: deadlines a task or a sentence states, quarters from months and "Quý II". */

export type Quarter = 1 | 2 | 3 | 4;
export type CalendarDate = { year: number; month: number; day: number };
/** Where a task's due date was read: its time column, the body text, or prose. */
export type DeadlineSource = "time" | "text" | "prose";

export const ROMAN: Record<string, Quarter> = { i: 1, ii: 2, iii: 3, iv: 4, "1": 1, "2": 2, "3": 3, "4": 4 };
export const DEADLINE_IN_TEXT = /(?:trước|chậm nhất|hạn chót|thời hạn|hạn|đến|hoàn thành)\s*(?:ngày\s*)?(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?/iu;
const ANY_DATE = /(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?/;

/**
 * A deadline the row states: in the time column any date counts; in the content only a date
 * introduced as one ("trước ngày 30/01"), since contents also cite documents "ngày 28/12/2023".
 */
export function findDeadline(both: string, time: string, year: number, quarter: Quarter | undefined): { date: CalendarDate; from: DeadlineSource } | null {
  const stated = DEADLINE_IN_TEXT.exec(both);
  const match = stated ?? ANY_DATE.exec(time);
  if (!match) return null;
  const date = resolveDate(match, year, quarter);
  const from: DeadlineSource = stated && !time.includes(stated[0]) ? "text" : "time";
  return date ? { date, from } : null;
}

/** A day and month (and maybe a year) read from a match; a month before the quarter is next year's. */
export function resolveDate(match: RegExpExecArray, year: number, quarter?: Quarter): CalendarDate | null {
  const day = Number(match[1]);
  const month = Number(match[2]);
  let resolvedYear = match[3] ? Number(match[3]) : year;
  if (!match[3] && quarter !== undefined && month < (quarter - 1) * 3 + 1) resolvedYear = year + 1;
  return isValidDate(resolvedYear, month, day) ? { year: resolvedYear, month, day } : null;
}

export function quarterFromTime(time: string): Quarter | undefined {
  const folded = foldForMatching(time);
  const quarterMatch = /quy\s+(iv|i{1,3}|[1-4])\b/.exec(folded);
  if (quarterMatch) return ROMAN[quarterMatch[1] ?? ""];
  const month = /thang\s+(\d{1,2})\b/.exec(folded);
  if (month) return quarterOfMonth(Number(month[1]));
  return undefined;
}

export function quarterOfMonth(month: number): Quarter | undefined {
  return month >= 1 && month <= 12 ? (Math.ceil(month / 3) as Quarter) : undefined;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
