import { type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { type AnyPgColumn, alias } from "drizzle-orm/pg-core";
import { registrations } from "../../db/schema/index.js";

/** The registrations table's columns as `r.…`, for the raw queries that join it as `${registrations} r`. */
export const r = alias(registrations, "r");

type RegistrationColumns = Record<"personId" | "unitId" | "year" | "subject" | "status", AnyPgColumn>;

/** A registration is live until withdrawn; there is one live registration per person, and per unit, per year. */
export function isLive(table: RegistrationColumns = registrations): SQL {
  return sql`${table.status} <> 'withdrawn'`;
}

// The subject and status are written into the text, not bound: only then do the partial unique
// indexes (`where subject = 'person' and status <> 'withdrawn'`) serve a prepared statement's
// generic plan, which otherwise scans the table.

/** The person's live individual registration of the year (a condition on `table`). */
export function liveIndividual(personId: SQLWrapper | number, year: SQLWrapper | number, table: RegistrationColumns = r): SQL {
  return sql`${table.personId} = ${personId} and ${table.year} = ${year} and ${table.subject} = 'person' and ${isLive(table)}`;
}

/** The unit's live collective registration of the year. */
export function liveCollective(unitId: SQLWrapper | number, year: SQLWrapper | number, table: RegistrationColumns = r): SQL {
  return sql`${table.unitId} = ${unitId} and ${table.year} = ${year} and ${table.subject} = 'unit' and ${isLive(table)}`;
}

/** Whether the person has registered this year (and not withdrawn). */
export function hasLiveIndividual(personId: SQLWrapper | number, year: SQLWrapper | number): SQL {
  return sql`exists (select 1 from ${registrations} r where ${liveIndividual(personId, year)})`;
}

/**
 * Whether the council's decision has already been recorded on a registration (awarded or not):
 * such a one is never put to a later ballot, nor withdrawn.
 */
export function isDecided(registrationId: SQLWrapper): SQL {
  return sql`exists (select 1 from registration_events e where e.registration_id = ${registrationId} and e.action in ('awarded', 'not-awarded', 'proposed-up'))`;
}
