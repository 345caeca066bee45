import { Composer } from "grammy";
import * as z from "zod";
import type { Context } from "../src/bot/context.js";
import { formatDate, localDay, parseLocalDateTime } from "../src/domain/calendar.js";
import { askForReports, reportRequests, sendUpwardReport } from "../src/services/province/index.js";
import { agencyName } from "../src/services/rules/index.js";
import { allowed } from "./guard.js";
import { replyLines } from "./long-reply.js";
import { serviceContextOf } from "./service-context.js";
import { offerUpload } from "./uploads.js";
import { onAnswerFile } from "./answer-files.js";

/**
 * Reports agencies send upward: the province (or the cluster's leader) asks with /upreport ask, each
 * agency sends its file with /upreport send N, and /upreport shows who has sent and who has not.
 */
export const upwardReportsCommand = new Composer<Context>();

const mailId = z.coerce.number().int().positive();

upwardReportsCommand.command("upreport", allowed("upreport"), async (ctx) => {
  const [verb = "", ...rest] = ctx.match.trim().split(/\s+/).filter(Boolean);
  const zone = ctx.services.config.displayTimeZone;
  if (verb === "") {
    const requests = await reportRequests(ctx.services.db);
    if (requests.length === 0) return ctx.say("upreport-none");
    return replyLines(
      ctx,
      requests.flatMap((request) => [
        ctx.translateHtml("upreport-status", {
          title: request.title,
          due: formatDate(new Date(`${request.due}T05:00:00Z`), zone),
          sent: request.sent.length,
          asked: request.sent.length + request.missing.length,
        }),
        ...request.sent.map((sent) => ctx.translateHtml("upreport-status-sent", { agency: sent.agency, id: sent.mailId })),
        ...(request.missing.length > 0 ? [ctx.translateHtml("upreport-status-missing", { agencies: request.missing.join(", ") })] : []),
      ]),
    );
  }
  if (verb === "ask") {
    // /upreport ask 15/06/2026 Báo cáo sơ kết 6 tháng đầu năm 2026
    const [dayText = "", ...title] = rest;
    const day = parseLocalDateTime(dayText, zone);
    if ("error" in day || title.length === 0) return ctx.say("upreport-usage");
    const asked = await askForReports(
      ctx.services.db,
      { title: title.join(" ").slice(0, 300), due: localDay(day.at, zone), agencyName: await agencyName(ctx.services.db, ctx.services.config.agencyName) },
      serviceContextOf(ctx),
    );
    if (asked.kind === "past") return ctx.say("upreport-past", { date: dayText });
    if (asked.kind === "nobody") return ctx.say("upreport-nobody");
    return ctx.say("upreport-asked-done", { count: asked.agencies.length, agencies: asked.agencies.join(", "), date: dayText });
  }
  if (verb === "send") {
    const id = mailId.safeParse(rest[0]);
    if (!id.success) return ctx.say("upreport-usage");
    return offerUpload(ctx, "upward-report", "upreport-send-file", { id: id.data, args: { id: id.data } });
  }
  return ctx.say("upreport-usage");
});

onAnswerFile(
  upwardReportsCommand,
  "upward-report",
  (ctx, file) => sendUpwardReport(ctx.services.db, { ...file, requestMailId: file.mailId }, serviceContextOf(ctx)),
  { sent: "upreport-sent", unknown: "upreport-unknown" },
);
