import type { Database } from "../../src/db/client.js";
import { registrations } from "../../src/db/schema/index.js";

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
