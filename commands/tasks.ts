import { Composer, InlineKeyboard } from "grammy";
import type { Context } from "../src/bot/context.js";
import { formatDate, localDay, quarterOfDay } from "../src/domain/calendar.js";
import { noteLatestDone, progressByUnit, setTaskDone, tasksOfUnit, type UnitTask } from "../src/services/plans/index.js";
import * as z from "zod";
import { foldForMatching } from "../src/domain/text.js";
import { ACTIONS } from "../src/domain/button-actions.js";
import { allowed, onButton } from "./guard.js";
import { serviceContextOf } from "./service-context.js";

export const tasksCommand = new Composer<Context>();

function currentQuarter(ctx: Context) {
  const today = localDay(ctx.services.clock(), ctx.services.config.displayTimeZone);
  return { year: Number(today.slice(0, 4)), quarter: quarterOfDay(today) };
}

// What a list shows, as its buttons carry it so that a press refreshes that same list: "now" (this
// quarter and whatever is overdue from before), "late" (overdue only), "2024-1" (one quarter).
const viewCode = z.union([z.literal("now"), z.literal("late"), z.string().regex(/^20\d\d-[1-4]$/)]);
type ViewCode = z.output<typeof viewCode>;

/** "/tasks", "/tasks 2", "/tasks quý 2", "/tasks quá hạn": the view asked for, or undefined for "all". */
function viewOf(ctx: Context, words: string): ViewCode | "all" | undefined {
  const folded = foldForMatching(words);
  if (folded === "") return "now";
  if (folded === "all" || folded === "tat ca") return "all";
  if (/^(qua han|tre han|overdue|late)$/.test(folded)) return "late";
  const quarter = /^(?:q|quy\s*)?([1-4]|iv|i{1,3})(?:\s*\/\s*(20\d\d))?$/.exec(folded);
  if (!quarter) return undefined;
  const number = { i: 1, ii: 2, iii: 3, iv: 4 }[quarter[1] ?? ""] ?? Number(quarter[1]);
  return `${quarter[2] ?? currentQuarter(ctx).year}-${number}`;
}

tasksCommand.command("tasks", allowed("tasks"), async (ctx) => {
  const person = ctx.identity.person;
  if (!person) return;
  const view = viewOf(ctx, ctx.match.trim());
  if (view === undefined) return ctx.say("tasks-usage");
  if (view === "all" || !person.roles.includes("head")) {
    if (!person.roles.includes("secretariat") && !person.roles.includes("admin")) return ctx.say("tasks-no-unit");
    return showProgress(ctx, currentQuarter(ctx).year);
  }
  const shown = await renderTasks(ctx, view);
  await ctx.reply(shown.text, { parse_mode: "HTML", ...(shown.keyboard ? { reply_markup: shown.keyboard } : {}) });
});

/** The list a view shows of the head's unit, with a done or reopen button per task. */
async function renderTasks(ctx: Context, view: ViewCode): Promise<{ text: string; keyboard?: InlineKeyboard }> {
  const person = ctx.identity.person;
  if (!person) return { text: "" };
  const zone = ctx.services.config.displayTimeZone;
  const { db, clock } = ctx.services;
  const current = currentQuarter(ctx);
  const [year, quarter] = view === "now" || view === "late" ? [current.year, current.quarter] : view.split("-").map(Number);
  const sections: { header: string; tasks: UnitTask[] }[] = [];
  const period = { year: year ?? current.year, quarter: quarter ?? current.quarter };
  // "now" adds what is overdue from earlier quarters (it can still be marked done): one query for both.
  const found =
    view === "now"
      ? await tasksOfUnit(db, person.unitId, { kind: "quarter-and-overdue", ...period, now: clock() })
      : await tasksOfUnit(db, person.unitId, view === "late" ? { kind: "overdue", now: clock() } : { kind: "quarter", ...period });
  const inPeriod = (task: UnitTask) => task.year === period.year && task.quarter === period.quarter;
  if (view !== "late")
    sections.push({
      header: ctx.translateHtml("tasks-header", { quarter: period.quarter, year: String(period.year), unit: person.unitName }),
      tasks: found.filter(inPeriod),
    });
  if (view === "now" || view === "late") {
    const late = view === "late" ? found : found.filter((task) => !inPeriod(task));
    if (late.length > 0 || view === "late")
      sections.push({ header: ctx.translateHtml("tasks-overdue-header", { unit: person.unitName, count: late.length }), tasks: late });
  }
  const all = sections.flatMap((section) => section.tasks);
  if (all.length === 0) {
    return {
      text:
        view === "late"
          ? ctx.translateHtml("tasks-overdue-none", { unit: person.unitName })
          : ctx.translateHtml("tasks-none", { unit: person.unitName, quarter: quarter ?? 0, year: String(year) }),
    };
  }
  const keyboard = new InlineKeyboard();
  all.forEach((task, index) => {
    if (index > 0 && index % 3 === 0) keyboard.row();
    const number = `Q${task.quarter}.${task.number}`;
    // A report is done by sending its file; anything else by saying so.
    if (!task.doneAt && task.needsReport) keyboard.text(ctx.t("task-report-button-send", { number }), ACTIONS.taskReport.encode(task.taskId));
    else
      keyboard.text(
        ctx.t(task.doneAt ? "tasks-button-reopen" : "tasks-button-done", { number }),
        (task.doneAt ? ACTIONS.taskReopen : ACTIONS.taskDone).encode(task.taskId, view),
      );
  });
  const lines = sections.flatMap((section) => [
    section.header,
    ...section.tasks.flatMap((task) => [
      ctx.translateHtml(task.doneAt ? "reminder-task-line-done" : "reminder-task-line", {
        number: task.number,
        quarter: task.quarter,
        content: task.content.replace(/\n/g, " "),
        due: formatDate(task.dueAt, zone),
        role: ctx.t(`tasks-role-${task.role}`),
      }),
      ...(task.note ? [ctx.translateHtml("tasks-note-line", { note: task.note })] : []),
    ]),
  ]);
  return { text: lines.join("\n"), keyboard };
}

async function showProgress(ctx: Context, year: number) {
  const progress = await progressByUnit(ctx.services.db, year);
  if (progress.length === 0) return ctx.say("tasks-all-none", { year: String(year) });
  const cell = (q: { done: number; total: number }) => (q.total === 0 ? "—" : `${q.done}/${q.total}`);
  const lines = progress.map((unit) =>
    ctx.translateHtml("tasks-all-line", {
      unit: unit.unitName,
      q1: cell(unit.quarters[0] ?? { done: 0, total: 0 }),
      q2: cell(unit.quarters[1] ?? { done: 0, total: 0 }),
      q3: cell(unit.quarters[2] ?? { done: 0, total: 0 }),
      q4: cell(unit.quarters[3] ?? { done: 0, total: 0 }),
    }),
  );
  await ctx.reply([ctx.translateHtml("tasks-all-header", { year: String(year) }), ...lines].join("\n"), { parse_mode: "HTML" });
}

for (const [action, button] of [
  ["done", ACTIONS.taskDone],
  ["reopen", ACTIONS.taskReopen],
] as const) {
  onButton(tasksCommand, button, async (ctx, [taskId, code]) => {
    const person = ctx.identity.person;
    const view = viewCode.safeParse(code);
    if (!person || !view.success) return ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
    // A head acts for their own unit only; the task id alone cannot reach another unit's share.
    const result = await setTaskDone(ctx.services.db, { taskId, unitId: person.unitId, personId: person.id, done: action === "done" }, serviceContextOf(ctx));
    if (result.kind === "not-yours") return ctx.answerCallbackQuery({ text: ctx.t("tasks-not-yours") });
    await ctx.answerCallbackQuery({
      text: ctx.t(action === "done" ? "tasks-marked-done" : "tasks-reopened", { quarter: result.task.quarter, number: result.task.number }),
    });
    // The list (or the reminder) the button was on shows the new state where it is.
    const shown = await renderTasks(ctx, view.data);
    await ctx.editMessageText(shown.text, { parse_mode: "HTML", ...(shown.keyboard ? { reply_markup: shown.keyboard } : {}) });
  });
}

tasksCommand.command("note", allowed("note"), async (ctx) => {
  const person = ctx.identity.person;
  if (!person) return;
  const note = ctx.match.trim().slice(0, 1000);
  if (!note) return ctx.say("tasks-note-empty");
  const noted = await noteLatestDone(ctx.services.db, person.id, note, serviceContextOf(ctx));
  if (!noted) return ctx.say("tasks-note-nothing");
  await ctx.say("tasks-note-saved", { quarter: noted.quarter, number: noted.number });
});
