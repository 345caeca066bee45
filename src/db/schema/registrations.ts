// Titles and registrations (đăng ký thi đua): the rules as data, the year's campaign, the registrations.
import { relations, sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, primaryKey } from "drizzle-orm/pg-core";
import {
  type CollectiveCriteria,
  type TitlePrerequisite,
  REGISTRATION_STATUSES,
  type RegistrationStatus,
  type Basis,
  type TitleLevel,
} from "../../domain/titles.js";
import { createdAt, oneOf, id, requiredRef, optionalRef, agencyId, agencyOnly } from "./columns.js";
import { units, people } from "./identity.js";
import { initiatives } from "./initiatives.js";

// A versioned set of the legal rules the bot applies: data, not code, since the rules keep changing.
export const ruleSets = pgTable(
  "rule_sets",
  {
    agencyId: agencyId(),
    id: id(),
    code: text("code").notNull(),
    sourceDocument: text("source_document").notNull(),
    validFrom: text("valid_from").notNull(), // yyyy-mm-dd
    validTo: text("valid_to"),
    /** The share of all council members that must take part for a vote to count; null: none set. */
    councilQuorumPercent: integer("council_quorum_percent"),
    createdAt: createdAt(),
  },
  (t) => [agencyOnly(), uniqueIndex("rule_sets_agency_code_idx").on(t.agencyId, t.code)],
);

// danh hiệu thi đua
export const titles = pgTable(
  "titles",
  {
    agencyId: agencyId(),
    id: id(),
    ruleSetId: requiredRef("rule_set_id", () => ruleSets.id),
    code: text("code").notNull(),
    nameVi: text("name_vi").notNull(),
    nameEn: text("name_en").notNull(),
    subject: text("subject").$type<"person" | "unit">().notNull(),
    awardedBy: text("awarded_by").notNull().default(""),
    level: text("level").$type<TitleLevel>().notNull().default("co-so"),
    bases: jsonb("bases").$type<Basis[]>().notNull().default([]),
    prerequisite: jsonb("prerequisite").$type<TitlePrerequisite | null>(),
    alsoHolds: jsonb("also_holds").$type<string[]>().notNull().default([]),
    /** Whether staff register it themselves; flags and cluster titles are proposed, not registered. */
    registrable: boolean("registrable").notNull().default(true),
    /** Agreement of all council members a candidate needs (Decree 98/2023 Art. 30(7)); 51 is more than half. */
    councilThresholdPercent: integer("council_threshold_percent").notNull().default(50),
    collectiveCriteria: jsonb("collective_criteria").$type<CollectiveCriteria | null>(),
    /** Whether the agency's head awards it (Decree 152/2025 Art. 6(2)(c)); else it is proposed upward. */
    agencyDecides: boolean("agency_decides").notNull().default(false),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [agencyOnly(), uniqueIndex("titles_rule_set_code_idx").on(t.ruleSetId, t.code)],
);

// hình thức khen thưởng
export const commendationForms = pgTable(
  "commendation_forms",
  {
    agencyId: agencyId(),
    id: id(),
    ruleSetId: requiredRef("rule_set_id", () => ruleSets.id),
    code: text("code").notNull(),
    nameVi: text("name_vi").notNull(),
    nameEn: text("name_en").notNull(),
    subject: text("subject").$type<"person" | "unit" | "any">().notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [agencyOnly(), uniqueIndex("commendation_forms_rule_set_code_idx").on(t.ruleSetId, t.code)],
);

// A local ratio cap, e.g. CSTĐCS at most 15 % of those recognised LĐTT: warned about, not enforced.
export const ratioCaps = pgTable(
  "ratio_caps",
  {
    agencyId: agencyId(),
    id: id(),
    ruleSetId: requiredRef("rule_set_id", () => ruleSets.id),
    titleCode: text("title_code").notNull(),
    ofTitleCode: text("of_title_code").notNull(),
    maxPercent: integer("max_percent").notNull(),
    /** The document the cap comes from (a provincial or agency rule; the law has none). */
    source: text("source").notNull().default(""),
  },
  () => [agencyOnly()],
);

// The year's emulation movement and its registration window (phát động phong trào thi đua).
export const campaigns = pgTable(
  "campaigns",
  {
    agencyId: agencyId(),
    id: id(),
    year: integer("year").notNull(),
    title: text("title").notNull(),
    launchedAt: timestamp("launched_at", { withTimezone: true }).notNull(),
    deadlineAt: timestamp("deadline_at", { withTimezone: true }).notNull(),
    createdByPersonId: optionalRef("created_by_person_id", () => people.id),
    createdAt: createdAt(),
  },
  (t) => [agencyOnly(), uniqueIndex("campaigns_agency_year_idx").on(t.agencyId, t.year)],
);

export const registrations = pgTable(
  "registrations",
  {
    agencyId: agencyId(),
    id: id(),
    year: integer("year").notNull(),
    campaignId: requiredRef("campaign_id", () => campaigns.id),
    subject: text("subject").$type<"person" | "unit">().notNull(),
    /** The person registering (individual titles); null for a unit's collective title. */
    personId: optionalRef("person_id", () => people.id),
    unitId: requiredRef("unit_id", () => units.id),
    titleCode: text("title_code").notNull(),
    formCode: text("form_code"),
    /** What a CSTĐ registration cites; the initiative's or project's name is initiativeTitle. */
    basis: text("basis").$type<Basis>(),
    initiativeTitle: text("initiative_title"),
    /** The recognised initiative the registration cites, once there is one. */
    initiativeId: optionalRef("initiative_id", () => initiatives.id),
    /** The title's level: one live registration per person per level and year. */
    level: text("level").$type<TitleLevel>().notNull().default("co-so"),
    status: text("status").$type<RegistrationStatus>().notNull(),
    returnReason: text("return_reason"),
    registeredByPersonId: requiredRef("registered_by_person_id", () => people.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    agencyOnly(),
    // One live registration per person, and per unit, per year: a change updates it.
    uniqueIndex("registrations_person_year_idx").on(t.year, t.personId, t.level).where(sql`subject = 'person' and status <> 'withdrawn'`),
    uniqueIndex("registrations_unit_year_idx").on(t.year, t.unitId).where(sql`subject = 'unit' and status <> 'withdrawn'`),
    index("registrations_unit_status_idx").on(t.unitId, t.year, t.status),
    oneOf("registrations_status_check", t.status, REGISTRATION_STATUSES),
    oneOf("registrations_subject_check", t.subject, ["person", "unit"]),
  ],
);

// Every transition of a registration: who, when, why.
export const registrationEvents = pgTable(
  "registration_events",
  {
    agencyId: agencyId(),
    id: id(),
    registrationId: requiredRef("registration_id", () => registrations.id),
    at: timestamp("at", { withTimezone: true }).notNull(),
    actorPersonId: optionalRef("actor_person_id", () => people.id),
    action: text("action").notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status").notNull(),
    reason: text("reason"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [agencyOnly(), index("registration_events_registration_idx").on(t.registrationId)],
);

// The year-end record (DESIGN.md): every title a person or unit holds, from an award decision the
// bot recorded or from imported history — the one table the consecutive-year rules read.
export const titleAwards = pgTable(
  "title_awards",
  {
    agencyId: agencyId(),
    id: id(),
    subject: text("subject").$type<"person" | "unit">().notNull(),
    personId: optionalRef("person_id", () => people.id),
    unitId: optionalRef("unit_id", () => units.id),
    year: integer("year").notNull(),
    titleCode: text("title_code").notNull(),
    /** The agency head's decision (quyết định): number, date (yyyy-mm-dd), signer; empty when imported without. */
    decisionNumber: text("decision_number").notNull().default(""),
    decisionDate: text("decision_date"),
    signer: text("signer").notNull().default(""),
    registrationId: optionalRef("registration_id", () => registrations.id),
    source: text("source").$type<"decision" | "import">().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    agencyOnly(),
    uniqueIndex("title_awards_person_idx").on(t.personId, t.year, t.titleCode).where(sql`subject = 'person'`),
    uniqueIndex("title_awards_unit_idx").on(t.unitId, t.year, t.titleCode).where(sql`subject = 'unit'`),
    oneOf("title_awards_subject_check", t.subject, ["person", "unit"]),
    oneOf("title_awards_source_check", t.source, ["decision", "import"]),
  ],
);

export const ruleSetsRelations = relations(ruleSets, ({ many }) => ({ titles: many(titles), forms: many(commendationForms) }));
export const titlesRelations = relations(titles, ({ one }) => ({
  ruleSet: one(ruleSets, { fields: [titles.ruleSetId], references: [ruleSets.id] }),
}));
export const commendationFormsRelations = relations(commendationForms, ({ one }) => ({
  ruleSet: one(ruleSets, { fields: [commendationForms.ruleSetId], references: [ruleSets.id] }),
}));
export const campaignsRelations = relations(campaigns, ({ many }) => ({ registrations: many(registrations) }));
export const registrationsRelations = relations(registrations, ({ one, many }) => ({
  campaign: one(campaigns, { fields: [registrations.campaignId], references: [campaigns.id] }),
  person: one(people, { fields: [registrations.personId], references: [people.id] }),
  unit: one(units, { fields: [registrations.unitId], references: [units.id] }),
  events: many(registrationEvents),
}));
export const registrationEventsRelations = relations(registrationEvents, ({ one }) => ({
  registration: one(registrations, { fields: [registrationEvents.registrationId], references: [registrations.id] }),
}));
export const titleAwardsRelations = relations(titleAwards, ({ one }) => ({
  person: one(people, { fields: [titleAwards.personId], references: [people.id] }),
}));

/**
 * The agency's own rules and settings on top of the national rule set (its quy chế): the name
 * printed on lists, the titles for which it requires an initiative, its ratio caps. One row per
 * setting; the secretariat edits them in chat, and every change is audited.
 */
export const agencySettings = pgTable(
  "agency_settings",
  {
    agencyId: agencyId(),
    key: text("key").notNull(),
    value: jsonb("value").$type<unknown>().notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [agencyOnly(), primaryKey({ columns: [t.agencyId, t.key] })],
);
