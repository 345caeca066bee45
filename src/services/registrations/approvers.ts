import { and, eq, inArray, sql } from "drizzle-orm";
import { arrayLiteral, type Database } from "../../db/client.js";
import { people, registrations, units } from "../../db/schema/index.js";
import { approversOf, type Decider } from "../../domain/registration-rules.js";
import type { Registration } from "./types.js";

/**
 * Who may decide something: the agency's active leaders and unit heads — of the given units only,
 * when they are given. A submission asks for its unit's: not every head of the agency (5,000 rows
 * at 100,000 people, 3.4 ms; the unit's 0.06 ms). `active` and the roles are written into the
 * text, the units one array parameter, so that one prepared statement's plan uses
 * people_heads_idx, which is partial on them.
 */
async function deciders(db: Database, ofUnits?: readonly number[]): Promise<Decider[]> {
  const heads = ofUnits
    ? sql`'head' = any(${people.roles}) and ${people.unitId} = any(${arrayLiteral(ofUnits)}::bigint[])`
    : sql`'head' = any(${people.roles})`;
  return db
    .select({ id: people.id, unitId: people.unitId, roles: people.roles })
    .from(people)
    .where(sql`${people.active} and (${people.roles} && array['leader']::text[] or (${heads}))`);
}

/** The approvers of each registration, by the domain's rule. */
export async function approversOfEach(db: Database, rows: readonly Registration[]): Promise<Map<number, number[]>> {
  if (rows.length === 0) return new Map();
  const registrantIds = [...new Set(rows.map((row) => row.personId ?? row.registeredByPersonId))];
  const [candidates, registrants] = await Promise.all([
    deciders(db, [...new Set(rows.map((row) => row.unitId))]),
    db.select({ id: people.id, roles: people.roles }).from(people).where(inArray(people.id, registrantIds)),
  ]);
  const rolesOf = new Map(registrants.map((person) => [person.id, person.roles]));
  return new Map(rows.map((row) => [row.id, approversOf(row, rolesOf.get(row.personId ?? row.registeredByPersonId) ?? [], candidates)]));
}

/** The registrations of a year waiting for this person's decision. */
export async function waitingFor(db: Database, decider: Decider, year: number): Promise<Registration[]> {
  // Narrowed to what could be theirs (their unit, or everything for a leader); the rule decides.
  const candidates = await db
    .select()
    .from(registrations)
    .where(
      and(
        eq(registrations.year, year),
        eq(registrations.status, "submitted"),
        decider.roles.includes("leader") ? undefined : eq(registrations.unitId, decider.unitId),
      ),
    )
    .orderBy(registrations.createdAt, registrations.id);
  const approvers = await approversOfEach(db, candidates);
  return candidates.filter((row) => approvers.get(row.id)?.includes(decider.id));
}

/**
 * Where registrations would wait forever: units whose staff have no head to decide them while
 * the agency has no leader either, and, without any leader, the heads' own and the collective
 * titles. `/report` flags them.
 */
export async function approvalGaps(db: Database): Promise<{ unitsWithoutApprover: string[]; noLeader: boolean }> {
  const candidates = await deciders(db);
  const noLeader = !candidates.some((person) => person.roles.includes("leader"));
  if (!noLeader) return { unitsWithoutApprover: [], noLeader };
  const headed = new Set(candidates.filter((person) => person.roles.includes("head")).map((person) => person.unitId));
  const staffed = await db
    .selectDistinct({ unitId: people.unitId, name: units.name })
    .from(people)
    .innerJoin(units, eq(units.id, people.unitId))
    .where(eq(people.active, true));
  return { unitsWithoutApprover: staffed.filter((unit) => !headed.has(unit.unitId)).map((unit) => unit.name), noLeader };
}
