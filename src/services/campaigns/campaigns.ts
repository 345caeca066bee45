import { eq } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { campaigns } from "../../db/schema/index.js";
import { recordAudit } from "../audit.js";
import type { AuditContext } from "../context.js";

export type Campaign = typeof campaigns.$inferSelect;

export async function campaignOfYear(db: Database, year: number): Promise<Campaign | undefined> {
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.year, year));
  return campaign;
}

/**
 * Launches the year's campaign (phát động phong trào thi đua): registration opens now and closes
 * at the deadline. Launching again for the same year moves the deadline.
 */
export async function launchCampaign(db: Database, input: { year: number; title: string; deadlineAt: Date }, context: AuditContext): Promise<Campaign> {
  const now = context.clock();
  return db.transaction(async (tx) => {
    const [campaign] = await tx
      .insert(campaigns)
      .values({ ...input, launchedAt: now, createdByPersonId: context.actor.personId })
      .onConflictDoUpdate({ target: campaigns.year, set: { title: input.title, deadlineAt: input.deadlineAt } })
      .returning();
    await recordAudit(tx, {
      at: now,
      actor: context.actor,
      action: "campaign.launch",
      subject: `campaign:${campaign?.id}`,
      details: { year: input.year, deadlineAt: input.deadlineAt.toISOString() },
    });
    return campaign as Campaign;
  });
}

export type Window = { kind: "open"; campaign: Campaign } | { kind: "not-launched" } | { kind: "closed"; campaign: Campaign };

/** Registration is open from the launch until the deadline (23:59 local of its day). */
export function registrationWindow(campaign: Campaign | undefined, now: Date): Window {
  if (!campaign || campaign.launchedAt > now) return { kind: "not-launched" };
  return now <= campaign.deadlineAt ? { kind: "open", campaign } : { kind: "closed", campaign };
}
