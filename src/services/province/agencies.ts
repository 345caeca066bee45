import { asc, eq, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";
import { agencies } from "../../db/schema/index.js";

export type Agency = { id: number; code: string; name: string };

/**
 * Adds an agency to the deployment. Run on the owner's connection (DatabaseHandle.asOwner): an
 * agency's own connections see their own row only.
 */
export async function addAgency(ownerDb: Database, input: { code: string; name: string }): Promise<Agency | undefined> {
  const [created] = await ownerDb
    .insert(agencies)
    .values({ code: input.code.trim().toUpperCase(), name: input.name.trim() })
    .onConflictDoNothing()
    .returning({ id: agencies.id, code: agencies.code, name: agencies.name });
  return created;
}

/** Every agency with how many active staff it has, for the province's administrator (owner's connection). */
export async function listAgencies(ownerDb: Database): Promise<(Agency & { people: number })[]> {
  const counts = new Map(
    (
      await queryRows<{ agency_id: number; people: number }>(
        ownerDb,
        sql`select agency_id::int as agency_id, count(*)::int as people from people where active group by agency_id`,
      )
    ).map((row) => [row.agency_id, row.people]),
  );
  const rows = await ownerDb.select({ id: agencies.id, code: agencies.code, name: agencies.name }).from(agencies).orderBy(asc(agencies.code));
  return rows.map((row) => ({ ...row, people: counts.get(row.id) ?? 0 }));
}

/** Puts an agency under another (a province's Ban Thi đua - Khen thưởng), on the owner's connection. */
export async function setParentAgency(ownerDb: Database, input: { code: string; parentCode: string }): Promise<boolean> {
  const [parent] = await ownerDb.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, input.parentCode.trim().toUpperCase()));
  if (!parent) return false;
  const updated = await ownerDb
    .update(agencies)
    .set({ parentId: parent.id })
    .where(eq(agencies.code, input.code.trim().toUpperCase()))
    .returning({ id: agencies.id });
  return updated.length > 0;
}
