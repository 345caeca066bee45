import { and, eq, gt, lte, max } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { localDay } from "../../domain/calendar.js";
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
      .onConflictDoUpdate({ target: [campaigns.agencyId, campaigns.year], set: { title: input.title, deadlineAt: input.deadlineAt } })
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

/**
 * The emulation year registration belongs to at this moment: the calendar year, or the next one
 * once its campaign is launched — a year's plan and its launch come in November–December of the
 * year before (the province's plan for 2024 is dated 28/12/2023).
 */
export async function emulationYear(db: Database, now: Date, timeZone: string): Promise<number> {
  const calendar = Number(localDay(now, timeZone).slice(0, 4));
  const [next] = await db
    .select({ year: max(campaigns.year) })
    .from(campaigns)
    .where(and(lte(campaigns.launchedAt, now), gt(campaigns.year, calendar)));
  return next?.year ?? calendar;
}

/** The year a review or a ballot is about unless one is named: this year's from October, last year's before. */
export function yearUnderReview(now: Date, timeZone: string): number {
  const [year, month] = localDay(now, timeZone).split("-").map(Number) as [number, number];
  return month >= 10 ? year : year - 1;
}

export type Window = { kind: "open"; campaign: Campaign } | { kind: "not-launched" } | { kind: "closed"; campaign: Campaign };

/** Registration is open from the launch until the deadline (23:59 local of its day). */
export function registrationWindow(campaign: Campaign | undefined, now: Date): Window {
  if (!campaign || campaign.launchedAt > now) return { kind: "not-launched" };
  return now <= campaign.deadlineAt ? { kind: "open", campaign } : { kind: "closed", campaign };
}
