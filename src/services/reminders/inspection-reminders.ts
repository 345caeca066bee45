import { sql } from "drizzle-orm";
import { type Database, queryRows, timestamp } from "../../db/client.js";
import { addLocalDays, atLocal, formatDate, formatDateTime, localDay } from "../../domain/calendar.js";
import { type Notification, noticeToEach } from "../outbox.js";
import { activeWithRole } from "../roster/people-by-role.js";
import { visitReportDue } from "../inspections/visit-notices.js";
import { loadHolidays } from "../rules/holidays.js";
import type { SweepContext } from "./context.js";

/**
 * Around each scheduled visit: the report reminder to the unit the day before the report is due
 * and on the day, the reminder to the unit and every team member the day before the visit, and a
 * flag to the secretariat when the report is late. A moved visit has a new version and new keys;
 * a cancelled one is skipped.
 */
export async function inspectionReminders(db: Database, context: SweepContext): Promise<Notification[]> {
  const { now, today, zone, t } = context;
  const rows = await queryRows<{
    id: number;
    version: number;
    starts_at: string;
    unit_id: number;
    unit_name: string;
    inspection_id: number;
    report_days: number;
    report_working_days: boolean;
    updated_at: string;
    reported: boolean;
    on_documents: boolean;
  }>(
    db,
    sql`select v.id::int as id, v.version, v.starts_at::text as starts_at, v.unit_id::int as unit_id, u.name as unit_name,
               v.inspection_id::int as inspection_id, i.report_days, i.report_working_days, v.updated_at::text as updated_at, v.report_received_at is not null as reported, v.on_documents_only as on_documents
        from inspection_visits v join inspections i on i.id = v.inspection_id join units u on u.id = v.unit_id
        where v.status = 'scheduled' and v.starts_at > ${timestamp(new Date(now.getTime() - 15 * 86_400_000))}
          and v.starts_at < ${timestamp(new Date(now.getTime() + 40 * 86_400_000))}`,
  );
  if (rows.length === 0) return [];
  // Who is concerned, for every visit at once: the heads of the inspected units, each team, the secretariat.
  const heads = await queryRows<{ id: number; unit_id: number }>(
    db,
    sql`select id::int as id, unit_id::int as unit_id from people
        where active and 'head' = any(roles) and unit_id in (${sql.join(
          [...new Set(rows.map((row) => row.unit_id))].map((id) => sql`${id}`),
          sql`, `,
        )})`,
  );
  const teams = await queryRows<{ id: number; inspection_id: number }>(
    db,
    sql`select person_id::int as id, inspection_id::int as inspection_id from inspection_team
        where inspection_id in (${sql.join(
          [...new Set(rows.map((row) => row.inspection_id))].map((id) => sql`${id}`),
          sql`, `,
        )})`,
  );
  const secretariat = await activeWithRole(db, "secretariat");
  const notifications: Notification[] = [];
  for (const visit of rows) {
    const startsAt = new Date(visit.starts_at);
    const visitDay = localDay(startsAt, zone);
    const workingDays = visit.report_working_days ? await loadHolidays(db, startsAt) : undefined;
    const reportDay = localDay(visitReportDue({ startsAt, updatedAt: new Date(visit.updated_at) }, visit.report_days, zone, workingDays), zone);
    const key = `visit:${visit.id}:v${visit.version}`;
    const args = { unit: visit.unit_name, when: formatDateTime(startsAt, zone), report: formatDate(atLocal(reportDay, "12:00:00", zone), zone) };
    const unitHeads = heads.filter((head) => head.unit_id === visit.unit_id).map((head) => head.id);
    const team = teams.filter((member) => member.inspection_id === visit.inspection_id).map((member) => member.id);
    const notify = (personIds: number[], suffix: string, message: string) =>
      noticeToEach(personIds, { key: `${key}:${suffix}`, kind: `visit-${suffix}`, at: context.notBefore, text: (locale) => t(locale, message, args) });
    if (!visit.reported && today === addLocalDays(reportDay, -1)) notifications.push(...notify(unitHeads, "report-eve", "visit-report-due-tomorrow"));
    if (!visit.reported && today === reportDay) notifications.push(...notify(unitHeads, "report-day", "visit-report-due-today"));
    if (today === addLocalDays(visitDay, -1))
      notifications.push(...notify([...unitHeads, ...team], "eve", visit.on_documents ? "visit-tomorrow-documents" : "visit-tomorrow"));
    if (!visit.reported && today > reportDay && now < startsAt) notifications.push(...notify(secretariat, "late", "visit-report-late"));
  }
  // What is queued already is skipped by its key; rendering a few dozen visits a minute is cheap.
  return notifications;
}
