// The council's secret ballot (bỏ phiếu kín): who voted is kept apart from what was voted.
import { index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { BALLOT_STATUSES, type BallotStatus } from "../../domain/ballots.js";
import { createdAt, id, oneOf, optionalRef, requiredRef, agencyId, agencyOnly } from "./columns.js";
import { people, units } from "./identity.js";
import { meetings } from "./plans.js";
import { registrations } from "./registrations.js";

export const ballotSessions = pgTable(
  "ballot_sessions",
  {
    agencyId: agencyId(),
    id: id(),
    year: integer("year").notNull(),
    title: text("title").notNull(),
    /** The council meeting it is voted at, when it was set up from one. */
    meetingId: optionalRef("meeting_id", () => meetings.id),
    /** The one title voted on, when the chair opens voting title by title. */
    titleCode: text("title_code"),
    /** A unit's own vote in its bình xét: its members vote, not the council. */
    unitId: optionalRef("unit_id", () => units.id),
    status: text("status").$type<BallotStatus>().notNull().default("draft"),
    /** The council's size when voting opened: thresholds are shares of all members, not of votes. */
    membersTotal: integer("members_total"),
    /** The quorum in force when voting opened (a share of all members); null: none. */
    quorumPercent: integer("quorum_percent"),
    /**
     * Only in sessions opened before ballots were sealed (migration 0030): the key their plain
     * ballots' references were made with, erased at close. New sessions never set it.
     */
    ballotKey: text("ballot_key"),
    openedAt: timestamp("opened_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    createdByPersonId: optionalRef("created_by_person_id", () => people.id),
    createdAt: createdAt(),
  },
  (t) => [agencyOnly(), oneOf("ballot_sessions_status_check", t.status, BALLOT_STATUSES)],
);

export const ballotCandidates = pgTable(
  "ballot_candidates",
  {
    agencyId: agencyId(),
    id: id(),
    sessionId: requiredRef("session_id", () => ballotSessions.id),
    registrationId: requiredRef("registration_id", () => registrations.id),
    position: integer("position").notNull(),
    label: text("label").notNull(),
    /** Agreement needed, as a percentage of all members (Decree 98/2023 Art. 30(7)). */
    thresholdPercent: integer("threshold_percent").notNull(),
    /** The count of a paper ballot, entered by the secretariat instead of voting in chat. */
    paperAgree: integer("paper_agree"),
    paperDisagree: integer("paper_disagree"),
  },
  (t) => [agencyOnly(), index("ballot_candidates_session_idx").on(t.sessionId)],
);

// Who has voted: for the quorum and against voting twice. Never what.
export const ballotVoters = pgTable(
  "ballot_voters",
  {
    agencyId: agencyId(),
    sessionId: requiredRef("session_id", () => ballotSessions.id),
    personId: requiredRef("person_id", () => people.id),
    /** "chat", or "written" for an absent member's vote entered by the secretariat. */
    how: text("how").notNull().default("chat"),
    votedAt: timestamp("voted_at", { withTimezone: true }).notNull(),
  },
  (t) => [agencyOnly(), primaryKey({ columns: [t.sessionId, t.personId] })],
);

// The counted ballots, written at the close in a random order and under random references, in
// the close's own transaction: one row per ballot, the candidates (by position) it disagrees
// with; agreement with all the others. Nothing is here while voting is open, nor for a void session.
export const ballots = pgTable(
  "ballots",
  {
    agencyId: agencyId(),
    sessionId: requiredRef("session_id", () => ballotSessions.id),
    ballotRef: text("ballot_ref").notNull(),
    disagree: integer("disagree").array().notNull(),
  },
  (t) => [agencyOnly(), primaryKey({ columns: [t.sessionId, t.ballotRef] })],
);

// A member's ballot while voting is open, sealed under the instances' BALLOT_SECRET (see
// docs/ballot-secrecy.md): the reference is a keyed hash of the member, the marks are encrypted
// with a length that does not depend on them. Opened, counted and deleted by the close.
export const sealedBallots = pgTable(
  "sealed_ballots",
  {
    agencyId: agencyId(),
    sessionId: requiredRef("session_id", () => ballotSessions.id),
    ballotRef: text("ballot_ref").notNull(),
    sealed: text("sealed").notNull(),
  },
  (t) => [agencyOnly(), primaryKey({ columns: [t.sessionId, t.ballotRef] })],
);

// A member's ballot being filled in (sealed like a cast one), until they submit it or voting closes.
export const ballotDrafts = pgTable(
  "ballot_drafts",
  {
    agencyId: agencyId(),
    sessionId: requiredRef("session_id", () => ballotSessions.id),
    personId: requiredRef("person_id", () => people.id),
    sealed: text("sealed").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [agencyOnly(), primaryKey({ columns: [t.sessionId, t.personId] })],
);

// The agency head's award decision on a closed session: what turns its passing candidates into results.
export const awardDecisions = pgTable(
  "award_decisions",
  {
    agencyId: agencyId(),
    id: id(),
    sessionId: requiredRef("session_id", () => ballotSessions.id).unique(),
    number: text("number").notNull(),
    /** yyyy-mm-dd, local. */
    decidedOn: text("decided_on").notNull(),
    signer: text("signer").notNull(),
    recordedByPersonId: optionalRef("recorded_by_person_id", () => people.id),
    createdAt: createdAt(),
  },
  () => [agencyOnly()],
);
