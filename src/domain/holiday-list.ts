import { addLocalDays, type LocalDay } from "./calendar.js";
import { normalizeName } from "./text.js";

export type HolidayList = { days: { day: LocalDay; name: string }[]; rejected: { line: number; text: string }[] };

// "16/02/2026 Tết Nguyên đán", "16/02/2026 - 22/02/2026: Tết", "2026-04-26;Giỗ Tổ Hùng Vương".
const DATE = String.raw`(\d{1,2}[/.]\d{1,2}[/.]\d{4}|\d{4}-\d{2}-\d{2})`;
const LINE = new RegExp(String.raw`^\s*${DATE}(?:\s*(?:-|–|đến)\s*${DATE})?\s*[,;:\t|-]?\s*(.*)$`, "i");
// Tết is the longest run of days off (up to 9 with the weekends); a longer range is a typo.
const MAX_RUN_DAYS = 14;

function localDayOf(text: string): LocalDay | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const vn = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(text);
  const [y, m, d] = iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : vn ? [Number(vn[3]), Number(vn[2]), Number(vn[1])] : [0, 0, 0];
  const daysInMonth = m >= 1 && m <= 12 ? new Date(Date.UTC(y, m, 0)).getUTCDate() : 0;
  if (!y || d < 1 || d > daysInMonth) return undefined;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * The days off a list gives, one line each (a typed message, or a file's rows joined): a date or
 * a range of dates, then the name. Lines without a date (titles, notes) are skipped; a line with
 * a date that is not a real day, or a range that runs backwards or too long, is refused.
 */
export function parseHolidayList(lines: string[]): HolidayList {
  const list: HolidayList = { days: [], rejected: [] };
  const seen = new Set<LocalDay>();
  for (const [index, raw] of lines.entries()) {
    const text = normalizeName(raw);
    const match = LINE.exec(text);
    if (!match) continue;
    const from = localDayOf(match[1] ?? "");
    const to = match[2] ? localDayOf(match[2]) : from;
    const name = normalizeName(match[3] ?? "").slice(0, 100) || "Nghỉ lễ";
    if (!from || !to || to < from) {
      list.rejected.push({ line: index + 1, text });
      continue;
    }
    const run: LocalDay[] = [];
    for (let day = from; day <= to && run.length <= MAX_RUN_DAYS; day = addLocalDays(day, 1)) run.push(day);
    if (run.length > MAX_RUN_DAYS) {
      list.rejected.push({ line: index + 1, text });
      continue;
    }
    for (const day of run.filter((entry) => !seen.has(entry))) {
      list.days.push({ day, name });
      seen.add(day);
    }
  }
  list.days.sort((a, b) => a.day.localeCompare(b.day));
  return list;
}
