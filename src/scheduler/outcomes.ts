import { eq, inArray, sql } from "drizzle-orm";
import { type Database, timestamp } from "../db/client.js";
import { chatAccounts, outbox } from "../db/schema/index.js";
import { monthOf, rerouteOrRecord, type UnreachedReason } from "../services/delivery/index.js";

/** What one send came to, as the platform answered it. */
export type SendResult =
  | { kind: "sent" }
  | { kind: "failed"; reason: string; blocked?: boolean }
  | { kind: "retry"; afterSeconds: number; reason: string }
  /** The request left but no answer came: it may have been delivered, so it is not retried. */
  | { kind: "unknown"; reason: string }
  /**
   * The channel cannot deliver to this person now, by its own rules (a quota spent, a window
   * closed, an unfollow): the message goes on through the person's other channels, and whoever
   * none can reach is recorded for the secretariat. Never retried on this channel.
   */
  | { kind: "unreachable"; reason: UnreachedReason };

/** Marks a broadcast copy sent again after its sender died in the middle of the request. */
export const RESENT_AFTER_CRASH = "resent after a crash: may be a duplicate";

export type Outcome = { id: number; chatAccountId: number; result: SendResult };

/**
 * Records what became of a wave of sends. The common case, sent, is one statement for the whole
 * wave (a paid broadcast sends a thousand a second: one write per message would be the limit);
 * the rare ones a statement each.
 */
export async function recordOutcomes(db: Database, outcomes: Outcome[], now: Date = new Date()): Promise<void> {
  const sent = outcomes.filter((outcome) => outcome.result.kind === "sent").map((outcome) => outcome.id);
  if (sent.length > 0) {
    // The crash note stays on a resent copy, so reports can count possible duplicates.
    await db
      .update(outbox)
      .set({
        status: "sent",
        sentAt: new Date(),
        leaseUntil: null,
        error: sql`case when ${outbox.error} = ${RESENT_AFTER_CRASH} then ${outbox.error} else null end`,
      })
      .where(inArray(outbox.id, sent));
  }
  for (const { id, chatAccountId, result } of outcomes) {
    if (result.kind === "failed") {
      await db.update(outbox).set({ status: "failed", leaseUntil: null, error: result.reason }).where(eq(outbox.id, id));
      if (result.blocked) await db.update(chatAccounts).set({ blocked: true }).where(eq(chatAccounts.id, chatAccountId));
    } else if (result.kind === "retry") {
      // The row goes back to the queue as it was; the shared schedule was pushed back by the caller.
      await db.update(outbox).set({ status: "pending", claimedBy: null, leaseUntil: null, sentAt: null, error: result.reason }).where(eq(outbox.id, id));
    } else if (result.kind === "unknown") {
      await db.update(outbox).set({ status: "unknown", leaseUntil: null, error: result.reason }).where(eq(outbox.id, id));
    } else if (result.kind === "unreachable") {
      await db
        .update(outbox)
        .set({ status: "failed", leaseUntil: null, error: `unreachable: ${result.reason}` })
        .where(eq(outbox.id, id));
      await rerouteOrRecord(db, id, result.reason, monthOf(now), now);
    }
  }
}

/** Returns expired claims to the queue and settles the sends whose sender died while sending. */
export async function reapExpired(db: Database, now: Date): Promise<void> {
  await db.execute(sql`update ${outbox} set status = 'pending', claimed_by = null, lease_until = null
    where status = 'claimed' and lease_until < ${timestamp(now)}`);
  // A broadcast must reach everyone, so a copy whose sender died mid-request is sent again and
  // counted as a possible duplicate; a personal notification is never resent blindly.
  await db.execute(sql`update ${outbox} set status = 'pending', claimed_by = null, lease_until = null, sent_at = null,
      error = ${RESENT_AFTER_CRASH}
    where status = 'sending' and lease_until < ${timestamp(now)} and broadcast_id is not null`);
  await db.execute(sql`update ${outbox} set status = 'unknown', error = 'lease expired while sending'
    where status = 'sending' and lease_until < ${timestamp(now)}`);
}
