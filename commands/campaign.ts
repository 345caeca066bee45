import { Composer } from "grammy";
import * as z from "zod";
import type { Context } from "../src/bot/context.js";
import { atLocal, formatDate, localDay, nextSendableMoment, parseLocalDateTime } from "../src/domain/calendar.js";
import { parseCampaignLaunch } from "../src/domain/campaigns.js";
import { extendCampaign, campaignOfYear, launchCampaign } from "../src/services/campaigns/index.js";
import { loadHolidays } from "../src/services/rules/index.js";
import { serviceContextOf, registrationYear } from "./service-context.js";
import { allowed } from "./guard.js";

/** The year's campaign (phát động phong trào): launched once, its deadline extended as its own act. */
export const campaignCommand = new Composer<Context>();

/** /campaign dd/mm/yyyy Title — launches this year's campaign with that registration deadline. */
campaignCommand.command("campaign", allowed("campaign"), async (ctx) => {
  const zone = ctx.services.config.displayTimeZone;
  const launch = parseCampaignLaunch(ctx.match, { now: ctx.services.clock(), timeZone: zone, usageKey: "campaign-usage" });
  if ("key" in launch) return ctx.say(launch.key, launch.args);
  // Launched already: moving the deadline is an extension, which tells those it concerns.
  const existing = await campaignOfYear(ctx.services.db, launch.year);
  if (existing) return ctx.say("campaign-exists", { title: existing.title, deadline: formatDate(existing.deadlineAt, zone) });
  await launchCampaign(ctx.services.db, launch, serviceContextOf(ctx));
  await ctx.say("campaign-saved", { year: String(launch.year), title: launch.title, deadline: formatDate(launch.deadlineAt, zone) });
});

const extendArgument = z.string().trim().min(8).max(10);

/** /extend dd/mm/yyyy — gia hạn: moves this year's deadline and tells everyone not registered yet. */
campaignCommand.command("extend", allowed("extend"), async (ctx) => {
  const zone = ctx.services.config.displayTimeZone;
  const now = ctx.services.clock();
  const given = extendArgument.safeParse(ctx.match);
  const day = given.success ? parseLocalDateTime(given.data, zone, "00:00") : { error: "usage" };
  if ("error" in day) return ctx.say("extend-usage");
  // The deadline is the end of that day, as at launch.
  const deadlineAt = atLocal(localDay(day.at, zone), "23:59:59", zone);
  if (deadlineAt <= now) return ctx.say("extend-past");
  const result = await extendCampaign(
    ctx.services.db,
    { year: await registrationYear(ctx), deadlineAt },
    { ...serviceContextOf(ctx), notBefore: nextSendableMoment(now, await loadHolidays(ctx.services.db, now), zone) },
  );
  if (result.kind === "none") return ctx.say("extend-no-campaign");
  await ctx.say("extend-done", { title: result.campaign.title, deadline: formatDate(deadlineAt, zone), count: result.told });
});
