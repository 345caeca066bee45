import { foldForMatching } from "../text.js";
import { UserError } from "../user-error.js";
import type { Row, Table } from "./document-model.js";
import { type CalendarDate, type DeadlineSource, monthEnd, type PlanTime, type Quarter, quarterOfMonth, ROMAN, timeIn } from "./dates.js";
import { splitUnits, unitRoles } from "./owners.js";
import { numberApart, type ParsedTask } from "./plan.js";

/**
 * The duties of a plan's task tables: a header names the columns (any wording of content, lead,
 * coordinating, time), rows are duties, roman-numeral "QUÝ I" rows set the quarter, a table
 * continues across page breaks with its header repeated and a row cut in two. The time is a
 * column of dates, months or quarters, or a column per quarter or per month with a mark.
 */

type Column = "number" | "content" | "lead" | "coordinating" | "time";

// Checked in this order: "phối hợp thực hiện" is a coordinating column and "thời gian thực hiện"
// a time column, although both say "thực hiện".
const HEADER_WORDS: [Column, RegExp][] = [
  ["coordinating", /phoi hop/],
  ["time", /thoi gian|thoi han|tien do|^han\b|hoan thanh|thoi diem/],
  ["lead", /chu tri|thuc hien|phu trach|dau moi|trach nhiem/],
  ["content", /noi dung|nhiem vu|cong viec|hoat dong/],
  ["number", /^(s\s*tt|tt|so tt|so thu tu)$/],
];

/** A column per quarter ("Quý I", "Q2") or per month ("Tháng 5", "T5", "5" under a months heading). */
type PeriodColumns = Map<number, PlanTime>;

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
    if (!folded || periodOfHeader(folded, undefined, 0)) return;
    const column = HEADER_WORDS.find(([, pattern]) => pattern.test(folded))?.[0];
    if (column && !columns.has(column)) columns.set(column, index);
  });
  return columns.has("content") ? columns : undefined;
}

/**
 * A header cell naming one quarter or one month. A bare number counts only under a heading that
 * says which ("Thời gian (tháng)" over 1 … 12, "Quý" over I … IV).
 */
function periodOfHeader(folded: string, under: "months" | "quarters" | undefined, year: number): PlanTime | undefined {
  const quarter = /^(?:quy|q)\s*(iv|i{1,3}|[1-4])$/.exec(folded) ?? (under === "quarters" ? /^(iv|i{1,3}|[1-4])$/.exec(folded) : null);
  if (quarter) {
    const value = ROMAN[quarter[1] ?? ""];
    return value ? { kind: "quarters", quarters: [value] } : undefined;
  }
  const month = /^(?:thang|t)\s*(\d{1,2})(?:\s*\/\s*(20\d\d))?$/.exec(folded) ?? (under === "months" ? /^(\d{1,2})$/.exec(folded) : null);
  const value = Number(month?.[1]);
  if (month && value >= 1 && value <= 12) return { kind: "months", months: [{ year: Number(month[2] ?? year), month: value }], span: false };
  return undefined;
}

/**
 * The period columns of a header and of the row under it when that row continues the header (a
 * merged "Thời gian thực hiện" over "Quý I … Quý IV", "Tháng" over "1 … 12"): it has no content.
 */
function periodColumns(header: Row, under: Row | undefined, contentIndex: number, year: number): PeriodColumns {
  const found: PeriodColumns = new Map();
  const folded = header.map(foldForMatching);
  const heading = folded.some((cell) => /\bthang\b/.test(cell)) ? "months" : folded.some((cell) => /\bquy\b/.test(cell)) ? "quarters" : undefined;
  const rows = under && !(under[contentIndex] ?? "").trim() ? [header, under] : [header];
  for (const row of rows) {
    row.forEach((cell, index) => {
      const period = periodOfHeader(foldForMatching(cell), row === under ? heading : undefined, year);
      if (period && !found.has(index)) found.set(index, period);
    });
  }
  return found.size >= 2 ? found : new Map();
}

/** Reads the task tables out of a document's tables. */
export function parsePlanTables(tables: Table[], context: { year: number }): { tasks: ParsedTask[]; warnings: string[] } {
  const warnings: string[] = [];
  const tasks: ParsedTask[] = [];
  let columns: Map<Column, number> | undefined;
  let periods: PeriodColumns = new Map();
  let quarter: Quarter | undefined;
  let sawTaskTable = false;
  let unknownHeaders: string[] | undefined;

  for (const table of tables) {
    const headerIndex = table.findIndex((row) => headerColumns(row) !== undefined);
    let rows = table;
    if (headerIndex >= 0) {
      const found = headerColumns(table[headerIndex] as Row) as Map<Column, number>;
      const foundPeriods = periodColumns(table[headerIndex] as Row, table[headerIndex + 1], found.get("content") as number, context.year);
      if (!found.has("lead") && !found.has("coordinating") && !found.has("time") && foundPeriods.size === 0) {
        unknownHeaders ??= (table[headerIndex] as Row).filter(Boolean);
        continue;
      }
      columns = found;
      periods = foundPeriods;
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
      const marked = [...periods.entries()].filter(([index]) => isMark(row[index] ?? ""));
      if (!number && numbered && previous && columns.has("number")) {
        // A row cut by a page break: its rest continues the task above (and its copies in other
        // quarters); a time only the rest carries dates the task.
        const cut = tasks.filter((task) => task.number.split(".")[0] === previous.number.split(".")[0] && task.content === previous.content);
        for (const task of cut) {
          task.content = `${task.content}\n${content}`;
          task.leadUnits.push(...lead.filter((unit) => !task.leadUnits.includes(unit)));
          task.coordinatingUnits.push(...coordinating.filter((unit) => !task.coordinatingUnits.includes(unit)));
        }
        const dated = rowOccurrences({ time, content: "", marked: marked.map(([, period]) => period), quarter, year: context.year });
        const [only] = dated.list;
        if (cut.length === 1 && previous.deadline === null && previous.quarterFrom === "default" && dated.list.length === 1 && only && !dated.quarterGuessed) {
          Object.assign(previous, { quarter: only.quarter, deadline: only.deadline, deadlineFrom: only.from, quarterFrom: "table" as const });
        }
        continue;
      }
      numbered = Boolean(number);
      const units = lead.length + coordinating.length > 0 ? "table" : "default";
      const occurrences = rowOccurrences({ time, content, marked: marked.map(([, period]) => period), quarter, year: context.year });
      if (occurrences.quarterGuessed) warnings.push(`no-quarter:${content.slice(0, 60)}`);
      // A cell of several duties is as many tasks, each with its own "done".
      const duties = dutiesOf(content);
      for (const occurrence of occurrences.list) {
        const taskNumber = number || String(tasks.filter((task) => task.quarter === occurrence.quarter).length + 1);
        for (const [index, duty] of duties.entries()) {
          tasks.push({
            quarter: occurrence.quarter,
            number: duties.length > 1 ? `${taskNumber}.${index + 1}` : taskNumber,
            content: duty,
            leadUnits: [...lead],
            coordinatingUnits: [...coordinating],
            deadline: occurrence.deadline,
            deadlineFrom: occurrence.from,
            quarterFrom: occurrences.quarterGuessed ? "default" : "table",
            unitsFrom: units,
          });
        }
      }
    }
  }
  if (!sawTaskTable) {
    if (unknownHeaders) throw new UserError("plan-unknown-columns", { columns: unknownHeaders.join(" | ") });
    throw new UserError("plan-no-task-table");
  }
  if (tasks.length === 0) throw new UserError("plan-no-tasks");
  return { tasks: numberApart(tasks), warnings };
}

type Occurrence = { quarter: Quarter; deadline: CalendarDate | null; from: DeadlineSource | null };

/**
 * When a row's duty falls: the quarter columns or month columns it marks, else its time cell
 * (a date, months, quarters), else a deadline its content states, else the quarter heading above
 * it. A duty with none of these is the year's: Q4, marked as guessed.
 */
function rowOccurrences(row: { time: string; content: string; marked: PlanTime[]; quarter: Quarter | undefined; year: number }): {
  list: Occurrence[];
  quarterGuessed: boolean;
} {
  const fromMarks = row.marked.flatMap((period) => occurrencesOf(period, "time"));
  if (fromMarks.length > 0) return { list: fromMarks, quarterGuessed: false };
  const inTime = row.time ? timeIn(row.time, row.year, { anyDate: true, quarter: row.quarter }) : null;
  const inContent = timeIn(row.content, row.year, { quarter: row.quarter });
  // The content's own deadline ("trước ngày 30/01") is more precise than the time cell's quarter or
  // month; other times in the content count only where nothing else dates the row.
  const contentCounts = inContent?.kind === "date" || (inTime === null && row.quarter === undefined);
  const time = contentCounts && inContent && inTime?.kind !== "date" ? inContent : inTime;
  const from: DeadlineSource = time === inTime ? "time" : "text";
  if (time && !(time.kind === "quarters" && row.quarter !== undefined)) {
    const list = occurrencesOf(time, from);
    // Under a quarter heading, the heading's quarter holds the duty whatever month it is due in.
    if (row.quarter !== undefined) for (const occurrence of list) occurrence.quarter = row.quarter;
    return { list, quarterGuessed: false };
  }
  if (row.quarter !== undefined) return { list: [{ quarter: row.quarter, deadline: null, from: null }], quarterGuessed: false };
  return { list: [{ quarter: 4, deadline: null, from: null }], quarterGuessed: true };
}

/** A time as the duties it makes: one per quarter, one per month (due at its end), one for a span or a day. */
export function occurrencesOf(time: PlanTime, from: DeadlineSource): Occurrence[] {
  if (time.kind === "date") return [{ quarter: quarterOfMonth(time.date.month) ?? 4, deadline: time.date, from }];
  if (time.kind === "quarters") return time.quarters.map((quarter) => ({ quarter, deadline: null, from: null }));
  const months = time.span ? time.months.slice(-1) : time.months;
  return months.map((month) => ({ quarter: quarterOfMonth(month.month) ?? 4, deadline: monthEnd(month), from }));
}

/** A cell that marks a period: "x", "✓", "•", or any short text that is not a dash. */
function isMark(cell: string): boolean {
  const trimmed = cell.trim();
  return trimmed !== "" && !/^[-–—0]$/.test(trimmed) && trimmed.length <= 40;
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

/** A quarter's heading row ("I. QUÝ I", "Quý 2"): in tab-separated text it belongs to the table around it. */
export function isQuarterHeading(row: Row): boolean {
  return quarterOf(row) !== undefined;
}
