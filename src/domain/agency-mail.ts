// What one agency sends another (src/db/schema/province.ts): the kinds, and each kind's payload as
// the addressee parses it — a mail is written by another agency's process, so it is input from outside.
import * as z from "zod";

export const AGENCY_MAIL_KINDS = ["proposals", "decision", "inspection", "inspection-report", "report-request", "upward-report", "cluster-event"] as const;
export type AgencyMailKind = (typeof AGENCY_MAIL_KINDS)[number];

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const name = z.string().trim().min(1).max(300);

/** An agency's proposals upward (hồ sơ đề nghị), from a closed and decided ballot session. */
export const proposalsMail = z.object({
  agencyName: name,
  year: z.number().int().min(2000).max(2100),
  sessionId: z.number().int().positive(),
  candidates: z
    .array(
      z.object({
        registrationId: z.number().int().positive(),
        subject: z.enum(["person", "unit"]),
        fullName: name.nullable(),
        unitName: name,
        titleCode: z.string().regex(/^[A-Z0-9_]{2,24}$/),
        votes: z.string().max(100),
      }),
    )
    .min(1)
    .max(500),
});
export type ProposalsMail = z.infer<typeof proposalsMail>;

/** The higher level's decision on proposals it received, for the agency's own record. */
export const decisionMail = z.object({
  sessionId: z.number().int().positive(),
  number: z.string().trim().min(1).max(100),
  decidedOn: day,
  authority: name,
  awarded: z.array(z.number().int().positive()).max(500),
  notAwarded: z.array(z.number().int().positive()).max(500),
});
export type DecisionMail = z.infer<typeof decisionMail>;

/** A cross-inspection within a cluster: who inspects, when, and when the report is due. */
export const inspectionMail = z.object({
  agencyName: name,
  startsAt: z.iso.datetime({ offset: true }),
  reportDue: day,
  teamNames: z.array(name).min(1).max(30),
  teamPersonIds: z.array(z.number().int().positive()).min(1).max(30),
});
export type InspectionMail = z.infer<typeof inspectionMail>;

/** The inspected agency's report, answering an inspection mail; the file travels with it. */
export const inspectionReportMail = z.object({
  agencyName: name,
  inspectionMailId: z.number().int().positive(),
  fileName: name,
});
export type InspectionReportMail = z.infer<typeof inspectionReportMail>;

/** A report asked of the agencies under the province, or of a cluster's members by its leader: by a day. */
export const reportRequestMail = z.object({
  agencyName: name,
  title: name,
  due: day,
  /** The request's several mails (one per agency asked) share it. */
  requestKey: z.string().regex(/^[a-z0-9-]{1,40}$/),
});
export type ReportRequestMail = z.infer<typeof reportRequestMail>;

/** An agency's report answering a request; the file travels with it. */
export const upwardReportMail = z.object({
  agencyName: name,
  requestMailId: z.number().int().positive(),
  title: name,
  fileName: name,
});
export type UpwardReportMail = z.infer<typeof upwardReportMail>;

/** A cluster's event (the covenant's signing, the summary meeting), announced by the cluster's leader. */
export const clusterEventMail = z.object({
  agencyName: name,
  clusterName: name,
  title: name,
  startsAt: z.iso.datetime({ offset: true }),
});
export type ClusterEventMail = z.infer<typeof clusterEventMail>;
