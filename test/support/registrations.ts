import { eq } from "drizzle-orm";
import type { Database } from "../../src/db/client.js";
import { campaigns, people, registrations, units } from "../../src/db/schema/index.js";
import { cliActor } from "../../src/services/audit.js";
import { launchCampaign } from "../../src/services/campaigns/campaigns.js";

/**
 * A person's registration as it stands after the chat steps a test is not about (registered,
 * approved…), written directly: the tests that use it are about what comes after.
 */
export async function insertRegistration(
  db: Database,
  input: {
    year: number;
    campaignId: number;
    person: { id: number; unitId: number };
    titleCode: string;
    status: "submitted" | "approved";
    at: Date;
    /** The initiative a CSTĐ registration cites by name. */
    initiativeTitle?: string;
  },
): Promise<void> {
  await db.insert(registrations).values({
    year: input.year,
    campaignId: input.campaignId,
    subject: "person",
    personId: input.person.id,
    unitId: input.person.unitId,
    titleCode: input.titleCode,
    ...(input.initiativeTitle ? { basis: "initiative" as const, initiativeTitle: input.initiativeTitle } : {}),
    level: "co-so",
    status: input.status,
    registeredByPersonId: input.person.id,
    createdAt: input.at,
    updatedAt: input.at,
  });
}

/**
 * The 2025 campaign, as launched on 06/01/2025 with registration until 30/01, and the given staff's
 * registrations approved in it: where the year-end's tests start.
 */
export async function approvedIn2025(
  db: Database,
  registrationsByStaff: Record<string, { titleCode: string; initiativeTitle?: string }>,
  at: Date,
): Promise<void> {
  const campaign = await launchCampaign(
    db,
    { year: 2025, title: "2025", deadlineAt: new Date("2025-01-30T16:59:59Z") },
    { clock: () => new Date("2025-01-06T02:00:00Z"), actor: cliActor },
  );
  for (const [staffCode, registration] of Object.entries(registrationsByStaff)) {
    const [person] = await db.select().from(people).where(eq(people.staffCode, staffCode));
    if (!person) throw new Error(`no person ${staffCode}`);
    await insertRegistration(db, { year: 2025, campaignId: campaign.id, person, status: "approved", at, ...registration });
  }
}

/** A unit's collective title registered by its head and approved, as the year-end's tests start from. */
export async function approvedUnitRegistration(
  db: Database,
  input: { year: number; unitCode: string; headCode: string; titleCode: string; at: Date },
): Promise<void> {
  const [unit] = await db.select().from(units).where(eq(units.code, input.unitCode));
  const [head] = await db.select().from(people).where(eq(people.staffCode, input.headCode));
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.year, input.year));
  if (!unit || !head || !campaign) throw new Error(`no unit ${input.unitCode}, head ${input.headCode} or campaign ${input.year}`);
  await db.insert(registrations).values({
    year: input.year,
    campaignId: campaign.id,
    subject: "unit",
    unitId: unit.id,
    titleCode: input.titleCode,
    level: "co-so",
    status: "approved",
    registeredByPersonId: head.id,
    createdAt: input.at,
    updatedAt: input.at,
  });
}
