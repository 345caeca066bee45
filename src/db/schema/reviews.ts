// bình xét: the unit's review of its approved registrations, whose proposals go to the council.
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { UNIT_REVIEW_STATUSES, type UnitReviewStatus } from "../../domain/reviews.js";
import { ballotSessions } from "./ballots.js";
import { createdAt, id, oneOf, optionalRef, requiredRef, agencyId, agencyOnly } from "./columns.js";
import { people, units } from "./identity.js";
import { registrations } from "./registrations.js";

export const unitReviews = pgTable(
  "unit_reviews",
  {
    agencyId: agencyId(),
    id: id(),
    unitId: requiredRef("unit_id", () => units.id),
    year: integer("year").notNull(),
    status: text("status").$type<UnitReviewStatus>().notNull().default("open"),
    openedByPersonId: optionalRef("opened_by_person_id", () => people.id),
    /** The unit members' secret vote, where the head asked for one. */
    ballotSessionId: optionalRef("ballot_session_id", () => ballotSessions.id),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [agencyOnly(), uniqueIndex("unit_reviews_unit_year_idx").on(t.unitId, t.year), oneOf("unit_reviews_status_check", t.status, UNIT_REVIEW_STATUSES)],
);

// The unit meeting's outcome for one registration: proposed to the council or not, and why.
export const unitReviewOutcomes = pgTable(
  "unit_review_outcomes",
  {
    agencyId: agencyId(),
    reviewId: requiredRef("review_id", () => unitReviews.id),
    registrationId: requiredRef("registration_id", () => registrations.id),
    proposed: boolean("proposed").notNull(),
    note: text("note"),
    decidedAt: timestamp("decided_at", { withTimezone: true }).notNull(),
  },
  (t) => [agencyOnly(), primaryKey({ columns: [t.reviewId, t.registrationId] }), index("unit_review_outcomes_registration_idx").on(t.registrationId)],
);
