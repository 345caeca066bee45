import { sql } from "drizzle-orm";
import { bigint, bigserial, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { BroadcastAudience, NotifyVia } from "../domain/notifications.js";

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
    /** Where notifications go when the person has accounts on several platforms. */
    notifyVia: text("notify_via").$type<NotifyVia>().notNull().default("both"),
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
    /** Whether a guided conversation is open in this chat: if not, its state need not be read. */
    conversationActive: boolean("conversation_active").notNull().default(false),
    /** The roles the chat's command menu was last published for (Telegram); null: the staff menu. */
    menuRoles: text("menu_roles"),
    linkedAt: timestamp("linked_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("chat_accounts_platform_external_idx").on(t.platform, t.externalId), index("chat_accounts_person_idx").on(t.personId)],
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
    /** Until when the instance that claimed the update may finish it; null once it is done. */
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    /** The reply the webhook answer carried, given again if Telegram redelivers the update. */
    answer: text("answer"),
  },
  (t) => [primaryKey({ columns: [t.platform, t.updateId] })],
);

/** Group chats the bot has told, once, that it serves private chats only. */
export const groupChats = pgTable(
  "group_chats",
  {
    platform: text("platform").notNull(),
    chatId: text("chat_id").notNull(),
    toldAt: timestamp("told_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.platform, t.chatId] })],
);

/**
 * Secrets the server makes for itself and no platform ever sees (the key that signs download
 * links), shared by every instance through the database.
 */
export const serverKeys = pgTable("server_keys", {
  name: text("name").primaryKey(),
  secret: text("secret").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
});

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

// ---------------------------------------------------------------- plans and tasks (kế hoạch)

export const plans = pgTable(
  "plans",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    year: integer("year").notNull(),
    /** Folded title: the same plan imported again finds itself by (year, key). */
    planKey: text("plan_key").notNull(),
    title: text("title").notNull(),
    sourceName: text("source_name").notNull(),
    importedAt: timestamp("imported_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("plans_year_key_idx").on(t.year, t.planKey)],
);

export const planTasks = pgTable(
  "plan_tasks",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    planId: bigint("plan_id", { mode: "number" })
      .notNull()
      .references(() => plans.id),
    quarter: integer("quarter").notNull(),
    number: text("number").notNull(),
    content: text("content").notNull(),
    /** The units as the document wrote them, kept whether or not they matched the roster. */
    leadText: text("lead_text").notNull().default(""),
    coordinatingText: text("coordinating_text").notNull().default(""),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    explicitDeadline: boolean("explicit_deadline").notNull().default(false),
    /** Set when a re-import no longer has the task; nothing is deleted. */
    removedAt: timestamp("removed_at", { withTimezone: true }),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("plan_tasks_plan_quarter_number_idx").on(t.planId, t.quarter, t.number), index("plan_tasks_due_idx").on(t.dueAt)],
);

// Each unit's share of a task: the lead unit and every coordinating unit mark their part done.
export const planTaskUnits = pgTable(
  "plan_task_units",
  {
    taskId: bigint("task_id", { mode: "number" })
      .notNull()
      .references(() => planTasks.id),
    unitId: bigint("unit_id", { mode: "number" })
      .notNull()
      .references(() => units.id),
    role: text("role").$type<"lead" | "coordinating">().notNull(),
    doneAt: timestamp("done_at", { withTimezone: true }),
    doneByPersonId: bigint("done_by_person_id", { mode: "number" }).references(() => people.id),
    doneNote: text("done_note"),
    removedAt: timestamp("removed_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.unitId] }), index("plan_task_units_unit_idx").on(t.unitId)],
);

// How a phrase of plan text maps to roster units, learnt from the secretariat's choices.
export const unitAliases = pgTable("unit_aliases", {
  phraseKey: text("phrase_key").primaryKey(),
  phrase: text("phrase").notNull(),
  /** Empty: the phrase names bodies outside the roster and is deliberately not notified. */
  unitIds: bigint("unit_ids", { mode: "number" }).array().notNull(),
  createdAt: createdAt(),
});

export const meetings = pgTable("meetings", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
  place: text("place").notNull(),
  agenda: text("agenda").notNull(),
  cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
  createdByPersonId: bigint("created_by_person_id", { mode: "number" }).references(() => people.id),
  createdAt: createdAt(),
});

// Public holidays (ngày nghỉ lễ): no reminder goes out on them.
export const holidays = pgTable("holidays", {
  day: text("day").primaryKey(), // yyyy-mm-dd, local
  name: text("name").notNull(),
});

// ---------------------------------------------------------------- notifications

export type OutboxStatus = "pending" | "claimed" | "sending" | "sent" | "failed" | "unknown" | "cancelled";
export type OutboxPayload = {
  text: string;
  parseMode?: "HTML";
  buttons?: { text: string; data: string }[][];
  /** A document already on Telegram, re-sent by its file_id with the text as caption. */
  documentFileId?: string;
};

export const outbox = pgTable(
  "outbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    dedupeKey: text("dedupe_key").notNull().unique(),
    /** The notification this copy belongs to (dedupe key without the account): sweeps skip what exists. */
    notificationKey: text("notification_key").notNull(),
    kind: text("kind").notNull(),
    chatAccountId: bigint("chat_account_id", { mode: "number" })
      .notNull()
      .references(() => chatAccounts.id),
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
    index("outbox_pending_idx").on(t.notBefore, t.id).where(sql`status = 'pending'`),
    index("outbox_chat_sent_idx").on(t.chatId, t.sentAt),
    index("outbox_status_idx").on(t.status),
    index("outbox_notification_idx").on(t.notificationKey),
    index("outbox_broadcast_idx").on(t.broadcastId, t.status),
  ],
);

// The send rate belongs to the bot token, so every instance reserves its slots here.
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  nextSlotAt: timestamp("next_slot_at", { withTimezone: true }).notNull(),
});

// A document a secretariat member sent, parsed and waiting for their confirmation.
export const pendingImports = pgTable("pending_imports", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  chatAccountId: bigint("chat_account_id", { mode: "number" })
    .notNull()
    .references(() => chatAccounts.id),
  kind: text("kind").notNull(),
  sourceName: text("source_name").notNull(),
  payload: jsonb("payload").$type<unknown>().notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
});

// ---------------------------------------------------------------- titles and registrations (đăng ký thi đua)

// A versioned set of the legal rules the bot applies: data, not code, since the rules keep changing.
export const ruleSets = pgTable("rule_sets", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  code: text("code").notNull().unique(),
  sourceDocument: text("source_document").notNull(),
  validFrom: text("valid_from").notNull(), // yyyy-mm-dd
  validTo: text("valid_to"),
  createdAt: createdAt(),
});

export type TitlePrerequisite = { titleCode: string; consecutiveYears: number };

// danh hiệu thi đua
export const titles = pgTable(
  "titles",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    ruleSetId: bigint("rule_set_id", { mode: "number" })
      .notNull()
      .references(() => ruleSets.id),
    code: text("code").notNull(),
    nameVi: text("name_vi").notNull(),
    nameEn: text("name_en").notNull(),
    subject: text("subject").$type<"person" | "unit">().notNull(),
    awardedBy: text("awarded_by").notNull().default(""),
    requiresInitiative: boolean("requires_initiative").notNull().default(false),
    prerequisite: jsonb("prerequisite").$type<TitlePrerequisite | null>(),
    /** Whether staff register it themselves; flags and cluster titles are proposed, not registered. */
    registrable: boolean("registrable").notNull().default(true),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [uniqueIndex("titles_rule_set_code_idx").on(t.ruleSetId, t.code)],
);

// hình thức khen thưởng
export const commendationForms = pgTable(
  "commendation_forms",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    ruleSetId: bigint("rule_set_id", { mode: "number" })
      .notNull()
      .references(() => ruleSets.id),
    code: text("code").notNull(),
    nameVi: text("name_vi").notNull(),
    nameEn: text("name_en").notNull(),
    subject: text("subject").$type<"person" | "unit" | "any">().notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [uniqueIndex("commendation_forms_rule_set_code_idx").on(t.ruleSetId, t.code)],
);

// A local ratio cap, e.g. CSTĐCS at most 15 % of those recognised LĐTT: warned about, not enforced.
export const ratioCaps = pgTable("ratio_caps", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  ruleSetId: bigint("rule_set_id", { mode: "number" })
    .notNull()
    .references(() => ruleSets.id),
  titleCode: text("title_code").notNull(),
  ofTitleCode: text("of_title_code").notNull(),
  maxPercent: integer("max_percent").notNull(),
});

// The year's emulation movement and its registration window (phát động phong trào thi đua).
export const campaigns = pgTable("campaigns", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  year: integer("year").notNull().unique(),
  title: text("title").notNull(),
  launchedAt: timestamp("launched_at", { withTimezone: true }).notNull(),
  deadlineAt: timestamp("deadline_at", { withTimezone: true }).notNull(),
  createdByPersonId: bigint("created_by_person_id", { mode: "number" }).references(() => people.id),
  createdAt: createdAt(),
});

export type RegistrationStatus = "submitted" | "approved" | "returned" | "withdrawn";

export const registrations = pgTable(
  "registrations",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    year: integer("year").notNull(),
    campaignId: bigint("campaign_id", { mode: "number" })
      .notNull()
      .references(() => campaigns.id),
    subject: text("subject").$type<"person" | "unit">().notNull(),
    /** The person registering (individual titles); null for a unit's collective title. */
    personId: bigint("person_id", { mode: "number" }).references(() => people.id),
    unitId: bigint("unit_id", { mode: "number" })
      .notNull()
      .references(() => units.id),
    titleCode: text("title_code").notNull(),
    formCode: text("form_code"),
    initiativeTitle: text("initiative_title"),
    status: text("status").$type<RegistrationStatus>().notNull(),
    returnReason: text("return_reason"),
    registeredByPersonId: bigint("registered_by_person_id", { mode: "number" })
      .notNull()
      .references(() => people.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    // One live registration per person, and per unit, per year: a change updates it.
    uniqueIndex("registrations_person_year_idx").on(t.year, t.personId).where(sql`subject = 'person' and status <> 'withdrawn'`),
    uniqueIndex("registrations_unit_year_idx").on(t.year, t.unitId).where(sql`subject = 'unit' and status <> 'withdrawn'`),
    index("registrations_unit_status_idx").on(t.unitId, t.year, t.status),
  ],
);

// Every transition of a registration: who, when, why.
export const registrationEvents = pgTable(
  "registration_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    registrationId: bigint("registration_id", { mode: "number" })
      .notNull()
      .references(() => registrations.id),
    at: timestamp("at", { withTimezone: true }).notNull(),
    actorPersonId: bigint("actor_person_id", { mode: "number" }).references(() => people.id),
    action: text("action").notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status").notNull(),
    reason: text("reason"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index("registration_events_registration_idx").on(t.registrationId)],
);

// Titles awarded in past years, for the consecutive-year rules.
export const titleHistory = pgTable(
  "title_history",
  {
    personId: bigint("person_id", { mode: "number" })
      .notNull()
      .references(() => people.id),
    year: integer("year").notNull(),
    titleCode: text("title_code").notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.year, t.titleCode] })],
);

// State of the guided conversations (grammY conversations), so a restart or another instance resumes them.
export const conversationStates = pgTable("conversation_states", {
  key: text("key").primaryKey(),
  value: jsonb("value").$type<unknown>().notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

// ---------------------------------------------------------------- broadcasts

export type BroadcastStatus = "draft" | "sending" | "cancelled" | "done";

// A message from the secretariat to many people; its copies are outbox rows with its id.
export const broadcasts = pgTable("broadcasts", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  createdByPersonId: bigint("created_by_person_id", { mode: "number" })
    .notNull()
    .references(() => people.id),
  text: text("text").notNull(),
  documentFileId: text("document_file_id"),
  documentName: text("document_name"),
  audience: jsonb("audience").$type<BroadcastAudience>().notNull(),
  /** Set for a campaign launch: confirming it opens registration with this deadline. */
  launch: jsonb("launch").$type<{ year: number; title: string; deadlineAt: string } | null>(),
  campaignId: bigint("campaign_id", { mode: "number" }).references(() => campaigns.id),
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
});

// ---------------------------------------------------------------- inspections (kiểm tra công tác TĐKT)

export type InspectionKind = "direct" | "self" | "cross";

export const inspections = pgTable("inspections", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  year: integer("year").notNull(),
  kind: text("kind").$type<InspectionKind>().notNull(),
  title: text("title").notNull(),
  windowFrom: integer("window_from").notNull(), // quarter
  windowTo: integer("window_to").notNull(),
  noticeDays: integer("notice_days").notNull().default(5),
  reportDays: integer("report_days").notNull().default(3),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
});

// Đoàn kiểm tra: its head and members.
export const inspectionTeam = pgTable(
  "inspection_team",
  {
    inspectionId: bigint("inspection_id", { mode: "number" })
      .notNull()
      .references(() => inspections.id),
    personId: bigint("person_id", { mode: "number" })
      .notNull()
      .references(() => people.id),
    role: text("role").$type<"head" | "member">().notNull(),
  },
  (t) => [primaryKey({ columns: [t.inspectionId, t.personId] })],
);

export const inspectionUnits = pgTable(
  "inspection_units",
  {
    inspectionId: bigint("inspection_id", { mode: "number" })
      .notNull()
      .references(() => inspections.id),
    unitId: bigint("unit_id", { mode: "number" })
      .notNull()
      .references(() => units.id),
  },
  (t) => [primaryKey({ columns: [t.inspectionId, t.unitId] })],
);

export type VisitStatus = "scheduled" | "cancelled" | "done";

export const inspectionVisits = pgTable(
  "inspection_visits",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    inspectionId: bigint("inspection_id", { mode: "number" })
      .notNull()
      .references(() => inspections.id),
    unitId: bigint("unit_id", { mode: "number" })
      .notNull()
      .references(() => units.id),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    /** Bumped on every move, so each schedule gets its own notices. */
    version: integer("version").notNull().default(1),
    onDocumentsOnly: boolean("on_documents_only").notNull().default(false),
    status: text("status").$type<VisitStatus>().notNull().default("scheduled"),
    overrideReason: text("override_reason"),
    reportReceivedAt: timestamp("report_received_at", { withTimezone: true }),
    reportFileId: text("report_file_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("inspection_visits_live_idx").on(t.inspectionId, t.unitId).where(sql`status <> 'cancelled'`),
    index("inspection_visits_starts_idx").on(t.startsAt),
  ],
);

// ---------------------------------------------------------------- platforms without buttons

export type PendingChoice = { label: string; data: string };

/**
 * The numbered options last shown in a chat of a platform with no inline keyboards (Zalo): a
 * reply with a number or a label becomes a press of that button, until they expire.
 */
export const pendingChoices = pgTable(
  "pending_choices",
  {
    platform: text("platform").notNull(),
    chatId: text("chat_id").notNull(),
    choices: jsonb("choices").$type<PendingChoice[]>().notNull(),
    /** The message that showed them, as handlers that edit "their" message expect it. */
    messageId: integer("message_id").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.platform, t.chatId] })],
);

/** Files for platforms that cannot receive documents: served by a signed, short-lived link. */
export const downloads = pgTable(
  "downloads",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    fileName: text("file_name").notNull(),
    /** Base64: one encoding for both drivers, and exports are small. */
    contentBase64: text("content_base64").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("downloads_expires_idx").on(t.expiresAt)],
);
