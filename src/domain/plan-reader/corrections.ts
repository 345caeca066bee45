import { foldForMatching, normalizeName } from "../text.js";
import { type CalendarDate, calendarDate, type Quarter, quarterOfMonth, ROMAN } from "./dates.js";
import { numberApart, type ParsedPlan, type ParsedTask } from "./plan.js";

/**
 * What the clerk types to correct a previewed plan before saving it, by the duty's position in
 * the preview: «sửa 7 hạn 15/04/2026», «sửa 7 quý 3», «sửa 7 chủ trì Văn phòng», «sửa 7 phối hợp
 * Phòng A; Phòng B», «bỏ 7», «thêm quý 2 hạn 30/05/2026: Nội dung», «xem quý 2».
 */
export type Correction =
  | { kind: "due"; position: number; date: CalendarDate }
  | { kind: "quarter"; position: number; quarter: Quarter }
  | { kind: "units"; position: number; role: "lead" | "coordinating"; phrases: string[] }
  | { kind: "drop"; position: number }
  | { kind: "add"; quarter: Quarter | null; date: CalendarDate | null; content: string }
  | { kind: "show"; quarter: Quarter };

export type CorrectionError = { key: "plan-fix-usage" | "plan-fix-date" | "plan-fix-position"; args?: Record<string, string | number> };

const EDIT = /^(?:sửa|sua|đổi|doi)\s+(\d{1,3})\s+(.+)$/iu;
const DROP = /^(?:bỏ|bo|xóa|xoá|xoa)\s+(\d{1,3})$/iu;
const ADD = /^(?:thêm|them)\s*(.*?)\s*:\s*(.{3,})$/iu;
const SHOW = /^(?:xem)\s+(?:quý|quy)?\s*(iv|i{1,3}|[1-4])$/iu;
const DATE = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?$/;

/** Whether a message is meant as a correction at all: other text goes on to other commands. */
export function looksLikeCorrection(text: string): boolean {
  const trimmed = text.trim();
  return [EDIT, DROP, ADD, SHOW].some((pattern) => pattern.test(trimmed));
}

/** Reads a correction; the plan's year completes a date typed without one. */
export function parseCorrection(text: string, year: number): Correction | CorrectionError {
  const trimmed = normalizeName(text);
  const show = SHOW.exec(trimmed);
  if (show) return { kind: "show", quarter: ROMAN[foldForMatching(show[1] ?? "")] as Quarter };
  const drop = DROP.exec(trimmed);
  if (drop) return { kind: "drop", position: Number(drop[1]) };
  const add = ADD.exec(trimmed);
  if (add) {
    const spec = foldForMatching(add[1] ?? "");
    const quarterWord = /\bquy\s+(iv|i{1,3}|[1-4])\b/.exec(spec)?.[1];
    const dateWords = /\b(?:han|ngay)\s+([\d/.-]+)/.exec(spec)?.[1];
    const date = dateWords ? dateOf(dateWords, year) : null;
    if (dateWords && !date) return { key: "plan-fix-date", args: { text: dateWords } };
    if (spec.replace(/\bquy\s+\S+|\b(?:han|ngay)\s+\S+/g, "").trim() !== "") return { key: "plan-fix-usage" };
    return { kind: "add", quarter: quarterWord ? (ROMAN[quarterWord] as Quarter) : null, date, content: normalizeName(add[2] ?? "") };
  }
  const edit = EDIT.exec(trimmed);
  if (!edit) return { key: "plan-fix-usage" };
  const position = Number(edit[1]);
  const rest = edit[2] ?? "";
  const folded = foldForMatching(rest);
  const due = /^(?:han|ngay)\s+(.+)$/.exec(folded);
  if (due) {
    const date = dateOf(due[1] ?? "", year);
    return date ? { kind: "due", position, date } : { key: "plan-fix-date", args: { text: due[1] ?? "" } };
  }
  const quarter = /^quy\s+(iv|i{1,3}|[1-4])$/.exec(folded);
  if (quarter) return { kind: "quarter", position, quarter: ROMAN[quarter[1] ?? ""] as Quarter };
  const units = /^(chu tri|phoi hop)\s+/.exec(folded);
  if (units) {
    // The names as typed, after the role's words (folding keeps one character per letter).
    const phrases = rest
      .slice(units[0].length)
      .split(/\s*[;,]\s*/)
      .map((phrase) => normalizeName(phrase))
      .filter((phrase) => phrase !== "" && !/^(-|không|khong)$/iu.test(phrase));
    return { kind: "units", position, role: units[1] === "chu tri" ? "lead" : "coordinating", phrases };
  }
  return { key: "plan-fix-usage" };
}

function dateOf(text: string, year: number): CalendarDate | null {
  const match = DATE.exec(text.trim());
  return match ? calendarDate(Number(match[1]), Number(match[2]), Number(match[3] ?? year)) : null;
}

/**
 * Applies a correction to a previewed plan, as a new plan: the duty the clerk changed says so
 * ("clerk"), so it is no longer a guess. A duty moved to another quarter takes the next
 * number there.
 */
export function applyCorrection(plan: ParsedPlan, correction: Exclude<Correction, { kind: "show" }>): ParsedPlan | CorrectionError {
  const tasks = plan.tasks.map((task) => ({
    ...task,
    leadUnits: [...task.leadUnits],
    coordinatingUnits: [...task.coordinatingUnits],
  }));
  if (correction.kind === "add") {
    const quarter = correction.quarter ?? (correction.date ? quarterOfMonth(correction.date.month) : undefined) ?? 4;
    tasks.push({
      quarter,
      number: nextNumber(tasks, quarter),
      content: correction.content,
      leadUnits: [],
      coordinatingUnits: [],
      deadline: correction.date,
      deadlineFrom: correction.date ? "clerk" : null,
      quarterFrom: "clerk",
      unitsFrom: "default",
    });
    return { ...plan, tasks: inQuarterOrder(tasks) };
  }
  const task = tasks[correction.position - 1];
  if (!task) return { key: "plan-fix-position", args: { position: correction.position, count: tasks.length } };
  if (correction.kind === "drop") return { ...plan, tasks: tasks.filter((other) => other !== task) };
  if (correction.kind === "units") {
    if (correction.role === "lead") task.leadUnits = correction.phrases;
    else task.coordinatingUnits = correction.phrases;
    task.unitsFrom = "clerk";
    return { ...plan, tasks };
  }
  const quarter = correction.kind === "due" ? (quarterOfMonth(correction.date.month) ?? task.quarter) : correction.quarter;
  if (correction.kind === "due") {
    task.deadline = correction.date;
    task.deadlineFrom = "clerk";
  } else if (task.deadline && quarterOfMonth(task.deadline.month) !== quarter) {
    // A stated day outside the new quarter no longer holds: the quarter's end does.
    task.deadline = null;
    task.deadlineFrom = null;
  }
  if (quarter !== task.quarter) {
    task.number = nextNumber(tasks, quarter);
    task.quarter = quarter;
  }
  task.quarterFrom = "clerk";
  return { ...plan, tasks: inQuarterOrder(tasks) };
}

function nextNumber(tasks: ParsedTask[], quarter: Quarter): string {
  const numbers = tasks.filter((task) => task.quarter === quarter).map((task) => Number.parseInt(task.number, 10) || 0);
  return String(Math.max(0, ...numbers) + 1);
}

/** Duties in quarter order, as the preview numbers them; within a quarter, as the plan has them. */
export function inQuarterOrder(tasks: ParsedTask[]): ParsedTask[] {
  return numberApart([...tasks].sort((a, b) => a.quarter - b.quarter));
}
