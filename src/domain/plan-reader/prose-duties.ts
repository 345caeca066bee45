import { foldForMatching, normalizeName } from "../text.js";
import { type CalendarDate, DEADLINE_IN_TEXT, digitsForWordDates, type PlanTime, quarterOfMonth, resolveDate, timeIn } from "./dates.js";
import { type Owners, ownersInSentence, splitUnits, unitRoles } from "./owners.js";
import type { MeetingDraft, ParsedTask } from "./plan.js";
import { fieldOf, type ProseItem, sectionOf } from "./prose-items.js";
import { occurrencesOf } from "./table-duties.js";

/** What a plan's prose says: dated duties with their owners, meetings by month, the registration deadline. */
export type PlanProse = { tasks: ParsedTask[]; meetings: MeetingDraft[]; registrationDeadline: CalendarDate | null };

export type ProseOptions = {
  /** Whether an item is this agency's to do (a launch plan gives duties to many bodies). */
  isOurs?: (item: ProseItem) => boolean;
  /** The due day of a duty of ours that states no time (a launch plan's window end). */
  dueOtherwise?: CalendarDate;
  /** Whether a body named as a duty's owner is the agency itself ("Các sở, ban, ngành" in a launch plan). */
  isUs?: (phrase: string) => boolean;
};

// Lines that cite, introduce or close the plan rather than give a duty.
const NOT_A_DUTY = /^(thuc hien (ke hoach|quyet dinh|chi thi|cong van|van ban|huong dan)|noi nhan|tren day la|so\s*:)/;
// "Căn cứ Luật…, Quyết định… tháng 3 năm 2024": a legal basis, unless it goes on to set a deadline.
const LEGAL_BASIS = /^can cu\b/;
// Sections that say why, not what: their dates are context.
const CONTEXT_SECTION = /muc dich|yeu cau|can cu|quan diem|muc tieu/;
// "họp", "phiên họp" — not "phối hợp", "tổng hợp", "phù hợp", "kết hợp".
const MEETING = /(?<!\b(?:phoi|tong|phu|thich|ket|lien|hon|tich|dung|hoa|to|tap) )\bhop\b/;

/**
 * Reads the duties of a plan's prose, item by item: an item with a time — its own ("… trước ngày
 * 01/10/2024", "trong tháng 3", "Quý III", "hàng quý") or its "Thời gian:" line — is a duty, due
 * then, given to whom it names ("X chủ trì, phối hợp với Y", "Chủ trì: X") or to the body its
 * heading addresses ("1. Văn phòng Sở có trách nhiệm…:"); a meeting by months is a meeting draft.
 */
export function parsePlanProse(items: ProseItem[], year: number, options: ProseOptions = {}): PlanProse {
  const prose: PlanProse = { tasks: [], meetings: [], registrationDeadline: null };
  for (const item of items) {
    const folded = foldForMatching(item.text);
    if (NOT_A_DUTY.test(folded) || CONTEXT_SECTION.test(sectionOf(item)) || item.depth === 0) continue;
    const ours = options.isOurs?.(item) ?? true;
    const owners = ownersOf(item, options.isUs);
    for (const { piece, stated } of datedPieces(item.text, year)) {
      const timeField = fieldOf(item, "time");
      const time = stated ?? (timeField ? timeIn(timeField, year, { anyDate: true }) : null);
      if (LEGAL_BASIS.test(folded) && time?.kind !== "date") continue;
      const pieceFolded = foldForMatching(piece);
      if (time?.kind === "date" && /dang ky/.test(pieceFolded) && /(thi dua|danh hieu)/.test(pieceFolded)) prose.registrationDeadline ??= time.date;
      if (!ours) continue;
      if (time && time.kind !== "date" && MEETING.test(`${folded} ${foldForMatching(item.parents.at(-1)?.text ?? "")}`) && !/\bkhong dinh ky\b/.test(folded)) {
        const title = meetingTitle(item);
        for (const month of meetingMonths(time)) if (!prose.meetings.some((known) => known.month === month)) prose.meetings.push({ year, month, title });
        continue;
      }
      const dueInstead = !time && options.dueOtherwise && isDutyLine(item) ? options.dueOtherwise : null;
      if (!time && !dueInstead) continue;
      const content = normalizeName(piece.replace(/\(\s*(\S.*?)\s*\)\s*\.?$/, "($1)")).replace(/[;:]$/, "");
      const occurrences = time
        ? occurrencesOf(time, "prose")
        : [{ quarter: quarterOfMonth((dueInstead as CalendarDate).month) ?? 4, deadline: dueInstead, from: "window" as const }];
      for (const occurrence of occurrences) {
        // A duty due before the plan's year (a launch plan issued in November) is its first; one after it, its last.
        const quarter = occurrence.deadline && occurrence.deadline.year !== year ? (occurrence.deadline.year < year ? 1 : 4) : occurrence.quarter;
        prose.tasks.push({
          quarter,
          number: String(prose.tasks.filter((task) => task.quarter === quarter).length + 1),
          content,
          leadUnits: owners?.lead ?? [],
          coordinatingUnits: owners?.coordinating ?? [],
          deadline: occurrence.deadline,
          deadlineFrom: occurrence.deadline ? occurrence.from : null,
          quarterFrom: "text",
          unitsFrom: owners ? "text" : "default",
        });
      }
    }
  }
  return prose;
}

/**
 * "Báo cáo sơ kết trước ngày 15/6; báo cáo tổng kết trước ngày 15/11" is two duties, each with its
 * day; so is "báo cáo định kỳ 6 tháng (trước ngày 15/6) và năm (trước ngày 15/11)", both worded
 * as the whole sentence.
 */
function datedPieces(text: string, year: number): { piece: string; stated: PlanTime | null }[] {
  const clauses = text.split(/;\s+/u).filter((clause) => timeIn(clause, year)?.kind === "date");
  if (clauses.length >= 2) return clauses.map((clause) => ({ piece: clause.charAt(0).toUpperCase() + clause.slice(1), stated: timeIn(clause, year) }));
  const digits = digitsForWordDates(text);
  const dates = [...digits.matchAll(new RegExp(DEADLINE_IN_TEXT.source, "giu"))].map((match) => resolveDate(match, year)).filter((date) => date !== null);
  if (dates.length >= 2) return dates.map((date) => ({ piece: text, stated: { kind: "date", date } }));
  return [{ piece: text, stated: timeIn(text, year) }];
}

/** A bullet or numbered line that does something, not a heading that introduces others. */
function isDutyLine(item: ProseItem): boolean {
  return item.depth >= 4 && !/:$/.test(item.text) && item.text.length >= 15;
}

/** Its fields, its own sentence, or the nearest heading above it that names someone — other than the agency itself. */
function ownersOf(item: ProseItem, isUs?: (phrase: string) => boolean): Owners | null {
  const found = namedOwners(item);
  if (!found || !isUs) return found;
  const lead = found.lead.filter((phrase) => !isUs(phrase));
  const coordinating = found.coordinating.filter((phrase) => !isUs(phrase));
  return lead.length + coordinating.length > 0 ? { lead, coordinating } : null;
}

function namedOwners(item: ProseItem): Owners | null {
  const lead = fieldOf(item, "lead") ?? fieldOf(item, "units");
  const coordinating = fieldOf(item, "coordinating");
  if (lead || coordinating) {
    const roles = unitRoles(splitUnits((lead ?? "").replace(/,\s*/g, ";")));
    return { lead: roles.lead, coordinating: [...roles.coordinating, ...splitUnits((coordinating ?? "").replace(/,\s*/g, ";"))] };
  }
  const own = ownersInSentence(item.text);
  if (own) return own;
  for (const parent of [...item.parents].reverse()) {
    if (parent.depth === 0) break;
    const named = ownersInSentence(parent.text);
    if (named) return named;
  }
  return null;
}

/** "Tháng 03, 06 và 12", "định kỳ 06 tháng một lần vào tháng 6 và tháng 12"; quarterly meetings in each quarter's last month. */
function meetingMonths(time: PlanTime): number[] {
  if (time.kind === "quarters") return time.quarters.map((quarter) => quarter * 3);
  if (time.kind === "months") return time.months.map((month) => month.month);
  return [];
}

/** The heading a "Thời gian:" line sits under, or the item's own words before its time. */
function meetingTitle(item: ProseItem): string {
  const stated = item.text.split(/\s+(?:vào|trong|định kỳ|thời gian|mỗi|hàng)\s+/iu)[0] ?? item.text;
  return normalizeName(stated.replace(/[.;:,]+$/, ""));
}
