import { type CallbackQueryContext, Composer, InlineKeyboard } from "grammy";
import type { Context } from "../src/bot/context.js";
import { ACTIONS } from "../src/domain/button-actions.js";
import { atLocal, formatDate } from "../src/domain/calendar.js";
import { parseHolidayList } from "../src/domain/holiday-list.js";
import { COMMANDS, mayUse } from "../src/domain/roles.js";
import { UserError } from "../src/domain/user-error.js";
import { addHolidays, listHolidays } from "../src/services/rules/index.js";
import { loadPendingHolidays, storePendingHolidays } from "../src/services/documents/index.js";
import { readRosterBytes } from "../src/services/roster/index.js";
import { serviceContextOf, thisYear } from "./service-context.js";
import { allowed, onButton } from "./guard.js";
import { closePreview, offerUpload, receiveDocument, uploadIs } from "./uploads.js";

/**
 * /holidays: the days off the reminders skip. The secretariat adds them by typing lines after the
 * command ("16/02/2026 - 22/02/2026 Tết Nguyên đán") or by sending a list file; a preview first.
 */
export const holidaysCommand = new Composer<Context>();

const SHOWN = 40;

holidaysCommand.command("holidays", allowed("holidays"), async (ctx) => {
  const typed = ctx.match.trim();
  if (typed) return preview(ctx, typed.split(/\r?\n/), "chat");
  const zone = ctx.services.config.displayTimeZone;
  const year = String(thisYear(ctx));
  const upcoming = (await listHolidays(ctx.services.db, ctx.services.clock())).filter((holiday) => holiday.day >= `${year}-01-01`);
  const lines = [ctx.translateHtml("holidays-header", { year })];
  for (const holiday of upcoming.slice(0, SHOWN))
    lines.push(`• ${formatDate(atLocal(holiday.day, "12:00:00", zone), zone)} ${ctx.translateHtml("holidays-name", { name: holiday.name })}`);
  await ctx.reply(lines.join("\n"), { parse_mode: "HTML" });
  await offerUpload(ctx, "holidays", "holidays-help");
});

holidaysCommand.on("message:document", async (ctx, next) => {
  if (!mayUse(COMMANDS.holidays, ctx.identity.person?.roles ?? null) || !(await uploadIs(ctx, "holidays", /^$/))) return next();
  try {
    const { fileName, bytes } = await receiveDocument(ctx);
    const rows = await readRosterBytes(bytes, fileName);
    await preview(
      ctx,
      rows.map((row) => row.cells.join(" ")),
      fileName,
    );
  } catch (error) {
    if (error instanceof UserError) return ctx.say(error.key, error.args);
    throw error;
  }
});

async function preview(ctx: Context, lines: string[], source: string) {
  const list = parseHolidayList(lines);
  const zone = ctx.services.config.displayTimeZone;
  const text = [ctx.translateHtml("holidays-preview", { count: list.days.length, rejected: list.rejected.length })];
  for (const entry of list.days.slice(0, SHOWN))
    text.push(`• ${formatDate(atLocal(entry.day, "12:00:00", zone), zone)} ${ctx.translateHtml("holidays-name", { name: entry.name })}`);
  if (list.days.length > SHOWN) text.push(ctx.translateHtml("roster-preview-more", { count: list.days.length - SHOWN }));
  for (const line of list.rejected.slice(0, 10)) text.push(ctx.translateHtml("holidays-rejected", { line: line.line, text: line.text }));
  if (list.days.length === 0) return ctx.reply([...text, ctx.translateHtml("holidays-usage")].join("\n"), { parse_mode: "HTML" });
  const id = await storePendingHolidays(ctx.services.db, {
    chatAccountId: ctx.identity.accountId,
    sourceName: source,
    days: list.days,
    now: ctx.services.clock(),
  });
  await ctx.reply(text.join("\n"), {
    parse_mode: "HTML",
    reply_markup: new InlineKeyboard()
      .text(ctx.t("holidays-button-save", { count: list.days.length }), ACTIONS.holidaysSave.encode(id))
      .text(ctx.t("plan-button-cancel"), ACTIONS.holidaysCancel.encode(id)),
  });
}

for (const [choice, button] of [
  ["save", ACTIONS.holidaysSave],
  ["cancel", ACTIONS.holidaysCancel],
] as const) {
  onButton(holidaysCommand, button, (ctx, [pendingId]) => finish(ctx, pendingId, choice));
}

async function finish(ctx: CallbackQueryContext<Context>, pendingId: number, choice: "save" | "cancel") {
  const pending = await loadPendingHolidays(ctx.services.db, pendingId, ctx.identity.accountId, ctx.services.clock());
  if (!pending) return ctx.answerCallbackQuery({ text: ctx.t("plan-import-expired") });
  if (!(await closePreview(ctx, pending.id, choice))) return;
  const saved = await addHolidays(ctx.services.db, pending.days, serviceContextOf(ctx));
  await ctx.editMessageText(ctx.translateHtml("holidays-saved", { count: saved }), { parse_mode: "HTML" });
}
