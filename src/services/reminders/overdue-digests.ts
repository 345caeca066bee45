import { sql } from "drizzle-orm";
import { type Database, queryRows, timestamp } from "../../db/client.js";
import type { Notification } from "../outbox.js";
import { fitLines, headsWithout, keyed, type ShareRow, type SweepContext, shareDigests } from "./context.js";

/** Once per office day: each head the unit's overdue shares, the secretariat the overdue count per unit. */
export async function overdueDigests(db: Database, context: SweepContext): Promise<Notification[]> {
  const { now, today, t } = context;
  const rows = await queryRows<ShareRow>(
    db,
    sql`with h as (${headsWithout(sql`${`overdue:${today}:person:`} || p.id::text`)})
        select h.id::int as person_id, t.id::int as task_id, s.unit_id::int as unit_id, u.name as unit_name,
               t.number, t.quarter, t.content, t.due_at::text as due_at, s.role, false as done, h.notification_key
        from h
        join plan_task_units s on s.unit_id = h.unit_id and s.removed_at is null and s.done_at is null
        join plan_tasks t on t.id = s.task_id
        join units u on u.id = s.unit_id
        where t.removed_at is null and t.due_at < ${timestamp(now)}
        order by h.id, t.due_at, t.id`,
  );
  const notifications = shareDigests(rows, context, "task-overdue", (locale, shares) =>
    t(locale, "reminder-overdue-digest", { unit: shares[0]?.unit_name ?? "", count: shares.length }),
  );

  // The secretariat first: once its summaries are out, the count over every unit is not needed.
  const summaryKey = keyed(sql`${`overdue-summary:${today}:person:`} || p.id::text`);
  const secretariat = await queryRows<{ person_id: number; notification_key: string }>(
    db,
    sql`select p.id::int as person_id, ${summaryKey.column} from people p ${summaryKey.join}
        where p.active and p.roles @> array['secretariat']::text[] and ${summaryKey.notQueued}`,
  );
  if (secretariat.length === 0) return notifications;
  const perUnit = await queryRows<{ unit_name: string; overdue: number }>(
    db,
    sql`select u.name as unit_name, count(*)::int as overdue
        from plan_tasks t
        join plan_task_units s on s.task_id = t.id and s.removed_at is null and s.done_at is null
        join units u on u.id = s.unit_id
        where t.removed_at is null and t.due_at < ${timestamp(now)}
        group by u.name order by count(*) desc, u.name`,
  );
  if (perUnit.length === 0) return notifications;
  const total = perUnit.reduce((sum, unit) => sum + unit.overdue, 0);
  for (const { person_id: personId, notification_key: dedupeKey } of secretariat) {
    notifications.push({
      personId,
      dedupeKey,
      kind: "task-overdue-summary",
      notBefore: context.notBefore,
      render: (locale) => ({
        parseMode: "HTML",
        text: fitLines(
          t(locale, "reminder-overdue-summary", { count: total, units: perUnit.length }),
          perUnit.map((unit) => t(locale, "reminder-overdue-summary-line", { unit: unit.unit_name, count: unit.overdue })),
          (more) => t(locale, "reminder-more", { count: more }),
        ),
      }),
    });
  }
  return notifications;
}
