// Inspections (kiểm tra công tác TĐKT): plans, teams, units and visits.
import { relations, sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { INSPECTION_KINDS, type InspectionKind, VISIT_STATUSES, type VisitStatus } from "../../domain/inspections.js";
import { oneOf, id, requiredRef, agencyId, agencyOnly } from "./columns.js";
import { units, people } from "./identity.js";

export const inspections = pgTable(
  "inspections",
  {
    agencyId: agencyId(),
    id: id(),
    year: integer("year").notNull(),
    kind: text("kind").$type<InspectionKind>().notNull(),
    title: text("title").notNull(),
    // The window by month: plans say "từ tháng 5 đến tháng 8" as often as "Quý II, III".
    windowFirstMonth: integer("window_first_month").notNull().default(1),
    windowLastMonth: integer("window_last_month").notNull().default(12),
    noticeDays: integer("notice_days").notNull().default(5),
    reportDays: integer("report_days").notNull().default(3),
    // "07 ngày làm việc": the period counts working days.
    noticeWorkingDays: boolean("notice_working_days").notNull().default(false),
    reportWorkingDays: boolean("report_working_days").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [agencyOnly(), oneOf("inspections_kind_check", t.kind, INSPECTION_KINDS)],
);

// Đoàn kiểm tra: its head and members.
export const inspectionTeam = pgTable(
  "inspection_team",
  {
    agencyId: agencyId(),
    inspectionId: requiredRef("inspection_id", () => inspections.id),
    personId: requiredRef("person_id", () => people.id),
    role: text("role").$type<"head" | "member">().notNull(),
  },
  (t) => [agencyOnly(), primaryKey({ columns: [t.inspectionId, t.personId] })],
);

export const inspectionUnits = pgTable(
  "inspection_units",
  {
    agencyId: agencyId(),
    inspectionId: requiredRef("inspection_id", () => inspections.id),
    unitId: requiredRef("unit_id", () => units.id),
  },
  (t) => [agencyOnly(), primaryKey({ columns: [t.inspectionId, t.unitId] })],
);

export const inspectionVisits = pgTable(
  "inspection_visits",
  {
    agencyId: agencyId(),
    id: id(),
    inspectionId: requiredRef("inspection_id", () => inspections.id),
    unitId: requiredRef("unit_id", () => units.id),
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
    agencyOnly(),
    uniqueIndex("inspection_visits_live_idx").on(t.inspectionId, t.unitId).where(sql`status <> 'cancelled'`),
    index("inspection_visits_starts_idx").on(t.agencyId, t.startsAt),
    oneOf("inspection_visits_status_check", t.status, VISIT_STATUSES),
  ],
);

export const inspectionsRelations = relations(inspections, ({ many }) => ({
  team: many(inspectionTeam),
  units: many(inspectionUnits),
  visits: many(inspectionVisits),
}));
export const inspectionTeamRelations = relations(inspectionTeam, ({ one }) => ({
  inspection: one(inspections, { fields: [inspectionTeam.inspectionId], references: [inspections.id] }),
  person: one(people, { fields: [inspectionTeam.personId], references: [people.id] }),
}));
export const inspectionUnitsRelations = relations(inspectionUnits, ({ one }) => ({
  inspection: one(inspections, { fields: [inspectionUnits.inspectionId], references: [inspections.id] }),
  unit: one(units, { fields: [inspectionUnits.unitId], references: [units.id] }),
}));
export const inspectionVisitsRelations = relations(inspectionVisits, ({ one }) => ({
  inspection: one(inspections, { fields: [inspectionVisits.inspectionId], references: [inspections.id] }),
  unit: one(units, { fields: [inspectionVisits.unitId], references: [units.id] }),
}));
