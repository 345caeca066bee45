import { type InspectionMail, type InspectionReportMail, inspectionMail, inspectionReportMail } from "../../domain/agency-mail.js";
import { formatDate, formatDateTime, localDay } from "../../domain/calendar.js";
import { CROSS_AGENCY_VISIT, visitRefusal } from "../../domain/inspections.js";
import { escapeHtml } from "../../domain/text.js";
import type { Refusal } from "../../domain/titles.js";
import type { Database } from "../../db/client.js";
import { recordAudit } from "../audit.js";
import type { ServiceContext } from "../context.js";
import { linkedCount, visitReportDue } from "../inspections/index.js";
import { enqueue, noticeToEach } from "../outbox.js";
import { activeByStaffCodes, activeWithRole } from "../roster/people-by-role.js";
import { mailOf, type ReceivedMail, relatedAgencies, sendMail } from "./mail.js";
import { tellLeadership } from "./notices.js";
import { answerWithFile } from "./answers.js";

export type CrossVisit = { agency: string; mailId: number; reportDue: Date; team: { size: number; reached: number } };

/**
 * A cross-inspection of another member of the cluster by this agency's team: refused inside the
 * notice period; the team is told now, the inspected agency's leadership and secretariat when its
 * process takes the mail in (receiveInspection); its report falls due the report period before.
 */
export async function scheduleCrossInspection(
  db: Database,
  input: { agencyCode: string; at: Date; teamCodes: string[]; agencyName: string },
  context: ServiceContext,
): Promise<{ kind: "scheduled"; visit: CrossVisit } | { kind: "refused"; refusal: Refusal }> {
  const now = context.clock();
  const code = input.agencyCode.trim().toUpperCase();
  const inspected = (await relatedAgencies(db)).find((agency) => agency.relation === "cluster" && agency.code === code);
  if (!inspected) return { kind: "refused", refusal: { key: "cluster-visit-not-member", args: { code } } };
  const refusal = visitRefusal(input.at, now, { days: CROSS_AGENCY_VISIT.noticeDays, working: false }, null);
  // Between agencies there is no overriding the notice period: the inspected agency's leadership must have it.
  if (refusal) return { kind: "refused", refusal: refusal.key === "visit-notice-too-short" ? { ...refusal, key: "cluster-visit-notice-too-short" } : refusal };
  const team = await activeByStaffCodes(db, input.teamCodes);
  if (team.unknown.length > 0 || team.people.length === 0)
    return { kind: "refused", refusal: { key: "cluster-visit-unknown-team", args: { codes: team.unknown.join(", ") || "—" } } };
  const reportDue = visitReportDue({ startsAt: input.at, updatedAt: now }, CROSS_AGENCY_VISIT.reportDays, context.timeZone);
  const payload: InspectionMail = {
    agencyName: input.agencyName,
    startsAt: input.at.toISOString(),
    reportDue: localDay(reportDue, context.timeZone),
    teamNames: team.people.map((person) => person.fullName),
    teamPersonIds: team.people.map((person) => person.id),
  };
  const teamIds = team.people.map((person) => person.id);
  return db.transaction(async (tx) => {
    const mailId = await sendMail(tx, {
      to: inspected.id,
      kind: "inspection",
      key: `visit:${code}:${localDay(input.at, context.timeZone)}`,
      payload: inspectionMail.parse(payload),
      at: now,
    });
    if (mailId === undefined) return { kind: "refused" as const, refusal: { key: "cluster-visit-exists", args: { agency: inspected.name } } };
    const args = { agency: escapeHtml(inspected.name), when: formatDateTime(input.at, context.timeZone), report: formatDate(reportDue, context.timeZone) };
    await enqueue(
      tx,
      noticeToEach(teamIds, {
        key: `mail:${mailId}:team`,
        kind: "visit-scheduled",
        at: now,
        text: (locale) => context.translate(locale, "cluster-visit-team", args),
      }),
    );
    await recordAudit(tx, {
      at: now,
      actor: context.actor,
      action: "visit.cross-agency",
      subject: `mail:${mailId}`,
      details: { agency: code, at: input.at.toISOString(), team: teamIds },
    });
    return {
      kind: "scheduled" as const,
      visit: { agency: inspected.name, mailId, reportDue, team: { size: teamIds.length, reached: await linkedCount(tx, teamIds) } },
    };
  });
}

/** The inspected agency takes the visit in: its leadership and office are told, how to send the report, and reminded the day before it is due. */
export async function receiveInspection(tx: Database, mail: ReceivedMail<unknown>, context: ServiceContext): Promise<void> {
  const visit = mail.payload as InspectionMail;
  const args = {
    agency: escapeHtml(visit.agencyName),
    team: escapeHtml(visit.teamNames.join(", ")),
    when: formatDateTime(new Date(visit.startsAt), context.timeZone),
    report: formatDate(new Date(`${visit.reportDue}T05:00:00Z`), context.timeZone),
    id: mail.id,
  };
  await tellLeadership(
    tx,
    {
      key: `mail:${mail.id}:notice`,
      kind: "visit-notice",
      message: "cluster-visit-notice",
      reminder: "cluster-visit-reminder",
      args,
      day: visit.reportDue,
      daysBefore: 1,
    },
    context,
  );
}

/** The inspected agency's report on a cross-inspection it was told of, sent to the inspecting agency with its file. */
export async function sendInspectionReport(
  db: Database,
  input: { inspectionMailId: number; fileName: string; bytes: Buffer; agencyName: string },
  context: ServiceContext,
): Promise<{ kind: "sent"; to: string } | { kind: "unknown" }> {
  const visit = await mailOf(db, input.inspectionMailId, "inspection", inspectionMail);
  // Only a visit this agency was told of: its sender is one of the cluster's other members.
  const inspecting = visit && (await relatedAgencies(db)).find((agency) => agency.id === visit.fromAgencyId && agency.relation === "cluster");
  if (!visit || !inspecting) return { kind: "unknown" };
  const payload: InspectionReportMail = { agencyName: input.agencyName, inspectionMailId: visit.id, fileName: input.fileName };
  await answerWithFile(
    db,
    {
      to: inspecting.id,
      answering: visit.id,
      kind: "inspection-report",
      payload: inspectionReportMail.parse(payload),
      file: { fileName: input.fileName, bytes: input.bytes },
      reminderKey: `mail:${visit.id}:notice`,
      action: "visit.cross-agency-report",
    },
    context,
  );
  return { kind: "sent", to: inspecting.name };
}

/** The inspecting agency takes the report in: the team that visits, and the secretariat, are told where to get the file. */
export async function receiveInspectionReport(tx: Database, mail: ReceivedMail<unknown>, context: ServiceContext): Promise<void> {
  const report = mail.payload as InspectionReportMail;
  const visit = await mailOf(tx, report.inspectionMailId, "inspection", inspectionMail);
  if (!visit) return;
  const readers = [...new Set([...visit.payload.teamPersonIds, ...(await activeWithRole(tx, "secretariat"))])];
  const args = {
    agency: escapeHtml(report.agencyName),
    when: formatDateTime(new Date(visit.payload.startsAt), context.timeZone),
    file: escapeHtml(report.fileName),
    id: mail.id,
  };
  await enqueue(
    tx,
    noticeToEach(readers, {
      key: `mail:${mail.id}:report`,
      kind: "visit-report",
      at: context.clock(),
      text: (locale) => context.translate(locale, "cluster-report-received", args),
    }),
  );
}

/** Who may take a received mail's files: the secretariat and leadership; an inspection report's team too. */
export async function mayTakeFiles(db: Database, mail: { kind: string; payload: unknown }, person: { id: number; roles: readonly string[] }): Promise<boolean> {
  if (person.roles.includes("secretariat") || person.roles.includes("leader")) return true;
  if (mail.kind !== "inspection-report") return false;
  const report = inspectionReportMail.safeParse(mail.payload);
  const visit = report.success ? await mailOf(db, report.data.inspectionMailId, "inspection", inspectionMail) : undefined;
  return visit?.payload.teamPersonIds.includes(person.id) ?? false;
}
