import { and, eq, isNull, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";
import { planTasks, planTaskUnits, taskReports } from "../../db/schema/index.js";
import { escapeHtml, foldForMatching } from "../../domain/text.js";
import { recordAudit } from "../audit.js";
import { enqueue, type Translate } from "../outbox.js";
import type { AuditContext } from "../context.js";

/** Whether a plan task asks units for a report they send (sơ kết, tổng kết, kết quả, tự kiểm tra…). */
export function asksForReport(content: string): boolean {
  const folded = foldForMatching(content);
  return /^(bao cao|gui bao cao|thuc hien bao cao|xay dung bao cao)\b/.test(folded) || /\bbao cao (so ket|tong ket|ket qua|tu kiem tra)\b/.test(folded);
}

export type OpenReport = { taskId: number; quarter: number; number: string; content: string; dueAt: Date };

/** The report tasks a unit still has to send a file for. */
export async function openReports(db: Database, unitId: number): Promise<OpenReport[]> {
  const rows = await queryRows<Omit<OpenReport, "dueAt"> & { dueAt: string }>(
    db,
    sql`select t.id::int as "taskId", t.quarter, t.number, t.content, t.due_at::text as "dueAt"
        from plan_task_units s join plan_tasks t on t.id = s.task_id
        where s.unit_id = ${unitId} and s.removed_at is null and s.done_at is null and t.removed_at is null and t.needs_report
        order by t.due_at, t.id`,
  );
  return rows.map((row) => ({ ...row, dueAt: new Date(row.dueAt) }));
}

/**
 * A unit's report for a task: kept (a second file replaces the first), and the unit's share is
 * done with it. Refused for a task that is not the unit's or asks for no report.
 */
export async function submitTaskReport(
  db: Database,
  input: { taskId: number; unitId: number; personId: number; fileName: string; bytes: Buffer },
  context: AuditContext,
): Promise<{ quarter: number; number: string; content: string } | undefined> {
  const now = context.clock();
  return db.transaction(async (tx) => {
    const [task] = await tx
      .select({ quarter: planTasks.quarter, number: planTasks.number, content: planTasks.content })
      .from(planTaskUnits)
      .innerJoin(planTasks, eq(planTasks.id, planTaskUnits.taskId))
      .where(
        and(
          eq(planTaskUnits.taskId, input.taskId),
          eq(planTaskUnits.unitId, input.unitId),
          isNull(planTaskUnits.removedAt),
          isNull(planTasks.removedAt),
          eq(planTasks.needsReport, true),
        ),
      );
    if (!task) return undefined;
    const file = { fileName: input.fileName, contentBase64: input.bytes.toString("base64"), sentByPersonId: input.personId, receivedAt: now };
    await tx
      .insert(taskReports)
      .values({ taskId: input.taskId, unitId: input.unitId, ...file })
      .onConflictDoUpdate({ target: [taskReports.taskId, taskReports.unitId], set: file });
    await tx
      .update(planTaskUnits)
      .set({ doneAt: now, doneByPersonId: input.personId })
      .where(and(eq(planTaskUnits.taskId, input.taskId), eq(planTaskUnits.unitId, input.unitId), isNull(planTaskUnits.doneAt)));
    await recordAudit(tx, {
      at: now,
      actor: context.actor,
      action: "task.report",
      subject: `task:${input.taskId}`,
      details: { unitId: input.unitId, file: input.fileName, bytes: input.bytes.length },
    });
    return task;
  });
}

export type ReportStatus = {
  taskId: number;
  quarter: number;
  number: string;
  content: string;
  units: number;
  sent: string[];
  missing: { unitId: number; name: string }[];
};

/** Per report task of a year (or the one task asked for): which units have sent their file and which have not. */
export async function reportStatus(db: Database, year: number, taskId?: number): Promise<ReportStatus[]> {
  const rows = await queryRows<{ task_id: number; quarter: number; number: string; content: string; unit_id: number; unit_name: string; sent: boolean }>(
    db,
    sql`select t.id::int as task_id, t.quarter, t.number, t.content, u.id::int as unit_id, u.name as unit_name,
               exists (select 1 from task_reports r where r.task_id = t.id and r.unit_id = u.id) as sent
        from plan_tasks t join plans p on p.id = t.plan_id and p.year = ${year}
        join plan_task_units s on s.task_id = t.id and s.removed_at is null
        join units u on u.id = s.unit_id
        where t.needs_report and t.removed_at is null ${taskId === undefined ? sql`` : sql`and t.id = ${taskId}`}
        order by t.quarter, t.due_at, t.id, u.name`,
  );
  const byTask = new Map<number, ReportStatus>();
  for (const row of rows) {
    const status = byTask.get(row.task_id) ?? {
      taskId: row.task_id,
      quarter: row.quarter,
      number: row.number,
      content: row.content,
      units: 0,
      sent: [],
      missing: [],
    };
    status.units++;
    if (row.sent) status.sent.push(row.unit_name);
    else status.missing.push({ unitId: row.unit_id, name: row.unit_name });
    byTask.set(row.task_id, status);
  }
  return [...byTask.values()];
}

/** Every file sent for a task, in one .zip, each named by its unit. */
export async function reportArchive(db: Database, taskId: number): Promise<{ files: number; bytes: Buffer }> {
  const rows = await queryRows<{ code: string; file_name: string; content_base64: string }>(
    db,
    sql`select u.code, r.file_name, r.content_base64 from task_reports r join units u on u.id = r.unit_id where r.task_id = ${taskId} order by u.code`,
  );
  // Loaded when an archive is asked for, not at start-up (like every file format library).
  const { default: JSZip } = await import("jszip");
  const zip = new JSZip();
  for (const row of rows) zip.file(`${row.code}-${row.file_name.replace(/[\\/:*?"<>|]+/g, "_")}`, Buffer.from(row.content_base64, "base64"));
  return { files: rows.length, bytes: await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }) };
}

/** Reminds the heads of the units that have not sent a task's report; how many were told. */
export async function remindMissingReports(
  db: Database,
  taskId: number,
  context: { now: Date; notBefore: Date; translate: Translate; year: number },
): Promise<number> {
  const [status] = await reportStatus(db, context.year, taskId);
  if (!status || status.missing.length === 0) return 0;
  const heads = await queryRows<{ id: number }>(
    db,
    sql`select id::int as id from people where active and 'head' = any(roles) and unit_id in (${sql.join(
      status.missing.map((unit) => sql`${unit.unitId}`),
      sql`, `,
    )})`,
  );
  const queued = await enqueue(
    db,
    heads.map(({ id: personId }) => ({
      personId,
      dedupeKey: `task-report:${taskId}:reminder:${context.now.getTime()}:person:${personId}`,
      kind: "task-report-reminder",
      notBefore: context.notBefore,
      render: (locale: string) => ({
        parseMode: "HTML" as const,
        text: context.translate(locale, "task-report-reminder", { quarter: status.quarter, number: status.number, content: escapeHtml(status.content) }),
      }),
    })),
  );
  return new Set(queued.map((row) => row.notificationKey)).size;
}
