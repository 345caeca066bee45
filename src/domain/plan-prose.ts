import { DEADLINE_IN_TEXT, quarterOfMonth, resolveDate } from "./plan-dates.js";
import type { CalendarDate, MeetingDraft, ParsedTask } from "./plan-document.js";
import { foldForMatching, normalizeName } from "./text.js";

/** What a plan's text (outside its tables) says: dated duties, meetings by month, the registration deadline. */
export type PlanProse = { tasks: ParsedTask[]; meetings: MeetingDraft[]; registrationDeadline: CalendarDate | null };

// "1. …", "a) …", "II. …", "5.1. …": a heading or a numbered duty, whose words name what follows.
const HEADING = /^\s*(?:[IVX]+\.|\d+(?:\.\d+)*\.|[a-zđ]\))\s+(.+)$/u;
const BULLET = /^\s*[-–•+*]\s+/;
// "Thời gian thực hiện: Tháng 03, 06 và tháng 12 năm 2024".
const MONTHS = /thang\s+(\d{1,2}(?:\s*(?:,|va|-)\s*(?:thang\s+)?\d{1,2})*)(?:\s+nam\s+(20\d\d))?/;

function clean(line: string): string {
  return normalizeName(line.replace(/\*\*|__|#+\s*/g, "").replace(BULLET, "")).replace(/[;:]$/, "");
}

/**
 * Reads the prose of a plan, line by line: a line that dates a duty ("… trước ngày 01/10/2024")
 * is a task due then; a meeting section's "Thời gian: Tháng 03, 06 và tháng 12" gives a meeting
 * draft per month, named by its heading; a dated line about registering (đăng ký thi đua, danh
 * hiệu) is the registration deadline to suggest. Lines citing documents ("Kế hoạch số 26 ngày
 * 25/3/2024") are not deadlines: only a date introduced as one counts.
 */
export function parsePlanProse(text: string, year: number): PlanProse {
  const prose: PlanProse = { tasks: [], meetings: [], registrationDeadline: null };
  let heading = "";
  for (const raw of text.split(/\r?\n/)) {
    const line = clean(raw);
    if (!line) continue;
    const folded = foldForMatching(line);
    const headed = HEADING.exec(line);
    if (headed && !BULLET.test(raw)) heading = normalizeName(headed[1] ?? "");
    const stated = DEADLINE_IN_TEXT.exec(line);
    const date = stated ? resolveDate(stated, year) : null;
    if (date) {
      if (/dang ky/.test(folded) && /(thi dua|danh hieu)/.test(folded)) prose.registrationDeadline ??= date;
      const quarter = quarterOfMonth(date.month) ?? 4;
      prose.tasks.push({
        quarter,
        number: String(prose.tasks.filter((task) => task.quarter === quarter).length + 1),
        content: line.replace(/\(\s*(\S.*?)\s*\)\s*\.?$/, "($1)"),
        leadUnits: [],
        coordinatingUnits: [],
        deadline: date,
        deadlineFrom: "prose",
      });
      continue;
    }
    const months = /thoi gian/.test(folded) ? MONTHS.exec(folded) : null;
    if (months && /hop/.test(foldForMatching(heading))) {
      const meetingYear = Number(months[2] ?? year);
      const numbers = [...(months[1] ?? "").matchAll(/\d{1,2}/g)].map((match) => Number(match[0])).filter((month) => month >= 1 && month <= 12);
      for (const month of new Set(numbers)) prose.meetings.push({ year: meetingYear, month, title: heading });
    }
  }
  return prose;
}
