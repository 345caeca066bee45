import { sql } from "drizzle-orm";
import { type Database, queryRows, timestamp } from "../../db/client.js";
import { formatDateTime } from "../../domain/calendar.js";
import type { Notification } from "../outbox.js";
import { keyed, offsetWindows, type SweepContext } from "./context.js";

/** n days before a council meeting (the closest configured n): every council member. */
export async function meetingReminders(db: Database, context: SweepContext & { days: number[] }): Promise<Notification[]> {
  const { now, today, zone, t } = context;
  const notifications: Notification[] = [];
  // Most minutes of the year have no meeting ahead: then the council is not read at all.
  const windows = offsetWindows(context.days, today, zone);
  const last = windows.at(-1);
  if (!last) return notifications;
  const [ahead] = await queryRows<{ any: boolean }>(
    db,
    sql`select exists (select 1 from meetings m where m.cancelled_at is null and m.starts_at > ${timestamp(now)} and m.starts_at < ${timestamp(last.until)}) as any`,
  );
  if (!ahead?.any) return notifications;
  for (const { offset, from, until } of windows) {
    const key = keyed(sql`'meeting:' || m.id::text || ':at-' || extract(epoch from m.starts_at)::bigint::text || ${`:T-${offset}:person:`} || p.id::text`);
    const rows = await queryRows<{ person_id: number; starts_at: string; place: string; agenda: string; notification_key: string }>(
      db,
      sql`select p.id::int as person_id, m.starts_at::text as starts_at, m.place, m.agenda, ${key.column}
          from meetings m
          join people p on p.active and p.roles @> array['council']::text[]
          ${key.join}
          where m.cancelled_at is null and m.starts_at > ${timestamp(now)}
            and m.starts_at >= ${timestamp(from)} and m.starts_at < ${timestamp(until)}
            and ${key.notQueued}`,
    );
    for (const row of rows) {
      const startsAt = new Date(row.starts_at);
      notifications.push({
        personId: row.person_id,
        dedupeKey: row.notification_key,
        kind: "meeting-reminder",
        notBefore: context.notBefore,
        render: (locale) => ({
          parseMode: "HTML",
          text: t(locale, "reminder-meeting", { when: formatDateTime(startsAt, zone), place: row.place, agenda: row.agenda }),
        }),
      });
    }
  }
  return notifications;
}
