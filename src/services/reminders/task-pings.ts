import { sql } from "drizzle-orm";
import { type Database, queryRows, timestamp } from "../../db/client.js";
import { ACTIONS } from "../../domain/button-actions.js";
import { formatDate, localDay } from "../../domain/calendar.js";
import type { Notification } from "../outbox.js";
import { createHash } from "node:crypto";
import { fitLines, groupByPerson, offsetWindows, type ShareRow, type SweepContext, UNFINISHED_SHARES_FROM, UNFINISHED_SHARES_OF_HEADS } from "./context.js";

// Telegram shows a keyboard of this many "done" buttons comfortably; the rest are in /tasks.
const DONE_BUTTONS = 8;

/**
 * n days before a task is due (the closest configured n), each head of each unit with an
 * unfinished share is reminded once — in one message that gathers all of the day's reminders,
 * with a "done" button per task. Each reminder is marked (reminder_marks) as the digest is queued.
 */
export async function taskPings(db: Database, context: SweepContext & { days: number[] }): Promise<Notification[]> {
  const { now, today, zone, t } = context;
  const due: (ShareRow & { days_left: number })[] = [];
  for (const { offset, from: dueFrom, until: dueUntil } of offsetWindows(context.days, today, zone)) {
    // Each task's reminder n days ahead goes once; the digest that carries it records its mark.
    const mark = sql`'task:' || t.id::text || ':unit:' || s.unit_id::text || ${`:T-${offset}:person:`} || p.id::text`;
    const rows = await queryRows<ShareRow>(
      db,
      sql`${UNFINISHED_SHARES_OF_HEADS}, ${mark} as notification_key
          ${UNFINISHED_SHARES_FROM}
          where t.removed_at is null and t.due_at > ${timestamp(now)}
            and t.due_at >= ${timestamp(dueFrom)} and t.due_at < ${timestamp(dueUntil)}
            and not exists (select 1 from reminder_marks m where m.key = ${mark})
          order by t.due_at, t.id`,
    );
    for (const share of rows) {
      const dueAt = new Date(share.due_at);
      // A ping that could only go out after the deadline says nothing the overdue digest will not.
      if (context.notBefore >= dueAt) continue;
      const daysLeft = Math.round((Date.parse(`${localDay(dueAt, zone)}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
      due.push({ ...share, days_left: daysLeft });
    }
  }
  return groupByPerson(due).map(([personId, shares]) => {
    const list = shares as (ShareRow & { days_left: number })[];
    const first = list[0] as ShareRow & { days_left: number };
    const marks = list.map((share) => share.notification_key);
    return {
      personId,
      // The same reminders found by two instances make the same digest, sent once.
      dedupeKey: `task-pings:${today}:person:${personId}:${createHash("sha256").update(marks.join("|")).digest("hex").slice(0, 16)}`,
      marks,
      kind: "task-ping",
      notBefore: context.notBefore,
      render: (locale, limit) => {
        const args = (share: ShareRow & { days_left: number }) => ({
          days: share.days_left,
          due: formatDate(new Date(share.due_at), zone),
          number: share.number,
          quarter: share.quarter,
          content: share.content.replace(/\n/g, " "),
          unit: share.unit_name,
        });
        const text =
          list.length === 1
            ? t(locale, "reminder-task-due", args(first))
            : fitLines(
                t(locale, "reminder-tasks-due", { count: list.length }),
                list.map((share) => t(locale, "reminder-tasks-due-line", args(share))),
                (more) => t(locale, "reminder-more", { count: more }),
                limit,
              );
        const buttons = list.slice(0, DONE_BUTTONS).map((share) => ({
          text: t(locale, "tasks-button-done", { number: `Q${share.quarter}.${share.number}` }),
          data: ACTIONS.taskDone.encode(share.task_id, "now"),
        }));
        const rows = [];
        for (let start = 0; start < buttons.length; start += 2) rows.push(buttons.slice(start, start + 2));
        return { parseMode: "HTML" as const, text, buttons: rows };
      },
    };
  });
}
