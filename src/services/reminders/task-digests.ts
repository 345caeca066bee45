import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";
import { atLocal, type LocalDay, nextWorkingDay, quarterDays, quarterOfDay } from "../../domain/calendar.js";
import type { Notification } from "../outbox.js";
import { headsWithout, type ShareRow, type SweepContext, shareDigests } from "./context.js";

/** From 08:00 of a quarter's first working day: each unit head gets the quarter's tasks of the unit, once. */
export async function quarterDigests(db: Database, context: SweepContext & { holidaySet: ReadonlySet<LocalDay> }): Promise<Notification[]> {
  const { now, today, zone, t } = context;
  const year = Number(today.slice(0, 4));
  const quarter = quarterOfDay(today);
  const firstWorkingDay = nextWorkingDay(quarterDays(year, quarter).first, context.holidaySet);
  if (now < atLocal(firstWorkingDay, "08:00:00", zone)) return [];
  const rows = await queryRows<ShareRow>(
    db,
    sql`with h as (${headsWithout(sql`${`digest:${year}-Q${quarter}:person:`} || p.id::text`)})
        select h.id::int as person_id, t.id::int as task_id, s.unit_id::int as unit_id, u.name as unit_name, t.number, t.quarter,
               t.content, t.due_at::text as due_at, s.role, s.done_at is not null as done, h.notification_key
        from h
        join plan_task_units s on s.unit_id = h.unit_id and s.removed_at is null
        join plan_tasks t on t.id = s.task_id and t.removed_at is null
        join plans pl on pl.id = t.plan_id and pl.year = ${year}
        join units u on u.id = s.unit_id
        where t.quarter = ${quarter}
        order by h.id, t.due_at, t.id`,
  );
  return shareDigests(rows, context, "task-digest", (locale, shares) =>
    t(locale, "reminder-quarter-digest", { quarter, year: String(year), unit: shares[0]?.unit_name ?? "", count: shares.length }),
  );
}
