import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { chatAccounts, invites, people, registrations } from "../../db/schema/index.js";
import type { Actor } from "../audit.js";
import type { Translate } from "../outbox.js";
import { tellApprovers } from "../registrations/approver-notices.js";
import { recordTransition } from "../registrations/submit.js";
import type { Registration } from "../registrations/types.js";

export type ApproverNoticeContext = { translate: Translate; timeZone: string };

/**
 * People who left the agency: no longer active (so out of counts, audiences and reminders), their
 * unused invites revoked and their chats unlinked, so nothing reaches them. Their records stay;
 * registrations still in progress are withdrawn, as nobody would decide them.
 */
export async function markLeft(tx: Database, personIds: number[], context: { now: Date; actor: Actor }): Promise<void> {
  if (personIds.length === 0) return;
  const { now } = context;
  await tx.update(people).set({ active: false, leftAt: now, updatedAt: now }).where(inArray(people.id, personIds));
  await tx
    .update(invites)
    .set({ revokedAt: now })
    .where(and(inArray(invites.personId, personIds), isNull(invites.usedAt), isNull(invites.revokedAt)));
  await tx.update(chatAccounts).set({ personId: null, linkedAt: null }).where(inArray(chatAccounts.personId, personIds));
  const inProgress = await tx
    .select()
    .from(registrations)
    .where(and(inArray(registrations.personId, personIds), eq(registrations.subject, "person"), inArray(registrations.status, ["submitted", "returned"])));
  for (const registration of inProgress) {
    const [withdrawn] = await tx.update(registrations).set({ status: "withdrawn", updatedAt: now }).where(eq(registrations.id, registration.id)).returning();
    await recordTransition(tx, {
      registration: withdrawn as Registration,
      from: registration.status,
      action: "withdrawn",
      at: now,
      actor: context.actor,
      reason: "left the agency",
    });
  }
}

/**
 * A transfer: the person's registrations still waiting for a decision go with them to the new
 * unit, whose approvers are told, so they leave the old unit's /approve.
 */
export async function moveWaitingRegistrations(
  tx: Database,
  moves: { personId: number; unitId: number }[],
  context: { now: Date; actor: Actor; notify?: ApproverNoticeContext },
): Promise<number> {
  let moved = 0;
  for (const move of moves) {
    const waiting = await tx
      .update(registrations)
      .set({ unitId: move.unitId, updatedAt: context.now })
      .where(and(eq(registrations.personId, move.personId), eq(registrations.subject, "person"), eq(registrations.status, "submitted")))
      .returning();
    for (const registration of waiting as Registration[]) {
      moved++;
      await recordTransition(tx, { registration, from: "submitted", action: "moved", at: context.now, actor: context.actor, details: { unitId: move.unitId } });
      if (context.notify) await tellApprovers(tx, registration, "submitted", { now: context.now, ...context.notify });
    }
  }
  return moved;
}
