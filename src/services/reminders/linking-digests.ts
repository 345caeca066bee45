import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";
import { addLocalDays, isWorkingDay, type LocalDay } from "../../domain/calendar.js";
import { hasLinkedChat } from "../invites/linking.js";
import type { Notification } from "../outbox.js";
import { notSentUnder, type SweepContext } from "./context.js";

const NAMES_SHOWN = 30;

/** Whether today is the first working day of its week (Monday, or the day after a Monday holiday…). */
export function firstWorkingDayOfWeek(today: LocalDay, holidays: ReadonlySet<LocalDay>): boolean {
  if (!isWorkingDay(today, holidays)) return false;
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  for (let back = 1; back <= weekday; back++) if (isWorkingDay(addLocalDays(today, -back), holidays)) return false;
  return true;
}

/**
 * On the first working day of each week, every unit head whose unit still has people without a
 * linked chat gets their names, until everyone is linked: a head can walk over, the secretariat
 * cannot. Keyed by the week's first day and the head.
 */
export async function linkingDigests(db: Database, context: SweepContext): Promise<Notification[]> {
  const key = `unlinked:${context.today}`;
  // Per head, its unit's unlinked people counted and named in the database: a head's row carries
  // one string, not an array of names to parse (at 100,000 people, 95,000 names a catch-up).
  const rows = await queryRows<{ head_id: number; names: string; total: number }>(
    db,
    sql`select h.id::int as head_id, x.total, x.names
        from people h
        cross join lateral (
          select count(*)::int as total, array_to_string((array_agg(p.full_name order by p.full_name))[1:${NAMES_SHOWN}], ', ') as names
          from people p where p.unit_id = h.unit_id and p.active and not ${hasLinkedChat(sql`p.id`)}
        ) x
        where h.active and 'head' = any(h.roles)
          and ${hasLinkedChat(sql`h.id`)}
          and ${notSentUnder(sql`${key} || ':head:' || h.id`)}
          and x.total > 0`,
  );
  return rows.map((row) => ({
    personId: row.head_id,
    dedupeKey: `${key}:head:${row.head_id}`,
    kind: "unlinked-digest",
    notBefore: context.notBefore,
    render: (locale) => ({
      parseMode: "HTML",
      text: context.t(locale, "reminder-unlinked", {
        count: row.total,
        names: row.names + (row.total > NAMES_SHOWN ? ", …" : ""),
      }),
    }),
  }));
}
