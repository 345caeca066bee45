// Which outbox rows a dispatcher takes, and when.
import { type SQL, sql } from "drizzle-orm";
import { arrayLiteral, type Database, queryRows, timestamp } from "../db/client.js";
import { outbox } from "../db/schema/index.js";
import type { OutboxPayload } from "../domain/notifications.js";

export type ClaimedRow = { id: number; platform: string; chat_id: string; payload: OutboxPayload; chat_account_id: number };

/**
 * The rows of one platform, and with `strays` the configured platforms' names, also the rows of
 * any platform this process cannot reach; all rows when no scope is given.
 */
export function scopeCondition(scope: { platform: string; strays?: string[] } | undefined): SQL {
  if (!scope) return sql`true`;
  if (!scope.strays) return sql`${outbox.platform} = ${scope.platform}`;
  return sql`(${outbox.platform} = ${scope.platform} or ${outbox.platform} <> all(${arrayLiteral(scope.strays)}::text[]))`;
}

/**
 * Claims due rows with FOR UPDATE SKIP LOCKED: one row per chat per batch, and none for a chat
 * with a row claimed or being sent, or sent within the per-chat interval: a chat's messages go out
 * one after another, in order, however long a send takes. `businessNow` decides what is due;
 * leases and the per-chat interval are real time.
 */
export async function claimDue(
  db: Database,
  input: { businessNow: Date; realNow: Date; batchSize: number; leaseMs: number; perChatIntervalMs: number; instanceId: string; scope: SQL },
): Promise<ClaimedRow[]> {
  const lease = new Date(input.realNow.getTime() + input.leaseMs);
  const chatQuietSince = new Date(input.realNow.getTime() - input.perChatIntervalMs);
  return queryRows<ClaimedRow>(
    db,
    sql`with candidates as (
          select id, chat_id from ${outbox}
          where status = 'pending' and not_before <= ${timestamp(input.businessNow)} and ${input.scope}
          order by not_before, id
          limit ${input.batchSize * 4}
          for update skip locked
        ), chosen as (
          select distinct on (c.chat_id) c.id from candidates c
          where not exists (
            select 1 from ${outbox} recent
            where recent.chat_id = c.chat_id
              and (recent.status in ('claimed', 'sending') or (recent.status = 'sent' and recent.sent_at > ${timestamp(chatQuietSince)}))
          )
          order by c.chat_id, c.id
        ), limited as (select id from chosen order by id limit ${input.batchSize})
        update ${outbox} set status = 'claimed', claimed_by = ${input.instanceId}, lease_until = ${timestamp(lease)}, attempts = attempts + 1
        where id in (select id from limited)
        returning id::int as id, platform, chat_id, payload, chat_account_id::int as chat_account_id`,
  );
}

/**
 * How many due rows are not settled yet: pending, claimed, or sending under a lease — a send cut off
 * by a crash or a database restart stays `sending` until its lease runs out and the reaper settles it.
 */
export async function dueUnsettled(db: Database, businessNow: Date, scope: SQL): Promise<number> {
  const [row] = await queryRows<{ count: number }>(
    db,
    sql`select count(*)::int as count from ${outbox} where status in ('pending', 'claimed', 'sending') and not_before <= ${timestamp(businessNow)} and ${scope}`,
  );
  return row?.count ?? 0;
}
