import dayjs from "dayjs";
import timezone from "dayjs/plugin/timezone.js";
import utc from "dayjs/plugin/utc.js";

dayjs.extend(utc);
dayjs.extend(timezone);

/** Services take the time from here, so tests and `reminders run --at` can set it. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

export const DEFAULT_TIME_ZONE = "Asia/Ho_Chi_Minh";

/** dd/mm/yyyy in the display time zone. */
export function formatDate(at: Date, timeZone = DEFAULT_TIME_ZONE): string {
  return dayjs(at).tz(timeZone).format("DD/MM/YYYY");
}

/** dd/mm/yyyy HH:mm in the display time zone. */
export function formatDateTime(at: Date, timeZone = DEFAULT_TIME_ZONE): string {
  return dayjs(at).tz(timeZone).format("DD/MM/YYYY HH:mm");
}

export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * 86_400_000);
}
