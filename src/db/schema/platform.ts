// What the chat platforms need kept: updates handled, groups told, keys, conversation state,
// pending choices and files of the platforms without buttons, and documents awaiting confirmation.
import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import type { PendingChoice } from "../../domain/numbered-choices.js";
import { chatAccounts } from "./identity.js";
import { id, requiredRef, agencyId, agencyOnly } from "./columns.js";

// One row per update ever handled, so a redelivered update does nothing twice.
export const processedUpdates = pgTable(
  "processed_updates",
  {
    agencyId: agencyId(),
    platform: text("platform").notNull(),
    updateId: bigint("update_id", { mode: "number" }).notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    /** Until when the instance that claimed the update may finish it; null once it is done. */
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    /** The reply the webhook answer carried, given again if Telegram redelivers the update. */
    answer: text("answer"),
  },
  (t) => [agencyOnly(), primaryKey({ columns: [t.agencyId, t.platform, t.updateId] })],
);

/** Group chats the bot has told, once, that it serves private chats only. */
export const groupChats = pgTable(
  "group_chats",
  {
    agencyId: agencyId(),
    platform: text("platform").notNull(),
    chatId: text("chat_id").notNull(),
    toldAt: timestamp("told_at", { withTimezone: true }).notNull(),
  },
  (t) => [agencyOnly(), primaryKey({ columns: [t.agencyId, t.platform, t.chatId] })],
);

/**
 * Secrets the server makes for itself and no platform ever sees (the key that signs download
 * links), shared by every instance through the database.
 */
export const serverKeys = pgTable(
  "server_keys",
  {
    agencyId: agencyId(),
    name: text("name").notNull(),
    secret: text("secret").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [agencyOnly(), primaryKey({ columns: [t.agencyId, t.name] })],
);

// A document a secretariat member sent, parsed and waiting for their confirmation.
export const pendingImports = pgTable(
  "pending_imports",
  {
    agencyId: agencyId(),
    id: id(),
    chatAccountId: requiredRef("chat_account_id", () => chatAccounts.id),
    kind: text("kind").notNull(),
    sourceName: text("source_name").notNull(),
    payload: jsonb("payload").$type<unknown>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  () => [agencyOnly()],
);

// State of the guided conversations (grammY conversations), so a restart or another instance resumes them.
export const conversationStates = pgTable(
  "conversation_states",
  {
    agencyId: agencyId(),
    key: text("key").notNull(),
    value: jsonb("value").$type<unknown>().notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [agencyOnly(), primaryKey({ columns: [t.agencyId, t.key] })],
);

/**
 * The numbered options last shown in a chat of a platform with no inline keyboards (Zalo): a
 * reply with a number or a label becomes a press of that button, until they expire.
 */
export const pendingChoices = pgTable(
  "pending_choices",
  {
    agencyId: agencyId(),
    platform: text("platform").notNull(),
    chatId: text("chat_id").notNull(),
    choices: jsonb("choices").$type<PendingChoice[]>().notNull(),
    /** The message that showed them, as handlers that edit "their" message expect it. */
    messageId: integer("message_id").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [agencyOnly(), primaryKey({ columns: [t.agencyId, t.platform, t.chatId] })],
);

/** Files for platforms that cannot receive documents: served by a signed, short-lived link. */
export const downloads = pgTable(
  "downloads",
  {
    agencyId: agencyId(),
    id: id(),
    fileName: text("file_name").notNull(),
    /** Base64: one encoding for both drivers, and exports are small. */
    contentBase64: text("content_base64").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** When the link was used: a link gives its file once (a forwarded invite sheet gives nothing). */
    openedAt: timestamp("opened_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [agencyOnly(), index("downloads_expires_idx").on(t.expiresAt)],
);

/**
 * An Official Account's OAuth tokens. The refresh token is single-use: whoever refreshes holds this
 * row's lock for the call and writes the new pair before anyone else may read it, so no instance
 * ever sends a refresh token already spent.
 */
export const oaTokens = pgTable(
  "oa_tokens",
  {
    agencyId: agencyId(),
    oaId: text("oa_id").notNull(),
    accessToken: text("access_token").notNull(),
    refreshToken: text("refresh_token").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    refreshedAt: timestamp("refreshed_at", { withTimezone: true }),
    refreshes: integer("refreshes").notNull().default(0),
  },
  // Within an agency: another agency's row must neither block this one's nor betray that it exists.
  (t) => [agencyOnly(), primaryKey({ columns: [t.agencyId, t.oaId] })],
);

/**
 * An agency's channel credentials (a bot token, the Official Account's secrets), by the name of
 * the setting they stand for, sealed with CHANNEL_SECRETS_KEY: the database never holds them in
 * the clear (services/province/channel-secrets.ts).
 */
export const agencyChannels = pgTable(
  "agency_channels",
  {
    agencyId: agencyId(),
    name: text("name").notNull(),
    sealed: text("sealed").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [agencyOnly(), primaryKey({ columns: [t.agencyId, t.name] })],
);
