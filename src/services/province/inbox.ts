import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { CURRENT_AGENCY } from "../../db/schema/columns.js";
import { agencyMail } from "../../db/schema/index.js";
import {
  type AgencyMailKind,
  clusterEventMail,
  decisionMail,
  inspectionMail,
  inspectionReportMail,
  proposalsMail,
  reportRequestMail,
  upwardReportMail,
} from "../../domain/agency-mail.js";
import { receiveClusterEvent } from "./cluster-events.js";
import type { ServiceContext } from "../context.js";
import { mayTakeFiles, receiveInspection, receiveInspectionReport } from "./cross-inspections.js";
import { type MailHandler, mailFiles, receiveMail } from "./mail.js";
import { answerProposers, receiveDecision } from "./proposals-up.js";
import { receiveProposals } from "./received-proposals.js";
import { receiveReportRequest, receiveUpwardReport } from "./upward-reports.js";

const HANDLERS: Record<AgencyMailKind, MailHandler> = {
  proposals: { schema: proposalsMail, from: ["member"], receive: receiveProposals },
  decision: { schema: decisionMail, from: ["province"], receive: receiveDecision },
  inspection: { schema: inspectionMail, from: ["cluster"], receive: receiveInspection },
  "inspection-report": { schema: inspectionReportMail, from: ["cluster"], receive: receiveInspectionReport },
  "report-request": { schema: reportRequestMail, from: ["province", "cluster"], receive: receiveReportRequest },
  "upward-report": { schema: upwardReportMail, from: ["member", "cluster"], receive: receiveUpwardReport },
  "cluster-event": { schema: clusterEventMail, from: ["cluster"], receive: receiveClusterEvent },
};

/**
 * What an agency's process does every minute with the others: takes in the mail sent to it, then
 * answers the agencies whose proposals its chairman has decided. Safe on any number of instances.
 */
export async function exchangeMail(
  db: Database,
  context: ServiceContext,
): Promise<{ received: number; answered: number; failed: { mailId: number; error: unknown }[] }> {
  const { received, failed } = await receiveMail(db, HANDLERS, context);
  const answered = await answerProposers(db, context.clock());
  return { received, answered, failed };
}

/** The files of a mail this agency received, for a reader allowed them. */
export async function receivedFiles(
  db: Database,
  mailId: number,
  reader: { id: number; roles: readonly string[] },
): Promise<{ kind: "files"; files: { fileName: string; bytes: Buffer }[] } | { kind: "unknown" } | { kind: "not-allowed" }> {
  const [mail] = await db
    .select()
    .from(agencyMail)
    .where(and(eq(agencyMail.id, mailId), sql`${agencyMail.toAgencyId} = ${CURRENT_AGENCY}`));
  if (!mail) return { kind: "unknown" };
  if (!(await mayTakeFiles(db, mail, reader))) return { kind: "not-allowed" };
  return { kind: "files", files: await mailFiles(db, mail.id) };
}
