import { sql } from "drizzle-orm";
import { type Database, queryRows, timestamp } from "../../db/client.js";
import type { Clock } from "../../domain/calendar.js";
import { enqueue, noticeToEach, type Translate } from "../outbox.js";
import { htmlTranslator } from "../reminders/context.js";
import { activeWithRole } from "../roster/people-by-role.js";
import { monthLabel } from "./months.js";

/** Why a channel could not deliver to someone. */
export const UNREACHED_REASONS = ["quota", "allowance", "window", "unfollowed", "blocked"] as const;
export type UnreachedReason = (typeof UNREACHED_REASONS)[number];

/**
 * A message its channel could not deliver goes on to the person's other linked channels (those
 * that did not get this notification already); when there is none, the person is recorded as
 * unreached, for the secretariat. Returns the channels it went on to.
 */
export async function rerouteOrRecord(db: Database, outboxId: number, reason: UnreachedReason, month: string, now: Date): Promise<string[]> {
  const rerouted = await queryRows<{ platform: string }>(
    db,
    sql`insert into outbox (dedupe_key, notification_key, kind, chat_account_id, platform, chat_id, payload, status, not_before, broadcast_id)
      select o.dedupe_key || '>' || a.platform, o.notification_key, o.kind, a.id, a.platform, a.chat_id, o.payload, 'pending', ${timestamp(now)}, o.broadcast_id
      from outbox o
      join chat_accounts source on source.id = o.chat_account_id
      join chat_accounts a on a.person_id = source.person_id and a.platform <> o.platform and not a.blocked and a.linked_at is not null
      where o.id = ${outboxId}
        and not exists (select 1 from outbox sibling where sibling.notification_key = o.notification_key and sibling.chat_account_id = a.id)
      on conflict (agency_id, dedupe_key) do nothing
      returning platform`,
  );
  const channels = rerouted.map((row) => row.platform);
  await db.execute(sql`insert into unreached_people (person_id, channel, reason, month, rerouted)
    select source.person_id, o.platform, ${reason}, ${month}, ${channels.length > 0 ? channels.join(",") : null}
    from outbox o join chat_accounts source on source.id = o.chat_account_id
    where o.id = ${outboxId} and source.person_id is not null
    on conflict (person_id, channel, reason, month) do nothing`);
  return channels;
}

type TellContext = { clock: Clock; translate: Translate };

/**
 * Tells the secretariat, in one message, what the channels could not do since it was last told:
 * a channel stopped for the month, and each person no channel reached, with why. Each is told
 * once (claimed by the statement that marks it, so two instances never both tell). Returns how
 * many notices it queued.
 */
export async function tellSecretariatOfUnreached(db: Database, context: TellContext): Promise<number> {
  const now = context.clock();
  const stopped = await queryRows<{ channel: string; month: string; reason: string | null }>(
    db,
    sql`update channel_months set stop_told_at = ${timestamp(now)} where stopped_at is not null and stop_told_at is null
      returning channel, month, stop_reason as reason`,
  );
  const people = await queryRows<{ name: string; unit: string; channel: string; reason: string; rerouted: string | null }>(
    db,
    sql`with told as (
        update unreached_people set told_at = ${timestamp(now)} where told_at is null
        returning person_id, channel, reason, rerouted)
      select p.full_name as name, u.name as unit, told.channel, told.reason, told.rerouted
      from told join people p on p.id = told.person_id join units u on u.id = p.unit_id
      order by u.name, p.full_name`,
  );
  const unreached = people.filter((person) => person.rerouted === null);
  if (stopped.length === 0 && unreached.length === 0) return 0;
  const secretariat = await activeWithRole(db, "secretariat");
  const html = htmlTranslator(context.translate);
  const text = (locale: string) => {
    const t = (key: string, args?: Record<string, string | number>) => html(locale, key, args);
    const lines = stopped.map((channel) =>
      t("delivery-channel-stopped", {
        channel: t(`channel-${channel.channel}`),
        month: monthLabel(channel.month),
        reason: t(`delivery-reason-${channel.reason ?? "quota"}`),
      }),
    );
    if (unreached.length > 0) {
      lines.push(t("delivery-unreached-header", { count: unreached.length }));
      for (const person of unreached.slice(0, 40)) {
        lines.push(
          t("delivery-unreached-line", {
            name: person.name,
            unit: person.unit,
            channel: t(`channel-${person.channel}`),
            reason: t(`delivery-reason-${person.reason}`),
          }),
        );
      }
      if (unreached.length > 40) lines.push(t("delivery-unreached-more", { count: unreached.length - 40 }));
    }
    const rerouted = people.length - unreached.length;
    if (rerouted > 0) lines.push(t("delivery-rerouted", { count: rerouted }));
    lines.push(t("delivery-unreached-hint"));
    return lines.join("\n");
  };
  const queued = await enqueue(db, noticeToEach(secretariat, { key: `delivery-report:${now.toISOString()}`, kind: "delivery-report", at: now, text }));
  return queued.length;
}

/** The secretariat is warned once a month that a channel's monthly quota is 80 % spent. */
export async function warnSecretariatOfQuota(
  db: Database,
  context: TellContext,
  channel: string,
  month: string,
  figures: { sent: number; limit: number },
): Promise<void> {
  const now = context.clock();
  const secretariat = await activeWithRole(db, "secretariat");
  await enqueue(
    db,
    noticeToEach(secretariat, {
      key: `delivery-quota-warning:${channel}:${month}`,
      kind: "delivery-report",
      at: now,
      text: (locale) =>
        context.translate(locale, "delivery-quota-warning", {
          channel: context.translate(locale, `channel-${channel}`),
          month: monthLabel(month),
          sent: figures.sent,
          limit: figures.limit,
        }),
    }),
  );
}
