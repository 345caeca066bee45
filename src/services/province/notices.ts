import { sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { outbox } from "../../db/schema/index.js";
import { addLocalDays, atLocal, isWorkingDay, type LocalDay } from "../../domain/calendar.js";
import type { MessageArgs } from "../../domain/user-error.js";
import type { ServiceContext } from "../context.js";
import { enqueue, noticeToEach } from "../outbox.js";
import { activeWithRole } from "../roster/people-by-role.js";
import { loadHolidays } from "../rules/holidays.js";

/** The agency's leadership and office: whom what another agency sends is for. */
export async function leadershipAndOffice(db: Database): Promise<number[]> {
  return [...new Set([...(await activeWithRole(db, "leader")), ...(await activeWithRole(db, "secretariat"))])];
}

/**
 * Tells the agency's leadership and office of something another agency sent, now, and again at
 * 08:00 on the working day `daysBefore` days before `day` (or the one before) when that is still ahead (`key`:reminder, which
 * withdrawReminder withdraws once the thing is done).
 */
export async function tellLeadership(
  tx: Database,
  notice: { key: string; kind: string; message: string; reminder: string; args: MessageArgs; day: LocalDay; daysBefore: number },
  context: ServiceContext,
): Promise<void> {
  const readers = await leadershipAndOffice(tx);
  const now = context.clock();
  const text = (message: string) => (locale: string) => context.translate(locale, message, notice.args);
  // On the working day `daysBefore` before the day, or the last one before that: never moved past a weekend onto the day itself.
  const holidays = await loadHolidays(tx, atLocal(notice.day, "08:00", context.timeZone));
  let remindOn = addLocalDays(notice.day, -notice.daysBefore);
  while (!isWorkingDay(remindOn, holidays)) remindOn = addLocalDays(remindOn, -1);
  const reminderAt = atLocal(remindOn, "08:00", context.timeZone);
  await enqueue(tx, [
    ...noticeToEach(readers, { key: notice.key, kind: notice.kind, at: now, text: text(notice.message) }),
    ...(reminderAt > now ? noticeToEach(readers, { key: `${notice.key}:reminder`, kind: notice.kind, at: reminderAt, text: text(notice.reminder) }) : []),
  ]);
}

/** Withdraws a reminder tellLeadership queued and has not sent: what it reminded of is done. */
export async function withdrawReminder(tx: Database, key: string): Promise<void> {
  await tx.execute(sql`update ${outbox} set status = 'cancelled' where status = 'pending' and notification_key like ${`${key}:reminder%`}`);
}
