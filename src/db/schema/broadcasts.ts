// Broadcasts from the secretariat to many people.
import { relations } from "drizzle-orm";
import { integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { BROADCAST_STATUSES, type BroadcastAudience, type BroadcastStatus } from "../../domain/notifications.js";
import { oneOf, id, requiredRef, optionalRef, agencyId, agencyOnly } from "./columns.js";
import { people } from "./identity.js";
import { campaigns } from "./registrations.js";

// A message from the secretariat to many people; its copies are outbox rows with its id.
export const broadcasts = pgTable(
  "broadcasts",
  {
    agencyId: agencyId(),
    id: id(),
    createdByPersonId: requiredRef("created_by_person_id", () => people.id),
    text: text("text").notNull(),
    documentFileId: text("document_file_id"),
    documentName: text("document_name"),
    audience: jsonb("audience").$type<BroadcastAudience>().notNull(),
    /** Set for a campaign launch: confirming it opens registration with this deadline. */
    launch: jsonb("launch").$type<{ year: number; title: string; deadlineAt: string } | null>(),
    campaignId: optionalRef("campaign_id", () => campaigns.id),
    status: text("status").$type<BroadcastStatus>().notNull().default("draft"),
    recipients: integer("recipients").notNull().default(0),
    /** The platform of the chat showing progress: only Telegram can edit it in place. */
    progressPlatform: text("progress_platform").notNull().default("telegram"),
    progressChatId: text("progress_chat_id"),
    progressMessageId: integer("progress_message_id"),
    progressAt: timestamp("progress_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [agencyOnly(), oneOf("broadcasts_status_check", t.status, BROADCAST_STATUSES)],
);

export const broadcastsRelations = relations(broadcasts, ({ one }) => ({
  createdBy: one(people, { fields: [broadcasts.createdByPersonId], references: [people.id] }),
  campaign: one(campaigns, { fields: [broadcasts.campaignId], references: [campaigns.id] }),
}));
