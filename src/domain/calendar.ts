import dayjs from "dayjs";
import timezone from "dayjs/plugin/timezone.js";
import utc from "dayjs/plugin/utc.js";

dayjs.extend(utc);
dayjs.extend(timezone);

/** Services take the time from here, so tests and `reminders run --at` can set it. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

export const DEFAULT_TIME_ZONE = "Asia/Ho_Chi_Minh";

// dayjs' time-zone formatting builds an Intl formatter per call (~0.1 ms); a sweep formats tens of
// thousands of dates, so one formatter per zone is kept and its parts assembled here.
const formatters = new Map<string, Intl.DateTimeFormat>();
function localParts(at: Date, timeZone: string): Readonly<Record<"year" | "month" | "day" | "hour" | "minute", string>> {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, formatter);
  }
  // A sweep's digests repeat the same few hundred due dates tens of thousands of times.
  const key = `${timeZone}|${at.getTime()}`;
  const known = recentParts.get(key);
  if (known) return known;
  const parts = { year: "", month: "", day: "", hour: "", minute: "" };
  for (const part of formatter.formatToParts(at)) if (part.type in parts) parts[part.type as keyof typeof parts] = part.value;
  if (recentParts.size >= RECENT_PARTS_KEPT) recentParts.clear();
  recentParts.set(key, Object.freeze(parts));
  return parts;
}
const RECENT_PARTS_KEPT = 4096;
const recentParts = new Map<string, Readonly<Record<"year" | "month" | "day" | "hour" | "minute", string>>>();

/** dd/mm/yyyy in the display time zone. */
export function formatDate(at: Date, timeZone = DEFAULT_TIME_ZONE): string {
  const { day, month, year } = localParts(at, timeZone);
  return `${day}/${month}/${year}`;
}

/** dd/mm/yyyy HH:mm in the display time zone. */
export function formatDateTime(at: Date, timeZone = DEFAULT_TIME_ZONE): string {
  const { day, month, year, hour, minute } = localParts(at, timeZone);
  return `${day}/${month}/${year} ${hour}:${minute}`;
}

export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * 86_400_000);
}

export type LocalDay = string; // yyyy-mm-dd in the display time zone

export function localDay(at: Date, timeZone = DEFAULT_TIME_ZONE): LocalDay {
  const { day, month, year } = localParts(at, timeZone);
  return `${year}-${month}-${day}`;
}

/** The instant of a local wall-clock time ("HH:mm:ss", or "HH:mm") on a local day. */
export function atLocal(day: LocalDay, time: string, timeZone = DEFAULT_TIME_ZONE): Date {
  // Strict once dayjs's customParseFormat is loaded (exceljs loads it): "00:00" must not become Invalid Date.
  const seconds = /^\d{2}:\d{2}$/.test(time) ? `${time}:00` : time;
  return dayjs.tz(`${day} ${seconds}`, "YYYY-MM-DD HH:mm:ss", timeZone).toDate();
}

export function addLocalDays(day: LocalDay, days: number): LocalDay {
  return dayjs.utc(day).add(days, "day").format("YYYY-MM-DD");
}

export function quarterOfDay(day: LocalDay): 1 | 2 | 3 | 4 {
  return Math.ceil(Number(day.slice(5, 7)) / 3) as 1 | 2 | 3 | 4;
}

/** The first and last local day of a quarter. */
export function quarterDays(year: number, quarter: 1 | 2 | 3 | 4): { first: LocalDay; last: LocalDay } {
  const firstMonth = (quarter - 1) * 3 + 1;
  const first = `${year}-${String(firstMonth).padStart(2, "0")}-01`;
  const last = dayjs.utc(first).add(3, "month").subtract(1, "day").format("YYYY-MM-DD");
  return { first, last };
}

/** A quarter ends at 23:59:59 local on its last day. */
export function quarterEnd(year: number, quarter: 1 | 2 | 3 | 4, timeZone = DEFAULT_TIME_ZONE): Date {
  return atLocal(quarterDays(year, quarter).last, "23:59:59", timeZone);
}

/** Working days: Monday to Friday, except the public holidays given. */
export function isWorkingDay(day: LocalDay, holidays: ReadonlySet<LocalDay>): boolean {
  const weekday = dayjs.utc(day).day();
  return weekday !== 0 && weekday !== 6 && !holidays.has(day);
}

export function nextWorkingDay(day: LocalDay, holidays: ReadonlySet<LocalDay>): LocalDay {
  let candidate = day;
  while (!isWorkingDay(candidate, holidays)) candidate = addLocalDays(candidate, 1);
  return candidate;
}

/** The day itself if it is a working day, else the last working day before it (where a deadline on a day off falls). */
export function previousWorkingDay(day: LocalDay, holidays: ReadonlySet<LocalDay>): LocalDay {
  let candidate = day;
  while (!isWorkingDay(candidate, holidays)) candidate = addLocalDays(candidate, -1);
  return candidate;
}

/** The working days after `from` up to and including `to`: "thông báo trước 07 ngày làm việc" counts these. */
export function workingDaysBetween(from: LocalDay, to: LocalDay, holidays: ReadonlySet<LocalDay>): number {
  let count = 0;
  for (let day = addLocalDays(from, 1); day <= to; day = addLocalDays(day, 1)) if (isWorkingDay(day, holidays)) count++;
  return count;
}

/** The working day `count` working days before `day` ("nộp báo cáo trước 05 ngày làm việc"). */
export function workingDaysBefore(day: LocalDay, count: number, holidays: ReadonlySet<LocalDay>): LocalDay {
  let candidate = day;
  for (let left = count; left > 0; ) {
    candidate = addLocalDays(candidate, -1);
    if (isWorkingDay(candidate, holidays)) left--;
  }
  return candidate;
}

/** Default days before a deadline on which reminders go out (configurable). */
export const DEFAULT_REMINDER_DAYS = { task: [7, 3, 1], meeting: [3, 1] } as const;

/** Office hours, when reminders may reach people. */
export const SEND_WINDOW = { opens: "07:30:00", closes: "17:30:00" } as const;

/**
 * The first moment at or after `at` inside office hours on a working day: a reminder due in the
 * evening or at the weekend waits for the next working morning.
 */
export function nextSendableMoment(at: Date, holidays: ReadonlySet<LocalDay>, timeZone = DEFAULT_TIME_ZONE): Date {
  const today = localDay(at, timeZone);
  if (isWorkingDay(today, holidays)) {
    const opens = atLocal(today, SEND_WINDOW.opens, timeZone);
    const closes = atLocal(today, SEND_WINDOW.closes, timeZone);
    if (at < opens) return opens;
    if (at < closes) return at;
  }
  return atLocal(nextWorkingDay(addLocalDays(today, 1), holidays), SEND_WINDOW.opens, timeZone);
}

/** Vietnam's fixed-date public holidays; Tết and Hùng Kings' day move and are added per year. */
export const FIXED_HOLIDAYS: { monthDay: string; name: string }[] = [
  { monthDay: "01-01", name: "Tết Dương lịch" },
  { monthDay: "04-30", name: "Ngày Giải phóng miền Nam" },
  { monthDay: "05-01", name: "Quốc tế Lao động" },
  { monthDay: "09-02", name: "Quốc khánh" },
];

/**
 * Reads "dd/mm/yyyy HH:mm" (or "dd/mm/yyyy", at the given default time) as local time. Returns
 * the instant, or the reason it is not a real moment ("31/02/2024" is not).
 */
export function parseLocalDateTime(
  text: string,
  timeZone = DEFAULT_TIME_ZONE,
  defaultTime = "08:00",
): { at: Date } | { error: "date-format" | "date-invalid" } {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s+(\d{1,2})[:hg](\d{2})?)?\s*$/i.exec(text);
  if (!match) return { error: "date-format" };
  const [, day, month, year, hour, minute] = match;
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  const h = hour === undefined ? Number(defaultTime.slice(0, 2)) : Number(hour);
  const min = hour === undefined ? Number(defaultTime.slice(3, 5)) : Number(minute ?? 0);
  const daysInMonth = m >= 1 && m <= 12 ? new Date(Date.UTC(y, m, 0)).getUTCDate() : 0;
  if (d < 1 || d > daysInMonth || h > 23 || min > 59) return { error: "date-invalid" };
  const pad = (value: number) => String(value).padStart(2, "0");
  return { at: atLocal(`${y}-${pad(m)}-${pad(d)}`, `${pad(h)}:${pad(min)}:00`, timeZone) };
}

/** A duration as m:ss or h:mm:ss, for estimates of time left. */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.ceil(seconds));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = total % 60;
  const pad = (value: number) => String(value).padStart(2, "0");
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(rest)}` : `${minutes}:${pad(rest)}`;
}
