// The agencies (cơ quan) one deployment serves. Every other table's rows carry their agency, and
// row-level security shows a connection only the rows of the agency it is set to (columns.ts).
import { sql } from "drizzle-orm";
import { type AnyPgColumn, integer, pgPolicy, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const agencies = pgTable(
  "agencies",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    code: text("code").notNull().unique(),
    name: text("name").notNull(),
    /** The level above (the province's Ban Thi đua - Khen thưởng), which follows this agency's figures. */
    parentId: integer("parent_id").references((): AnyPgColumn => agencies.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // An agency's connection sees its own row only; the province's tools connect as the owner.
  () => [pgPolicy("agency_only", { for: "all", to: "public", using: sql`id = nullif(current_setting('tdkt.agency_id', true), '')::integer` })],
);
