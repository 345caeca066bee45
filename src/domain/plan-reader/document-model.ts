import { normalizeName } from "../text.js";

/**
 * A plan document as the reader sees it: its tables, and its prose — the lines outside the
 * tables, without the emphasis marks of a markdown export — and its whole text.
 */
export type PlanDocument = { tables: Table[]; prose: string[]; text: string };

/** Bold and italic marks and heading hashes of a markdown export say nothing about the plan. */
export function withoutEmphasis(line: string): string {
  return normalizeName(line.replace(/\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|(?<![\w_])_(?=\S)|(?<=\S)_(?![\w_])|^\s*#+\s*|\\(?=[*_#])/g, ""));
}

/**
 * The tables of a document, as rows of cells: Word files (turned into HTML tables), markdown pipe
 * tables, or tab-separated text whose cells may hold HTML bullet lists. A cell is its lines
 * joined with "\n".
 */
export type Row = string[];
export type Table = Row[];

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
 * ends the table, except one that `keepsTableOpen` says belongs to it (a plan's quarter heading).
 */
export function tablesFromTabSeparated(text: string, options: { keepsTableOpen?: (cells: Row) => boolean } = {}): Table[] {
  const tables: Table[] = [];
  let current: Table | null = null;
  for (const cells of splitTabSeparated(text)) {
    const multiCell = cells.filter((cell) => cell.trim() !== "").length > 1 || cells.length > 1;
    if (multiCell || (current && options.keepsTableOpen?.(cells))) {
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
    .flatMap(bulletItems)
    .map((line) => normalizeName(line))
    .filter(Boolean)
    .join("\n");
}

/**
 * A line that opens with a bullet and holds more ("- A. - B. - C.", what a Word list without
 * `<li>` leaves once its tags are gone) is that many items, one per line.
 */
function bulletItems(line: string): string[] {
  if (!/^\s*[-–•+]\s+/.test(line)) return [line];
  // After an item's closing punctuation, or before a "•"/"+" and a capital. A dash before a
  // capital is not enough: "Hội đồng Thi đua - Khen thưởng", "Kinh tế - Xã hội" are one name.
  const items = line.split(/(?<=[.;:,])\s+(?=[-–•+]\s+\S)|\s+(?=[•+]\s+\p{Lu})/u);
  return items.length > 1 ? items : [line];
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
