// What agencies of one province share: clusters (cụm/khối thi đua) and the mail between agencies —
// proposals going up, decisions coming back, cross-inspections and their reports. Each agency's
// connection still sees its own rows only: the policies below show a mail to its sender and its
// addressee, and let an agency write only to those it is related to (tdkt_related_agencies, a
// function of migration 0044 that reads the province's structure as the tables' owner).
import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgPolicy, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { AGENCY_MAIL_KINDS, type AgencyMailKind } from "../../domain/agency-mail.js";
import { agencies } from "./agencies.js";
import { agencyId, agencyOnly, CURRENT_AGENCY, createdAt, id, oneOf, requiredRef } from "./columns.js";
import { registrations } from "./registrations.js";

/** A cluster (cụm, khối thi đua) of agencies, kept by the province's administrator (owner's connection). */
export const clusters = pgTable(
  "clusters",
  {
    id: id(),
    code: text("code").notNull().unique(),
    name: text("name").notNull(),
    createdAt: createdAt(),
  },
  // A member sees its clusters; nobody but the owner writes them.
  () => [pgPolicy("members_read", { for: "select", to: "public", using: sql`id in (select cluster_id from tdkt_my_clusters())` })],
);

export const clusterMembers = pgTable(
  "cluster_members",
  {
    clusterId: requiredRef("cluster_id", () => clusters.id),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    /** The year this member leads the cluster (cụm trưởng), if it does. */
    leadsIn: integer("leads_in"),
  },
  (t) => [
    primaryKey({ columns: [t.clusterId, t.agencyId] }),
    pgPolicy("members_read", { for: "select", to: "public", using: sql`cluster_id in (select cluster_id from tdkt_my_clusters())` }),
  ],
);

/** One message from an agency to another; the addressee's process acts on it (services/province/mail.ts). */
export const agencyMail = pgTable(
  "agency_mail",
  {
    id: id(),
    fromAgencyId: integer("from_agency_id")
      .notNull()
      .default(CURRENT_AGENCY)
      .references(() => agencies.id),
    toAgencyId: integer("to_agency_id")
      .notNull()
      .references(() => agencies.id),
    kind: text("kind").$type<AgencyMailKind>().notNull(),
    /** What the mail is about, on the sender's side: sent twice, it is one mail. */
    key: text("key").notNull(),
    payload: jsonb("payload").notNull(),
    createdAt: createdAt(),
    receivedAt: timestamp("received_at", { withTimezone: true }),
  },
  (t) => [
    oneOf("agency_mail_kind_check", t.kind, AGENCY_MAIL_KINDS),
    uniqueIndex("agency_mail_from_kind_key_idx").on(t.fromAgencyId, t.kind, t.key),
    index("agency_mail_inbox_idx").on(t.toAgencyId).where(sql`received_at is null`),
    pgPolicy("sender_or_addressee", {
      for: "select",
      to: "public",
      using: sql`from_agency_id = ${CURRENT_AGENCY} or to_agency_id = ${CURRENT_AGENCY}`,
    }),
    pgPolicy("to_related_agencies", {
      for: "insert",
      to: "public",
      withCheck: sql`from_agency_id = ${CURRENT_AGENCY} and to_agency_id in (select id from tdkt_related_agencies())`,
    }),
    // The addressee marks a mail received; nobody rewrites one.
    pgPolicy("addressee_receives", {
      for: "update",
      to: "public",
      using: sql`to_agency_id = ${CURRENT_AGENCY}`,
      withCheck: sql`to_agency_id = ${CURRENT_AGENCY}`,
    }),
  ],
);

/** The files a mail carries (a dossier, an inspection report), seen by whoever sees the mail. */
export const agencyMailFiles = pgTable(
  "agency_mail_files",
  {
    id: id(),
    mailId: requiredRef("mail_id", () => agencyMail.id),
    fileName: text("file_name").notNull(),
    // As task reports keep theirs.
    contentBase64: text("content_base64").notNull(),
  },
  (t) => [
    index("agency_mail_files_mail_idx").on(t.mailId),
    pgPolicy("with_its_mail", { for: "select", to: "public", using: sql`mail_id in (select id from agency_mail)` }),
    pgPolicy("with_its_own_mail", {
      for: "insert",
      to: "public",
      withCheck: sql`mail_id in (select id from agency_mail where from_agency_id = ${CURRENT_AGENCY})`,
    }),
  ],
);

/**
 * A candidate the province received from an agency: the registration made for it in the
 * province's rows, and the agency's own, to which the decision goes back.
 */
export const receivedCandidates = pgTable(
  "received_candidates",
  {
    agencyId: agencyId(),
    registrationId: bigint("registration_id", { mode: "number" })
      .primaryKey()
      .references(() => registrations.id),
    mailId: requiredRef("mail_id", () => agencyMail.id),
    originRegistrationId: bigint("origin_registration_id", { mode: "number" }).notNull(),
  },
  (t) => [agencyOnly(), uniqueIndex("received_candidates_origin_idx").on(t.mailId, t.originRegistrationId)],
);
