import { and, asc, eq, gte, inArray, ne, sql } from "drizzle-orm";
import type { Database } from "../db/client.js";
import { inspections, inspectionTeam, inspectionUnits, inspectionVisits, outbox, people, units } from "../db/schema/index.js";
import { addLocalDays, atLocal, type Clock, formatDate, formatDateTime, localDay } from "../domain/calendar.js";
import { type ParsedInspectionPlan, visitRefusal } from "../domain/inspections.js";
import { escapeHtml } from "../domain/text.js";
import type { Refusal } from "../domain/titles.js";
import { matchUnitPhrase } from "../domain/unit-matching.js";
import { type Actor, recordAudit } from "./audit.js";
import { enqueue, type Notification, type Translate } from "./outbox.js";
import { loadUnitMatching } from "./plans.js";

export type Inspection = typeof inspections.$inferSelect;
export type Visit = typeof inspectionVisits.$inferSelect;

/** Creates an inspection plan from a parsed document; its units are matched to the roster, unmatched ones listed. */
export async function createInspection(
  db: Database,
  input: { plan: ParsedInspectionPlan; kind: Inspection["kind"]; team: { staffCode: string; role: "head" | "member" }[] },
  context: { clock: Clock; actor: Actor },
): Promise<{ kind: "created"; inspectionId: number; units: number; unmatched: string[] } | { kind: "refused"; refusal: Refusal }> {
  const { units: roster, aliases } = await loadUnitMatching(db);
  const unitIds = new Set<number>();
  const unmatched: string[] = [];
  for (const name of input.plan.units) {
    const match = matchUnitPhrase(name, roster, aliases);
    if (match.kind === "units" && match.unitIds.length === 1) unitIds.add(match.unitIds[0] as number);
    else unmatched.push(name);
  }
  const codes = input.team.map((member) => member.staffCode.toUpperCase());
  const members = codes.length
    ? await db.select({ id: people.id, staffCode: people.staffCode, unitId: people.unitId }).from(people).where(inArray(people.staffCode, codes))
    : [];
  const missing = codes.find((code) => !members.some((member) => member.staffCode === code));
  if (missing) return { kind: "refused", refusal: { key: "invite-unknown-staff", args: { code: missing } } };
  const inspected = members.find((member) => unitIds.has(member.unitId));
  if (inspected) return { kind: "refused", refusal: { key: "inspection-member-inspected", args: { code: inspected.staffCode } } };
  const now = context.clock();
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(inspections)
      .values({
        year: input.plan.year,
        kind: input.kind,
        title: input.plan.title,
        windowFrom: input.plan.windowFrom,
        windowTo: input.plan.windowTo,
        noticeDays: input.plan.noticeDays,
        reportDays: input.plan.reportDays,
        createdAt: now,
      })
      .returning({ id: inspections.id });
    const inspectionId = (created as { id: number }).id;
    if (unitIds.size) await tx.insert(inspectionUnits).values([...unitIds].map((unitId) => ({ inspectionId, unitId })));
    if (members.length) {
      await tx.insert(inspectionTeam).values(
        members.map((member) => ({
          inspectionId,
          personId: member.id,
          role: input.team.find((entry) => entry.staffCode.toUpperCase() === member.staffCode)?.role ?? "member",
        })),
      );
    }
    await recordAudit(tx, {
      at: now,
      actor: context.actor,
      action: "inspection.create",
      subject: `inspection:${inspectionId}`,
      details: { units: unitIds.size, unmatched },
    });
    return { kind: "created" as const, inspectionId, units: unitIds.size, unmatched };
  });
}

type VisitContext = { clock: Clock; actor: Actor; translate: Translate; timeZone: string };

/** Everyone a visit concerns: the inspected unit's heads and the team. */
async function concerned(db: Database, inspectionId: number, unitId: number) {
  const heads = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.unitId, unitId), eq(people.active, true), sql`'head' = any(${people.roles})`));
  const team = await db.select({ id: inspectionTeam.personId }).from(inspectionTeam).where(eq(inspectionTeam.inspectionId, inspectionId));
  return { heads: heads.map((row) => row.id), team: team.map((row) => row.id) };
}

function visitNotice(
  input: { personIds: number[]; key: string; kind: string; message: string; args: Record<string, string | number>; notBefore: Date },
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
    }),
  }));
}

/** The report is due at the end of the day `reportDays` before the visit. */
export function reportDueAt(visitAt: Date, reportDays: number, timeZone: string): Date {
  return atLocal(addLocalDays(localDay(visitAt, timeZone), -reportDays), "23:59:59", timeZone);
}

/**
 * Schedules (or moves) the visit to a unit. Refused in the past, or inside the notice period
 * unless overridden with a reason (recorded in the audit log). The unit head is sent the schedule
 * notice now; on a move, the unit and the team are both told.
 */
export async function scheduleVisit(
  db: Database,
  input: { inspectionId: number; unitCode: string; at: Date; override: string | null; onDocumentsOnly?: boolean },
  context: VisitContext,
): Promise<{ kind: "scheduled" | "moved"; visit: Visit } | { kind: "refused"; refusal: Refusal }> {
  const now = context.clock();
  const [inspection] = await db.select().from(inspections).where(eq(inspections.id, input.inspectionId));
  if (!inspection) return { kind: "refused", refusal: { key: "inspection-unknown", args: { id: input.inspectionId } } };
  const [unit] = await db.select().from(units).where(eq(units.code, input.unitCode.trim().toUpperCase()));
  if (!unit) return { kind: "refused", refusal: { key: "visit-unknown-unit", args: { code: input.unitCode } } };
  const [listed] = await db
    .select()
    .from(inspectionUnits)
    .where(and(eq(inspectionUnits.inspectionId, inspection.id), eq(inspectionUnits.unitId, unit.id)));
  if (!listed) return { kind: "refused", refusal: { key: "visit-unit-not-inspected", args: { unit: unit.name } } };
  const refusal = visitRefusal(input.at, now, inspection.noticeDays, input.override);
  if (refusal) return { kind: "refused", refusal };

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
    if (existing) await cancelQueued(tx, saved.id);
    await recordAudit(tx, {
      at: now,
      actor: context.actor,
      action: existing ? "visit.move" : "visit.schedule",
      subject: `visit:${saved.id}`,
      details: {
        unit: unit.code,
        at: input.at.toISOString(),
        ...(input.override ? { override: input.override } : {}),
        ...(existing ? { from: existing.startsAt.toISOString() } : {}),
      },
    });
    const people_ = await concerned(tx, inspection.id, unit.id);
    const args = {
      unit: unit.name,
      when: formatDateTime(saved.startsAt, context.timeZone),
      report: formatDate(reportDueAt(saved.startsAt, inspection.reportDays, context.timeZone), context.timeZone),
      title: inspection.title,
      mode: context.translate("vi", saved.onDocumentsOnly ? "visit-mode-documents" : "visit-mode-onsite"),
    };
    const key = `visit:${saved.id}:v${saved.version}`;
    await enqueue(tx, [
      ...visitNotice(
        { personIds: people_.heads, key: `${key}:notice`, kind: "visit-notice", message: existing ? "visit-moved-unit" : "visit-notice", args, notBefore: now },
        context.translate,
      ),
      ...(existing
        ? visitNotice(
            { personIds: people_.team, key: `${key}:moved-team`, kind: "visit-moved", message: "visit-moved-team", args, notBefore: now },
            context.translate,
          )
        : []),
    ]);
    return { kind: existing ? ("moved" as const) : ("scheduled" as const), visit: saved };
  });
}

/** Queued reminders of an earlier schedule are moot once the visit moves or is cancelled. */
async function cancelQueued(tx: Database, visitId: number) {
  await tx.execute(sql`update ${outbox} set status = 'cancelled' where status = 'pending' and notification_key like ${`visit:${visitId}:%`}`);
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
    await cancelQueued(tx, visit.id);
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

/** The unit head sent the report (a file, or by other means); the team is told. */
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
    await tx.update(inspectionVisits).set({ reportReceivedAt: now, reportFileId: input.fileId, updatedAt: now }).where(eq(inspectionVisits.id, visit.id));
    const [inspection] = await tx.select().from(inspections).where(eq(inspections.id, visit.inspectionId));
    const late = now > reportDueAt(visit.startsAt, inspection?.reportDays ?? 3, context.timeZone);
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
        },
        context.translate,
      ),
    );
    return { kind: "received" as const, visit, late };
  });
}

export type VisitView = Visit & { unitName: string; title: string; reportDays: number };

/** Upcoming (and for the secretariat, all) visits, soonest first. */
export async function visits(db: Database, filter: { unitId?: number; personId?: number; from?: Date }): Promise<VisitView[]> {
  const rows = await db
    .select({ visit: inspectionVisits, unitName: units.name, title: inspections.title, reportDays: inspections.reportDays })
    .from(inspectionVisits)
    .innerJoin(units, eq(units.id, inspectionVisits.unitId))
    .innerJoin(inspections, eq(inspections.id, inspectionVisits.inspectionId))
    .where(
      and(
        ne(inspectionVisits.status, "cancelled"),
        filter.unitId === undefined ? undefined : eq(inspectionVisits.unitId, filter.unitId),
        filter.personId === undefined
          ? undefined
          : sql`exists (select 1 from inspection_team t where t.inspection_id = ${inspectionVisits.inspectionId} and t.person_id = ${filter.personId})`,
        filter.from === undefined ? undefined : gte(inspectionVisits.startsAt, filter.from),
      ),
    )
    .orderBy(asc(inspectionVisits.startsAt));
  return rows.map((row) => ({ ...row.visit, unitName: row.unitName, title: row.title, reportDays: row.reportDays }));
}
