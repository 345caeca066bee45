import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { inspections, inspectionUnits, inspectionVisits, outbox, units } from "../../db/schema/index.js";
import { formatDate, formatDateTime, isWorkingDay, localDay } from "../../domain/calendar.js";
import { visitRefusal } from "../../domain/inspections.js";
import type { Refusal } from "../../domain/titles.js";
import { recordAudit } from "../audit.js";
import type { Visit } from "./inspections.js";
import { enqueue } from "../outbox.js";
import { loadHolidays } from "../rules/holidays.js";
import { concerned, linkedCount, visitNotice, visitReportDue } from "./visit-notices.js";
import type { ServiceContext } from "../context.js";

export type VisitContext = ServiceContext;

/** What the secretariat should know of a schedule that was accepted: it is outside the plan's window, on a day off. */
export type VisitWarning = "outside-window" | "not-working-day";

/**
 * Schedules (or moves) the visit to a unit. Refused in the past, or inside the notice period
 * unless overridden with a reason (recorded in the audit log); accepted with a warning outside
 * the plan's quarters or on a day off. The unit's heads and the team are told, with the old and
 * the new time on a move; the report falls due `reportDays` before, never before today.
 */
export async function scheduleVisit(
  db: Database,
  input: { inspectionId: number; unitCode: string; at: Date; override: string | null; onDocumentsOnly?: boolean },
  context: VisitContext,
): Promise<
  | { kind: "scheduled" | "moved"; visit: Visit; warnings: VisitWarning[]; headsReached: number; team: { size: number; reached: number } }
  | { kind: "refused"; refusal: Refusal }
> {
  const now = context.clock();
  const zone = context.timeZone;
  const [inspection] = await db.select().from(inspections).where(eq(inspections.id, input.inspectionId));
  if (!inspection) return { kind: "refused", refusal: { key: "inspection-unknown", args: { id: input.inspectionId } } };
  const [unit] = await db.select().from(units).where(eq(units.code, input.unitCode.trim().toUpperCase()));
  if (!unit) return { kind: "refused", refusal: { key: "visit-unknown-unit", args: { code: input.unitCode } } };
  const [listed] = await db
    .select()
    .from(inspectionUnits)
    .where(and(eq(inspectionUnits.inspectionId, inspection.id), eq(inspectionUnits.unitId, unit.id)));
  if (!listed) return { kind: "refused", refusal: { key: "visit-unit-not-inspected", args: { unit: unit.name } } };
  const holidays = await loadHolidays(db, input.at);
  const notice = inspection.noticeWorkingDays
    ? { days: inspection.noticeDays, working: true as const, holidays, timeZone: zone }
    : { days: inspection.noticeDays, working: false as const };
  const refusal = visitRefusal(input.at, now, notice, input.override);
  if (refusal) return { kind: "refused", refusal };
  const day = localDay(input.at, zone);
  const month = Number(day.slice(5, 7));
  const warnings: VisitWarning[] = [];
  if (Number(day.slice(0, 4)) !== inspection.year || month < inspection.windowFirstMonth || month > inspection.windowLastMonth) warnings.push("outside-window");
  if (!isWorkingDay(day, holidays)) warnings.push("not-working-day");

  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(inspectionVisits)
      .where(and(eq(inspectionVisits.inspectionId, inspection.id), eq(inspectionVisits.unitId, unit.id), ne(inspectionVisits.status, "cancelled")))
      .for("update");
    const values = { startsAt: input.at, overrideReason: input.override, onDocumentsOnly: input.onDocumentsOnly ?? false, updatedAt: now };
    const [visit] = existing
      ? await tx
          .update(inspectionVisits)
          .set({ ...values, version: existing.version + 1 })
          .where(eq(inspectionVisits.id, existing.id))
          .returning()
      : await tx
          .insert(inspectionVisits)
          .values({ ...values, inspectionId: inspection.id, unitId: unit.id, createdAt: now })
          .returning();
    const saved = visit as Visit;
    if (existing) await cancelQueued(tx, saved.id, "%");
    await recordAudit(tx, {
      at: now,
      actor: context.actor,
      action: existing ? "visit.move" : "visit.schedule",
      subject: `visit:${saved.id}`,
      details: {
        unit: unit.code,
        at: input.at.toISOString(),
        warnings,
        ...(input.override ? { override: input.override } : {}),
        ...(existing ? { from: existing.startsAt.toISOString() } : {}),
      },
    });
    const people_ = await concerned(tx, inspection.id, unit.id);
    const args = {
      unit: unit.name,
      when: formatDateTime(saved.startsAt, zone),
      from: existing ? formatDateTime(existing.startsAt, zone) : "",
      report: formatDate(visitReportDue(saved, inspection.reportDays, zone, inspection.reportWorkingDays ? holidays : undefined), zone),
      title: inspection.title,
      mode: context.translate("vi", saved.onDocumentsOnly ? "visit-mode-documents" : "visit-mode-onsite"),
    };
    const key = `visit:${saved.id}:v${saved.version}`;
    await enqueue(tx, [
      ...visitNotice(
        { personIds: people_.heads, key: `${key}:notice`, kind: "visit-notice", message: existing ? "visit-moved-unit" : "visit-notice", args, notBefore: now },
        context.translate,
      ),
      ...visitNotice(
        {
          personIds: people_.team,
          key: `${key}:team`,
          kind: existing ? "visit-moved" : "visit-scheduled",
          message: existing ? "visit-moved-team" : "visit-scheduled-team",
          args,
          notBefore: now,
        },
        context.translate,
      ),
    ]);
    return {
      kind: existing ? ("moved" as const) : ("scheduled" as const),
      visit: saved,
      warnings,
      headsReached: await linkedCount(tx, people_.heads),
      team: { size: people_.team.length, reached: await linkedCount(tx, people_.team) },
    };
  });
}

/** Queued messages of a visit that are moot now: all of them (moved, cancelled), or some kinds. */
async function cancelQueued(tx: Database, visitId: number, suffixPattern: string) {
  await tx.execute(sql`update ${outbox} set status = 'cancelled' where status = 'pending' and notification_key like ${`visit:${visitId}:${suffixPattern}`}`);
}

/** Cancels a visit; the unit and the team are told, and none of its reminders will go out. */
export async function cancelVisit(db: Database, visitId: number, context: VisitContext): Promise<boolean> {
  const now = context.clock();
  return db.transaction(async (tx) => {
    const [visit] = await tx
      .update(inspectionVisits)
      .set({ status: "cancelled", updatedAt: now })
      .where(and(eq(inspectionVisits.id, visitId), eq(inspectionVisits.status, "scheduled")))
      .returning();
    if (!visit) return false;
    await cancelQueued(tx, visit.id, "%");
    await recordAudit(tx, { at: now, actor: context.actor, action: "visit.cancel", subject: `visit:${visit.id}`, details: {} });
    const [unit] = await tx.select().from(units).where(eq(units.id, visit.unitId));
    const people_ = await concerned(tx, visit.inspectionId, visit.unitId);
    const args = { unit: unit?.name ?? "", when: formatDateTime(visit.startsAt, context.timeZone) };
    await enqueue(
      tx,
      visitNotice(
        {
          personIds: [...people_.heads, ...people_.team],
          key: `visit:${visit.id}:cancelled`,
          kind: "visit-cancelled",
          message: "visit-cancelled",
          args,
          notBefore: now,
        },
        context.translate,
      ),
    );
    return true;
  });
}

/**
 * The unit head sent the report (a file, or by other means): the team is told, with the file;
 * reminders and "report not sent" warnings still queued for this visit are withdrawn.
 */
export async function markReportReceived(
  db: Database,
  input: { unitId: number; fileId: string | null },
  context: VisitContext,
): Promise<{ kind: "received"; visit: Visit; late: boolean } | { kind: "none" }> {
  const now = context.clock();
  return db.transaction(async (tx) => {
    const [visit] = await tx
      .select()
      .from(inspectionVisits)
      .where(and(eq(inspectionVisits.unitId, input.unitId), eq(inspectionVisits.status, "scheduled"), sql`${inspectionVisits.reportReceivedAt} is null`))
      .orderBy(asc(inspectionVisits.startsAt))
      .limit(1)
      .for("update");
    if (!visit) return { kind: "none" as const };
    await tx.update(inspectionVisits).set({ reportReceivedAt: now, reportFileId: input.fileId }).where(eq(inspectionVisits.id, visit.id));
    for (const reminder of ["late", "report-eve", "report-day"]) await cancelQueued(tx, visit.id, `%:${reminder}:%`);
    const [inspection] = await tx.select().from(inspections).where(eq(inspections.id, visit.inspectionId));
    const workingDays = inspection?.reportWorkingDays ? await loadHolidays(tx, visit.startsAt) : undefined;
    const late = now > visitReportDue(visit, inspection?.reportDays ?? 3, context.timeZone, workingDays);
    await recordAudit(tx, {
      at: now,
      actor: context.actor,
      action: "visit.report",
      subject: `visit:${visit.id}`,
      details: { late, file: Boolean(input.fileId) },
    });
    const [unit] = await tx.select().from(units).where(eq(units.id, visit.unitId));
    const { team } = await concerned(tx, visit.inspectionId, visit.unitId);
    await enqueue(
      tx,
      visitNotice(
        {
          personIds: team,
          key: `visit:${visit.id}:report-received`,
          kind: "visit-report",
          message: late ? "visit-report-received-late" : "visit-report-received",
          args: { unit: unit?.name ?? "", when: formatDateTime(visit.startsAt, context.timeZone) },
          notBefore: now,
          documentFileId: input.fileId,
        },
        context.translate,
      ),
    );
    return { kind: "received" as const, visit, late };
  });
}
