import { sql } from "drizzle-orm";
import { arrayLiteral, type Database, queryRows } from "../db/client.js";
import { outbox, reminderMarks } from "../db/schema/index.js";
import type { OutboxPayload, OutboxStatus } from "../domain/notifications.js";
import type { MessageArgs } from "../domain/user-error.js";
import { monthOf } from "./delivery/months.js";
import { recordSilentlyUnreachable } from "./delivery/silent.js";

/** Translation as services need it: a locale, a message key, its arguments. */
export type Translate = (locale: string, key: string, args?: MessageArgs) => string;

/**
 * Of a person's accounts (`a` of person `p`), those notifications go to: every one, or only those
 * on the platform the person chose with /notify (Zalo: the bot and the OA alike) — unless they have
 * none there, so nothing is lost.
 */
export const NOTIFIED_ACCOUNT = sql`(p.notify_via = 'both' or split_part(a.platform, '_', 1) = p.notify_via
  or not exists (select 1 from chat_accounts other where other.person_id = p.id and split_part(other.platform, '_', 1) = p.notify_via and not other.blocked))`;

/** A notification for a person; it goes to every chat account they have linked. */
export type Notification = {
  personId: number;
  /** Unique per notification and person; the account id is appended per copy. */
  dedupeKey: string;
  kind: string;
  notBefore: Date;
  /**
   * The message in a reader's language. A list that stops early ("… and N more") keeps its text
   * within `limit` characters when given one: a message made of several gives each its share.
   */
  render(locale: string, limit?: number): OutboxPayload;
  /**
   * Earlier reminders of the same kind to this person that this one replaces: a LIKE pattern of
   * their notification keys; pending ones are cancelled, so two held over a weekend do not
   * arrive together.
   */
  supersedes?: string;
  /** The items a digest gathers (reminder_marks keys), recorded with it so none is sent again. */
  marks?: string[];
};

/** One copy of a notification, for one account; `notificationKey` names the notification (one per person). */
export type PlannedMessage = {
  dedupeKey: string;
  notificationKey: string;
  kind: string;
  platform: string;
  chatId: string;
  payload: OutboxPayload;
  notBefore: Date;
};

/** The same notice to several people, keyed `<key>:person:<id>` each, its text in each reader's language. */
export function noticeToEach(personIds: readonly number[], notice: { key: string; kind: string; at: Date; text: (locale: string) => string }): Notification[] {
  return personIds.map((personId) => ({
    personId,
    dedupeKey: `${notice.key}:person:${personId}`,
    kind: notice.kind,
    notBefore: notice.at,
    render: (locale: string) => ({ parseMode: "HTML" as const, text: notice.text(locale) }),
  }));
}

/**
 * Expands notifications to one row per linked, unblocked account and inserts them; a row whose
 * dedupe key exists already is skipped, so running a sweep twice, or on two instances, sends
 * nothing twice. Returns the rows it would insert; with `dryRun` it inserts nothing.
 */
export async function enqueue(db: Database, notifications: Notification[], options: { dryRun?: boolean } = {}): Promise<PlannedMessage[]> {
  if (notifications.length === 0) return [];
  const personIds = [...new Set(notifications.map((notification) => notification.personId))];
  // One array parameter, named on both sides of the join: Postgres does not carry a list over a
  // join, so with the condition on the accounts alone it hashed all of people (at 100,000 people
  // a catch-up's 5,000 heads took five statements of 60 ms; now one of ~10 ms).
  const ids = sql`${arrayLiteral(personIds)}::bigint[]`;
  const accounts = await queryRows<{ id: number; personId: number | null; platform: string; chatId: string; language: string | null }>(
    db,
    sql`select a.id::int as id, a.person_id::int as "personId", a.platform, a.chat_id as "chatId", a.language
        from chat_accounts a join people p on p.id = a.person_id
        where p.id = any(${ids}) and a.person_id = any(${ids}) and not a.blocked and ${NOTIFIED_ACCOUNT}`,
  );
  const byPerson = new Map<number, typeof accounts>();
  for (const account of accounts) {
    if (account.personId === null) continue;
    const known = byPerson.get(account.personId);
    if (known) known.push(account);
    else byPerson.set(account.personId, [account]);
  }
  // Someone whose every linked account is blocked or unfollowed would get nothing, unnoticed: recorded for the secretariat.
  const unreached = personIds.filter((personId) => !byPerson.has(personId));
  if (!options.dryRun && unreached.length > 0) await recordSilentlyUnreachable(db, unreached, monthOf((notifications[0] as Notification).notBefore));
  // Rendered a chunk at a time, so that rendering the next chunk overlaps the database's work on this one.
  const rowsOf = (chunk: Notification[]) =>
    chunk.flatMap((notification) =>
      (byPerson.get(notification.personId) ?? []).map((account) => ({
        dedupeKey: `${notification.dedupeKey}:acct:${account.id}`,
        notificationKey: notification.dedupeKey,
        kind: notification.kind,
        chatAccountId: account.id,
        platform: account.platform,
        chatId: account.chatId,
        payload: notification.render(account.language ?? "vi"),
        notBefore: notification.notBefore,
      })),
    );
  if (options.dryRun) return rowsOf(notifications);
  const superseding = notifications.filter((notification) => notification.supersedes !== undefined);
  for (let start = 0; start < superseding.length; start += 1000) {
    const chunk = superseding.slice(start, start + 1000);
    const patterns = sql.join(
      chunk.map((notification) => sql`${notification.supersedes}::text`),
      sql`, `,
    );
    const keys = sql.join(
      chunk.map((notification) => sql`${notification.dedupeKey}`),
      sql`, `,
    );
    await db.execute(sql`update ${outbox} set status = 'cancelled'
      where status = 'pending' and notification_key like any(array[${patterns}]) and notification_key not in (${keys})`);
  }
  const inserted: PlannedMessage[] = [];
  const writing = new Set<Promise<void>>();
  // A failed chunk stops the loop; the chunks already on their way are still waited for, so none
  // fails unobserved.
  let failure: { error: unknown } | undefined;
  for (let start = 0; start < notifications.length && !failure; start += INSERT_CHUNK) {
    const slice = notifications.slice(start, start + INSERT_CHUNK);
    const chunk = rowsOf(slice);
    // A digest's marks go with it, also for a person with no account: otherwise every sweep would
    // gather the same reminders for them again.
    const marks = slice.flatMap((notification) => notification.marks ?? []);
    if (chunk.length === 0 && marks.length === 0) continue;
    while (writing.size >= INSERTS_AT_ONCE) await Promise.race(writing);
    if (failure) break;
    const write: Promise<void> = insertRows(db, chunk, marks)
      .then(
        (written) => {
          const keys = new Set(written);
          inserted.push(...chunk.filter((row) => keys.has(row.dedupeKey)));
        },
        (error: unknown) => {
          failure ??= { error };
        },
      )
      .finally(() => writing.delete(write));
    writing.add(write);
  }
  await Promise.all(writing);
  if (failure) throw failure.error;
  return inserted;
}

// A sweep's catch-up queues tens of thousands of rows: as a few array parameters a chunk costs the
// server one parse, where a VALUES list of 9 parameters a row cost most of the sweep (measured:
// 15,888 rows in 2.6 s through the query builder, see bench/sweep.ts).
const INSERT_CHUNK = 1000;
// Chunks written side by side: the server parses and inserts one while the next is rendered and
// sent. One at a time, the catch-up at 100,000 people waited on each chunk's round trip in turn
// (Postgres, 15,000 rows: 2,000 a chunk one at a time 2.0 s; 1,000 a chunk three at a time 1.65 s;
// 500 a chunk no faster, and the next morning's 5,000 rows slower).
const INSERTS_AT_ONCE = 3;

/**
 * Inserts outbox rows unless their dedupe key exists, and the reminder marks of their digests, in
 * one statement: a crash cannot leave a digest queued with its reminders unmarked, which the next
 * sweep would send again on their own. Returns the keys it inserted.
 */
async function insertRows(db: Database, rows: (PlannedMessage & { chatAccountId: number })[], marks: string[]): Promise<string[]> {
  const column = (value: (row: (typeof rows)[number]) => string | number) => arrayLiteral(rows.map(value));
  // One array per column, zipped by ROWS FROM, and the payloads as one JSON array: the server parses
  // each value once. As one JSON document of row objects, 15,000 rows cost it twice as much: every
  // key again in every row, then each row's fields pulled out by name (psql, 15,000 rows of 440
  // bytes: ~300 ms to parse and unpack against ~200, the inserts themselves ~190).
  const written = await queryRows<{ dedupe_key: string }>(
    db,
    sql`with written as (
          insert into ${outbox} (dedupe_key, notification_key, kind, chat_account_id, platform, chat_id, payload, not_before)
          select * from rows from (
            unnest(${column((row) => row.dedupeKey)}::text[]), unnest(${column((row) => row.notificationKey)}::text[]),
            unnest(${column((row) => row.kind)}::text[]), unnest(${column((row) => row.chatAccountId)}::bigint[]),
            unnest(${column((row) => row.platform)}::text[]), unnest(${column((row) => row.chatId)}::text[]),
            jsonb_array_elements(${JSON.stringify(rows.map((row) => row.payload))}::jsonb),
            unnest(${column((row) => row.notBefore.toISOString())}::timestamptz[]))
          on conflict (agency_id, dedupe_key) do nothing
          returning dedupe_key
        ), marked as (
          insert into ${reminderMarks} (key) select unnest(${arrayLiteral(marks)}::text[]) on conflict do nothing
        )
        select dedupe_key from written`,
  );
  return written.map((row) => row.dedupe_key);
}

/** How many outbox rows are in each status: a broadcast's progress, or the health of the queue. */
export async function outboxDepth(db: Database): Promise<Record<OutboxStatus, number>> {
  const rows = await queryRows<{ status: OutboxStatus; count: number }>(db, sql`select status, count(*)::int as count from ${outbox} group by status`);
  const depth = { pending: 0, claimed: 0, sending: 0, sent: 0, failed: 0, unknown: 0, cancelled: 0 };
  for (const row of rows) depth[row.status] = row.count;
  return depth;
}
