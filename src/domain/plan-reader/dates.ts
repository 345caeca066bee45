import { foldForMatching } from "../text.js";

/** Dates in plan text: deadlines a task or a sentence states, quarters from months and "Quý II". */

export type Quarter = 1 | 2 | 3 | 4;
export type CalendarDate = { year: number; month: number; day: number };
/** Where a task's due date was read: its time column, the body text, prose, the clerk's correction, or the end of a launch plan's window. */
export type DeadlineSource = "time" | "text" | "prose" | "clerk" | "window";

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

/** A day of the calendar, if there is one: 31/04 is not. */
export function calendarDate(day: number, month: number, year: number): CalendarDate | null {
  return isValidDate(year, month, day) ? { year, month, day } : null;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * "ngày 20 tháng 11 năm 2025" → "ngày 20/11/2025": launch plans write dates in words, which are
 * then read like dates in digits. "ngày … tháng 4 năm 2024" with the day left blank (an unsigned
 * document's date line) stays as it is.
 */
export function digitsForWordDates(text: string): string {
  return text.replace(
    /(ngày\s+)(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*,?\s*năm\s+(\d{4}))?/giu,
    (_all, lead: string, day: string, month: string, year?: string) => `${lead}${day}/${month}${year ? `/${year}` : ""}`,
  );
}

/** A month of a year: a duty "trong tháng 5" falls due at its end. */
export type YearMonth = { year: number; month: number };

/**
 * The time a phrase gives a duty: a day, months (each an occurrence — "tháng 3 và tháng 9" — or
 * one span — "từ tháng 5 đến tháng 8", due at its end) or quarters ("Quý I, III", "hàng quý").
 */
export type PlanTime =
  | { kind: "date"; date: CalendarDate }
  | { kind: "months"; months: YearMonth[]; span: boolean }
  | { kind: "quarters"; quarters: Quarter[] };

const QUARTER_WORD = "(?:iv|i{1,3}|[1-4])";
// "hàng quý", "định kỳ hằng quý" — and not "từng quy định", "theo quy chế".
const EVERY_QUARTER = /\b(?:hang|hằng|moi|tung|dinh ky(?: hang)?) quy\b(?!\s+(?:dinh|che|trinh|hoach|mo|tac|uoc|chuan))/;
const QUARTERS = new RegExp(`\\bquy\\s+(${QUARTER_WORD}\\b(?:\\s*(?:,|va|-|–|den)\\s*(?:quy\\s+)?${QUARTER_WORD}\\b)*)`);
const MONTH_LIST = /(?<!ngay\s{0,3})\bthang\s+(\d{1,2}(?:\s*(?:,|va|-|–|den)\s*(?:thang\s+)?\d{1,2}\b(?!\s*\/\s*\d{1,2}\b))*)(?:\s*(?:\/|nam)\s*(20\d\d))?/;
const MONTH_RANGE = /\btu\s+thang\s+(\d{1,2})(?:\s*\/\s*(20\d\d))?\s*(?:nam\s+20\d\d\s*)?den\s+(?:het\s+)?thang\s+(\d{1,2})(?:\s*(?:\/|nam)\s*(20\d\d))?/;

/**
 * Reads the time of a duty from a phrase. In a time column any date counts (`anyDate`); in text
 * only a date introduced as a deadline, since texts also cite documents "ngày 28/12/2023".
 */
export function timeIn(phrase: string, year: number, options: { anyDate?: boolean; quarter?: Quarter } = {}): PlanTime | null {
  const digits = digitsForWordDates(phrase);
  const folded = foldForMatching(digits);
  // In a time column any date counts — but "Tháng 11-12/2025" is two months, not the 11th of December.
  const anyDate = options.anyDate && !/\bthang\s+\d/.test(folded) ? ANY_DATE.exec(digits) : null;
  const stated = DEADLINE_IN_TEXT.exec(digits) ?? anyDate;
  const date = stated ? resolveDate(stated, year, options.quarter) : null;
  if (date) return { kind: "date", date };
  // "6 tháng đầu năm" in a time column: the first half, due at its end; "6 tháng cuối năm" the second.
  const half = options.anyDate ? /\b6 thang (dau|cuoi) nam\b/.exec(folded) : null;
  if (half) return { kind: "months", months: [{ year, month: half[1] === "dau" ? 6 : 12 }], span: false };
  if (EVERY_QUARTER.test(folded)) return { kind: "quarters", quarters: [1, 2, 3, 4] };
  if (/\b(hang|moi|tung) thang\b|\bdinh ky hang thang\b/.test(folded)) {
    return { kind: "months", months: Array.from({ length: 12 }, (_, index) => ({ year, month: index + 1 })), span: false };
  }
  const range = MONTH_RANGE.exec(folded);
  if (range) {
    const first = Number(range[1]);
    const last = Number(range[3]);
    const lastYear = Number(range[4] ?? range[2] ?? year);
    if (first >= 1 && last <= 12 && first <= last) return { kind: "months", months: monthsBetween(first, last, lastYear), span: true };
  }
  const list = MONTH_LIST.exec(folded);
  if (list) {
    const listYear = Number(list[2] ?? year);
    const isRange = /-|–|den/.test(list[1] ?? "");
    const numbers = [...(list[1] ?? "").matchAll(/\d{1,2}/g)].map((match) => Number(match[0])).filter((month) => month >= 1 && month <= 12);
    if (numbers.length > 0) {
      if (isRange && numbers.length === 2 && (numbers[0] as number) < (numbers[1] as number)) {
        return { kind: "months", months: monthsBetween(numbers[0] as number, numbers[1] as number, listYear), span: true };
      }
      return { kind: "months", months: [...new Set(numbers)].map((month) => ({ year: listYear, month })), span: false };
    }
  }
  // "định kỳ 06 tháng một lần" with no month named: every sixth month from June.
  const period = /\bdinh ky\s+0?(\d{1,2})\s+thang\b/.exec(folded);
  const every = Number(period?.[1]);
  if (period && [2, 3, 4, 6].includes(every)) {
    return { kind: "months", months: Array.from({ length: 12 / every }, (_, index) => ({ year, month: (index + 1) * every })), span: false };
  }
  const quarters = QUARTERS.exec(folded);
  if (quarters) {
    const named = (quarters[1] ?? "").split(/\s*(?:,|va|-|–|den)\s*(?:quy\s+)?/).map((word) => ROMAN[word.trim()]);
    const found = named.filter((quarter): quarter is Quarter => quarter !== undefined);
    if (found.length === 2 && /-|–|den/.test(quarters[1] ?? "")) {
      const [from, to] = found as [Quarter, Quarter];
      return { kind: "quarters", quarters: ([1, 2, 3, 4] as Quarter[]).filter((quarter) => quarter >= from && quarter <= to) };
    }
    if (found.length > 0) return { kind: "quarters", quarters: [...new Set(found)] };
  }
  return null;
}

function monthsBetween(first: number, last: number, year: number): YearMonth[] {
  return Array.from({ length: last - first + 1 }, (_, index) => ({ year, month: first + index }));
}

/** The last day of a month: a duty "trong tháng 5/2025" is due 31/05/2025. */
export function monthEnd({ year, month }: YearMonth): CalendarDate {
  return { year, month, day: new Date(Date.UTC(year, month, 0)).getUTCDate() };
}
