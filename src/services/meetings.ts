import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import { type Database, queryRows } from "../db/client.js";
import { meetings, outbox } from "../db/schema/index.js";
import { formatDateTime, type LocalDay } from "../domain/calendar.js";
import { escapeHtml } from "../domain/text.js";
import { enqueue, noticeToEach, type Translate } from "./outbox.js";
import { recordAudit } from "./audit.js";
import type { ServiceContext } from "./context.js";

export type MeetingContext = ServiceContext;

/**
 * Who of the council a notice reached: the members told (a linked chat), and those it could not
 * reach (not linked yet). What the secretariat is told is computed from this, never assumed.
 */
export type CouncilTold = { told: number; unreached: number };

/** Tells every council member (and the secretariat) of a meeting's creation, move or cancellation. */
async function tellMembers(
  tx: Database,
  input: { key: string; message: string; args: Record<string, string>; now: Date; actorPersonId: number | null },
  translate: Translate,
): Promise<CouncilTold> {
  // Whoever made the change knows it already.
  const members = await queryRows<{ id: number; council: boolean; reachable: boolean }>(
    tx,
    sql`select p.id::int as id, 'council' = any(p.roles) as council,
               exists (select 1 from chat_accounts a where a.person_id = p.id and not a.blocked) as reachable
        from people p where p.active and p.roles && array['council', 'secretariat']::text[] and p.id is distinct from ${input.actorPersonId}`,
  );
  await enqueue(
    tx,
    noticeToEach(
      members.map((member) => member.id),
      {
        key: input.key,
        kind: "meeting-notice",
        at: input.now,
        text: (locale) => translate(locale, input.message, Object.fromEntries(Object.entries(input.args).map(([name, value]) => [name, escapeHtml(value)]))),
      },
    ),
  );
  const council = members.filter((member) => member.council);
  return { told: council.filter((member) => member.reachable).length, unreached: council.filter((member) => !member.reachable).length };
}

/** Records a council meeting and announces it to the members at once; the sweep reminds them before. */
export async function scheduleMeeting(
  db: Database,
  input: { startsAt: Date; place: string; agenda: string },
  context: MeetingContext,
): Promise<{ id: number; council: CouncilTold }> {
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
    const when = formatDateTime(input.startsAt, context.timeZone);
    const council = await tellMembers(
      tx,
      {
        key: `meeting:${id}:announced`,
        message: "meeting-announced",
        args: { when, place: input.place, agenda: input.agenda },
        now,
        actorPersonId: context.actor.personId,
      },
      context.translate,
    );
    return { id, council };
  });
}

/**
 * Moves a meeting (a new time, and a new place if given) or cancels it (`to` null): members are
 * told with the old and new time, and reminders of the old time are withdrawn.
 */
export async function changeMeeting(
  db: Database,
  input: { meetingId: number; to: { startsAt: Date; place?: string } | null },
  context: MeetingContext,
): Promise<{ kind: "changed"; council: CouncilTold } | { kind: "not-found" }> {
  const now = context.clock();
  return db.transaction(async (tx) => {
    const [meeting] = await tx
      .select()
      .from(meetings)
      .where(and(eq(meetings.id, input.meetingId), isNull(meetings.cancelledAt), gt(meetings.startsAt, now)))
      .for("update");
    if (!meeting) return { kind: "not-found" as const };
    const zone = context.timeZone;
    const from = formatDateTime(meeting.startsAt, zone);
    const version = now.getTime();
    // Reminders are keyed by the meeting's time too: the old time's are withdrawn, the new time gets its own.
    await tx.execute(sql`update ${outbox} set status = 'cancelled' where status = 'pending' and notification_key like ${`meeting:${meeting.id}:at-%`}`);
    if (input.to === null) {
      await tx.update(meetings).set({ cancelledAt: now }).where(eq(meetings.id, meeting.id));
      await recordAudit(tx, { at: now, actor: context.actor, action: "meeting.cancel", subject: `meeting:${meeting.id}`, details: {} });
      const council = await tellMembers(
        tx,
        {
          key: `meeting:${meeting.id}:cancelled`,
          message: "meeting-cancelled",
          args: { when: from, agenda: meeting.agenda },
          now,
          actorPersonId: context.actor.personId,
        },
        context.translate,
      );
      return { kind: "changed" as const, council };
    }
    const place = input.to.place ?? meeting.place;
    await tx.update(meetings).set({ startsAt: input.to.startsAt, place }).where(eq(meetings.id, meeting.id));
    await recordAudit(tx, {
      at: now,
      actor: context.actor,
      action: "meeting.move",
      subject: `meeting:${meeting.id}`,
      details: { from: meeting.startsAt.toISOString(), to: input.to.startsAt.toISOString(), place },
    });
    const args = { from, when: formatDateTime(input.to.startsAt, zone), place, agenda: meeting.agenda };
    const council = await tellMembers(
      tx,
      { key: `meeting:${meeting.id}:moved:${version}`, message: "meeting-moved", args, now, actorPersonId: context.actor.personId },
      context.translate,
    );
    return { kind: "changed" as const, council };
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
