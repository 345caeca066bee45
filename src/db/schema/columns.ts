import { type SQL, sql } from "drizzle-orm";
import { type AnyPgColumn, bigint, bigserial, check, timestamp } from "drizzle-orm/pg-core";

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
