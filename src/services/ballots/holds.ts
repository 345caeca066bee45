import { sql } from "drizzle-orm";
import { arrayLiteral, type Database, queryRows } from "../../db/client.js";
import { collectiveHold, type Discipline, personHold, weighsOnCollective } from "../../domain/eligibility.js";
import type { Catalogue, Refusal } from "../../domain/titles.js";

export type HoldCandidate = { id: number; title_code: string; subject: "person" | "unit"; unit_id: number; person_id: number | null };

/**
 * The candidates the law does not let be proposed this year, by registration, with why: a person
 * under consideration for discipline, under investigation or disciplined this year (Decree
 * 152/2025 Art. 4); a unit short of its collective title's criteria, read from the year's approved
 * registrations and recorded awards (a CSTĐCS counts as an LĐTT, Art. 23).
 */
export async function heldCandidates(
  db: Database,
  year: number,
  candidates: HoldCandidate[],
  catalogue: Pick<Catalogue, "titles">,
): Promise<Map<number, Refusal>> {
  const held = new Map<number, Refusal>();
  const personIds = candidates.flatMap((candidate) => (candidate.person_id === null ? [] : [candidate.person_id]));
  if (personIds.length > 0) {
    const rows = await queryRows<{ id: number; discipline: Discipline | null }>(
      db,
      sql`select id::int as id, discipline from people where id = any(${arrayLiteral(personIds)}::bigint[]) and discipline is not null`,
    );
    const byPerson = new Map(rows.map((row) => [row.id, row.discipline]));
    for (const candidate of candidates) {
      const hold = candidate.person_id === null ? null : personHold(byPerson.get(candidate.person_id) ?? null, year);
      if (hold) held.set(candidate.id, hold);
    }
  }
  const collectives = candidates.filter((candidate) => candidate.subject === "unit");
  if (collectives.length === 0) return held;
  const holders = (code: string) => catalogue.titles.filter((title) => title.code === code || title.alsoHolds.includes(code)).map((title) => title.code);
  const unitIds = [...new Set(collectives.map((candidate) => candidate.unit_id))];
  const people = await queryRows<{ unit_id: number; discipline: Discipline | null; ldtt: boolean; cstdcs: boolean }>(
    db,
    sql`select p.unit_id::int as unit_id, p.discipline,
          exists (select 1 from registrations r where r.person_id = p.id and r.year = ${year} and r.status = 'approved' and r.title_code = any(${arrayLiteral(holders("LDTT"))}::text[]))
            or exists (select 1 from title_awards a where a.person_id = p.id and a.year = ${year} and a.title_code = any(${arrayLiteral(holders("LDTT"))}::text[])) as ldtt,
          exists (select 1 from registrations r where r.person_id = p.id and r.year = ${year} and r.status = 'approved' and r.title_code = any(${arrayLiteral(holders("CSTDCS"))}::text[]))
            or exists (select 1 from title_awards a where a.person_id = p.id and a.year = ${year} and a.title_code = any(${arrayLiteral(holders("CSTDCS"))}::text[])) as cstdcs
        from people p where p.active and p.unit_id = any(${arrayLiteral(unitIds)}::bigint[])`,
  );
  for (const candidate of collectives) {
    const criteria = catalogue.titles.find((title) => title.code === candidate.title_code)?.collectiveCriteria ?? null;
    const members = people.filter((person) => person.unit_id === candidate.unit_id);
    // Someone who may not be proposed will not hold the title: they do not count towards it.
    const eligible = members.filter((person) => personHold(person.discipline, year) === null);
    const hold = collectiveHold(criteria, {
      members: members.length,
      ldtt: eligible.filter((person) => person.ldtt).length,
      cstdcs: eligible.filter((person) => person.cstdcs).length,
      weighingDiscipline: members.filter((person) => weighsOnCollective(person.discipline, year)).length,
    });
    if (hold) held.set(candidate.id, hold);
  }
  return held;
}
