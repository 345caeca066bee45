import { Composer, InputFile } from "grammy";
import type { Context } from "../src/bot/context.js";
import { localDay, formatDate } from "../src/domain/calendar.js";
import { foldForMatching } from "../src/domain/text.js";
import { UserError } from "../src/domain/user-error.js";
import { agencyName } from "../src/services/rules/index.js";
import { botNames } from "../src/services/platform/index.js";
import { type InviteScope, unitByCode, inviteSheetName, inviteSheets, linkingByUnit } from "../src/services/invites/index.js";
import { actorOf, translatorOf } from "./service-context.js";
import { allowed } from "./guard.js";

/**
 * /invite UNIT | tất cả | STAFF… [mới]: the invite sheets — the .xlsx list and the .docx slips to
 * cut out — for a unit's or everyone's people not linked yet, or for the people named. Codes
 * already handed out and still valid are given again; "mới" voids them and issues new ones.
 */
export const inviteCommand = new Composer<Context>();

inviteCommand.command("invite", allowed("invite"), async (ctx) => {
  const words = ctx.match.trim().split(/\s+/).filter(Boolean);
  const fresh = words.length > 0 && /^(moi|new)$/.test(foldForMatching(words[words.length - 1] ?? ""));
  const targets = fresh ? words.slice(0, -1) : words;
  if (targets.length === 0) return showUsage(ctx);
  const scope = await scopeOf(ctx, targets);
  await ctx.say("invite-making");
  try {
    const { db, clock, config } = ctx.services;
    const result = await inviteSheets(db, scope, {
      clock,
      actor: actorOf(ctx),
      fresh,
      formats: ["xlsx", "docx"],
      names: await botNames(config, ctx.services.platform === "telegram" ? { telegram: ctx.me.username } : {}),
      translate: translatorOf(ctx),
      locale: "vi",
      timeZone: config.displayTimeZone,
      agency: await agencyName(db, config.agencyName),
    });
    if (result.unknown.length > 0) await ctx.say("invite-unknown-staff", { code: result.unknown.join(", ") });
    if (result.issued.length === 0) return ctx.say("invite-nobody");
    const reused = result.issued.filter((invite) => invite.reused).length;
    const day = localDay(clock(), config.displayTimeZone);
    const caption = ctx.translateHtml("invite-sheet-caption", {
      count: result.issued.length,
      created: result.issued.length - reused,
      reused,
      revoked: result.revoked,
      date: formatDate(result.issued[0]?.expiresAt ?? clock(), config.displayTimeZone),
    });
    for (const file of result.files) {
      await ctx.replyWithDocument(new InputFile(file.bytes, inviteSheetName(scope, file.format, day)), {
        caption: file.format === "xlsx" ? caption : ctx.translateHtml("invite-slips-caption"),
        parse_mode: "HTML",
      });
    }
  } catch (error) {
    if (error instanceof UserError) return ctx.say(error.key, error.args);
    throw error;
  }
});

/** A unit code, "tất cả", or staff codes. */
async function scopeOf(ctx: Context, targets: string[]): Promise<InviteScope> {
  if (/^(tat ca|all|ca co quan)$/.test(foldForMatching(targets.join(" ")))) return { kind: "all" };
  const unit = targets.length === 1 ? await unitByCode(ctx.services.db, targets[0] ?? "") : undefined;
  return unit ? { kind: "unit", unitCode: unit.code } : { kind: "people", staffCodes: targets };
}

async function showUsage(ctx: Context) {
  const units = await linkingByUnit(ctx.services.db);
  const lines = [ctx.translateHtml("invite-usage")];
  for (const unit of units) lines.push(ctx.translateHtml("invite-unit-line", { code: unit.code, unit: unit.name, unlinked: unit.unlinked, staff: unit.staff }));
  await ctx.reply(lines.join("\n"), { parse_mode: "HTML" });
}
