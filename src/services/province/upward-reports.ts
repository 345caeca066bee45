import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";
import { CURRENT_AGENCY } from "../../db/schema/columns.js";
import { type ReportRequestMail, reportRequestMail, type UpwardReportMail, upwardReportMail } from "../../domain/agency-mail.js";
import { formatDate, type LocalDay, localDay } from "../../domain/calendar.js";
import { escapeHtml } from "../../domain/text.js";
import { recordAudit } from "../audit.js";
import type { ServiceContext } from "../context.js";
import { enqueue, noticeToEach } from "../outbox.js";
import { clusterLedIn } from "./clusters.js";
import { type RelatedAgency, mailOf, type ReceivedMail, relatedAgencies, sendMail } from "./mail.js";
import { leadershipAndOffice, tellLeadership } from "./notices.js";
import { answerWithFile } from "./answers.js";

/** Whom this agency asks for reports: the agencies under it, else — when it leads a cluster this year — the cluster's other members. */
export async function reportingAgencies(db: Database, year: number): Promise<RelatedAgency[]> {
  const related = await relatedAgencies(db);
  const members = related.filter((agency) => agency.relation === "member");
  if (members.length > 0) return members;
  const led = await clusterLedIn(db, year);
  return related.filter((agency) => agency.relation === "cluster" && (led?.members.includes(agency.id) ?? false));
}

/**
 * Asks every agency this one collects reports from (reportingAgencies) for a report by a day: each
 * agency's leadership and office are told by their own bot, and reminded two days before.
 */
export async function askForReports(
  db: Database,
  input: { title: string; due: LocalDay; agencyName: string },
  context: ServiceContext,
): Promise<{ kind: "asked"; agencies: string[] } | { kind: "nobody" } | { kind: "past" }> {
  const now = context.clock();
  if (input.due < localDay(now, context.timeZone)) return { kind: "past" };
  const targets = await reportingAgencies(db, Number(localDay(now, context.timeZone).slice(0, 4)));
  if (targets.length === 0) return { kind: "nobody" };
  const requestKey = `${localDay(now, context.timeZone)}-${randomBytes(3).toString("hex")}`;
  const payload: ReportRequestMail = reportRequestMail.parse({ agencyName: input.agencyName, title: input.title, due: input.due, requestKey });
  await db.transaction(async (tx) => {
    for (const target of targets) await sendMail(tx, { to: target.id, kind: "report-request", key: `request:${requestKey}:${target.id}`, payload, at: now });
    await recordAudit(tx, {
      at: now,
      actor: context.actor,
      action: "report.requested",
      subject: `request:${requestKey}`,
      details: { title: input.title, due: input.due, agencies: targets.map((agency) => agency.code) },
    });
  });
  return { kind: "asked", agencies: targets.map((agency) => agency.name) };
}

/** An agency asked for a report: its leadership and office are told how to send it, and reminded before the day. */
export async function receiveReportRequest(tx: Database, mail: ReceivedMail<unknown>, context: ServiceContext): Promise<void> {
  const request = mail.payload as ReportRequestMail;
  const args = {
    agency: escapeHtml(request.agencyName),
    title: escapeHtml(request.title),
    due: formatDate(new Date(`${request.due}T05:00:00Z`), context.timeZone),
    id: mail.id,
  };
  await tellLeadership(
    tx,
    { key: `mail:${mail.id}`, kind: "report-request", message: "upreport-asked", reminder: "upreport-reminder", args, day: request.due, daysBefore: 2 },
    context,
  );
}

/** The agency's report, answering a request it received, sent with its file; the reminder is withdrawn. */
export async function sendUpwardReport(
  db: Database,
  input: { requestMailId: number; fileName: string; bytes: Buffer; agencyName: string },
  context: ServiceContext,
): Promise<{ kind: "sent"; to: string } | { kind: "unknown" }> {
  const request = await mailOf(db, input.requestMailId, "report-request", reportRequestMail);
  // Only a request this agency received: its sender is the province or a cluster's leader it is related to.
  const asking = request && (await relatedAgencies(db)).find((agency) => agency.id === request.fromAgencyId && agency.relation !== "member");
  if (!request || !asking) return { kind: "unknown" };
  const payload: UpwardReportMail = { agencyName: input.agencyName, requestMailId: request.id, title: request.payload.title, fileName: input.fileName };
  await answerWithFile(
    db,
    {
      to: asking.id,
      answering: request.id,
      kind: "upward-report",
      payload: upwardReportMail.parse(payload),
      file: { fileName: input.fileName, bytes: input.bytes },
      reminderKey: `mail:${request.id}`,
      action: "report.sent-up",
    },
    context,
  );
  return { kind: "sent", to: asking.name };
}

/** A report came in: the office and leadership of the agency that asked are told where to take it. */
export async function receiveUpwardReport(tx: Database, mail: ReceivedMail<unknown>, context: ServiceContext): Promise<void> {
  const report = mail.payload as UpwardReportMail;
  const args = { agency: escapeHtml(report.agencyName), title: escapeHtml(report.title), file: escapeHtml(report.fileName), id: mail.id };
  await enqueue(
    tx,
    noticeToEach(await leadershipAndOffice(tx), {
      key: `mail:${mail.id}:report`,
      kind: "upward-report",
      at: context.clock(),
      text: (locale) => context.translate(locale, "upreport-received", args),
    }),
  );
}

export type ReportRequestStatus = { title: string; due: LocalDay; sent: { agency: string; mailId: number }[]; missing: string[] };

/** The reports this agency asked for, newest first: who has sent (and the mail to take the file from), who has not. */
export async function reportRequests(db: Database): Promise<ReportRequestStatus[]> {
  const rows = await queryRows<{ key: string; title: string; due: string; agency: string; report: number | null }>(
    db,
    sql`select q.payload->>'requestKey' as key, q.payload->>'title' as title, q.payload->>'due' as due, r.name as agency,
          (select max(m.id)::int from agency_mail m where m.kind = 'upward-report' and m.to_agency_id = ${CURRENT_AGENCY}
             and (m.payload->>'requestMailId')::bigint = q.id) as report
        from agency_mail q join tdkt_related_agencies() r on r.id = q.to_agency_id
        where q.kind = 'report-request' and q.from_agency_id = ${CURRENT_AGENCY}
        order by max(q.id) over (partition by q.payload->>'requestKey') desc, r.name`,
  );
  const requests = new Map<string, ReportRequestStatus>();
  for (const row of rows) {
    const request = requests.get(row.key) ?? { title: row.title, due: row.due, sent: [], missing: [] };
    if (row.report === null) request.missing.push(row.agency);
    else request.sent.push({ agency: row.agency, mailId: row.report });
    requests.set(row.key, request);
  }
  return [...requests.values()].slice(0, 10);
}
