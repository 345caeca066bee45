import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

// đơn vị: a department (phòng) or attached unit of the agency
export const units = pgTable("units", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

// công chức, viên chức, người lao động. Roles live on the person as an array: they are always read
// together with the person, and replacing them on re-import is one column write.
export const people = pgTable(
  "people",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    staffCode: text("staff_code").notNull().unique(),
    fullName: text("full_name").notNull(),
    position: text("position").notNull().default(""),
    unitId: bigint("unit_id", { mode: "number" })
      .notNull()
      .references(() => units.id),
    roles: text("roles").array().notNull().default(sql`'{staff}'::text[]`),
    active: boolean("active").notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("people_unit_idx").on(t.unitId)],
);

export const chatAccounts = pgTable(
  "chat_accounts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    platform: text("platform").notNull(),
    externalId: text("external_id").notNull(),
    chatId: text("chat_id").notNull(),
    personId: bigint("person_id", { mode: "number" }).references(() => people.id),
    displayName: text("display_name").notNull().default(""),
    language: text("language"),
    blocked: boolean("blocked").notNull().default(false),
    linkedAt: timestamp("linked_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("chat_accounts_platform_external_idx").on(t.platform, t.externalId),
    index("chat_accounts_person_idx").on(t.personId),
  ],
);

// Single-use invitation codes; only the SHA-256 of a code is stored.
export const invites = pgTable(
  "invites",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    personId: bigint("person_id", { mode: "number" })
      .notNull()
      .references(() => people.id),
    codeHash: text("code_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    usedByAccountId: bigint("used_by_account_id", { mode: "number" }).references(() => chatAccounts.id),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("invites_person_idx").on(t.personId)],
);

// Wrong invite codes per chat, for the brute-force limit.
export const inviteFailures = pgTable(
  "invite_failures",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    platform: text("platform").notNull(),
    externalId: text("external_id").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [index("invite_failures_chat_idx").on(t.platform, t.externalId, t.at)],
);

// One row per update ever handled, so a redelivered update does nothing twice.
export const processedUpdates = pgTable(
  "processed_updates",
  {
    platform: text("platform").notNull(),
    updateId: bigint("update_id", { mode: "number" }).notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.platform, t.updateId] })],
);

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    actorPersonId: bigint("actor_person_id", { mode: "number" }).references(() => people.id),
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    subject: text("subject").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index("audit_log_at_idx").on(t.at), index("audit_log_subject_idx").on(t.subject)],
);

export type Unit = typeof units.$inferSelect;
export type Person = typeof people.$inferSelect;
export type ChatAccount = typeof chatAccounts.$inferSelect;
export type Invite = typeof invites.$inferSelect;
