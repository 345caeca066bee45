import { foldForMatching, normalizeName } from "../text.js";
import { UserError } from "../user-error.js";
import { digitsForWordDates, timeIn } from "./dates.js";
import { type PlanDocument, type Row, withoutEmphasis } from "./document-model.js";
import { namesABody, splitUnits } from "./owners.js";
import { detectYear, planDocumentFromText } from "./reading.js";

export type ParsedInspectionPlan = {
  year: number;
  title: string;
  /** The window by month: "từ tháng 5 đến tháng 8" is months 5–8, "Quý II, III" months 4–9. */
  windowFirstMonth: number;
  windowLastMonth: number;
  noticeDays: number;
  reportDays: number;
  /** "07 ngày làm việc": counted in working days, not calendar days. */
  noticeWorkingDays: boolean;
  reportWorkingDays: boolean;
  /** The periods the text does not state, for which the defaults (5 and 3 days) were used. */
  defaulted: ("notice" | "report")[];
  units: string[];
};

/**
 * Reads an inspection plan (kế hoạch kiểm tra): the window ("Quý II, III năm 2024", "từ tháng 5
 * đến tháng 8"), the notice period ("trước ít nhất 05 ngày", "07 ngày làm việc"), the report lead
 * time ("trước 03 ngày", "trước ngày kiểm tra 05 ngày") and the inspected units — a bullet list
 * under "… được chọn kiểm tra", a table with a units column, or a list in a sentence. What the
 * text does not say takes the defaults of the rules: notice 5 days, report 3 days.
 */
export function parseInspectionPlan(source: string | PlanDocument, fallbackYear?: number): ParsedInspectionPlan {
  const document = typeof source === "string" ? planDocumentFromText(source) : source;
  const lines = document.prose.map(withoutEmphasis).filter(Boolean);
  const folded = foldForMatching(lines.join("\n"));
  const year = Number(/kiem tra[^\n]*nam (20\d\d)/.exec(folded)?.[1] ?? detectYear(document.text) ?? fallbackYear ?? 0);
  if (!year) throw new UserError("plan-no-year");

  const months = windowMonths(lines, year);
  // Each period is stated in its own sentence: the schedule is announced (thông báo) N days
  // before, the report (báo cáo) is sent N days before.
  const sentences = lines.flatMap((line) => line.split(/[.;]\s+/)).map(foldForMatching);
  const notice = sentences.map((line) => (/thong bao|lich/.test(line) ? daysIn(line) : undefined)).find(Boolean);
  const report = sentences.map((line) => (/bao cao/.test(line) && !/thong bao/.test(line) ? daysIn(line) : undefined)).find(Boolean);
  const title = normalizeName(lines.find((line) => /^kiểm tra\b/iu.test(line)) ?? `Kiểm tra công tác thi đua, khen thưởng năm ${year}`);

  const units = unitsFromBullets(lines);
  if (units.length === 0) units.push(...unitsFromTables(document.tables), ...unitsFromSentence(lines));
  if (units.length === 0) throw new UserError("inspection-no-units");
  return {
    year,
    title,
    windowFirstMonth: months.first,
    windowLastMonth: months.last,
    noticeDays: notice?.days ?? 5,
    reportDays: report?.days ?? 3,
    noticeWorkingDays: notice?.working ?? false,
    reportWorkingDays: report?.working ?? false,
    defaulted: [...(notice ? [] : ["notice" as const]), ...(report ? [] : ["report" as const])],
    units: [...new Set(units)],
  };
}

/** The months a "thời gian"/"thực hiện trong" line gives the inspection; the whole year when none does. */
function windowMonths(lines: string[], year: number): { first: number; last: number } {
  for (const line of lines) {
    const folded = foldForMatching(line);
    if (!/thoi gian|thuc hien trong|tien hanh|trien khai trong|du kien/.test(folded)) continue;
    const days = /tu\s+(?:ngay\s+)?\d{1,2}\/(\d{1,2})(?:\/\d{4})?\s*(?:den|-)\s*(?:het\s+)?(?:ngay\s+)?\d{1,2}\/(\d{1,2})/.exec(
      foldForMatching(digitsForWordDates(line)),
    );
    if (days) return { first: Number(days[1]), last: Number(days[2]) };
    const time = timeIn(line, year);
    if (time?.kind === "months")
      return { first: Math.min(...time.months.map((month) => month.month)), last: Math.max(...time.months.map((month) => month.month)) };
    if (time?.kind === "quarters") return { first: (Math.min(...time.quarters) - 1) * 3 + 1, last: Math.max(...time.quarters) * 3 };
  }
  return { first: 1, last: 12 };
}

/** "trước ít nhất 05 ngày", "trước 07 ngày làm việc", "trước ngày kiểm tra 05 ngày", "chậm nhất 05 ngày trước". */
function daysIn(sentence: string): { days: number; working: boolean } | undefined {
  const match =
    /truoc\s+(?:ngay\s+(?:kiem tra|lam viec(?: voi doan(?: kiem tra)?)?)\s+)?(?:it nhat\s+|toi thieu\s+)?0?(\d{1,2})\s+ngay(\s+lam viec)?/.exec(sentence) ??
    /(?:it nhat|toi thieu|cham nhat)\s+0?(\d{1,2})\s+ngay(\s+lam viec)?\s+truoc/.exec(sentence);
  return match ? { days: Number(match[1]), working: Boolean(match[2]) } : undefined;
}

/** The bullets under the heading of the list ("… được chọn kiểm tra:"), to the next numbered heading. */
function unitsFromBullets(lines: string[]): string[] {
  const start = lines.findIndex(
    (line) => /(duoc chon kiem tra|danh sach (co quan|don vi) (duoc )?kiem tra)\s*:?$/.test(foldForMatching(line)) && !/^\s*[-•+]/.test(line),
  );
  const units: string[] = [];
  if (start < 0) return units;
  for (const line of lines.slice(start + 1)) {
    const key = foldForMatching(line);
    // The list ends at the next numbered heading ("3. Công tác chuẩn bị") or at a separate plan.
    if (/^\d+\.\s/.test(line) || /ke hoach kiem tra rieng/.test(key)) break;
    if (/^[-•+]\s+/.test(line)) units.push(normalizeName(line.replace(/^[-•+]\s+/, "").replace(/[.;,]$/, "")));
  }
  return units;
}

/** A table whose header names the units ("Đơn vị được kiểm tra", "Tên cơ quan, đơn vị"): its cells in that column. */
function unitsFromTables(tables: Row[][]): string[] {
  for (const table of tables) {
    const headerIndex = table.findIndex((row) => row.some((cell) => /^(ten\s+)?(co quan|don vi)|doi tuong/.test(foldForMatching(cell))));
    if (headerIndex < 0) continue;
    const column = (table[headerIndex] as Row).findIndex((cell) => /^(ten\s+)?(co quan|don vi)|doi tuong/.test(foldForMatching(cell)));
    const units = table
      .slice(headerIndex + 1)
      .map((row) => normalizeName(row[column] ?? ""))
      // A row that only groups the units ("Khối các phòng") has nothing in its other cells.
      .filter((cell, index) => cell !== "" && (table[headerIndex + 1 + index] as Row).some((other, at) => at !== column && other.trim() !== ""));
    if (units.length > 0) return units.flatMap((cell) => splitUnits(cell));
  }
  return [];
}

/** "Đơn vị được kiểm tra gồm: Phòng A, Phòng B và Thanh tra Sở." */
function unitsFromSentence(lines: string[]): string[] {
  for (const line of lines) {
    const match = /kiểm tra\s*(?:gồm|là|bao gồm)?\s*(?:các đơn vị|các cơ quan)?\s*:\s*(.+)$/iu.exec(line);
    if (!match) continue;
    const names = (match[1] ?? "")
      .replace(/\.$/, "")
      .split(/\s*(?:;|,|\svà\s)\s*/u)
      .map(normalizeName)
      .filter((name) => namesABody(name));
    if (names.length >= 2) return names;
  }
  return [];
}

/** The words of the plan's periods, for its preview: "07 ngày làm việc", "05 ngày". */
export function periodWords(plan: ParsedInspectionPlan, t: (key: string) => string): { noticeUnit: string; reportUnit: string } {
  return {
    noticeUnit: t(plan.noticeWorkingDays ? "period-working-days" : "period-days"),
    reportUnit: t(plan.reportWorkingDays ? "period-working-days" : "period-days"),
  };
}
