import type { Database } from "../../db/client.js";
import { people, units } from "../../db/schema/index.js";
import type { Role } from "../../domain/roles.js";
import { type ParsedRoster, parseRoster, type RawRow, type RosterRow } from "../../domain/roster.js";
import { foldForMatching } from "../../domain/text.js";
import { agencySetting } from "../rules/agency-rules.js";

type Known = { id: number; staffCode: string; fullName: string; position: string; unitId: number; roles: string[]; active: boolean };

/** What importing a roster would change, worked out against what is stored. */
export type RosterChanges = {
  parsed: ParsedRoster;
  /** The rows with their codes resolved to the stored units and people they mean. */
  rows: RosterRow[];
  created: RosterRow[];
  updated: { row: RosterRow; personId: number }[];
  unchanged: number;
  moved: { row: RosterRow; personId: number; fromUnit: string; toUnit: string }[];
  /** Active people the file does not name: they leave if the import is a full one. */
  leaving: { id: number; staffCode: string; fullName: string; unitName: string }[];
  unitsCreated: string[];
  unitRenames: { code: string; from: string; to: string }[];
};

/**
 * Reads the rows and matches them to what is stored: a unit without a code by its name, a person
 * without a code by the generated code or else by a name only one active person has. Nothing is
 * written.
 */
export async function rosterChanges(db: Database, rawRows: RawRow[]): Promise<RosterChanges> {
  const parsed = parseRoster(rawRows, { deputyRole: (await agencySetting(db, "deputy-role")) ?? "staff" });
  const storedUnits = await db.select({ id: units.id, code: units.code, name: units.name }).from(units);
  const unitByCode = new Map(storedUnits.map((unit) => [unit.code, unit]));
  const unitCodeByName = new Map(storedUnits.map((unit) => [foldForMatching(unit.name), unit.code]));
  const known: Known[] = await db
    .select({
      id: people.id,
      staffCode: people.staffCode,
      fullName: people.fullName,
      position: people.position,
      unitId: people.unitId,
      roles: people.roles,
      active: people.active,
    })
    .from(people);
  const byCode = new Map(known.map((person) => [person.staffCode, person]));
  const activeByName = new Map<string, Known[]>();
  for (const person of known) {
    if (!person.active) continue;
    const key = foldForMatching(person.fullName);
    activeByName.set(key, [...(activeByName.get(key) ?? []), person]);
  }

  const unitNameById = new Map(storedUnits.map((unit) => [unit.id, unit.name]));
  const claimed = new Set<number>();
  const rows = parsed.rows.map((row) => {
    const unitCode = row.unitCodeGenerated ? (unitCodeByName.get(foldForMatching(row.unitName)) ?? row.unitCode) : row.unitCode;
    let staffCode = row.staffCode;
    if (row.codeGenerated && !byCode.has(staffCode)) {
      const namesakes = (activeByName.get(foldForMatching(row.fullName)) ?? []).filter((person) => !claimed.has(person.id));
      const inUnit = namesakes.filter((person) => unitByCode.get(unitCode)?.id === person.unitId);
      const match = namesakes.length === 1 ? namesakes[0] : inUnit.length === 1 ? inUnit[0] : undefined;
      if (match) staffCode = match.staffCode;
    }
    const person = byCode.get(staffCode);
    if (person) claimed.add(person.id);
    // A position says head or leader; what the secretariat granted otherwise stays.
    const roles = row.rolesGiven || !person ? row.roles : [...new Set([...row.roles, ...person.roles.filter(isGranted)])];
    return { ...row, unitCode, staffCode, roles };
  });

  const changes: RosterChanges = { parsed, rows, created: [], updated: [], unchanged: 0, moved: [], leaving: [], unitsCreated: [], unitRenames: [] };
  const seenUnits = new Set<string>();
  for (const row of rows) {
    if (seenUnits.has(row.unitCode)) continue;
    seenUnits.add(row.unitCode);
    const stored = unitByCode.get(row.unitCode);
    if (!stored) changes.unitsCreated.push(row.unitName);
    else if (stored.name !== row.unitName) changes.unitRenames.push({ code: row.unitCode, from: stored.name, to: row.unitName });
  }
  const named = new Set<string>();
  for (const row of rows) {
    named.add(row.staffCode);
    const person = byCode.get(row.staffCode);
    if (!person) {
      changes.created.push(row);
      continue;
    }
    const storedUnit = unitByCode.get(row.unitCode);
    const sameUnit = storedUnit?.id === person.unitId;
    const same = person.active && sameUnit && person.fullName === row.fullName && person.position === row.position && sameRoles(person.roles, row.roles);
    if (same) {
      changes.unchanged++;
      continue;
    }
    changes.updated.push({ row, personId: person.id });
    if (!sameUnit && person.active) {
      changes.moved.push({ row, personId: person.id, fromUnit: unitNameById.get(person.unitId) ?? "", toUnit: row.unitName });
    }
  }
  for (const person of known) {
    if (person.active && !named.has(person.staffCode)) {
      changes.leaving.push({ id: person.id, staffCode: person.staffCode, fullName: person.fullName, unitName: unitNameById.get(person.unitId) ?? "" });
    }
  }
  return changes;
}

function sameRoles(stored: string[], given: Role[]): boolean {
  return stored.length === given.length && given.every((role) => stored.includes(role));
}

// Roles no position gives: a roster without a roles column leaves them as they were.
const GRANTED_ROLES: readonly string[] = ["secretariat", "council", "council_chair", "initiative_council", "admin"];
const isGranted = (role: string): role is Role => GRANTED_ROLES.includes(role);
