import { Composer, InputFile } from "grammy";
import * as z from "zod";
import type { Context } from "../src/bot/context.js";
import { formatDate, formatDateTime, parseLocalDateTime } from "../src/domain/calendar.js";
import {
  announceClusterEvent,
  clustersOf,
  receivedFiles,
  receivedProposals,
  scheduleCrossInspection,
  sendInspectionReport,
} from "../src/services/province/index.js";
import { agencyName } from "../src/services/rules/index.js";
import { allowed } from "./guard.js";
import { replyLines } from "./long-reply.js";
import { serviceContextOf, thisYear } from "./service-context.js";
import { offerUpload } from "./uploads.js";
import { onAnswerFile } from "./answer-files.js";

/**
 * The cluster (cụm, khối thi đua) in chat: /cluster lists its members and its leader; /cluster visit
 * schedules a cross-inspection of another member by this agency's team; /cluster report N sends the
 * inspected agency's report. /received shows what other agencies sent: proposals, reports, files.
 */
export const clusterCommand = new Composer<Context>();

const mailId = z.coerce.number().int().positive();
const TIME = /^\d{1,2}:\d{2}$/;

clusterCommand.command("cluster", allowed("cluster"), async (ctx) => {
  const [verb = "", ...rest] = ctx.match.trim().split(/\s+/).filter(Boolean);
  const zone = ctx.services.config.displayTimeZone;
  if (verb === "") {
    const clusters = await clustersOf(ctx.services.db, thisYear(ctx));
    if (clusters.length === 0) return ctx.say("cluster-none");
    return replyLines(
      ctx,
      clusters.flatMap((cluster) => [
        ctx.translateHtml("cluster-header", { name: cluster.name, code: cluster.code, count: cluster.members.length }),
        ...cluster.members.map((member) =>
          ctx.translateHtml(member.leads ? "cluster-member-leader" : "cluster-member", { name: member.name, code: member.code }),
        ),
      ]),
    );
  }
  if (verb === "visit") {
    // /cluster visit SNV 15/05/2026 08:30 T1 T2: the agency, the day and time, the team by staff codes.
    const [code = "", dayText = "", ...more] = rest;
    const timeText = TIME.test(more[0] ?? "") ? (more.shift() as string) : "08:00";
    if (!code || !dayText || more.length === 0) return ctx.say("cluster-usage");
    const moment = parseLocalDateTime(`${dayText} ${timeText}`, zone);
    if ("error" in moment) return ctx.say("meeting-date-invalid", { value: `${dayText} ${timeText}` });
    const result = await scheduleCrossInspection(
      ctx.services.db,
      { agencyCode: code, at: moment.at, teamCodes: more, agencyName: await agencyName(ctx.services.db, ctx.services.config.agencyName) },
      serviceContextOf(ctx),
    );
    if (result.kind === "refused") return ctx.say(result.refusal.key, result.refusal.args);
    return ctx.say("cluster-visit-done", {
      agency: result.visit.agency,
      when: formatDateTime(moment.at, zone),
      report: formatDate(result.visit.reportDue, zone),
      reached: result.visit.team.reached,
      size: result.visit.team.size,
    });
  }
  if (verb === "event") {
    // /cluster event 20/02/2026 08:30 Ký kết giao ước thi đua năm 2026: the cluster's leader of the year.
    const [dayText = "", ...more] = rest;
    const timeText = TIME.test(more[0] ?? "") ? (more.shift() as string) : "08:00";
    if (!dayText || more.length === 0) return ctx.say("cluster-usage");
    const moment = parseLocalDateTime(`${dayText} ${timeText}`, zone);
    if ("error" in moment) return ctx.say("meeting-date-invalid", { value: `${dayText} ${timeText}` });
    const announced = await announceClusterEvent(
      ctx.services.db,
      { title: more.join(" ").slice(0, 300), at: moment.at, agencyName: await agencyName(ctx.services.db, ctx.services.config.agencyName) },
      serviceContextOf(ctx),
    );
    if (announced.kind === "past") return ctx.say("visit-in-past");
    if (announced.kind === "not-leader") return ctx.say("cluster-event-not-leader");
    return ctx.say("cluster-event-done", {
      cluster: announced.cluster,
      count: announced.agencies,
      when: formatDateTime(moment.at, zone),
      title: more.join(" ").slice(0, 300),
    });
  }
  if (verb === "report") {
    const id = mailId.safeParse(rest[0]);
    if (!id.success) return ctx.say("cluster-usage");
    return offerUpload(ctx, "cluster-report", "cluster-report-send-file", { id: id.data, args: { id: id.data } });
  }
  return ctx.say("cluster-usage");
});

onAnswerFile(
  clusterCommand,
  "cluster-report",
  (ctx, file) => sendInspectionReport(ctx.services.db, { ...file, inspectionMailId: file.mailId }, serviceContextOf(ctx)),
  { sent: "cluster-report-sent", unknown: "cluster-visit-unknown" },
);

clusterCommand.command("received", allowed("received"), async (ctx) => {
  const person = ctx.identity.person;
  if (!person) return;
  const given = ctx.match.trim();
  if (given === "") {
    if (!person.roles.some((role) => role === "secretariat" || role === "leader")) return ctx.say("received-usage");
    const received = await receivedProposals(ctx.services.db);
    if (received.length === 0) return ctx.say("received-none");
    const zone = ctx.services.config.displayTimeZone;
    return replyLines(ctx, [
      ctx.translateHtml("received-header", { count: received.length }),
      ...received.map((mail) => ctx.translateHtml("received-line", { ...mail, year: String(mail.year), at: formatDate(mail.at, zone) })),
    ]);
  }
  const id = mailId.safeParse(given);
  if (!id.success) return ctx.say("received-usage");
  const found = await receivedFiles(ctx.services.db, id.data, person);
  if (found.kind === "unknown") return ctx.say("received-unknown", { id: id.data });
  if (found.kind === "not-allowed") return ctx.say("not-allowed", { command: "received" });
  if (found.files.length === 0) return ctx.say("received-no-files", { id: id.data });
  for (const file of found.files) await ctx.replyWithDocument(new InputFile(file.bytes, file.fileName));
});
