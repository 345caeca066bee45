import { and, asc, gt, isNull } from "drizzle-orm";
import type { Database } from "../db/client.js";
import { meetings } from "../db/schema/index.js";
import type { Clock } from "../domain/calendar.js";
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
