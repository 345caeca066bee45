// Units, people and their chat accounts, invitations, and the audit log.
import { relations, sql } from "drizzle-orm";
import { boolean, integer, index, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { Discipline } from "../../domain/eligibility.js";
import { NOTIFY_VIA, type NotifyVia } from "../../domain/notifications.js";
import { PRIVACY_REQUEST_KINDS, type PrivacyRequestKind } from "../../domain/privacy.js";
import { createdAt, updatedAt, oneOf, id, requiredRef, optionalRef, agencyId, agencyOnly } from "./columns.js";

// đơn vị: a department (phòng) or attached unit of the agency
export const units = pgTable(
  "units",
  {
    agencyId: agencyId(),
    id: id(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [agencyOnly(), uniqueIndex("units_agency_code_idx").on(t.agencyId, t.code)],
);

// công chức, viên chức, người lao động. Roles live on the person as an array: they are always read
// together with the person, and replacing them on re-import is one column write.
export const people = pgTable(
  "people",
  {
    agencyId: agencyId(),
    id: id(),
    staffCode: text("staff_code").notNull(),
    fullName: text("full_name").notNull(),
    position: text("position").notNull().default(""),
    unitId: requiredRef("unit_id", () => units.id),
    roles: text("roles").array().notNull().default(sql`'{staff}'::text[]`),
    active: boolean("active").notNull().default(true),
    /** When a full roster no longer named the person: kept for history, reached by nothing. */
    leftAt: timestamp("left_at", { withTimezone: true }),
    /** When the person agreed to the privacy notice (Law 91/2025/QH15), and to which version. */
    consentedAt: timestamp("consented_at", { withTimezone: true }),
    consentVersion: text("consent_version"),
    /** Where notifications go when the person has accounts on several platforms. */
    notifyVia: text("notify_via").$type<NotifyVia>().notNull().default("both"),
    /** Under consideration for discipline, under investigation, or disciplined in a year: not proposed (Decree 152/2025 Art. 4). */
    discipline: jsonb("discipline").$type<Discipline | null>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    agencyOnly(),
    uniqueIndex("people_agency_staff_code_idx").on(t.agencyId, t.staffCode),
    index("people_unit_idx").on(t.unitId),
    // The heads, whom every digest query starts from: a few thousand among a hundred thousand.
    index("people_heads_idx").on(t.agencyId, t.unitId).where(sql`active and 'head' = any(roles)`),
    // The few with another role (secretariat, council, leader), found with `roles @> array[…]`: a
    // sweep asks every minute, and without it read all of people (34 ms at 100,000).
    index("people_roles_idx").using("gin", t.roles),
    oneOf("people_notify_via_check", t.notifyVia, NOTIFY_VIA),
  ],
);

export const chatAccounts = pgTable(
  "chat_accounts",
  {
    agencyId: agencyId(),
    id: id(),
    platform: text("platform").notNull(),
    externalId: text("external_id").notNull(),
    chatId: text("chat_id").notNull(),
    personId: optionalRef("person_id", () => people.id),
    displayName: text("display_name").notNull().default(""),
    language: text("language"),
    blocked: boolean("blocked").notNull().default(false),
    /** Whether a guided conversation is open in this chat: if not, its state need not be read. */
    conversationActive: boolean("conversation_active").notNull().default(false),
    /** The roles the chat's command menu was last published for (Telegram); null: the staff menu. */
    menuRoles: text("menu_roles"),
    linkedAt: timestamp("linked_at", { withTimezone: true }),
    /** The kind of file this chat was last asked for (/roster, /holidays…), and until when. */
    awaitingUpload: text("awaiting_upload"),
    awaitingUploadUntil: timestamp("awaiting_upload_until", { withTimezone: true }),
    /** When the person last wrote or pressed something here: opens a channel's reply window (Zalo OA). */
    lastInboundAt: timestamp("last_inbound_at", { withTimezone: true }),
    /** Proactive messages sent since then: a window may carry only so many free ones. */
    windowSends: integer("window_sends").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    agencyOnly(),
    uniqueIndex("chat_accounts_platform_external_idx").on(t.agencyId, t.platform, t.externalId),
    index("chat_accounts_person_idx").on(t.personId),
  ],
);

// Single-use invitation codes; only the SHA-256 of a code is stored, and the salt from which the
// server's own key derives it again, so a sheet printed twice carries the same still-valid code.
export const invites = pgTable(
  "invites",
  {
    agencyId: agencyId(),
    id: id(),
    personId: requiredRef("person_id", () => people.id),
    codeHash: text("code_hash").notNull().unique(),
    salt: text("salt"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    usedByAccountId: optionalRef("used_by_account_id", () => chatAccounts.id),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    /** The chat that was shown the privacy notice for this code: only it can agree and link. */
    offeredToAccountId: optionalRef("offered_to_account_id", () => chatAccounts.id),
    createdAt: createdAt(),
  },
  (t) => [agencyOnly(), index("invites_person_idx").on(t.personId)],
);

// A person's request to correct or delete their data (Law 91/2025/QH15): the secretariat handles it.
export const privacyRequests = pgTable(
  "privacy_requests",
  {
    agencyId: agencyId(),
    id: id(),
    personId: requiredRef("person_id", () => people.id),
    kind: text("kind").$type<PrivacyRequestKind>().notNull(),
    text: text("text").notNull().default(""),
    createdAt: createdAt(),
    handledAt: timestamp("handled_at", { withTimezone: true }),
  },
  (t) => [agencyOnly(), index("privacy_requests_open_idx").on(t.agencyId, t.handledAt), oneOf("privacy_requests_kind_check", t.kind, PRIVACY_REQUEST_KINDS)],
);

// Wrong invite codes per chat, for the brute-force limit.
export const inviteFailures = pgTable(
  "invite_failures",
  {
    agencyId: agencyId(),
    id: id(),
    platform: text("platform").notNull(),
    externalId: text("external_id").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [agencyOnly(), index("invite_failures_chat_idx").on(t.platform, t.externalId, t.at)],
);

export const auditLog = pgTable(
  "audit_log",
  {
    agencyId: agencyId(),
    id: id(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    actorPersonId: optionalRef("actor_person_id", () => people.id),
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    subject: text("subject").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [agencyOnly(), index("audit_log_at_idx").on(t.agencyId, t.at), index("audit_log_subject_idx").on(t.subject)],
);

export const unitsRelations = relations(units, ({ many }) => ({ people: many(people) }));
export const peopleRelations = relations(people, ({ one, many }) => ({
  unit: one(units, { fields: [people.unitId], references: [units.id] }),
  chatAccounts: many(chatAccounts),
}));
export const chatAccountsRelations = relations(chatAccounts, ({ one }) => ({
  person: one(people, { fields: [chatAccounts.personId], references: [people.id] }),
}));
export const invitesRelations = relations(invites, ({ one }) => ({
  person: one(people, { fields: [invites.personId], references: [people.id] }),
}));
