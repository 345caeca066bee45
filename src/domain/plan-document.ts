import { foldForMatching, normalizeName } from "./text.js";
import { UserError } from "./user-error.js";
import type { Row, Table } from "./document-tables.js";
import { type CalendarDate, type DeadlineSource, findDeadline, type Quarter, quarterFromTime, quarterOfMonth, ROMAN } from "./plan-dates.js";

export type { CalendarDate, DeadlineSource, Quarter } from "./plan-dates.js";

/**
 * Reading the quarterly task table of a plan document (kế hoạch): the document's tables (see
 * document-tables.ts) are read by one interpreter of rows.
 */

export type ParsedTask = {
  quarter: Quarter;
  number: string;
  content: string;
  leadUnits: string[];
  coordinatingUnits: string[];
  /** A deadline the text states ("trước ngày 30/01/2024"); otherwise the quarter's end applies. */
  deadline: CalendarDate | null;
  /** Where the deadline was read: the time column, the task's own text, the plan's prose. */
  deadlineFrom: DeadlineSource | null;
};

/** A meeting the plan schedules by month only ("Tháng 03, 06 và tháng 12"): a date is still to be set. */
export type MeetingDraft = { year: number; month: number; title: string };

export type ParsedPlan = {
  year: number;
  title: string;
  tasks: ParsedTask[];
  warnings: string[];
  meetings: MeetingDraft[];
  /** The registration deadline the plan states in its text, suggested for the campaign. */
  registrationDeadline: CalendarDate | null;
};

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

/**
 * "QUÝ I", "Quý II/2024", "QUÝ III (tháng 7–9)" heading a row that says nothing else (beside its
 * numbering, or the same text in merged cells); a task whose time column says "Quý I" is a task.
 */
function quarterOf(row: Row): Quarter | undefined {
  for (const cell of row) {
    const match = /^quy\s+(iv|i{1,3}|[1-4])\b/.exec(foldForMatching(cell));
    if (!match) continue;
    const others = row.filter((other) => other.trim() !== "" && other !== cell && !/^([ivx]+|\d+)[.)]?$/i.test(other.trim()));
    return others.length === 0 ? ROMAN[match[1] ?? ""] : undefined;
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
      if (row.every((value) => value.trim() === "") || isRepeatedHeader(row)) continue;
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
      const roles = unitRoles(splitUnits(cell(row, "lead")));
      const lead = roles.lead;
      const coordinating = [...roles.coordinating, ...splitUnits(cell(row, "coordinating")).filter((unit) => !roles.coordinating.includes(unit))];
      const previous = tasks.at(-1);
      if (!number && numbered && previous && columns.has("number")) {
        // A row cut by a page break: its rest continues the task above.
        previous.content = `${previous.content}\n${content}`;
        previous.leadUnits.push(...lead.filter((unit) => !previous.leadUnits.includes(unit)));
        previous.coordinatingUnits.push(...coordinating.filter((unit) => !previous.coordinatingUnits.includes(unit)));
        continue;
      }
      numbered = Boolean(number);
      const found = findDeadline(`${time}\n${content}`, time, context.year, quarter);
      const deadline = found?.date ?? null;
      const taskQuarter = quarter ?? quarterFromTime(time) ?? (deadline ? quarterOfMonth(deadline.month) : undefined);
      if (taskQuarter === undefined) {
        warnings.push(`no-quarter:${content.slice(0, 60)}`);
      }
      const resolvedQuarter = taskQuarter ?? 4;
      const taskNumber = number || String(tasks.filter((task) => task.quarter === resolvedQuarter).length + 1);
      // A cell of several duties is as many tasks, each with its own "done".
      const duties = dutiesOf(content);
      for (const [index, duty] of duties.entries()) {
        tasks.push({
          quarter: resolvedQuarter,
          number: duties.length > 1 ? `${taskNumber}.${index + 1}` : taskNumber,
          content: duty,
          leadUnits: [...lead],
          coordinatingUnits: [...coordinating],
          deadline,
          deadlineFrom: found?.from ?? null,
        });
      }
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
  return { year: context.year, title: context.title, tasks, warnings, meetings: [], registrationDeadline: null };
}

/** A header row again after a page break: short cells naming at least two of the columns. */
function isRepeatedHeader(row: Row): boolean {
  const columns = headerColumns(row);
  return columns !== undefined && columns.size >= 2 && row.every((cell) => cell.length <= 40);
}

const BULLET = /^\s*[-–•+]\s+/;

/** "Tổ chức:\n- A\n- B" is two duties, "Tổ chức: A" and "Tổ chức: B"; a cell with one bullet or none is one. */
function dutiesOf(content: string): string[] {
  const lines = content.split("\n");
  const bullets = lines.filter((line) => BULLET.test(line));
  if (bullets.length < 2) return [content];
  const intro = lines
    .filter((line) => !BULLET.test(line))
    .join(" ")
    .trim();
  return bullets.map((line) => {
    const item = line
      .replace(BULLET, "")
      .replace(/[.;]+$/, "")
      .trim();
    return intro ? `${intro.replace(/:$/, "")}: ${item}` : item;
  });
}

/**
 * A single "units" column that says who leads and who helps: "Văn phòng chủ trì, phối hợp với
 * các phòng", "Văn phòng (chủ trì)", "Các phòng phối hợp".
 */
export function unitRoles(items: string[]): { lead: string[]; coordinating: string[] } {
  const lead: string[] = [];
  const coordinating: string[] = [];
  for (const item of items) {
    const both = /^(.+?)\s*\(?\s*chủ trì\s*\)?\s*,?\s*phối hợp(?:\s+với)?\s+(.+)$/iu.exec(item);
    if (both) {
      lead.push((both[1] ?? "").trim());
      coordinating.push((both[2] ?? "").trim());
      continue;
    }
    const leading = /^(.+?)\s*\(?\s*chủ trì\s*\)?$/iu.exec(item);
    const helping = /^(.+?)\s*\(?\s*phối hợp\s*\)?$/iu.exec(item);
    if (leading) lead.push((leading[1] ?? "").trim());
    else if (helping) coordinating.push((helping[1] ?? "").trim());
    else lead.push(item);
  }
  return { lead, coordinating };
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
