import { sql } from "drizzle-orm";
import { type Database, queryRows, timestamp } from "../../db/client.js";
import { ACTIONS } from "../../domain/button-actions.js";
import { formatDate, localDay } from "../../domain/calendar.js";
import type { Notification } from "../outbox.js";
import { keyed, offsetWindows, type ShareRow, type SweepContext, UNFINISHED_SHARES_FROM, UNFINISHED_SHARES_OF_HEADS } from "./context.js";

/** n days before a task is due (the closest configured n): each head of each unit with an unfinished share. */
export async function taskPings(db: Database, context: SweepContext & { days: number[] }): Promise<Notification[]> {
  const { now, today, zone, t } = context;
  const notifications: Notification[] = [];
  for (const { offset, from: dueFrom, until: dueUntil } of offsetWindows(context.days, today, zone)) {
    const key = keyed(sql`'task:' || t.id::text || ':unit:' || s.unit_id::text || ${`:T-${offset}:person:`} || p.id::text`);
    const rows = await queryRows<ShareRow>(
      db,
      sql`${UNFINISHED_SHARES_OF_HEADS}, ${key.column}
          ${UNFINISHED_SHARES_FROM}
          ${key.join}
          where t.removed_at is null and t.due_at > ${timestamp(now)}
            and t.due_at >= ${timestamp(dueFrom)} and t.due_at < ${timestamp(dueUntil)}
            and ${key.notQueued}
          order by t.due_at, t.id`,
    );
    for (const share of rows) {
      const dueAt = new Date(share.due_at);
      // A ping that could only go out after the deadline says nothing the overdue digest will not.
      if (context.notBefore >= dueAt) continue;
      const daysLeft = Math.round((Date.parse(`${localDay(dueAt, zone)}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
      notifications.push({
        personId: share.person_id,
        dedupeKey: share.notification_key,
        kind: "task-ping",
        notBefore: context.notBefore,
        render: (locale) => ({
          parseMode: "HTML",
          text: t(locale, "reminder-task-due", {
            days: daysLeft,
            due: formatDate(dueAt, zone),
            number: share.number,
            quarter: share.quarter,
            content: share.content,
            unit: share.unit_name,
          }),
          buttons: [[{ text: t(locale, "tasks-button-done", { number: share.number }), data: ACTIONS.taskDone.encode(share.task_id) }]],
        }),
      });
    }
  }
  return notifications;
}
