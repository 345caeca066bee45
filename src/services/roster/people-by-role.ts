import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";
import type { Role } from "../../domain/roles.js";

/** The ids of the active people who hold a role: whom a notice to "the secretariat" or "the council" goes to. */
export async function activeWithRole(db: Database, role: Role): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(db, sql`select id::int as id from people where active and roles @> array[${role}]::text[]`);
  return rows.map((row) => row.id);
}
