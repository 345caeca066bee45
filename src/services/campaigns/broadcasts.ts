import { and, desc, eq, gte, inArray, isNotNull, lt, or, isNull, sql, type SQL } from "drizzle-orm";
import { type Database, queryRows, timestamp } from "../../db/client.js";
import { broadcasts, outbox, people } from "../../db/schema/index.js";
import type { OutboxPayload } from "../../domain/notifications.js";
import type { BroadcastAudience } from "../../domain/notifications.js";
import { formatDate } from "../../domain/calendar.js";
import { escapeHtml } from "../../domain/text.js";
import { recordAudit } from "../audit.js";
import { launchCampaign } from "./campaigns.js";
import type { Translate } from "../outbox.js";
import { ACTIONS } from "../../domain/button-actions.js";
import { hasLiveIndividual } from "../registrations/live.js";
import type { AuditContext, ServiceContext } from "../context.js";

export type Broadcast = typeof broadcasts.$inferSelect;

/** Which people an audience means, as a condition on `people p`. */
export function audienceCondition(audience: BroadcastAudience): SQL {
  switch (audience.kind) {
    case "all":
      return sql`true`;
    case "units":
      return audience.unitIds.length
        ? sql`p.unit_id in (${sql.join(
            audience.unitIds.map((id) => sql`${id}`),
            sql`, `,
          )})`
        : sql`false`;
    case "roles":
      return audience.roles.length
        ? sql`p.roles && array[${sql.join(
            audience.roles.map((role) => sql`${role}`),
            sql`, `,
          )}]::text[]`
        : sql`false`;
    case "unregistered":
      return sql`not ${hasLiveIndividual(sql`p.id`, audience.year)}`;
  }
}

// A broadcast reaches each person once, however many platforms they are linked on: through the
// platform they chose for notifications, else (both) the account they linked last.
const BROADCAST_ACCOUNT = sql`a.id = (select b.id from chat_accounts b where b.person_id = p.id and not b.blocked
  order by (b.platform = p.notify_via) desc, b.linked_at desc nulls last, b.id desc limit 1)`;

const recipientsFrom = (audience: BroadcastAudience) =>
  sql`from chat_accounts a join people p on p.id = a.person_id where not a.blocked and p.active and ${BROADCAST_ACCOUNT} and ${audienceCondition(audience)}`;

/** How many chats the audience reaches now (linked, not blocked accounts). */
export async function countRecipients(db: Database, audience: BroadcastAudience): Promise<number> {
  const [row] = await queryRows<{ count: number }>(db, sql`select count(*)::int as count ${recipientsFrom(audience)}`);
  return row?.count ?? 0;
}

export async function createDraft(
  db: Database,
  input: {
    personId: number;
    text: string;
    documentFileId: string | null;
    documentName: string | null;
    audience: BroadcastAudience;
    launch: Broadcast["launch"];
    now: Date;
  },
): Promise<number> {
  const [row] = await db
    .insert(broadcasts)
    .values({
      createdByPersonId: input.personId,
      text: input.text,
      documentFileId: input.documentFileId,
      documentName: input.documentName,
      audience: input.audience,
      launch: input.launch,
      createdAt: input.now,
    })
    .returning({ id: broadcasts.id });
  return (row as { id: number }).id;
}

/** What a recipient gets: the text, the document by file_id, and for a launch the "register now" button. */
/**
 * What one recipient sees: the text as the secretariat wrote it; a launch opens with what was
 * launched, until when, and by whom, and ends with the button that starts /register.
 */
export function broadcastPayload(
  broadcast: Pick<Broadcast, "text" | "documentFileId" | "launch">,
  locale: string,
  translate: Translate,
  sender: { name: string; timeZone: string },
): OutboxPayload {
  const header = broadcast.launch
    ? `${translate(locale, "launch-header", {
        title: escapeHtml(broadcast.launch.title),
        deadline: formatDate(new Date(broadcast.launch.deadlineAt), sender.timeZone),
        sender: escapeHtml(sender.name),
      })}\n\n`
    : "";
  return {
    text: `${header}${broadcast.text}`,
    parseMode: "HTML",
    ...(broadcast.documentFileId ? { documentFileId: broadcast.documentFileId } : {}),
    ...(broadcast.launch ? { buttons: [[{ text: translate(locale, "registration-reminder-button"), data: ACTIONS.registrationStart.encode() }]] } : {}),
  };
}

/**
 * Sends a draft: one outbox row per recipient, inserted by a single statement, so a crash leaves
 * either all of them queued or none. A launch also opens the year's registration. Confirming twice
 * sends once.
 */
export async function confirmBroadcast(
  db: Database,
  input: { broadcastId: number; personId: number; progress: { platform: string; chatId: string; messageId: number } },
  context: ServiceContext,
): Promise<{ kind: "sending"; broadcastId: number; recipients: number } | { kind: "gone" } | { kind: "empty" }> {
  const now = context.clock();
  return db.transaction(async (tx) => {
    const [broadcast] = await tx
      .update(broadcasts)
      .set({
        status: "sending",
        confirmedAt: now,
        progressPlatform: input.progress.platform,
        progressChatId: input.progress.chatId,
        progressMessageId: input.progress.messageId,
      })
      .where(and(eq(broadcasts.id, input.broadcastId), eq(broadcasts.createdByPersonId, input.personId), eq(broadcasts.status, "draft")))
      .returning();
    if (!broadcast) return { kind: "gone" as const };
    let campaignId: number | null = null;
    if (broadcast.launch) {
      const campaign = await launchCampaign(
        tx,
        { year: broadcast.launch.year, title: broadcast.launch.title, deadlineAt: new Date(broadcast.launch.deadlineAt) },
        context,
      );
      campaignId = campaign.id;
    }
    const [creator] = await tx.select({ name: people.fullName }).from(people).where(eq(people.id, broadcast.createdByPersonId));
    const sender = { name: creator?.name ?? "", timeZone: context.timeZone };
    const payloadFor = (locale: string) => JSON.stringify(broadcastPayload(broadcast, locale, context.translate, sender));
    const inserted = await queryRows<{ id: number }>(
      tx,
      sql`insert into outbox (dedupe_key, notification_key, kind, chat_account_id, platform, chat_id, payload, status, not_before, broadcast_id)
          select 'broadcast:' || ${broadcast.id}::text || ':acct:' || a.id::text, 'broadcast:' || ${broadcast.id}::text || ':person:' || p.id::text,
                 'broadcast', a.id, a.platform, a.chat_id,
                 case when a.language = 'en' then ${payloadFor("en")}::jsonb else ${payloadFor("vi")}::jsonb end,
                 'pending', ${timestamp(now)}, ${broadcast.id}
          ${recipientsFrom(broadcast.audience)}
          on conflict (agency_id, dedupe_key) do nothing
          returning id::int as id`,
    );
    if (inserted.length === 0) {
      await tx.update(broadcasts).set({ status: "draft", confirmedAt: null }).where(eq(broadcasts.id, broadcast.id));
      return { kind: "empty" as const };
    }
    await tx.update(broadcasts).set({ recipients: inserted.length, campaignId }).where(eq(broadcasts.id, broadcast.id));
    await recordAudit(tx, {
      at: now,
      actor: context.actor,
      action: "broadcast.send",
      subject: `broadcast:${broadcast.id}`,
      details: { recipients: inserted.length, audience: broadcast.audience, launch: broadcast.launch },
    });
    return { kind: "sending" as const, broadcastId: broadcast.id, recipients: inserted.length };
  });
}

export type BroadcastCounts = { sent: number; failed: number; unknown: number; cancelled: number; remaining: number };

export async function broadcastCounts(db: Database, broadcastId: number): Promise<BroadcastCounts> {
  return (await countsOf(db, [broadcastId])).get(broadcastId) ?? countsFrom([]);
}

/** Delivery figures of several broadcasts in one query. */
async function countsOf(db: Database, broadcastIds: number[]): Promise<Map<number, BroadcastCounts>> {
  if (broadcastIds.length === 0) return new Map();
  const rows = await queryRows<{ broadcast_id: number; status: string; count: number }>(
    db,
    sql`select broadcast_id::int as broadcast_id, status, count(*)::int as count from ${outbox}
        where broadcast_id in (${sql.join(
          broadcastIds.map((id) => sql`${id}`),
          sql`, `,
        )}) group by broadcast_id, status`,
  );
  return new Map(broadcastIds.map((id) => [id, countsFrom(rows.filter((row) => row.broadcast_id === id))]));
}

function countsFrom(rows: { status: string; count: number }[]): BroadcastCounts {
  const count = (...statuses: string[]) => rows.filter((row) => statuses.includes(row.status)).reduce((sum, row) => sum + row.count, 0);
  return {
    sent: count("sent"),
    failed: count("failed"),
    unknown: count("unknown"),
    cancelled: count("cancelled"),
    remaining: count("pending", "claimed", "sending"),
  };
}

/** Stops what has not been sent yet; what is in flight finishes. Only its author may. */
export async function cancelBroadcast(db: Database, broadcastId: number, personId: number, context: AuditContext): Promise<boolean> {
  const now = context.clock();
  return db.transaction(async (tx) => {
    const [broadcast] = await tx
      .update(broadcasts)
      .set({ status: "cancelled" })
      .where(and(eq(broadcasts.id, broadcastId), eq(broadcasts.createdByPersonId, personId), inArray(broadcasts.status, ["sending", "draft"])))
      .returning({ id: broadcasts.id });
    if (!broadcast) return false;
    const stopped = await tx
      .update(outbox)
      .set({ status: "cancelled" })
      .where(and(eq(outbox.broadcastId, broadcastId), eq(outbox.status, "pending")))
      .returning({ id: outbox.id });
    await recordAudit(tx, {
      at: now,
      actor: context.actor,
      action: "broadcast.cancel",
      subject: `broadcast:${broadcastId}`,
      details: { stopped: stopped.length },
    });
    return true;
  });
}

/** Who could not be reached, and why. */
export async function unreachedRecipients(db: Database, broadcastId: number, limit = 50) {
  return queryRows<{ name: string; unit: string; status: string; error: string | null }>(
    db,
    sql`select p.full_name as name, u.name as unit, o.status, o.error
        from outbox o join chat_accounts a on a.id = o.chat_account_id join people p on p.id = a.person_id join units u on u.id = p.unit_id
        where o.broadcast_id = ${broadcastId} and o.status in ('failed', 'unknown')
        order by u.name, p.full_name limit ${limit}`,
  );
}

/** Failure reasons and how many each. */
export async function failureReasons(db: Database, broadcastId: number) {
  return queryRows<{ reason: string; count: number }>(
    db,
    sql`select coalesce(error, status) as reason, count(*)::int as count from ${outbox}
        where broadcast_id = ${broadcastId} and status in ('failed', 'unknown') group by 1 order by 2 desc`,
  );
}

export const PROGRESS_EVERY_MS = 3000;

/**
 * The broadcasts whose progress message is due an edit, each claimed for this instance so that
 * however many instances run, the message is edited at most every 3 seconds.
 */
export async function claimProgressTurns(db: Database, now: Date): Promise<Broadcast[]> {
  return db
    .update(broadcasts)
    .set({ progressAt: now })
    .where(
      and(
        inArray(broadcasts.status, ["sending", "cancelled"]),
        isNull(broadcasts.finishedAt),
        isNotNull(broadcasts.progressMessageId),
        or(isNull(broadcasts.progressAt), lt(broadcasts.progressAt, new Date(now.getTime() - PROGRESS_EVERY_MS))),
      ),
    )
    .returning();
}

export async function finishBroadcast(db: Database, broadcastId: number, now: Date): Promise<void> {
  await db
    .update(broadcasts)
    .set({ finishedAt: now, status: sql`case when status = 'sending' then 'done' else status end` })
    .where(eq(broadcasts.id, broadcastId));
}

/** The year's campaigns and broadcasts with delivery figures. */
export async function broadcastsSince(db: Database, since: Date) {
  const rows = await db
    .select()
    .from(broadcasts)
    .where(and(gte(broadcasts.createdAt, since), isNotNull(broadcasts.confirmedAt)))
    .orderBy(desc(broadcasts.createdAt))
    .limit(30);
  const counts = await countsOf(
    db,
    rows.map((broadcast) => broadcast.id),
  );
  return rows.map((broadcast) => ({ broadcast, counts: counts.get(broadcast.id) ?? countsFrom([]) }));
}
