import { and, eq, inArray, isNull, notInArray, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";
import { meetingDrafts, planTasks, planTaskUnits, plans, unitAliases, units } from "../../db/schema/index.js";
import { atLocal, type LocalDay, localDay, previousWorkingDay, quarterEnd } from "../../domain/calendar.js";
import { type Guess, guessesOf, type ParsedPlan, type ParsedTask } from "../../domain/plan-reader/plan.js";
import { matchUnitPhrase, phraseKey, type RosterUnit } from "../../domain/unit-matching.js";
import { recordAudit } from "../audit.js";
import { loadHolidays } from "../rules/holidays.js";
import { asksForReport } from "./task-reports.js";
import type { AuditContext } from "../context.js";

export type PreviewTask = ParsedTask & {
  leadUnitIds: number[];
  coordinatingUnitIds: number[];
  /** Phrases of this task that matched no roster unit. */
  unmatched: string[];
  /** What the reader guessed (guessesOf), and, for a duty given to nobody, its units. */
  guessed: Guess[];
  /** Bodies outside the agency the task names ("Các cụm thi đua", "Ban Thi đua - Khen thưởng tỉnh"): shown, never reminded. */
  external: string[];
  dueAt: Date;
  /** The day the plan says, when it is a day off and the task falls due on the working day before. */
  movedFrom: LocalDay | null;
};
export type PlanPreview = { plan: ParsedPlan; tasks: PreviewTask[]; unmatched: string[]; external: string[]; units: RosterUnit[] };

export async function loadUnitMatching(db: Database): Promise<{ units: RosterUnit[]; aliases: Map<string, number[]> }> {
  const [rosterUnits, aliasRows] = await Promise.all([
    db.select({ id: units.id, code: units.code, name: units.name }).from(units),
    db.select().from(unitAliases),
  ]);
  return { units: rosterUnits, aliases: new Map(aliasRows.map((row) => [row.phraseKey, row.unitIds])) };
}

/** Matches every unit phrase of the plan to the roster; what does not match is listed, never dropped. */
export async function previewPlan(db: Database, plan: ParsedPlan, timeZone: string): Promise<PlanPreview> {
  const { units: rosterUnits, aliases } = await loadUnitMatching(db);
  // A duty the plan gives to nobody is the secretariat's: the standing office tracks it.
  const secretariatUnits = await queryRows<{ unit_id: number }>(
    db,
    sql`select distinct unit_id::int as unit_id from people where active and 'secretariat' = any(roles)`,
  );
  // A deadline on a weekend or a holiday falls due the working day before, reminders with it:
  // the office cannot hand in on a Sunday, and its reminders would land on the weekend.
  const holidays = await loadHolidays(db, atLocal(`${plan.year}-07-01`, "12:00:00", timeZone));
  // Keyed by the folded phrase: "Các cụm thi đua" and "Các Cụm thi đua" are one question.
  const unmatched = new Map<string, string>();
  const external = new Map<string, string>();
  const tasks = plan.tasks.map((task) => {
    const taskUnmatched: string[] = [];
    const taskExternal: string[] = [];
    const resolve = (phrases: string[]) => {
      const ids = new Set<number>();
      for (const phrase of phrases) {
        const match = matchUnitPhrase(phrase, rosterUnits, aliases);
        if (match.kind === "units") for (const id of match.unitIds) ids.add(id);
        else if (match.kind === "external") {
          if (!external.has(phraseKey(phrase))) external.set(phraseKey(phrase), phrase);
          taskExternal.push(phrase);
        } else {
          if (!unmatched.has(phraseKey(phrase))) unmatched.set(phraseKey(phrase), phrase);
          taskUnmatched.push(phrase);
        }
      }
      return [...ids];
    };
    const named = resolve(task.leadUnits);
    const coordinating = resolve(task.coordinatingUnits);
    // A duty the plan gives to nobody is tracked by the secretariat's own unit, and the preview
    // says that was a guess. One given only to bodies outside the agency stays theirs: the clerk
    // sees it and may give it a unit.
    const nobodyInside = task.leadUnits.length + task.coordinatingUnits.length === 0;
    const leadUnitIds = nobodyInside ? secretariatUnits.map((row) => row.unit_id) : named;
    const coordinatingUnitIds = coordinating.filter((id) => !leadUnitIds.includes(id));
    const guessed = guessesOf(nobodyInside ? { ...task, unitsFrom: "default" } : task);
    const stated = task.deadline
      ? `${task.deadline.year}-${pad(task.deadline.month)}-${pad(task.deadline.day)}`
      : localDay(quarterEnd(plan.year, task.quarter, timeZone), timeZone);
    const dueDay = previousWorkingDay(stated, holidays);
    const dueAt = atLocal(dueDay, "23:59:59", timeZone);
    return {
      ...task,
      guessed,
      leadUnitIds,
      coordinatingUnitIds,
      unmatched: taskUnmatched,
      external: taskExternal,
      dueAt,
      movedFrom: dueDay === stated ? null : stated,
    };
  });
  return { plan, tasks, unmatched: [...unmatched.values()], external: [...external.values()], units: rosterUnits };
}

/** Remembers what a phrase means (a set of units, or none: outside the roster). */
export async function saveUnitAlias(db: Database, phrase: string, unitIds: number[]): Promise<void> {
  await db
    .insert(unitAliases)
    .values({ phraseKey: phraseKey(phrase), phrase, unitIds })
    .onConflictDoUpdate({ target: [unitAliases.agencyId, unitAliases.phraseKey], set: { unitIds, phrase } });
}

export type SavedPlan = { planId: number; created: number; updated: number; removed: number };

/**
 * Saves a previewed plan in one transaction. The same plan (year and title) imported again is
 * updated in place: tasks by quarter and number, units' shares kept with their done marks.
 */
export async function savePlan(db: Database, preview: PlanPreview, context: AuditContext & { source: string }): Promise<SavedPlan> {
  const now = context.clock();
  const { plan } = preview;
  const imported = await db.transaction(async (tx) => {
    const [saved] = await tx
      .insert(plans)
      .values({ year: plan.year, planKey: phraseKey(plan.title), title: plan.title, sourceName: context.source, importedAt: now })
      .onConflictDoUpdate({ target: [plans.agencyId, plans.year, plans.planKey], set: { title: plan.title, sourceName: context.source, importedAt: now } })
      .returning({ id: plans.id });
    const planId = (saved as { id: number }).id;
    const existing = await tx
      .select({ id: planTasks.id })
      .from(planTasks)
      .where(and(eq(planTasks.planId, planId), isNull(planTasks.removedAt)));
    const written = preview.tasks.length
      ? await tx
          .insert(planTasks)
          .values(
            preview.tasks.map((task) => ({
              planId,
              quarter: task.quarter,
              number: task.number,
              content: task.content,
              leadText: task.leadUnits.join("\n"),
              coordinatingText: task.coordinatingUnits.join("\n"),
              dueAt: task.dueAt,
              explicitDeadline: task.deadline !== null,
              needsReport: asksForReport(task.content),
              updatedAt: now,
            })),
          )
          .onConflictDoUpdate({
            target: [planTasks.planId, planTasks.quarter, planTasks.number],
            set: {
              content: sql`excluded.content`,
              leadText: sql`excluded.lead_text`,
              coordinatingText: sql`excluded.coordinating_text`,
              dueAt: sql`excluded.due_at`,
              explicitDeadline: sql`excluded.explicit_deadline`,
              needsReport: sql`excluded.needs_report`,
              removedAt: null,
              updatedAt: now,
            },
          })
          .returning({ id: planTasks.id, inserted: sql<boolean>`xmax = 0` })
      : [];
    const keptIds = written.map((row) => row.id);
    const removed = existing.filter((row) => !keptIds.includes(row.id)).map((row) => row.id);
    if (removed.length > 0) await tx.update(planTasks).set({ removedAt: now }).where(inArray(planTasks.id, removed));

    for (const [index, task] of preview.tasks.entries()) {
      const taskId = keptIds[index] as number;
      const shares = [
        ...task.leadUnitIds.map((unitId) => ({ taskId, unitId, role: "lead" as const })),
        ...task.coordinatingUnitIds.map((unitId) => ({ taskId, unitId, role: "coordinating" as const })),
      ];
      if (shares.length > 0) {
        await tx
          .insert(planTaskUnits)
          .values(shares)
          .onConflictDoUpdate({ target: [planTaskUnits.taskId, planTaskUnits.unitId], set: { role: sql`excluded.role`, removedAt: null } });
      }
      const unitIds = shares.map((share) => share.unitId);
      await tx
        .update(planTaskUnits)
        .set({ removedAt: now })
        .where(
          and(eq(planTaskUnits.taskId, taskId), isNull(planTaskUnits.removedAt), unitIds.length > 0 ? notInArray(planTaskUnits.unitId, unitIds) : sql`true`),
        );
    }
    if (plan.meetings.length > 0) {
      await tx
        .insert(meetingDrafts)
        .values(plan.meetings.map((meeting) => ({ planId, ...meeting })))
        .onConflictDoNothing();
    }
    const result = {
      planId,
      created: written.filter((row) => row.inserted).length,
      updated: written.filter((row) => !row.inserted).length,
      removed: removed.length,
    };
    await recordAudit(tx, {
      at: now,
      actor: context.actor,
      action: "plan.import",
      subject: `plan:${planId}`,
      details: { ...result, source: context.source, unmatched: preview.unmatched },
    });
    return result;
  });
  // An import writes most of these tables at once; until autovacuum's statistics catch up (a
  // minute or more) every head's /tasks reads all the agency's tasks instead of its unit's
  // (measured with 300 tasks: 0.49 ms a read instead of 0.09). The bot used to ANALYZE here; as
  // tdkt_bot, which owns no table, it may not (PostgreSQL 17's MAINTAIN privilege would allow it).
  return imported;
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}
