import { inArray, sql } from "drizzle-orm";
import type { Database } from "../db/client.js";
import { people, units } from "../db/schema/index.js";
import type { Clock } from "../domain/calendar.js";
import { parseRoster, type RawRow, type RejectedRow } from "../domain/roster.js";
import { type Actor, recordAudit } from "./audit.js";

export type RosterImportResult = {
  created: number;
  updated: number;
  unchanged: number;
  unitsCreated: number;
  rejected: RejectedRow[];
  ignoredColumns: string[];
};

// Keeps each statement well under Postgres' 65,535 bind parameters.
const CHUNK = 1000;

/**
 * Upserts the roster's valid rows by staff code (people) and unit code (units) in one
 * transaction: either every valid row lands, or none does.
 */
export async function importRoster(db: Database, rawRows: RawRow[], context: { clock: Clock; actor: Actor; source: string }): Promise<RosterImportResult> {
  const { rows, rejected, ignoredColumns } = parseRoster(rawRows);
  const now = context.clock();
  return db.transaction(async (tx) => {
    const unitNames = new Map<string, string>();
    for (const row of rows) if (!unitNames.has(row.unitCode)) unitNames.set(row.unitCode, row.unitName);
    let unitsCreated = 0;
    const unitEntries = [...unitNames.entries()];
    for (let start = 0; start < unitEntries.length; start += CHUNK) {
      const written = await tx
        .insert(units)
        .values(unitEntries.slice(start, start + CHUNK).map(([code, name]) => ({ code, name, createdAt: now, updatedAt: now })))
        .onConflictDoUpdate({
          target: units.code,
          set: { name: sql`excluded.name`, updatedAt: now },
          setWhere: sql`${units.name} is distinct from excluded.name`,
        })
        .returning({ inserted: sql<boolean>`xmax = 0` });
      unitsCreated += written.filter((row) => row.inserted).length;
    }
    const unitIds = new Map<string, number>();
    for (let start = 0; start < unitEntries.length; start += CHUNK) {
      const codes = unitEntries.slice(start, start + CHUNK).map(([code]) => code);
      for (const unit of await tx.select({ id: units.id, code: units.code }).from(units).where(inArray(units.code, codes))) {
        unitIds.set(unit.code, unit.id);
      }
    }

    let created = 0;
    let updated = 0;
    for (let start = 0; start < rows.length; start += CHUNK) {
      const written = await tx
        .insert(people)
        .values(
          rows.slice(start, start + CHUNK).map((row) => ({
            staffCode: row.staffCode,
            fullName: row.fullName,
            position: row.position,
            unitId: unitIds.get(row.unitCode) as number,
            roles: row.roles,
            active: true,
            createdAt: now,
            updatedAt: now,
          })),
        )
        .onConflictDoUpdate({
          target: people.staffCode,
          set: {
            fullName: sql`excluded.full_name`,
            position: sql`excluded.position`,
            unitId: sql`excluded.unit_id`,
            roles: sql`excluded.roles`,
            active: true,
            updatedAt: now,
          },
          // Untouched rows are not rewritten, so a re-import reports what really changed.
          setWhere: sql`(${people.fullName}, ${people.position}, ${people.unitId}, ${people.roles}, ${people.active})
            is distinct from (excluded.full_name, excluded.position, excluded.unit_id, excluded.roles, true)`,
        })
        .returning({ inserted: sql<boolean>`xmax = 0` });
      for (const row of written) {
        if (row.inserted) created++;
        else updated++;
      }
    }
    const result = {
      created,
      updated,
      unchanged: rows.length - created - updated,
      unitsCreated,
      rejected,
      ignoredColumns,
    };
    await recordAudit(tx, {
      at: now,
      actor: context.actor,
      action: "roster.import",
      subject: "roster",
      details: { source: context.source, created, updated, unchanged: result.unchanged, unitsCreated, rejected: rejected.length },
    });
    return result;
  });
}

export type RosterPreview = { newPeople: number; knownPeople: number; rejected: RejectedRow[]; ignoredColumns: string[] };

/** What importing these rows would do, before anything is written. */
export async function previewRoster(db: Database, rawRows: RawRow[]): Promise<RosterPreview> {
  const { rows, rejected, ignoredColumns } = parseRoster(rawRows);
  let knownPeople = 0;
  for (let start = 0; start < rows.length; start += CHUNK) {
    const codes = rows.slice(start, start + CHUNK).map((row) => row.staffCode);
    knownPeople += (await db.select({ id: people.id }).from(people).where(inArray(people.staffCode, codes))).length;
  }
  return { newPeople: rows.length - knownPeople, knownPeople, rejected, ignoredColumns };
}
