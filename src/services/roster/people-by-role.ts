import { and, eq, inArray, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";
import { people } from "../../db/schema/index.js";
import type { Role } from "../../domain/roles.js";

/** The ids of the active people who hold a role: whom a notice to "the secretariat" or "the council" goes to. */
export async function activeWithRole(db: Database, role: Role): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(db, sql`select id::int as id from people where active and roles @> array[${role}]::text[]`);
  return rows.map((row) => row.id);
}

/**
 * The active people a list of typed staff codes names (any case, repeats once), in the order typed,
 * and the codes that named nobody: what a command that takes staff codes answers with.
 */
export async function activeByStaffCodes(db: Database, typed: string[]) {
  const codes = [...new Set(typed.map((code) => code.trim().toUpperCase()).filter(Boolean))];
  const found = codes.length
    ? await db
        .select({ id: people.id, staffCode: people.staffCode, fullName: people.fullName, roles: people.roles })
        .from(people)
        .where(and(inArray(people.staffCode, codes), eq(people.active, true)))
    : [];
  return {
    people: codes.flatMap((code) => found.filter((person) => person.staffCode === code)),
    unknown: codes.filter((code) => !found.some((person) => person.staffCode === code)),
  };
}
