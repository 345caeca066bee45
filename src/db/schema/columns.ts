import { type SQL, sql } from "drizzle-orm";
import { type AnyPgColumn, bigint, bigserial, check, integer, pgPolicy, timestamp } from "drizzle-orm/pg-core";
import { agencies } from "./agencies.js";

export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

/** A CHECK that a text column holds one of the domain's values: a typo in a query fails loudly. */
export function oneOf(name: string, column: AnyPgColumn, values: readonly string[]): ReturnType<typeof check> {
  const list: SQL = sql.raw(values.map((value) => `'${value.replace(/'/g, "''")}'`).join(", "));
  return check(name, sql`${column} in (${list})`);
}

/** The serial primary key every table of rows has. */
export const id = () => bigserial("id", { mode: "number" }).primaryKey();

/** A required reference to another table's row (its id). */
export const requiredRef = (name: string, target: () => AnyPgColumn) => bigint(name, { mode: "number" }).notNull().references(target);

/** An optional reference to another table's row (its id). */
export const optionalRef = (name: string, target: () => AnyPgColumn) => bigint(name, { mode: "number" }).references(target);

/**
 * The agency of the connection: each agency's connections are opened with `tdkt.agency_id` set
 * (src/db/client.ts), and nothing else ever sets it. Unset, it is null: no row is visible and no
 * row can be written.
 */
export const CURRENT_AGENCY = sql`nullif(current_setting('tdkt.agency_id', true), '')::integer`;

/** The agency a row belongs to, filled in from the connection, never by a query. */
export const agencyId = () =>
  integer("agency_id")
    .notNull()
    .default(CURRENT_AGENCY)
    .references(() => agencies.id);

/**
 * Row-level security: a connection reads and writes the rows of its own agency only. Every query
 * then carries `agency_id = …`: an index a query reads by a range (a day, a status) leads with
 * agency_id, or one agency's query walks every other agency's rows of the range (migration 0045).
 */
export const agencyOnly = () =>
  pgPolicy("agency_only", { for: "all", to: "public", using: sql`agency_id = ${CURRENT_AGENCY}`, withCheck: sql`agency_id = ${CURRENT_AGENCY}` });
