import { eq, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";
import { campaigns } from "../../db/schema/index.js";
import { ACTIONS } from "../../domain/button-actions.js";
import { formatDate, localDay } from "../../domain/calendar.js";
import { escapeHtml } from "../../domain/text.js";
import { recordAudit } from "../audit.js";
import { type Campaign, campaignOfYear } from "./campaigns.js";
import { enqueue, type Translate } from "../outbox.js";
import { hasLiveIndividual } from "../registrations/live.js";
import type { AuditContext } from "../context.js";

/**
 * Moves the year's registration deadline (gia hạn) and tells everyone not registered yet, once
 * per new deadline: those already registered have nothing to do. Returns the campaign and how
 * many were told.
 */
export async function extendCampaign(
  db: Database,
  input: { year: number; deadlineAt: Date },
  context: AuditContext & { translate: Translate; timeZone: string; notBefore: Date },
): Promise<{ kind: "extended"; campaign: Campaign; told: number } | { kind: "none" }> {
  const now = context.clock();
  return db.transaction(async (tx) => {
    const before = await campaignOfYear(tx, input.year);
    if (!before) return { kind: "none" as const };
    const [campaign] = await tx.update(campaigns).set({ deadlineAt: input.deadlineAt }).where(eq(campaigns.id, before.id)).returning();
    await recordAudit(tx, {
      at: now,
      actor: context.actor,
      action: "campaign.extend",
      subject: `campaign:${before.id}`,
      details: { from: before.deadlineAt.toISOString(), to: input.deadlineAt.toISOString() },
    });
    const unregistered = await queryRows<{ id: number }>(
      tx,
      sql`select p.id::int as id from people p where p.active and not ${hasLiveIndividual(sql`p.id`, input.year)}`,
    );
    const deadline = formatDate(input.deadlineAt, context.timeZone);
    const day = localDay(input.deadlineAt, context.timeZone);
    const queued = await enqueue(
      tx,
      unregistered.map(({ id: personId }) => ({
        personId,
        dedupeKey: `campaign:${input.year}:extended:${day}:person:${personId}`,
        kind: "campaign-extended",
        notBefore: context.notBefore,
        render: (locale) => ({
          parseMode: "HTML" as const,
          text: context.translate(locale, "campaign-extended-notice", { campaign: escapeHtml(before.title), deadline }),
          buttons: [[{ text: context.translate(locale, "registration-reminder-button"), data: ACTIONS.registrationStart.encode() }]],
        }),
      })),
    );
    return { kind: "extended" as const, campaign: campaign as Campaign, told: new Set(queued.map((message) => message.notificationKey)).size };
  });
}
