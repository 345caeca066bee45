import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { chatAccounts, inspectionTeam, people } from "../../db/schema/index.js";
import { addLocalDays, atLocal, type LocalDay, localDay, workingDaysBefore } from "../../domain/calendar.js";
import { escapeHtml } from "../../domain/text.js";
import type { Notification, Translate } from "../outbox.js";

/** Everyone a visit concerns: the inspected unit's heads and the team. */
export async function concerned(db: Database, inspectionId: number, unitId: number) {
  const heads = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.unitId, unitId), eq(people.active, true), sql`'head' = any(${people.roles})`));
  const team = await db.select({ id: inspectionTeam.personId }).from(inspectionTeam).where(eq(inspectionTeam.inspectionId, inspectionId));
  return { heads: heads.map((row) => row.id), team: team.map((row) => row.id) };
}

/** How many of these people a message reaches now (a linked chat that has not blocked the bot). */
export async function linkedCount(db: Database, personIds: number[]): Promise<number> {
  if (personIds.length === 0) return 0;
  const rows = await db
    .selectDistinct({ personId: chatAccounts.personId })
    .from(chatAccounts)
    .where(and(inArray(chatAccounts.personId, personIds), eq(chatAccounts.blocked, false)));
  return rows.length;
}

export function visitNotice(
  input: {
    personIds: number[];
    key: string;
    kind: string;
    message: string;
    args: Record<string, string | number>;
    notBefore: Date;
    /** The unit's report, passed on to the team (a Telegram file; Zalo says it cannot carry it). */
    documentFileId?: string | null;
  },
  translate: Translate,
): Notification[] {
  return input.personIds.map((personId) => ({
    personId,
    dedupeKey: `${input.key}:person:${personId}`,
    kind: input.kind,
    notBefore: input.notBefore,
    render: (locale) => ({
      parseMode: "HTML",
      text: translate(
        locale,
        input.message,
        Object.fromEntries(Object.entries(input.args).map(([name, value]) => [name, typeof value === "string" ? escapeHtml(value) : value])),
      ),
      ...(input.documentFileId && !input.documentFileId.startsWith("upload-") ? { documentFileId: input.documentFileId } : {}),
    }),
  }));
}

/**
 * When a visit's report is due: the end of the day `reportDays` before the visit (working days
 * when the plan counts them so, the holidays given) — but never
 * before the end of the day the visit was (re)scheduled, so moving a visit earlier cannot make
 * the unit late at once.
 */
export function visitReportDue(visit: { startsAt: Date; updatedAt: Date }, reportDays: number, timeZone: string, workingDays?: ReadonlySet<LocalDay>): Date {
  const visitDay = localDay(visit.startsAt, timeZone);
  const due = workingDays ? workingDaysBefore(visitDay, reportDays, workingDays) : addLocalDays(visitDay, -reportDays);
  const computed = atLocal(due, "23:59:59", timeZone);
  const scheduledDayEnd = atLocal(localDay(visit.updatedAt, timeZone), "23:59:59", timeZone);
  return new Date(Math.max(computed.getTime(), scheduledDayEnd.getTime()));
}
