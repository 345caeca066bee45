import { Composer } from "grammy";
import { z } from "zod";
import type { Context } from "../src/bot/context.js";
import { formatDateTime, localDay, parseLocalDateTime } from "../src/domain/calendar.js";
import { normalizeName } from "../src/domain/text.js";
import { meetingsWithoutDate, scheduleMeeting, upcomingMeetings } from "../src/services/meetings.js";
import { allowed } from "./guard.js";
import { actorOf } from "./actor.js";

/** Council meetings (họp Hội đồng TĐKT): the secretariat records them, members get reminders. */
export const meetingsCommand = new Composer<Context>();

const meetingArguments = z
  .string()
  .transform((text) => text.split("|").map((part) => normalizeName(part)))
  .pipe(z.tuple([z.string().min(1), z.string().min(1).max(200), z.string().min(1).max(1000)]));

meetingsCommand.command("meeting", allowed("meeting"), async (ctx) => {
  const parsed = meetingArguments.safeParse(ctx.match);
  if (!parsed.success) return ctx.say("meeting-usage");
  const [when, place, agenda] = parsed.data;
  const zone = ctx.services.config.displayTimeZone;
  const moment = parseLocalDateTime(when, zone);
  if ("error" in moment) return ctx.say(moment.error === "date-invalid" ? "meeting-date-invalid" : "meeting-usage", { value: when });
  if (moment.at <= ctx.services.clock()) return ctx.say("meeting-in-past", { when: formatDateTime(moment.at, zone) });
  await scheduleMeeting(
    ctx.services.db,
    { startsAt: moment.at, place, agenda },
    {
      clock: ctx.services.clock,
      actor: actorOf(ctx),
    },
  );
  await ctx.say("meeting-saved", { when: formatDateTime(moment.at, zone), place, agenda });
});

meetingsCommand.command("meetings", allowed("meetings"), async (ctx) => {
  const zone = ctx.services.config.displayTimeZone;
  const upcoming = await upcomingMeetings(ctx.services.db, ctx.services.clock());
  const undated = await meetingsWithoutDate(ctx.services.db, localDay(ctx.services.clock(), zone), zone);
  if (upcoming.length + undated.length === 0) return ctx.say("meetings-none");
  const lines = upcoming.map((meeting) =>
    ctx.th("meetings-line", { when: formatDateTime(meeting.startsAt, zone), place: meeting.place, agenda: meeting.agenda }),
  );
  // What plans schedule by month and nobody has dated yet.
  for (const draft of undated)
    lines.push(ctx.th("meetings-undated-line", { month: `${String(draft.month).padStart(2, "0")}/${draft.year}`, title: draft.title }));
  await ctx.reply([ctx.th("meetings-header"), ...lines].join("\n"), { parse_mode: "HTML" });
});
