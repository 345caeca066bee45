import { and, asc, eq, gte, inArray, ne, sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { inspections, inspectionTeam, inspectionUnits, inspectionVisits, people, units } from "../../db/schema/index.js";
import type { ParsedInspectionPlan } from "../../domain/plan-reader/inspection-plan.js";
import type { Refusal } from "../../domain/titles.js";
import { matchUnitPhrase } from "../../domain/unit-matching.js";
import { recordAudit } from "../audit.js";
import { loadUnitMatching } from "../plans/plans.js";
import type { AuditContext } from "../context.js";

export type Inspection = typeof inspections.$inferSelect;
export type Visit = typeof inspectionVisits.$inferSelect;

/** Creates an inspection plan from a parsed document; its units are matched to the roster, unmatched ones listed. */
export async function createInspection(
  db: Database,
  input: { plan: ParsedInspectionPlan; kind: Inspection["kind"]; team: { staffCode: string; role: "head" | "member" }[] },
  context: AuditContext,
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
        windowFirstMonth: input.plan.windowFirstMonth,
        windowLastMonth: input.plan.windowLastMonth,
        noticeDays: input.plan.noticeDays,
        reportDays: input.plan.reportDays,
        noticeWorkingDays: input.plan.noticeWorkingDays,
        reportWorkingDays: input.plan.reportWorkingDays,
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
