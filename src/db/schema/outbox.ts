// Notifications: the exactly-once outbox and the token's send rate.
import { relations, sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { OUTBOX_STATUSES, type OutboxPayload, type OutboxStatus } from "../../domain/notifications.js";
import { createdAt, oneOf, id, requiredRef, agencyId, agencyOnly } from "./columns.js";
import { chatAccounts } from "./identity.js";

// What a digest covered, one key per item ("task 12's T-3 reminder to person 4"): a digest gathers
// several reminders under a key of its own, and these say which are done so none repeats.
export const reminderMarks = pgTable(
  "reminder_marks",
  {
    agencyId: agencyId(),
    key: text("key").notNull(),
    createdAt: createdAt(),
  },
  (t) => [agencyOnly(), primaryKey({ columns: [t.agencyId, t.key] })],
);

export const outbox = pgTable(
  "outbox",
  {
    agencyId: agencyId(),
    id: id(),
    dedupeKey: text("dedupe_key").notNull(),
    /** The notification this copy belongs to (dedupe key without the account): sweeps skip what exists. */
    notificationKey: text("notification_key").notNull(),
    kind: text("kind").notNull(),
    chatAccountId: requiredRef("chat_account_id", () => chatAccounts.id),
    platform: text("platform").notNull(),
    chatId: text("chat_id").notNull(),
    payload: jsonb("payload").$type<OutboxPayload>().notNull(),
    status: text("status").$type<OutboxStatus>().notNull().default("pending"),
    notBefore: timestamp("not_before", { withTimezone: true }).notNull(),
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    claimedBy: text("claimed_by"),
    attempts: integer("attempts").notNull().default(0),
    broadcastId: bigint("broadcast_id", { mode: "number" }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    error: text("error"),
    createdAt: createdAt(),
  },
  (t) => [
    agencyOnly(),
    uniqueIndex("outbox_agency_dedupe_key_idx").on(t.agencyId, t.dedupeKey),
    index("outbox_pending_idx").on(t.agencyId, t.notBefore, t.id).where(sql`status = 'pending'`),
    index("outbox_chat_sent_idx").on(t.chatId, t.sentAt),
    // What the reaper looks for; rows waiting or done are not indexed here, so queuing a sweep's
    // thousands of rows maintains one index fewer.
    index("outbox_leased_idx").on(t.agencyId, t.leaseUntil).where(sql`status in ('claimed', 'sending')`),
    index("outbox_notification_idx").on(t.agencyId, t.notificationKey),
    index("outbox_broadcast_idx").on(t.broadcastId, t.status).where(sql`broadcast_id is not null`),
    oneOf("outbox_status_check", t.status, OUTBOX_STATUSES),
  ],
);

// The send rate belongs to the bot token, so every instance reserves its slots here.
export const rateLimits = pgTable(
  "rate_limits",
  {
    agencyId: agencyId(),
    key: text("key").notNull(),
    nextSlotAt: timestamp("next_slot_at", { withTimezone: true }).notNull(),
  },
  (t) => [agencyOnly(), primaryKey({ columns: [t.agencyId, t.key] })],
);

export const outboxRelations = relations(outbox, ({ one }) => ({
  chatAccount: one(chatAccounts, { fields: [outbox.chatAccountId], references: [chatAccounts.id] }),
}));
