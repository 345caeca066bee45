import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";
import { CURRENT_AGENCY } from "../../db/schema/columns.js";
import { type ClusterEventMail, clusterEventMail } from "../../domain/agency-mail.js";
import { formatDateTime, localDay } from "../../domain/calendar.js";
import { escapeHtml } from "../../domain/text.js";
import { recordAudit } from "../audit.js";
import type { ServiceContext } from "../context.js";
import { type ReceivedMail, sendMail } from "./mail.js";
import { tellLeadership } from "./notices.js";

/**
 * The cluster's leader of the year announces one of the cluster's events — the covenant's signing
 * (ký kết giao ước thi đua), the summary meeting: every member's leadership and office are told by
 * their own bot, and reminded the working day before; its own too.
 */
export async function announceClusterEvent(
  db: Database,
  input: { title: string; at: Date; agencyName: string },
  context: ServiceContext,
): Promise<{ kind: "announced"; cluster: string; agencies: number } | { kind: "not-leader" } | { kind: "past" }> {
  const now = context.clock();
  if (input.at <= now) return { kind: "past" };
  const year = Number(localDay(input.at, context.timeZone).slice(0, 4));
  const led = await queryRows<{ cluster_id: number; cluster: string; member: number }>(
    db,
    sql`select c.id::int as cluster_id, c.name as cluster, other.agency_id as member
        from cluster_members mine join clusters c on c.id = mine.cluster_id
        join cluster_members other on other.cluster_id = mine.cluster_id and other.agency_id <> mine.agency_id
        where mine.agency_id = ${CURRENT_AGENCY} and mine.leads_in = ${year}`,
  );
  const [first] = led;
  if (!first) return { kind: "not-leader" };
  const payload: ClusterEventMail = clusterEventMail.parse({
    agencyName: input.agencyName,
    clusterName: first.cluster,
    title: input.title,
    startsAt: input.at.toISOString(),
  });
  const key = `event:${first.cluster_id}:${input.at.toISOString()}`;
  await db.transaction(async (tx) => {
    for (const row of led.filter((entry) => entry.cluster_id === first.cluster_id))
      await sendMail(tx, { to: row.member, kind: "cluster-event", key: `${key}:${row.member}`, payload, at: now });
    await tellOfEvent(tx, key, payload, context);
    await recordAudit(tx, { at: now, actor: context.actor, action: "cluster.event", subject: key, details: { title: input.title } });
  });
  return { kind: "announced", cluster: first.cluster, agencies: led.filter((entry) => entry.cluster_id === first.cluster_id).length };
}

/** A member takes the event in. */
export async function receiveClusterEvent(tx: Database, mail: ReceivedMail<unknown>, context: ServiceContext): Promise<void> {
  await tellOfEvent(tx, `mail:${mail.id}`, mail.payload as ClusterEventMail, context);
}

async function tellOfEvent(tx: Database, key: string, event: ClusterEventMail, context: ServiceContext): Promise<void> {
  const at = new Date(event.startsAt);
  const args = {
    cluster: escapeHtml(event.clusterName),
    agency: escapeHtml(event.agencyName),
    title: escapeHtml(event.title),
    when: formatDateTime(at, context.timeZone),
  };
  await tellLeadership(
    tx,
    {
      key,
      kind: "cluster-event",
      message: "cluster-event-notice",
      reminder: "cluster-event-reminder",
      args,
      day: localDay(at, context.timeZone),
      daysBefore: 1,
    },
    context,
  );
}
