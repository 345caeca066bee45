import { foldForMatching, normalizeName } from "../text.js";
import { UserError } from "../user-error.js";
import { addressesUs, campaignOf, isLaunchPlan, ourDuties } from "./campaign.js";
import { inQuarterOrder } from "./corrections.js";
import { type PlanDocument, tablesFromHtml, tablesFromMarkdown, tablesFromTabSeparated, withoutEmphasis } from "./document-model.js";
import type { ParsedPlan } from "./plan.js";
import { parsePlanProse } from "./prose-duties.js";
import { proseItems } from "./prose-items.js";
import { isQuarterHeading, parsePlanTables } from "./table-duties.js";

/**
 * Reads a plan document, whichever of the family of shapes it has: an annual plan with a task
 * table (its prose then gives only the registration deadline and the meetings), a plan in prose,
 * a council or self-inspection plan, a campaign-launch plan. An inspection plan is sent to
 * /inspectionplan.
 */
export function readPlan(document: PlanDocument, context: { year?: number; fileName: string }): ParsedPlan {
  const title = detectTitle(document.text) ?? normalizeName(context.fileName.replace(/\.[^.]+$/, ""));
  if (/^ke hoach kiem tra\b/.test(foldForMatching(title))) throw new UserError("plan-is-inspection-plan");
  const year = context.year ?? detectYear(document.text);
  if (!year) throw new UserError("plan-no-year");
  const items = proseItems(document.prose);

  const campaign = isLaunchPlan(title) ? campaignOf(items, title, year) : null;
  // A launch plan gives duties to many bodies: only those addressed to this agency are its own,
  // and one that states no time is due when the campaign ends.
  const prose = parsePlanProse(items, year, campaign ? { isOurs: ourDuties(items), isUs: addressesUs, dueOtherwise: campaign.to ?? undefined } : {});
  let tasks = prose.tasks;
  let warnings: string[] = [];
  try {
    ({ tasks, warnings } = parsePlanTables(document.tables, { year }));
  } catch (error) {
    const noTable = error instanceof UserError && (error.key === "plan-no-task-table" || error.key === "plan-no-tasks");
    if (!noTable || prose.tasks.length + prose.meetings.length === 0) throw error;
  }
  const registration = prose.registrationDeadline;
  if (registration) {
    // The table's registration task falls due when the text says, not at the quarter's end.
    for (const task of tasks) {
      if (!task.deadline && /dang ky thi dua|dang ky danh hieu/.test(foldForMatching(task.content))) {
        task.deadline = registration;
        task.deadlineFrom = "prose";
      }
    }
  }
  return { year, title, tasks: inQuarterOrder(tasks), warnings, meetings: prose.meetings, registrationDeadline: registration, campaign };
}

/** A Word document as mammoth makes it: its tables, and the text of its paragraphs outside them. */
export function planDocumentFromHtml(html: string): PlanDocument {
  return { tables: tablesFromHtml(html), text: htmlText(html), prose: htmlText(html.replace(/<table[\s\S]*?<\/table>/gi, "\n")).split("\n") };
}

/** Text as offices export it: markdown with pipe tables, tab-separated rows, or HTML pasted as text. */
export function planDocumentFromText(text: string): PlanDocument {
  // What mammoth makes of a .docx, or HTML pasted as text: paragraphs and tables as tags.
  if (/<table[\s>]/i.test(text) || /^\s*<(p|h[1-6]|ul|ol)[\s>]/i.test(text)) return planDocumentFromHtml(text);
  if (/^\s*\|/m.test(text)) return { tables: tablesFromMarkdown(text), text, prose: outsideRows(text, (line) => line.trim().startsWith("|")) };
  return {
    tables: tablesFromTabSeparated(text, { keepsTableOpen: isQuarterHeading }),
    text,
    prose: outsideRows(text, (line) => line.includes("\t")),
  };
}

function htmlText(html: string): string {
  return html
    .replace(/<li[^>]*>/gi, "\n- ")
    .replace(/<\/(p|h\d|li|tr)>|<br\s*\/?>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

// The lines that are not table rows. A quoted tab-separated cell's further lines hold no tab and
// count as prose; with a task table, prose only gives the registration deadline and meetings.
function outsideRows(text: string, isRow: (line: string) => boolean): string[] {
  return text.split(/\r?\n/).filter((line) => !isRow(line));
}

/** The plan's year: the one its heading names ("… năm 2024"), else the most cited "năm 20xx". */
export function detectYear(text: string): number | undefined {
  const plain = text.split(/\r?\n/).map(withoutEmphasis).join("\n");
  const heading = /KẾ HOẠCH[^\n]*\n+(?:[^\n]*\n){0,2}?[^\n]*?năm\s+(20\d\d)/u.exec(plain);
  if (heading) return Number(heading[1]);
  const counts = new Map<number, number>();
  for (const match of plain.matchAll(/năm\s+(20\d\d)/giu)) {
    const year = Number(match[1]);
    counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/**
 * "KẾ HOẠCH" and the line after it, as plans title themselves ("KẾ HOẠCH Phát động…" on one
 * line too); a next line that continues the sentence (lower case, "năm 2026") is part of it.
 */
export function detectTitle(text: string): string | undefined {
  const lines = text
    .split(/\r?\n/)
    .map(withoutEmphasis)
    .filter((line) => line !== "");
  const at = lines.findIndex((line) => /^KẾ HOẠCH\b/u.test(line));
  if (at < 0) return undefined;
  const sameLine = (lines[at] as string).replace(/^KẾ HOẠCH\s*/u, "");
  const parts = sameLine ? [sameLine] : lines.slice(at + 1, at + 2);
  const next = lines[at + parts.length + (sameLine ? 0 : 1)];
  if (parts.length > 0 && next && /^(\p{Ll}|năm\s+20\d\d)/u.test(next)) parts.push(next);
  return parts.length > 0 ? normalizeName(`Kế hoạch ${parts.join(" ")}`) : undefined;
}
