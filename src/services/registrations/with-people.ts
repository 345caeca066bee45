import { eq } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { people, registrations, units } from "../../db/schema/index.js";

/** Registrations with who registered (none for a unit's own) and their unit: the approval list and the biểu read it alike. */
export function registrationsWithPeople(db: Database) {
  return db
    .select({ registration: registrations, personName: people.fullName, position: people.position, unitName: units.name })
    .from(registrations)
    .innerJoin(units, eq(units.id, registrations.unitId))
    .leftJoin(people, eq(people.id, registrations.personId));
}
