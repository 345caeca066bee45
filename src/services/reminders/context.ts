import { type SQL, sql } from "drizzle-orm";
import { addLocalDays, atLocal, formatDate, type LocalDay } from "../../domain/calendar.js";
import { escapeHtml } from "../../domain/text.js";
import type { MessageArgs } from "../../domain/user-error.js";
import type { Notification, Translate } from "../outbox.js";

export type HtmlTranslate = (locale: string, key: string, args?: MessageArgs) => string;

/** What every kind of reminder is computed from. */
export type SweepContext = {
  now: Date;
  today: LocalDay;
  zone: string;
  notBefore: Date;
  t: HtmlTranslate;
  translate: Translate;
  /** A share's line in a digest, formatted once per sweep (see `taskLines`). */
  line: (locale: string, share: ShareRow) => string;
};

/** Translates with every string argument escaped, since reminder texts are HTML. */
export function htmlTranslator(translate: Translate): HtmlTranslate {
  // Lines without arguments (a task's role, say) come up in most digests: each is formatted once.
  const bare = new Map<string, string>();
  return (locale, key, args) => {
    if (args === undefined) {
      const id = `${locale}\u0000${key}`;
      let text = bare.get(id);
      if (text === undefined) {
        text = translate(locale, key);
        bare.set(id, text);
      }
      return text;
    }
    const escaped: MessageArgs = {};
    for (const name in args) {
      const value = args[name] as string | number;
      escaped[name] = typeof value === "string" ? escapeHtml(value) : value;
    }
    return translate(locale, key, escaped);
  };
}

/**
 * A task's line in a digest, by share: one sweep lists the same share in its head's quarter digest
 * and overdue list. Kept for the sweep only; it holds no more than the rows the sweep read.
 */
export function taskLines(t: HtmlTranslate, zone: string): (locale: string, share: ShareRow) => string {
  const lines = new Map<string, string>();
  return (locale, share) => {
    const id = `${locale}:${share.task_id}:${share.unit_id}:${share.done}`;
    let line = lines.get(id);
    if (line === undefined) {
      line = t(locale, share.done ? "reminder-task-line-done" : "reminder-task-line", {
        number: share.number,
        quarter: share.quarter,
        content: share.content.replace(/\n/g, " "),
        // calendar.ts keeps the recent dates' parts: no cache of dates here.
        due: formatDate(new Date(share.due_at), zone),
        role: t(locale, `tasks-role-${share.role}`),
      });
      lines.set(id, line);
    }
    return line;
  };
}

/**
 * A reminder's notification key, defined once, in the query that finds what is due: the query
 * selects it as `notification_key` and skips what the outbox holds under it, and the reminder
 * is queued under that same value. `key` is a SQL expression over the query's tables.
 */
export function keyed(key: SQL): { column: SQL; join: SQL; notQueued: SQL } {
  return {
    column: sql`k.key as notification_key`,
    join: sql`cross join lateral (select ${key} as key) k`,
    notQueued: sql`not exists (select 1 from outbox o where o.notification_key = k.key)`,
  };
}

/**
 * The active unit heads who have nothing under a key yet (`key` an expression over `p`), with that
 * key: a digest query starts from them, so a minute after the day's digests went out it reads a
 * few thousand index entries, not every overdue share of the agency (measured at 100,000 people:
 * the steady minute's overdue query went from 84 ms to a few).
 */
export function headsWithout(key: SQL): SQL {
  return sql`select p.id, p.unit_id, k.key as notification_key
    from people p cross join lateral (select ${key} as key) k
    where p.active and 'head' = any(p.roles) and ${notSentUnder(sql`k.key`)}`;
}

/**
 * That nothing went out under a digest's `key` yet: no message of its own, and no part of another
 * (whose marks then record the key, see oneMessagePerHead in index.ts).
 */
export function notSentUnder(key: SQL): SQL {
  return sql`not exists (select 1 from outbox o where o.notification_key = ${key}) and not exists (select 1 from reminder_marks m where m.key = ${key})`;
}

export type ShareRow = {
  person_id: number;
  task_id: number;
  unit_id: number;
  unit_name: string;
  number: string;
  quarter: number;
  content: string;
  due_at: string;
  role: string;
  done: boolean;
  notification_key: string;
};

// Each unit's unfinished share of a task, with the heads of that unit: what pings and overdue
// digests are about. The callers add the key and the date condition.
export const UNFINISHED_SHARES_OF_HEADS = sql`select p.id::int as person_id, t.id::int as task_id, s.unit_id::int as unit_id, u.name as unit_name,
       t.number, t.quarter, t.content, t.due_at::text as due_at, s.role, false as done`;
export const UNFINISHED_SHARES_FROM = sql`from plan_tasks t
  join plan_task_units s on s.task_id = t.id and s.removed_at is null and s.done_at is null
  join units u on u.id = s.unit_id
  join people p on p.unit_id = s.unit_id and p.active and 'head' = any(p.roles)`;

// Telegram allows 4096 characters; a digest stops listing well before that (its last line, "… and
// N more", and the markup that is not shown are not counted).
export const DIGEST_LIMIT = 3500;

/**
 * For reminders n days ahead: the reminder of n days covers what falls in (closer offset, n] days
 * from today, so only the closest applies — a task due in 2 days gets the 3-day ping, not the
 * 7-day one it missed.
 */
export function offsetWindows(days: number[], today: LocalDay, zone: string): { offset: number; from: Date; until: Date }[] {
  const offsets = [...new Set(days)].filter((day) => day > 0).sort((a, b) => a - b);
  return offsets.map((offset, index) => {
    const closer = offsets[index - 1];
    return {
      offset,
      from: atLocal(closer === undefined ? today : addLocalDays(today, closer + 1), "00:00:00", zone),
      until: atLocal(addLocalDays(today, offset + 1), "00:00:00", zone),
    };
  });
}

export function groupByPerson<Row extends ShareRow>(rows: Row[]): [number, Row[]][] {
  const groups = new Map<number, Row[]>();
  for (const row of rows) {
    const group = groups.get(row.person_id);
    if (group) group.push(row);
    else groups.set(row.person_id, [row]);
  }
  return [...groups.entries()];
}

/** The header and as many lines as fit, then "… and N more". */
export function fitLines(header: string, lines: string[], more: (count: number) => string, limit = DIGEST_LIMIT): string {
  const kept: string[] = [];
  let length = header.length;
  for (const [index, line] of lines.entries()) {
    if (length + line.length + 1 > limit) {
      kept.push(more(lines.length - index));
      break;
    }
    kept.push(line);
    length += line.length + 1;
  }
  return [header, ...kept].join("\n");
}

/** One digest per head of the shares listed: the header, then a line per task, as many as fit. */
export function shareDigests(rows: ShareRow[], context: SweepContext, kind: string, header: (locale: string, shares: ShareRow[]) => string): Notification[] {
  const { t, line } = context;
  return groupByPerson(rows).map(([personId, shares]) => ({
    personId,
    dedupeKey: shares[0]?.notification_key ?? "",
    kind,
    notBefore: context.notBefore,
    render: (locale, limit) => ({
      parseMode: "HTML",
      text: fitLines(
        header(locale, shares),
        shares.map((share) => line(locale, share)),
        (more) => t(locale, "reminder-more", { count: more }),
        limit,
      ),
    }),
  }));
}

/**
 * How many characters each of several texts in one message may take: a text shorter than an equal
 * share keeps its length, and what it leaves goes to the longer ones, in equal parts.
 */
export function sharedLimits(lengths: readonly number[], limit: number): number[] {
  const limits = [...lengths];
  let left = limit;
  let sharing = lengths.length;
  for (const index of lengths.map((_, at) => at).sort((a, b) => (lengths[a] ?? 0) - (lengths[b] ?? 0))) {
    const share = Math.floor(left / sharing);
    limits[index] = Math.min(lengths[index] ?? 0, share);
    left -= limits[index] ?? 0;
    sharing -= 1;
  }
  return limits;
}
