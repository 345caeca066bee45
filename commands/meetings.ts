import { Composer } from "grammy";
import * as z from "zod";
import type { Context } from "../src/bot/context.js";
import { formatDateTime, isWorkingDay, localDay, parseLocalDateTime } from "../src/domain/calendar.js";
import { normalizeName } from "../src/domain/text.js";
import { type CouncilTold, changeMeeting, meetingsWithoutDate, scheduleMeeting, upcomingMeetings } from "../src/services/meetings.js";
import { loadHolidays } from "../src/services/rules/index.js";
import { allowed } from "./guard.js";
import { serviceContextOf } from "./service-context.js";

/** Council meetings (họp Hội đồng TĐKT): the secretariat records them, members get reminders. */
export const meetingsCommand = new Composer<Context>();

const meetingArguments = z
  .string()
  .transform((text) => text.split("|").map((part) => normalizeName(part)))
  .pipe(z.tuple([z.string().min(1), z.string().min(1).max(200), z.string().min(1).max(1000)]));

/**
 * /meeting dd/mm/yyyy HH:mm | place | agenda — records a meeting and announces it;
 * /meeting move <id> dd/mm/yyyy HH:mm [| place] and /meeting cancel <id> change it, with notice.
 */
meetingsCommand.command("meeting", allowed("meeting"), async (ctx) => {
  const zone = ctx.services.config.displayTimeZone;
  const context = serviceContextOf(ctx);
  const change = /^(move|doi|dời|cancel|huy|hủy)\s+(\d{1,9})\s*(.*)$/iu.exec(ctx.match.trim());
  if (change) {
    const meetingId = Number(change[2]);
    if (/^(cancel|huy|hủy)$/iu.test(change[1] ?? "")) {
      const done = await changeMeeting(ctx.services.db, { meetingId, to: null }, context);
      if (done.kind === "not-found") return ctx.say("meeting-not-found", { id: meetingId });
      return ctx.reply([ctx.translateHtml("meeting-cancelled-done", { id: meetingId }), councilTold(ctx, done.council)].join("\n"), { parse_mode: "HTML" });
    }
    const [when = "", place] = (change[3] ?? "").split("|").map((part) => normalizeName(part));
    const moment = await momentOf(ctx, when);
    if (!moment) return;
    const done = await changeMeeting(ctx.services.db, { meetingId, to: { startsAt: moment, ...(place ? { place } : {}) } }, context);
    if (done.kind === "not-found") return ctx.say("meeting-not-found", { id: meetingId });
    return ctx.reply(
      [
        ctx.translateHtml("meeting-moved-done", { id: meetingId, when: formatDateTime(moment, zone) }),
        councilTold(ctx, done.council),
        ...(await dayOffWarning(ctx, moment)),
      ].join("\n"),
      {
        parse_mode: "HTML",
      },
    );
  }
  const parsed = meetingArguments.safeParse(ctx.match);
  if (!parsed.success) return ctx.say("meeting-usage");
  const [when, place, agenda] = parsed.data;
  const moment = await momentOf(ctx, when);
  if (!moment) return;
  const { id, council } = await scheduleMeeting(ctx.services.db, { startsAt: moment, place, agenda }, context);
  await ctx.reply(
    [
      ctx.translateHtml("meeting-saved", { id, when: formatDateTime(moment, zone), place, agenda }),
      councilTold(ctx, council),
      ...(await dayOffWarning(ctx, moment)),
    ].join("\n"),
    {
      parse_mode: "HTML",
    },
  );
});

/** Who of the council was told, as it happened: how many, who could not be reached, or that there is no council yet. */
function councilTold(ctx: Context, council: CouncilTold): string {
  if (council.told + council.unreached === 0) return ctx.translateHtml("council-none-told");
  return ctx.translateHtml("council-told", { told: council.told, unreached: council.unreached });
}

/** The moment typed, or undefined once the user has been told why it cannot be one. */
async function momentOf(ctx: Context, when: string): Promise<Date | undefined> {
  const zone = ctx.services.config.displayTimeZone;
  const moment = parseLocalDateTime(when, zone);
  if ("error" in moment) {
    await ctx.say(moment.error === "date-invalid" ? "meeting-date-invalid" : "meeting-usage", { value: when });
    return undefined;
  }
  if (moment.at <= ctx.services.clock()) {
    await ctx.say("meeting-in-past", { when: formatDateTime(moment.at, zone) });
    return undefined;
  }
  return moment.at;
}

/** Accepted, but said: a meeting on a Sunday or a holiday is usually a typo. */
async function dayOffWarning(ctx: Context, at: Date): Promise<string[]> {
  const day = localDay(at, ctx.services.config.displayTimeZone);
  return isWorkingDay(day, await loadHolidays(ctx.services.db, at)) ? [] : [ctx.translateHtml("meeting-day-off")];
}

meetingsCommand.command("meetings", allowed("meetings"), async (ctx) => {
  const zone = ctx.services.config.displayTimeZone;
  const upcoming = await upcomingMeetings(ctx.services.db, ctx.services.clock());
  const undated = await meetingsWithoutDate(ctx.services.db, localDay(ctx.services.clock(), zone), zone);
  if (upcoming.length + undated.length === 0) return ctx.say("meetings-none");
  const lines = upcoming.map((meeting) =>
    ctx.translateHtml("meetings-line", { id: meeting.id, when: formatDateTime(meeting.startsAt, zone), place: meeting.place, agenda: meeting.agenda }),
  );
  // What plans schedule by month and nobody has dated yet.
  for (const draft of undated)
    lines.push(ctx.translateHtml("meetings-undated-line", { month: `${String(draft.month).padStart(2, "0")}/${draft.year}`, title: draft.title }));
  await ctx.reply([ctx.translateHtml("meetings-header"), ...lines].join("\n"), { parse_mode: "HTML" });
});
