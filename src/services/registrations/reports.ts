import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";
import { registrationEvents, registrations } from "../../db/schema/index.js";
import { ownsRegistration } from "../../domain/registration-rules.js";
import { hasLiveIndividual, isLive, liveIndividual } from "./live.js";
import type { Registrant } from "./types.js";

/** A person's registrations of a year (their own and, for a head, their unit's) with each one's history. */
export async function registrationsOf(db: Database, person: Registrant, year: number) {
  const own = await db
    .select()
    .from(registrations)
    .where(
      and(
        eq(registrations.year, year),
        // Narrows to the candidates; which of them are the person's is the domain's rule.
        or(eq(registrations.personId, person.id), and(eq(registrations.subject, "unit"), eq(registrations.unitId, person.unitId))),
      ),
    )
    .orderBy(asc(registrations.createdAt))
    .then((rows) => rows.filter((registration) => ownsRegistration(person, registration)));
  const events = own.length
    ? await db
        .select()
        .from(registrationEvents)
        .where(
          inArray(
            registrationEvents.registrationId,
            own.map((r) => r.id),
          ),
        )
        .orderBy(asc(registrationEvents.at), asc(registrationEvents.id))
    : [];
  return own.map((registration) => ({ registration, events: events.filter((event) => event.registrationId === registration.id) }));
}

export type UnitReport = {
  unitId: number;
  unitName: string;
  staff: number;
  registered: number;
  approved: number;
  pending: number;
  returned: number;
  notRegistered: number;
  /** Individual registrations per title (what ratio caps count). */
  byTitle: Map<string, number>;
  /** The unit's own collective title, if it registered one: counted apart from its people. */
  collective: { titleCode: string; status: string } | null;
};

/** Per unit: staff, registered, approved, pending, not registered, and counts per title. */
export async function registrationReport(db: Database, year: number): Promise<UnitReport[]> {
  const staff = await queryRows<{ unit_id: number; unit_name: string; staff: number; registered: number }>(
    db,
    // People, not rows: the law lets one person hold two registrations (CSTĐCS and CSTĐ tỉnh).
    sql`select u.id::int as unit_id, u.name as unit_name, count(distinct p.id)::int as staff,
               count(distinct r.person_id)::int as registered
        from units u
        join people p on p.unit_id = u.id and p.active
        left join ${registrations} r on ${liveIndividual(sql`p.id`, year)}
        group by u.id, u.name order by u.name`,
  );
  const statuses = await queryRows<{ unit_id: number; status: string; title_code: string; count: number }>(
    db,
    sql`select unit_id::int as unit_id, status, title_code, count(*)::int as count from registrations
        where year = ${year} and subject = 'person' and ${isLive()} group by unit_id, status, title_code`,
  );
  const collectives = await queryRows<{ unit_id: number; status: string; title_code: string }>(
    db,
    sql`select unit_id::int as unit_id, status, title_code from registrations where year = ${year} and subject = 'unit' and ${isLive()}`,
  );
  return staff.map((unit) => {
    const mine = statuses.filter((row) => row.unit_id === unit.unit_id);
    const sum = (status: string) => mine.filter((row) => row.status === status).reduce((total, row) => total + row.count, 0);
    const byTitle = new Map<string, number>();
    for (const row of mine) byTitle.set(row.title_code, (byTitle.get(row.title_code) ?? 0) + row.count);
    return {
      unitId: unit.unit_id,
      unitName: unit.unit_name,
      staff: unit.staff,
      registered: unit.registered,
      approved: sum("approved"),
      pending: sum("submitted"),
      returned: sum("returned"),
      notRegistered: unit.staff - unit.registered,
      byTitle,
      collective: (([row]) => (row ? { titleCode: row.title_code, status: row.status } : null))(collectives.filter((row) => row.unit_id === unit.unit_id)),
    };
  });
}

/** Active people with no live individual registration this year. */
export async function unregisteredPeople(db: Database, year: number): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select p.id::int as id from people p
        where p.active and not ${hasLiveIndividual(sql`p.id`, year)}`,
  );
  return rows.map((row) => row.id);
}
