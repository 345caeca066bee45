// sáng kiến: what an employee declares and the initiative council recognises (with its scope) or returns.
import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { INITIATIVE_SCOPES, INITIATIVE_STATUSES, type InitiativeStatus } from "../../domain/initiatives.js";
import type { TitleLevel } from "../../domain/titles.js";
import { createdAt, id, oneOf, optionalRef, requiredRef, agencyId, agencyOnly } from "./columns.js";
import { people, units } from "./identity.js";

export const initiatives = pgTable(
  "initiatives",
  {
    agencyId: agencyId(),
    id: id(),
    personId: requiredRef("person_id", () => people.id),
    unitId: requiredRef("unit_id", () => units.id),
    year: integer("year").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    /** The optional file of the initiative; base64 like every stored upload (at most 10 MB). */
    fileName: text("file_name"),
    fileBase64: text("file_base64"),
    status: text("status").$type<InitiativeStatus>().notNull().default("submitted"),
    /** Where it is recognised: cơ sở, bộ/tỉnh or toàn quốc. */
    scope: text("scope").$type<TitleLevel>(),
    score: integer("score"),
    /** Why it was returned. */
    reason: text("reason"),
    reviewedByPersonId: optionalRef("reviewed_by_person_id", () => people.id),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    agencyOnly(),
    index("initiatives_person_idx").on(t.personId),
    index("initiatives_status_idx").on(t.agencyId, t.status),
    oneOf("initiatives_status_check", t.status, INITIATIVE_STATUSES),
    oneOf("initiatives_scope_check", t.scope, INITIATIVE_SCOPES),
  ],
);
