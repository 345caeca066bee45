import { and, asc, gt, isNull, sql } from "drizzle-orm";
import { type Database, queryRows } from "../db/client.js";
import { meetings } from "../db/schema/index.js";
import type { Clock, LocalDay } from "../domain/calendar.js";
import { type Actor, recordAudit } from "./audit.js";

/** Records a council meeting; members are reminded by the sweep. */
export async function scheduleMeeting(
  db: Database,
  input: { startsAt: Date; place: string; agenda: string },
  context: { clock: Clock; actor: Actor },
): Promise<number> {
  const now = context.clock();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(meetings)
      .values({ ...input, createdByPersonId: context.actor.personId })
      .returning({ id: meetings.id });
    const id = (row as { id: number }).id;
    await recordAudit(tx, {
      at: now,
      actor: context.actor,
      action: "meeting.create",
      subject: `meeting:${id}`,
      details: { startsAt: input.startsAt.toISOString(), place: input.place },
    });
    return id;
  });
}

export async function upcomingMeetings(db: Database, now: Date) {
  return db
    .select()
    .from(meetings)
    .where(and(isNull(meetings.cancelledAt), gt(meetings.startsAt, now)))
    .orderBy(asc(meetings.startsAt))
    .limit(20);
}

/**
 * Meetings plans schedule by month only, from this month on, that no recorded meeting of their
 * month answers yet: the secretariat still has to set their date.
 */
export async function meetingsWithoutDate(db: Database, today: LocalDay, timeZone: string) {
  const [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  return queryRows<{ year: number; month: number; title: string }>(
    db,
    sql`select distinct d.year, d.month, d.title from meeting_drafts d
        where (d.year, d.month) >= (${year}, ${month})
          and not exists (select 1 from meetings m where m.cancelled_at is null
            and extract(year from m.starts_at at time zone ${timeZone}) = d.year
            and extract(month from m.starts_at at time zone ${timeZone}) = d.month)
        order by d.year, d.month`,
  );
}
