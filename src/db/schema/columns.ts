import { type SQL, sql } from "drizzle-orm";
import { type AnyPgColumn, check, timestamp } from "drizzle-orm/pg-core";

export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

/** A CHECK that a text column holds one of the domain's values: a typo in a query fails loudly. */
export function oneOf(name: string, column: AnyPgColumn, values: readonly string[]): ReturnType<typeof check> {
  const list: SQL = sql.raw(values.map((value) => `'${value.replace(/'/g, "''")}'`).join(", "));
  return check(name, sql`${column} in (${list})`);
}
