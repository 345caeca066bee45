import { sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { people, units } from "../../db/schema/index.js";
import type { Clock } from "../../domain/calendar.js";
import type { RawRow, RejectedRow, RosterNotes, SkippedRow } from "../../domain/roster.js";
import { type Actor, recordAudit } from "../audit.js";
import { rosterChanges, type RosterChanges } from "./changes.js";
import { type ApproverNoticeContext, markLeft, moveWaitingRegistrations } from "./departures.js";

export type RosterImportResult = {
  created: number;
  updated: number;
  unchanged: number;
  unitsCreated: number;
  rejected: RejectedRow[];
  /** Totals, signature blocks and date lines: text in the name column that is nobody. */
  skipped: SkippedRow[];
  ignoredColumns: string[];
  left: number;
  moved: number;
  registrationsMoved: number;
};

export type RosterImportContext = {
  clock: Clock;
  actor: Actor;
  source: string;
  /** A full roster: whoever it does not name has left. Otherwise it adds and updates only. */
  departures?: boolean;
  /** Tells the new unit's approvers of registrations that move with a transfer. */
  notify?: ApproverNoticeContext;
};

/** The figures of an import as the summary message names them (CLI and chat say the same). */
export function rosterSummaryArgs(result: RosterImportResult): Record<string, number> {
  return {
    created: result.created,
    updated: result.updated,
    unchanged: result.unchanged,
    rejected: result.rejected.length,
    units: result.unitsCreated,
    left: result.left,
    moved: result.moved,
    registrations: result.registrationsMoved,
  };
}

// Keeps each statement well under Postgres' 65,535 bind parameters.
const CHUNK = 1000;

/**
 * Writes the roster's valid rows in one transaction — units by code, people by staff code, and
 * for a full roster the departures — so either all of it lands or none does.
 */
export async function importRoster(db: Database, rawRows: RawRow[], context: RosterImportContext): Promise<RosterImportResult> {
  const now = context.clock();
  return db.transaction(async (tx) => {
    const changes = await rosterChanges(tx, rawRows);
    const unitIds = await upsertUnits(tx, changes, now);
    const written = [...changes.created, ...changes.updated.map((entry) => entry.row)];
    for (let start = 0; start < written.length; start += CHUNK) {
      await tx
        .insert(people)
        .values(
          written.slice(start, start + CHUNK).map((row) => ({
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
          target: [people.agencyId, people.staffCode],
          set: {
            fullName: sql`excluded.full_name`,
            position: sql`excluded.position`,
            unitId: sql`excluded.unit_id`,
            roles: sql`excluded.roles`,
            active: true,
            leftAt: null,
            updatedAt: now,
          },
        });
    }
    const departures = context.departures ? changes.leaving : [];
    await markLeft(
      tx,
      departures.map((person) => person.id),
      { now, actor: context.actor },
    );
    const registrationsMoved = await moveWaitingRegistrations(
      tx,
      changes.moved.map((move) => ({ personId: move.personId, unitId: unitIds.get(move.row.unitCode) as number })),
      { now, actor: context.actor, ...(context.notify ? { notify: context.notify } : {}) },
    );
    const result: RosterImportResult = {
      created: changes.created.length,
      updated: changes.updated.length,
      unchanged: changes.unchanged,
      unitsCreated: changes.unitsCreated.length,
      rejected: changes.parsed.rejected,
      skipped: changes.parsed.notes.skipped,
      ignoredColumns: changes.parsed.ignoredColumns,
      left: departures.length,
      moved: changes.moved.length,
      registrationsMoved,
    };
    const { rejected, ignoredColumns, skipped, ...counts } = result;
    await recordAudit(tx, {
      at: now,
      actor: context.actor,
      action: "roster.import",
      subject: "roster",
      details: { source: context.source, ...counts, rejected: rejected.length, leftStaffCodes: departures.map((person) => person.staffCode) },
    });
    return result;
  });
}

/** Creates the new units and renames those the file names differently; the ids of all by code. */
async function upsertUnits(tx: Database, changes: RosterChanges, now: Date): Promise<Map<string, number>> {
  const names = new Map<string, string>();
  for (const row of changes.rows) if (!names.has(row.unitCode)) names.set(row.unitCode, row.unitName);
  const entries = [...names.entries()];
  for (let start = 0; start < entries.length; start += CHUNK) {
    await tx
      .insert(units)
      .values(entries.slice(start, start + CHUNK).map(([code, name]) => ({ code, name, createdAt: now, updatedAt: now })))
      .onConflictDoUpdate({
        target: [units.agencyId, units.code],
        set: { name: sql`excluded.name`, updatedAt: now },
        setWhere: sql`${units.name} is distinct from excluded.name`,
      });
  }
  const all = await tx.select({ id: units.id, code: units.code }).from(units);
  return new Map(all.map((unit) => [unit.code, unit.id]));
}

export type RosterPreview = {
  created: number;
  known: number;
  moved: RosterChanges["moved"];
  leaving: RosterChanges["leaving"];
  unitsCreated: string[];
  unitRenames: RosterChanges["unitRenames"];
  rejected: RejectedRow[];
  ignoredColumns: string[];
  notes: RosterNotes;
  headerLine: number;
  generatedCodes: number;
};

/** What importing these rows would do, before anything is written. */
export async function previewRoster(db: Database, rawRows: RawRow[]): Promise<RosterPreview> {
  const changes = await rosterChanges(db, rawRows);
  return {
    created: changes.created.length,
    known: changes.updated.length + changes.unchanged,
    moved: changes.moved,
    leaving: changes.leaving,
    unitsCreated: changes.unitsCreated,
    unitRenames: changes.unitRenames,
    rejected: changes.parsed.rejected,
    ignoredColumns: changes.parsed.ignoredColumns,
    notes: changes.parsed.notes,
    headerLine: changes.parsed.headerLine,
    generatedCodes: changes.rows.filter((row) => row.codeGenerated).length,
  };
}
