import { foldForMatching, normalizeName } from "./text.js";
import { UserError } from "./user-error.js";
import type { Row, Table } from "./document-tables.js";

/**
 * Reading the quarterly task table of a plan document (kế hoạch): the document's tables (see
 * document-tables.ts) are read by one interpreter of rows.
 */
export type Quarter = 1 | 2 | 3 | 4;
export type CalendarDate = { year: number; month: number; day: number };

export type ParsedTask = {
  quarter: Quarter;
  number: string;
  content: string;
  leadUnits: string[];
  coordinatingUnits: string[];
  /** A deadline the text states ("trước ngày 30/01/2024"); otherwise the quarter's end applies. */
  deadline: CalendarDate | null;
};

export type ParsedPlan = { year: number; title: string; tasks: ParsedTask[]; warnings: string[] };

// ---------------------------------------------------------------- tables → tasks

type Column = "number" | "content" | "lead" | "coordinating" | "time";

// Checked in this order: "phối hợp thực hiện" is a coordinating column although it says "thực hiện".
const HEADER_WORDS: [Column, RegExp][] = [
  ["coordinating", /phoi hop/],
  ["lead", /chu tri|thuc hien|phu trach|dau moi/],
  ["time", /thoi gian|thoi han|tien do|^han\b|hoan thanh/],
  ["content", /noi dung|nhiem vu|cong viec/],
  ["number", /^(s\s*tt|tt|so tt|so thu tu)$/],
];

const ROMAN: Record<string, Quarter> = { i: 1, ii: 2, iii: 3, iv: 4, "1": 1, "2": 2, "3": 3, "4": 4 };

/** "QUÝ I", "Quý II/2024", "QUÝ III (tháng 7–9)" in any cell of a row. */
function quarterOf(row: Row): Quarter | undefined {
  for (const cell of row) {
    const match = /^quy\s+(iv|i{1,3}|[1-4])\b/.exec(foldForMatching(cell));
    if (match) return ROMAN[match[1] ?? ""];
  }
  return undefined;
}

function headerColumns(row: Row): Map<Column, number> | undefined {
  const columns = new Map<Column, number>();
  row.forEach((cell, index) => {
    const folded = foldForMatching(cell);
    if (!folded) return;
    const column = HEADER_WORDS.find(([, pattern]) => pattern.test(folded))?.[0];
    if (column && !columns.has(column)) columns.set(column, index);
  });
  return columns.has("content") ? columns : undefined;
}

/** Reads the task table out of a document's tables. */
export function parsePlanTables(tables: Table[], context: { year: number; title: string }): ParsedPlan {
  const warnings: string[] = [];
  const tasks: ParsedTask[] = [];
  let columns: Map<Column, number> | undefined;
  let quarter: Quarter | undefined;
  let sawTaskTable = false;
  let unknownHeaders: string[] | undefined;

  for (const table of tables) {
    const headerIndex = table.findIndex((row) => headerColumns(row) !== undefined);
    let rows = table;
    if (headerIndex >= 0) {
      const found = headerColumns(table[headerIndex] as Row) as Map<Column, number>;
      if (!found.has("lead") && !found.has("coordinating")) {
        unknownHeaders ??= (table[headerIndex] as Row).filter(Boolean);
        continue;
      }
      columns = found;
      sawTaskTable = true;
      rows = table.slice(headerIndex + 1);
    } else if (!columns) {
      continue;
    }
    const cell = (row: Row, column: Column) => {
      const index = columns?.get(column);
      return index === undefined ? "" : (row[index] ?? "").trim();
    };
    let numbered = tasks.at(-1) ? /^\d/.test(tasks.at(-1)?.number ?? "") : true;
    for (const row of rows) {
      if (row.every((value) => value.trim() === "")) continue;
      const rowQuarter = quarterOf(row);
      if (rowQuarter !== undefined) {
        quarter = rowQuarter;
        continue;
      }
      const number = cell(row, "number").replace(/[.)]$/, "");
      const content = cell(row, "content");
      if (!content) continue;
      // A roman-numeral row that is not a quarter is a section heading inside the table.
      if (/^(i{1,3}|iv|v|vi{0,3}|ix|x)$/i.test(number)) continue;
      const time = cell(row, "time");
      const lead = splitUnits(cell(row, "lead"));
      const coordinating = splitUnits(cell(row, "coordinating"));
      const previous = tasks.at(-1);
      if (!number && numbered && previous && columns.has("number")) {
        // A row cut by a page break: its rest continues the task above.
        previous.content = `${previous.content}\n${content}`;
        previous.leadUnits.push(...lead.filter((unit) => !previous.leadUnits.includes(unit)));
        previous.coordinatingUnits.push(...coordinating.filter((unit) => !previous.coordinatingUnits.includes(unit)));
        continue;
      }
      numbered = Boolean(number);
      const deadline = findDeadline(`${time}\n${content}`, time, context.year, quarter);
      const taskQuarter = quarter ?? quarterFromTime(time) ?? (deadline ? quarterOfMonth(deadline.month) : undefined);
      if (taskQuarter === undefined) {
        warnings.push(`no-quarter:${content.slice(0, 60)}`);
      }
      const resolvedQuarter = taskQuarter ?? 4;
      const sameQuarter = tasks.filter((task) => task.quarter === resolvedQuarter);
      tasks.push({
        quarter: resolvedQuarter,
        number: number || String(sameQuarter.length + 1),
        content,
        leadUnits: lead,
        coordinatingUnits: coordinating,
        deadline,
      });
    }
  }
  if (!sawTaskTable) {
    if (unknownHeaders) throw new UserError("plan-unknown-columns", { columns: unknownHeaders.join(" | ") });
    throw new UserError("plan-no-task-table");
  }
  if (tasks.length === 0) throw new UserError("plan-no-tasks");
  // The same number twice in a quarter would make re-imports ambiguous; number them apart.
  const seen = new Set<string>();
  for (const task of tasks) {
    let key = `${task.quarter}:${task.number}`;
    for (let suffix = 2; seen.has(key); suffix++) key = `${task.quarter}:${task.number}.${suffix}`;
    task.number = key.slice(key.indexOf(":") + 1);
    seen.add(key);
  }
  return { year: context.year, title: context.title, tasks, warnings };
}

/** Unit names in a cell: one per line or bullet, or separated by ";" (commas belong to names). */
export function splitUnits(cell: string): string[] {
  return cell
    .split(/\n|;/)
    .map((part) =>
      part
        .replace(/^\s*(?:[-–•+*]|\d+[.)])\s*/, "")
        .replace(/[.,;:]+$/, "")
        .trim(),
    )
    .filter((part) => part.length > 0 && !/^[-–—]+$/.test(part));
}

const DEADLINE_IN_TEXT = /(?:trước|chậm nhất|hạn chót|thời hạn|hạn|đến|hoàn thành)\s*(?:ngày\s*)?(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?/iu;
const ANY_DATE = /(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?/;

/**
 * A deadline the row states: in the time column any date counts; in the content only a date
 * introduced as one ("trước ngày 30/01"), since contents also cite documents "ngày 28/12/2023".
 */
function findDeadline(_both: string, time: string, year: number, quarter: Quarter | undefined): CalendarDate | null {
  const match = DEADLINE_IN_TEXT.exec(_both) ?? ANY_DATE.exec(time);
  if (!match) return null;
  const day = Number(match[1]);
  const month = Number(match[2]);
  let resolvedYear = match[3] ? Number(match[3]) : year;
  if (!match[3] && quarter !== undefined && month < (quarter - 1) * 3 + 1) resolvedYear = year + 1;
  return isValidDate(resolvedYear, month, day) ? { year: resolvedYear, month, day } : null;
}

function quarterFromTime(time: string): Quarter | undefined {
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

// ---------------------------------------------------------------- the document around the table

/** The plan's year: the one its heading names ("… năm 2024"), else the most cited "năm 20xx". */
export function detectYear(text: string): number | undefined {
  const counts = new Map<number, number>();
  for (const match of text.matchAll(/năm\s+(20\d\d)/giu)) {
    const year = Number(match[1]);
    counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  const heading = /KẾ HOẠCH[^\n]*\n+[^\n]*?năm\s+(20\d\d)/u.exec(text);
  if (heading) return Number(heading[1]);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** "KẾ HOẠCH" and the line after it, as plans title themselves. */
export function detectTitle(text: string): string | undefined {
  const match = /^\s*(KẾ HOẠCH)\s*\n+\s*([^\n]+)/mu.exec(text);
  return match ? normalizeName(`Kế hoạch ${match[2]}`) : undefined;
}

/** A quarter's heading row ("I. QUÝ I", "Quý 2"): in tab-separated text it belongs to the table around it. */
export function isQuarterHeading(row: Row): boolean {
  return quarterOf(row) !== undefined;
}
