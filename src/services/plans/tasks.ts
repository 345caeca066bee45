import { and, desc, eq, gt, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";
import { builtOncePerDatabase } from "../../db/prepared-queries.js";
import { planTasks, planTaskUnits, plans } from "../../db/schema/index.js";
import { recordAudit } from "../audit.js";
import type { AuditContext } from "../context.js";

export type UnitTask = {
  taskId: number;
  quarter: number;
  number: string;
  content: string;
  dueAt: Date;
  role: "lead" | "coordinating";
  doneAt: Date | null;
  note: string | null;
  /** Done by sending the report file the task asks for. */
  needsReport: boolean;
  /** The plan's year. */
  year: number;
};

/** Which of a unit's shares a list shows: one quarter of a year, or every open one past its due date. */
export type TaskView =
  | { kind: "quarter"; year: number; quarter: number }
  | { kind: "overdue"; now: Date }
  /** Both at once, in one query: what /tasks shows by default. */
  | { kind: "quarter-and-overdue"; year: number; quarter: number; now: Date };

const byDueDate = (which: "quarter" | "overdue" | "quarter-and-overdue") =>
  builtOncePerDatabase((db) => {
    const inQuarter = and(eq(plans.year, sql.placeholder("year")), eq(planTasks.quarter, sql.placeholder("quarter")));
    // A placeholder's value reaches the driver as given: the instant as text both drivers accept.
    const overdue = and(isNull(planTaskUnits.doneAt), lt(planTasks.dueAt, sql.placeholder("now")));
    const shown = which === "quarter" ? inQuarter : which === "overdue" ? overdue : or(inQuarter, overdue);
    return db
      .select({
        taskId: planTasks.id,
        quarter: planTasks.quarter,
        number: planTasks.number,
        content: planTasks.content,
        dueAt: planTasks.dueAt,
        role: planTaskUnits.role,
        doneAt: planTaskUnits.doneAt,
        note: planTaskUnits.doneNote,
        needsReport: planTasks.needsReport,
        year: plans.year,
      })
      .from(planTaskUnits)
      .innerJoin(planTasks, eq(planTasks.id, planTaskUnits.taskId))
      .innerJoin(plans, eq(plans.id, planTasks.planId))
      .where(and(eq(planTaskUnits.unitId, sql.placeholder("unitId")), isNull(planTaskUnits.removedAt), isNull(planTasks.removedAt), shown))
      .orderBy(planTasks.dueAt, planTasks.id)
      .prepare(`unit-tasks-${which}`);
  });

const tasksQueries = { quarter: byDueDate("quarter"), overdue: byDueDate("overdue"), "quarter-and-overdue": byDueDate("quarter-and-overdue") };

/** A unit's shares of the plan tasks a view shows, soonest due first. */
export async function tasksOfUnit(db: Database, unitId: number, view: TaskView): Promise<UnitTask[]> {
  return tasksQueries[view.kind](db).execute({
    unitId,
    year: view.kind === "overdue" ? null : view.year,
    quarter: view.kind === "overdue" ? null : view.quarter,
    now: view.kind === "quarter" ? null : view.now.toISOString(),
  });
}

export type TaskChange = { kind: "changed"; task: { quarter: number; number: string; content: string } } | { kind: "not-yours" };

/**
 * Marks a unit's share of a task done or open again. Only the head of that unit may; the change
 * and who made it are audited in the same transaction.
 */
export async function setTaskDone(
  db: Database,
  input: { taskId: number; unitId: number; personId: number; done: boolean },
  context: AuditContext,
): Promise<TaskChange> {
  const now = context.clock();
  return db.transaction(async (tx) => {
    const [share] = await tx
      .select({ quarter: planTasks.quarter, number: planTasks.number, content: planTasks.content })
      .from(planTaskUnits)
      .innerJoin(planTasks, eq(planTasks.id, planTaskUnits.taskId))
      .where(and(eq(planTaskUnits.taskId, input.taskId), eq(planTaskUnits.unitId, input.unitId), isNull(planTaskUnits.removedAt), isNull(planTasks.removedAt)))
      .for("update");
    if (!share) return { kind: "not-yours" };
    await tx
      .update(planTaskUnits)
      .set(input.done ? { doneAt: now, doneByPersonId: input.personId } : { doneAt: null, doneByPersonId: null, doneNote: null })
      .where(and(eq(planTaskUnits.taskId, input.taskId), eq(planTaskUnits.unitId, input.unitId)));
    await recordAudit(tx, {
      at: now,
      actor: context.actor,
      action: input.done ? "task.done" : "task.reopen",
      subject: `task:${input.taskId}`,
      details: { unitId: input.unitId },
    });
    return { kind: "changed", task: share };
  });
}

export const NOTE_WINDOW_MS = 30 * 60_000;

/** Attaches a note to the share this person marked done most recently, if within the window. */
export async function noteLatestDone(db: Database, personId: number, note: string, context: AuditContext) {
  const now = context.clock();
  const [latest] = await db
    .select({ taskId: planTaskUnits.taskId, unitId: planTaskUnits.unitId, quarter: planTasks.quarter, number: planTasks.number })
    .from(planTaskUnits)
    .innerJoin(planTasks, eq(planTasks.id, planTaskUnits.taskId))
    .where(and(eq(planTaskUnits.doneByPersonId, personId), isNotNull(planTaskUnits.doneAt), gt(planTaskUnits.doneAt, new Date(now.getTime() - NOTE_WINDOW_MS))))
    .orderBy(desc(planTaskUnits.doneAt))
    .limit(1);
  if (!latest) return undefined;
  await db.transaction(async (tx) => {
    await tx
      .update(planTaskUnits)
      .set({ doneNote: note })
      .where(and(eq(planTaskUnits.taskId, latest.taskId), eq(planTaskUnits.unitId, latest.unitId)));
    await recordAudit(tx, { at: now, actor: context.actor, action: "task.note", subject: `task:${latest.taskId}`, details: { unitId: latest.unitId, note } });
  });
  return latest;
}

export type UnitProgress = { unitName: string; quarters: { done: number; total: number }[] };

/** Done and total shares per unit and quarter of a year: the secretariat's overview. */
export async function progressByUnit(db: Database, year: number): Promise<UnitProgress[]> {
  const rows = await queryRows<{ unit_name: string; quarter: number; done: number; total: number }>(
    db,
    sql`select u.name as unit_name, t.quarter, count(s.done_at)::int as done, count(*)::int as total
        from plan_task_units s
        join plan_tasks t on t.id = s.task_id and t.removed_at is null
        join plans p on p.id = t.plan_id and p.year = ${year}
        join units u on u.id = s.unit_id
        where s.removed_at is null
        group by u.name, t.quarter
        order by u.name`,
  );
  const byUnit = new Map<string, UnitProgress>();
  for (const row of rows) {
    const progress = byUnit.get(row.unit_name) ?? { unitName: row.unit_name, quarters: [1, 2, 3, 4].map(() => ({ done: 0, total: 0 })) };
    progress.quarters[row.quarter - 1] = { done: row.done, total: row.total };
    byUnit.set(row.unit_name, progress);
  }
  return [...byUnit.values()];
}
