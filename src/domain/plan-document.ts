import { foldForMatching, normalizeName } from "./text.js";
import { UserError } from "./user-error.js";

/**
 * Reading the quarterly task table of a plan document (kế hoạch). Plans arrive as Word files
 * (turned into HTML tables), markdown pipe tables, or tab-separated text whose cells may hold
 * HTML bullet lists; all of them become rows of cells here, and one interpreter reads the rows.
 * A cell is its lines joined with "\n".
 */
export type Row = string[];
export type Table = Row[];

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

// ---------------------------------------------------------------- sources → tables

/** Pipe tables of a markdown export; each run of `|` lines is one table. */
export function tablesFromMarkdown(text: string): Table[] {
  const tables: Table[] = [];
  let current: Table | null = null;
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (!trimmed.startsWith("|")) {
      current = null;
      continue;
    }
    const cells = trimmed
      .replace(/^\|/, "")
      .replace(/\|$/, "")
      .split(/(?<!\\)\|/)
      .map((cell) => cellText(cell.replace(/\\\|/g, "|")));
    if (cells.every((cell) => /^:?-{2,}:?$/.test(cell.trim()) || cell.trim() === "") && cells.some((cell) => cell.includes("-"))) {
      continue;
    }
    if (!current) {
      current = [];
      tables.push(current);
    }
    current.push(cells);
  }
  return tables;
}

/**
 * Tab-separated text as Word or Excel copy it: rows with tabs form tables; a cell may be quoted
 * to span lines and may hold an HTML list. A lone line between rows (a page number, a heading)
 * ends the table, except a quarter heading, which belongs to it.
 */
export function tablesFromTabSeparated(text: string): Table[] {
  const tables: Table[] = [];
  let current: Table | null = null;
  for (const cells of splitTabSeparated(text)) {
    const multiCell = cells.filter((cell) => cell.trim() !== "").length > 1 || cells.length > 1;
    if (multiCell || (current && quarterOf(cells) !== undefined)) {
      if (!current) {
        current = [];
        tables.push(current);
      }
      current.push(cells.map(cellText));
    } else {
      current = null;
    }
  }
  return tables;
}

function splitTabSeparated(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        cell += char;
      }
    } else if (char === '"' && cell.trim() === "") {
      quoted = true;
      cell = "";
    } else if (char === "\t") {
      row.push(cell);
      cell = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else {
      cell += char;
    }
  }
  row.push(cell);
  rows.push(row);
  return rows.filter((cells) => cells.some((value) => value.trim() !== ""));
}

/**
 * The tables of an HTML document (what mammoth makes of a .docx). Merged cells are spread out:
 * a colspan leaves empty cells after it, a rowspan repeats its text in the rows it covers, so a
 * lead unit merged down five rows is the lead of all five tasks.
 */
export function tablesFromHtml(html: string): Table[] {
  const tables: Table[] = [];
  type Open = { rows: Table; row: Row | null; cell: string | null; colspan: number; rowspan: number; carried: Map<number, { text: string; left: number }> };
  const stack: Open[] = [];
  const tokens = html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|([^<]+)/g);
  for (const [, closing, rawTag, attributes = "", text] of tokens) {
    const table = stack.at(-1);
    if (text !== undefined) {
      if (table?.cell !== null && table?.cell !== undefined) table.cell += decodeEntities(text);
      continue;
    }
    const tag = (rawTag ?? "").toLowerCase();
    if (tag === "table") {
      if (!closing) stack.push({ rows: [], row: null, cell: null, colspan: 1, rowspan: 1, carried: new Map() });
      else {
        const done = stack.pop();
        if (done) {
          const parent = stack.at(-1);
          // A table inside a cell is read as that cell's text.
          if (parent?.cell !== null && parent?.cell !== undefined) parent.cell += `\n${done.rows.map((r) => r.join(" ")).join("\n")}\n`;
          else tables.push(done.rows);
        }
      }
      continue;
    }
    if (!table) continue;
    if (tag === "tr") {
      if (!closing) {
        table.row = [];
        fillCarried(table);
      } else if (table.row) {
        table.rows.push(table.row);
        table.row = null;
      }
    } else if (tag === "td" || tag === "th") {
      if (!closing) {
        table.cell = "";
        table.colspan = Number(/colspan="?(\d+)/i.exec(attributes)?.[1] ?? 1);
        table.rowspan = Number(/rowspan="?(\d+)/i.exec(attributes)?.[1] ?? 1);
      } else if (table.row && table.cell !== null) {
        const value = cellText(table.cell);
        const column = table.row.length;
        table.row.push(value);
        for (let extra = 1; extra < table.colspan; extra++) table.row.push("");
        if (table.rowspan > 1) table.carried.set(column, { text: value, left: table.rowspan - 1 });
        table.cell = null;
        fillCarried(table);
      }
    } else if (table.cell !== null && ["p", "br", "li", "div"].includes(tag)) {
      table.cell += tag === "li" && !closing ? "\n- " : "\n";
    }
  }
  return tables;

  function fillCarried(table: { row: Row | null; carried: Map<number, { text: string; left: number }> }) {
    if (!table.row) return;
    for (let carry = table.carried.get(table.row.length); carry; carry = table.carried.get(table.row.length)) {
      table.row.push(carry.text);
      carry.left--;
      if (carry.left === 0) table.carried.delete(table.row.length - 1);
    }
  }
}

/** A cell's lines: HTML line breaks and list items become lines, white space is tidied. */
function cellText(raw: string): string {
  const withBreaks = raw
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<li[^>]*>/gi, "\n- ")
    .replace(/<\/(p|li|div|ul|ol)>/gi, "\n")
    .replace(/<[^>]+>/g, "");
  return decodeEntities(withBreaks)
    .split("\n")
    .map((line) => normalizeName(line))
    .filter(Boolean)
    .join("\n");
}

function decodeEntities(text: string): string {
  return text
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, "&");
}

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
