import type { Database } from "../../db/client.js";
import { type ClusterEventMail, clusterEventMail } from "../../domain/agency-mail.js";
import { formatDateTime, localDay } from "../../domain/calendar.js";
import { escapeHtml } from "../../domain/text.js";
import { recordAudit } from "../audit.js";
import type { ServiceContext } from "../context.js";
import { clusterLedIn } from "./clusters.js";
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
  const led = await clusterLedIn(db, year);
  if (!led) return { kind: "not-leader" };
  const payload: ClusterEventMail = clusterEventMail.parse({
    agencyName: input.agencyName,
    clusterName: led.name,
    title: input.title,
    startsAt: input.at.toISOString(),
  });
  const key = `event:${led.id}:${input.at.toISOString()}`;
  // Announced twice, it goes to nobody the second time, and says so.
  const sent = await db.transaction(async (tx) => {
    let mails = 0;
    for (const member of led.members)
      if ((await sendMail(tx, { to: member, kind: "cluster-event", key: `${key}:${member}`, payload, at: now })) !== undefined) mails++;
    if (mails > 0) {
      await tellOfEvent(tx, key, payload, context);
      await recordAudit(tx, { at: now, actor: context.actor, action: "cluster.event", subject: key, details: { title: input.title } });
    }
    return mails;
  });
  return { kind: "announced", cluster: led.name, agencies: sent };
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
