import { Composer, InlineKeyboard } from "grammy";
import type { Context } from "../src/bot/context.js";
import { formatDate, localDay, quarterOfDay } from "../src/domain/calendar.js";
import { noteLatestDone, progressByUnit, setTaskDone, tasksOfUnit } from "../src/services/tasks.js";
import { ACTIONS } from "../src/domain/button-actions.js";
import { allowed, onButton } from "./guard.js";
import { actorOf } from "./actor.js";

export const tasksCommand = new Composer<Context>();

function currentQuarter(ctx: Context) {
  const today = localDay(ctx.services.clock(), ctx.services.config.displayTimeZone);
  return { year: Number(today.slice(0, 4)), quarter: quarterOfDay(today) };
}

tasksCommand.command("tasks", allowed("tasks"), async (ctx) => {
  const person = ctx.identity.person;
  if (!person) return;
  const { year, quarter } = currentQuarter(ctx);
  if (ctx.match.trim().toLowerCase() === "all" || !person.roles.includes("head")) {
    if (!person.roles.includes("secretariat") && !person.roles.includes("admin")) return ctx.say("tasks-no-unit");
    return showProgress(ctx, year);
  }
  await showUnitTasks(ctx, year, quarter);
});

async function showUnitTasks(ctx: Context, year: number, quarter: number) {
  const person = ctx.identity.person;
  if (!person) return;
  const zone = ctx.services.config.displayTimeZone;
  const tasks = await tasksOfUnit(ctx.services.db, person.unitId, year, quarter);
  if (tasks.length === 0) return ctx.say("tasks-none", { unit: person.unitName, quarter, year: String(year) });
  const keyboard = new InlineKeyboard();
  const lines = tasks.map((task, index) => {
    if (index > 0 && index % 3 === 0) keyboard.row();
    keyboard.text(
      ctx.t(task.doneAt ? "tasks-button-reopen" : "tasks-button-done", { number: task.number }),
      (task.doneAt ? ACTIONS.taskReopen : ACTIONS.taskDone).encode(task.taskId),
    );
    return ctx.th(task.doneAt ? "reminder-task-line-done" : "reminder-task-line", {
      number: task.number,
      quarter: task.quarter,
      content: task.content.replace(/\n/g, " "),
      due: formatDate(task.dueAt, zone),
      role: ctx.t(`tasks-role-${task.role}`),
    });
  });
  await ctx.reply([ctx.th("tasks-header", { quarter, year: String(year), unit: person.unitName }), ...lines].join("\n"), {
    parse_mode: "HTML",
    reply_markup: keyboard,
  });
}

async function showProgress(ctx: Context, year: number) {
  const progress = await progressByUnit(ctx.services.db, year);
  if (progress.length === 0) return ctx.say("tasks-all-none", { year: String(year) });
  const cell = (q: { done: number; total: number }) => (q.total === 0 ? "—" : `${q.done}/${q.total}`);
  const lines = progress.map((unit) =>
    ctx.th("tasks-all-line", {
      unit: unit.unitName,
      q1: cell(unit.quarters[0] ?? { done: 0, total: 0 }),
      q2: cell(unit.quarters[1] ?? { done: 0, total: 0 }),
      q3: cell(unit.quarters[2] ?? { done: 0, total: 0 }),
      q4: cell(unit.quarters[3] ?? { done: 0, total: 0 }),
    }),
  );
  await ctx.reply([ctx.th("tasks-all-header", { year: String(year) }), ...lines].join("\n"), { parse_mode: "HTML" });
}

for (const [action, button] of [
  ["done", ACTIONS.taskDone],
  ["reopen", ACTIONS.taskReopen],
] as const) {
  onButton(tasksCommand, button, async (ctx, [taskId]) => {
    const person = ctx.identity.person;
    if (!person) return ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
    // A head acts for their own unit only; the task id alone cannot reach another unit's share.
    const result = await setTaskDone(
      ctx.services.db,
      { taskId, unitId: person.unitId, personId: person.id, done: action === "done" },
      { clock: ctx.services.clock, actor: actorOf(ctx) },
    );
    if (result.kind === "not-yours") return ctx.answerCallbackQuery({ text: ctx.t("tasks-not-yours") });
    await ctx.answerCallbackQuery();
    await ctx.say(action === "done" ? "tasks-marked-done" : "tasks-reopened", {
      quarter: result.task.quarter,
      number: result.task.number,
      content: result.task.content.replace(/\n/g, " "),
    });
  });
}

tasksCommand.command("note", allowed("note"), async (ctx) => {
  const person = ctx.identity.person;
  if (!person) return;
  const note = ctx.match.trim().slice(0, 1000);
  if (!note) return ctx.say("tasks-note-empty");
  const noted = await noteLatestDone(ctx.services.db, person.id, note, { clock: ctx.services.clock, actor: actorOf(ctx) });
  if (!noted) return ctx.say("tasks-note-nothing");
  await ctx.say("tasks-note-saved", { quarter: noted.quarter, number: noted.number });
});
