// Plans and tasks (kế hoạch), meetings and holidays.
import { relations } from "drizzle-orm";
import { bigint, boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, updatedAt, id, requiredRef, optionalRef, agencyId, agencyOnly } from "./columns.js";
import { units, people } from "./identity.js";

export const plans = pgTable(
  "plans",
  {
    agencyId: agencyId(),
    id: id(),
    year: integer("year").notNull(),
    /** Folded title: the same plan imported again finds itself by (year, key). */
    planKey: text("plan_key").notNull(),
    title: text("title").notNull(),
    sourceName: text("source_name").notNull(),
    importedAt: timestamp("imported_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [agencyOnly(), uniqueIndex("plans_year_key_idx").on(t.agencyId, t.year, t.planKey)],
);

export const planTasks = pgTable(
  "plan_tasks",
  {
    agencyId: agencyId(),
    id: id(),
    planId: requiredRef("plan_id", () => plans.id),
    quarter: integer("quarter").notNull(),
    number: text("number").notNull(),
    content: text("content").notNull(),
    /** The units as the document wrote them, kept whether or not they matched the roster. */
    leadText: text("lead_text").notNull().default(""),
    coordinatingText: text("coordinating_text").notNull().default(""),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    explicitDeadline: boolean("explicit_deadline").notNull().default(false),
    /** A report the units send (báo cáo sơ kết, kết quả…): a unit's share is done when its file comes. */
    needsReport: boolean("needs_report").notNull().default(false),
    /** Set when a re-import no longer has the task; nothing is deleted. */
    removedAt: timestamp("removed_at", { withTimezone: true }),
    updatedAt: updatedAt(),
  },
  (t) => [
    agencyOnly(),
    uniqueIndex("plan_tasks_plan_quarter_number_idx").on(t.planId, t.quarter, t.number),
    index("plan_tasks_due_idx").on(t.agencyId, t.dueAt),
  ],
);

// Each unit's share of a task: the lead unit and every coordinating unit mark their part done.
export const planTaskUnits = pgTable(
  "plan_task_units",
  {
    agencyId: agencyId(),
    taskId: requiredRef("task_id", () => planTasks.id),
    unitId: requiredRef("unit_id", () => units.id),
    role: text("role").$type<"lead" | "coordinating">().notNull(),
    doneAt: timestamp("done_at", { withTimezone: true }),
    doneByPersonId: optionalRef("done_by_person_id", () => people.id),
    doneNote: text("done_note"),
    removedAt: timestamp("removed_at", { withTimezone: true }),
  },
  (t) => [agencyOnly(), primaryKey({ columns: [t.taskId, t.unitId] }), index("plan_task_units_unit_idx").on(t.unitId)],
);

// How a phrase of plan text maps to roster units, learnt from the secretariat's choices.
export const unitAliases = pgTable(
  "unit_aliases",
  {
    agencyId: agencyId(),
    phraseKey: text("phrase_key").notNull(),
    phrase: text("phrase").notNull(),
    /** Empty: the phrase names bodies outside the roster and is deliberately not notified. */
    unitIds: bigint("unit_ids", { mode: "number" }).array().notNull(),
    createdAt: createdAt(),
  },
  (t) => [agencyOnly(), primaryKey({ columns: [t.agencyId, t.phraseKey] })],
);

export const meetings = pgTable(
  "meetings",
  {
    agencyId: agencyId(),
    id: id(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    place: text("place").notNull(),
    agenda: text("agenda").notNull(),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    createdByPersonId: optionalRef("created_by_person_id", () => people.id),
    createdAt: createdAt(),
  },
  () => [agencyOnly()],
);

// The report file a unit sent for a task that asks for one; sending again replaces it.
export const taskReports = pgTable(
  "task_reports",
  {
    agencyId: agencyId(),
    taskId: requiredRef("task_id", () => planTasks.id),
    unitId: requiredRef("unit_id", () => units.id),
    fileName: text("file_name").notNull(),
    /** Base64, like downloads: one encoding for both drivers; uploads are at most 10 MB. */
    contentBase64: text("content_base64").notNull(),
    sentByPersonId: optionalRef("sent_by_person_id", () => people.id),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
  },
  (t) => [agencyOnly(), primaryKey({ columns: [t.taskId, t.unitId] })],
);

// A meeting a plan schedules by month only: listed as waiting for a date until a meeting of that
// month is recorded.
export const meetingDrafts = pgTable(
  "meeting_drafts",
  {
    agencyId: agencyId(),
    id: id(),
    planId: requiredRef("plan_id", () => plans.id),
    year: integer("year").notNull(),
    month: integer("month").notNull(),
    title: text("title").notNull(),
    createdAt: createdAt(),
  },
  (t) => [agencyOnly(), uniqueIndex("meeting_drafts_plan_month_idx").on(t.planId, t.year, t.month, t.title)],
);

// Public holidays (ngày nghỉ lễ): no reminder goes out on them.
export const holidays = pgTable(
  "holidays",
  {
    agencyId: agencyId(),
    day: text("day").notNull(), // yyyy-mm-dd, local
    name: text("name").notNull(),
  },
  (t) => [agencyOnly(), primaryKey({ columns: [t.agencyId, t.day] })],
);

export const plansRelations = relations(plans, ({ many }) => ({ tasks: many(planTasks) }));
export const planTasksRelations = relations(planTasks, ({ one, many }) => ({
  plan: one(plans, { fields: [planTasks.planId], references: [plans.id] }),
  units: many(planTaskUnits),
}));
export const planTaskUnitsRelations = relations(planTaskUnits, ({ one }) => ({
  task: one(planTasks, { fields: [planTaskUnits.taskId], references: [planTasks.id] }),
  unit: one(units, { fields: [planTaskUnits.unitId], references: [units.id] }),
}));
