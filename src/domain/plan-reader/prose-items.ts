import { foldForMatching, normalizeName } from "../text.js";
import { withoutEmphasis } from "./document-model.js";

/**
 * The prose of a plan as items: a numbered heading ("II.", "1.", "5.1.", "a)"), a bullet or a
 * paragraph, each under the headings above it, with the labelled lines that follow it ("- Chủ trì:
 * …", "Thời gian thực hiện: …") as its fields.
 */
export type ProseItem = {
  text: string;
  depth: number;
  fields: { label: FieldLabel; value: string }[];
  parents: ProseItem[];
};

export type FieldLabel = "content" | "lead" | "coordinating" | "units" | "time";

const FIELD =
  /^(?:[-–•+*]\s*)?(nội dung(?: thực hiện)?|(?:cơ quan |đơn vị )?chủ trì(?: thực hiện)?|(?:cơ quan |đơn vị )?phối hợp(?: thực hiện)?|(?:cơ quan |đơn vị )?thực hiện|(?:cơ quan |đơn vị )?tham mưu|thời gian(?: thực hiện| hoàn thành| tổ chức)?|thời hạn(?: hoàn thành)?|tiến độ)\s*:\s*(.*)$/iu;

function fieldLabel(word: string): FieldLabel {
  const folded = foldForMatching(word);
  if (/thoi gian|thoi han|tien do/.test(folded)) return "time";
  if (/noi dung/.test(folded)) return "content";
  if (/chu tri/.test(folded)) return "lead";
  if (/phoi hop/.test(folded)) return "coordinating";
  return "units";
}

// The marker of a line and how deep it sits: "I." 0, "1." 1, "1.1." 2, "a)" 4, a bullet 5.
const MARKERS: [RegExp, (match: RegExpExecArray) => number][] = [
  [/^([IVX]+)[.)]\s+/u, () => 0],
  [/^(\d+(?:\.\d+)*)[.)]?\s+(?=\p{L})/u, (match) => (match[1] ?? "").split(".").length],
  [/^([a-zđ])[.)]\s+/u, () => 4],
  [/^[-–•]\s+/u, () => 5],
  [/^[+*]\s+/u, () => 6],
];

/** The document's own heading ("KẾ HOẠCH") and everything above it (issuer, number, place and date) are not the plan's items. */
const PLAN_HEADING = /^ke hoach\b/;

export function proseItems(lines: string[]): ProseItem[] {
  const items: ProseItem[] = [];
  const stack: ProseItem[] = [];
  const startsAt = lines.findIndex((line) => PLAN_HEADING.test(foldForMatching(withoutEmphasis(line))));
  for (const raw of lines.slice(Math.max(startsAt, 0))) {
    const line = withoutEmphasis(raw);
    if (!line) continue;
    const field = FIELD.exec(line);
    const current = items.at(-1);
    // A paragraph wrapped onto several lines by the export: the line goes on the sentence above.
    if (current && !field && continuesSentence(current.text, line)) {
      current.text = normalizeName(`${current.text} ${line}`);
      continue;
    }
    if (field && current) {
      current.fields.push({ label: fieldLabel(field[1] ?? ""), value: normalizeName(field[2] ?? "") });
      continue;
    }
    // A paragraph ending in ":" introduces what follows ("Các sở, ban, ngành:"), like a heading.
    let depth = /:$/.test(line) ? 4.5 : 5;
    let text = line;
    for (const [pattern, depthOf] of MARKERS) {
      const match = pattern.exec(line);
      if (!match) continue;
      depth = depthOf(match);
      text = line.slice(match[0].length);
      break;
    }
    // A heading in capitals is a section, whatever marks it: Word's automatic numbering ("I.",
    // "II.") does not survive the conversion, and the capitals do.
    if (isCapitalHeading(text)) depth = 0;
    while (stack.length > 0 && (stack.at(-1) as ProseItem).depth >= depth) stack.pop();
    const item: ProseItem = { text: normalizeName(text), depth, fields: [], parents: [...stack] };
    items.push(item);
    // A plain paragraph is never a heading: the bullets after it belong to the heading above.
    if (depth < 5 || /:$/.test(item.text)) stack.push(item);
  }
  return items;
}

function isCapitalHeading(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, "");
  return letters.length >= 6 && letters === letters.toUpperCase() && /\s/.test(text.trim());
}

/** A line that starts in lower case (or with a bracket) after a line that did not end its sentence. */
function continuesSentence(previous: string, line: string): boolean {
  return !/[.;:!?…]$/u.test(previous) && /^[\p{Ll}(]/u.test(line) && !MARKERS.some(([pattern]) => pattern.test(line));
}

/** The item's value of a field ("Thời gian thực hiện: …"), if it has one. */
export function fieldOf(item: ProseItem, label: FieldLabel): string | undefined {
  return item.fields.find((field) => field.label === label)?.value;
}

/** The section (roman-numbered heading) an item is in, folded: "muc dich, yeu cau", "to chuc thuc hien". */
export function sectionOf(item: ProseItem): string {
  const section = item.depth === 0 ? item : item.parents.find((parent) => parent.depth === 0);
  return section ? foldForMatching(section.text) : "";
}
