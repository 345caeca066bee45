import { Composer, InlineKeyboard, InputFile } from "grammy";
import type { Context } from "../src/bot/context.js";
import { ACTIONS } from "../src/domain/button-actions.js";
import { formatDate, nextSendableMoment } from "../src/domain/calendar.js";
import { UserError } from "../src/domain/user-error.js";
import { loadHolidays } from "../src/services/rules/index.js";
import { openReports, remindMissingReports, reportArchive, reportStatus, submitTaskReport } from "../src/services/plans/index.js";
import { translatorOf, serviceContextOf, thisYear } from "./service-context.js";
import { allowed, onButton } from "./guard.js";
import { offerUpload, receiveDocument, uploadExpected } from "./uploads.js";

/**
 * Reports the plan asks units for: a head sends the file (/submit, or the button on the task;
 * Zalo: the upload link), which completes the unit's share; the secretariat follows them with
 * /reports — who has sent, who has not — takes every file in one archive and reminds the rest.
 */
export const taskReportsCommand = new Composer<Context>();

async function askForFile(ctx: Context, taskId: number) {
  const person = ctx.identity.person;
  const task = person && (await openReports(ctx.services.db, person.unitId)).find((entry) => entry.taskId === taskId);
  if (!task) return ctx.say("task-report-none");
  await offerUpload(ctx, "task-report", "task-report-send-file", {
    id: task.taskId,
    args: { quarter: task.quarter, number: task.number, content: task.content, due: formatDate(task.dueAt, ctx.services.config.displayTimeZone) },
  });
}

taskReportsCommand.command("submit", allowed("submit"), async (ctx) => {
  const person = ctx.identity.person;
  if (!person) return;
  const open = await openReports(ctx.services.db, person.unitId);
  const [only] = open;
  if (!only) return ctx.say("task-report-none");
  if (open.length === 1) return askForFile(ctx, only.taskId);
  const keyboard = new InlineKeyboard();
  for (const task of open.slice(0, 10))
    keyboard.text(ctx.t("task-report-button-send", { number: `Q${task.quarter}.${task.number}` }), ACTIONS.taskReport.encode(task.taskId)).row();
  await ctx.say("task-report-choose", { count: open.length }, { reply_markup: keyboard });
});

onButton(taskReportsCommand, ACTIONS.taskReport, async (ctx, [taskId]) => {
  await ctx.answerCallbackQuery();
  await askForFile(ctx, taskId);
});

taskReportsCommand.on("message:document", async (ctx, next) => {
  const person = ctx.identity.person;
  if (!person?.roles.includes("head")) return next();
  const expected = await uploadExpected(ctx);
  if (expected?.kind !== "task-report" || expected.detail === undefined) return next();
  try {
    const { fileName, bytes } = await receiveDocument(ctx);
    const task = await submitTaskReport(
      ctx.services.db,
      { taskId: expected.detail, unitId: person.unitId, personId: person.id, fileName: fileName || "bao-cao", bytes },
      serviceContextOf(ctx),
    );
    if (!task) return ctx.say("task-report-none");
    await ctx.say("task-report-received", { quarter: task.quarter, number: task.number, file: fileName });
  } catch (error) {
    if (error instanceof UserError) return ctx.say(error.key, error.args);
    throw error;
  }
});

taskReportsCommand.command("reports", allowed("reports"), async (ctx) => {
  const statuses = await reportStatus(ctx.services.db, thisYear(ctx));
  if (statuses.length === 0) return ctx.say("task-reports-none", { year: String(thisYear(ctx)) });
  const keyboard = new InlineKeyboard();
  const lines = [ctx.translateHtml("task-reports-header", { year: String(thisYear(ctx)) })];
  for (const status of statuses) {
    const number = `Q${status.quarter}.${status.number}`;
    lines.push(
      ctx.translateHtml("task-reports-line", {
        number,
        content: status.content.replace(/\n/g, " ").slice(0, 80),
        sent: status.sent.length,
        units: status.units,
        missing: status.missing.map((unit) => unit.name).join(", ") || "—",
      }),
    );
    if (status.sent.length > 0) keyboard.text(ctx.t("task-reports-button-archive", { number }), ACTIONS.reportArchive.encode(status.taskId));
    if (status.missing.length > 0) keyboard.text(ctx.t("task-reports-button-remind", { number }), ACTIONS.reportRemind.encode(status.taskId));
    keyboard.row();
  }
  await ctx.reply(lines.join("\n"), { parse_mode: "HTML", reply_markup: keyboard });
});

onButton(taskReportsCommand, ACTIONS.reportArchive, async (ctx, [taskId]) => {
  await ctx.answerCallbackQuery();
  const archive = await reportArchive(ctx.services.db, taskId);
  if (archive.files === 0) return ctx.say("task-reports-archive-empty");
  await ctx.replyWithDocument(new InputFile(archive.bytes, `bao-cao-nhiem-vu-${taskId}.zip`), {
    caption: ctx.translateHtml("task-reports-archive", { files: archive.files }),
    parse_mode: "HTML",
  });
});

onButton(taskReportsCommand, ACTIONS.reportRemind, async (ctx, [taskId]) => {
  await ctx.answerCallbackQuery();
  const now = ctx.services.clock();
  const zone = ctx.services.config.displayTimeZone;
  const told = await remindMissingReports(ctx.services.db, taskId, {
    now,
    notBefore: nextSendableMoment(now, await loadHolidays(ctx.services.db, now), zone),
    translate: translatorOf(ctx),
    year: thisYear(ctx),
  });
  await ctx.say("task-reports-reminded", { count: told });
});
