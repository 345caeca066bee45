import { thresholdInWords } from "../src/domain/ballots.js";
import { Composer } from "grammy";
import * as z from "zod";
import type { Context } from "../src/bot/context.js";
import { agencyName, agencyRules, agencySetting, saveAgencySetting, catalogueOn } from "../src/services/rules/index.js";
import { localDay } from "../src/domain/calendar.js";
import { serviceContextOf } from "./service-context.js";
import { allowed } from "./guard.js";

/**
 * /rule: the agency's own rules on top of the national set (its quy chế), which the secretariat
 * sets in chat, each with the document it comes from:
 *   /rule                                     what is in force
 *   /rule agency <name>                       the name printed on lists
 *   /rule initiative <TITLE> <source>|off     the title needs an initiative or research as its basis
 *   /rule cap <TITLE> <OF_TITLE> <percent> <source>|off   a ratio cap, warned about, never enforced
 *   /rule threshold <TITLE> <percent> <source>|off   the council's agreement a title needs
 *   /rule quorum <percent> <source>|off       the share of the council that must vote
 *   /rule unitvote <percent> <source>|off     the share of a unit's members its bình xét needs (else more than half)
 */
export const rulesCommand = new Composer<Context>();

const code = z
  .string()
  .regex(/^[A-Za-z0-9_]{2,24}$/)
  .transform((text) => text.toUpperCase());
const source = z.string().trim().min(3).max(200);
const percent = z.coerce.number().int().min(1).max(100);

rulesCommand.command("rule", allowed("rule"), async (ctx) => {
  const [verb = "", ...words] = ctx.match.trim().split(/\s+/).filter(Boolean);
  const db = ctx.services.db;
  const context = serviceContextOf(ctx);
  const rules = await agencyRules(db);
  const catalogue = await catalogueOn(db, localDay(ctx.services.clock(), ctx.services.config.displayTimeZone));
  const known = (titleCode: string) => catalogue.titles.some((title) => title.code === titleCode);
  if (verb === "") {
    const lines = [
      ctx.translateHtml("rule-header", { agency: (await agencyName(db, ctx.services.config.agencyName)) || "—", national: catalogue.sourceDocument }),
    ];
    for (const rule of rules.initiativeRequired) lines.push(ctx.translateHtml("rule-initiative-line", { title: rule.titleCode, source: rule.source }));
    for (const cap of rules.caps)
      lines.push(ctx.translateHtml("rule-cap-line", { title: cap.titleCode, of: cap.ofTitleCode, percent: cap.maxPercent, source: cap.source }));
    for (const rule of rules.councilThresholds)
      lines.push(ctx.translateHtml("rule-threshold-line", { title: rule.titleCode, percent: rule.percent, source: rule.source }));
    if (rules.councilQuorum) lines.push(ctx.translateHtml("rule-quorum-line", { percent: rules.councilQuorum.percent, source: rules.councilQuorum.source }));
    if (rules.unitVote) lines.push(ctx.translateHtml("rule-unitvote-line", { percent: rules.unitVote.percent, source: rules.unitVote.source }));
    if (rules.initiativeRequired.length + rules.caps.length + rules.councilThresholds.length === 0 && !rules.councilQuorum && !rules.unitVote)
      lines.push(ctx.translateHtml("rule-none"));
    lines.push(
      ctx.translateHtml("rule-council-national", {
        thresholds: catalogue.titles.map((title) => `${title.code} ${thresholdInWords(title.councilThresholdPercent)}`).join(", "),
        quorum: catalogue.councilQuorumPercent === null ? "—" : `${catalogue.councilQuorumPercent}%`,
      }),
    );
    lines.push(ctx.translateHtml("rule-deputy-line", { role: ctx.t(`role-${(await agencySetting(db, "deputy-role")) ?? "staff"}`) }));
    return ctx.reply(lines.join("\n"), { parse_mode: "HTML" });
  }
  if (verb === "deputy") {
    // What a deputy head (phó trưởng phòng) is when a roster gives positions only.
    const role = z.enum(["head", "staff"]).safeParse(words[0]);
    if (!role.success) return ctx.say("rule-usage");
    await saveAgencySetting(db, "deputy-role", role.data, context);
    return ctx.say("rule-deputy-saved", { role: ctx.t(`role-${role.data}`) });
  }
  if (verb === "agency") {
    const name = z.string().trim().min(2).max(200).safeParse(words.join(" "));
    if (!name.success) return ctx.say("rule-usage");
    await saveAgencySetting(db, "agency-name", name.data, context);
    return ctx.say("rule-agency-saved", { agency: name.data });
  }
  if (verb === "quorum") {
    const off = words[0] === "off";
    const share = percent.safeParse(words[0] ?? "");
    const cited = source.safeParse(words.slice(1).join(" "));
    if (!off && (!share.success || !cited.success)) return ctx.say("rule-usage");
    const councilQuorum = off || !share.success || !cited.success ? null : { percent: share.data, source: cited.data };
    await saveAgencySetting(db, "rules", { ...rules, councilQuorum }, context);
    return ctx.say(councilQuorum ? "rule-quorum-saved" : "rule-quorum-off", { percent: councilQuorum?.percent ?? 0, source: councilQuorum?.source ?? "" });
  }
  if (verb === "unitvote") {
    const off = words[0] === "off";
    const share = z.coerce
      .number()
      .int()
      .min(51)
      .max(100)
      .safeParse(words[0] ?? "");
    const cited = source.safeParse(words.slice(1).join(" "));
    if (!off && (!share.success || !cited.success)) return ctx.say("rule-usage");
    const unitVote = off || !share.success || !cited.success ? null : { percent: share.data, source: cited.data };
    await saveAgencySetting(db, "rules", { ...rules, unitVote }, context);
    return ctx.say(unitVote ? "rule-unitvote-saved" : "rule-unitvote-off", { percent: unitVote?.percent ?? 0, source: unitVote?.source ?? "" });
  }
  const title = code.safeParse(words[0] ?? "");
  if (!title.success || !known(title.data)) return ctx.say("rule-usage");
  if (verb === "threshold") {
    const councilThresholds = rules.councilThresholds.filter((rule) => rule.titleCode !== title.data);
    const off = words[1] === "off";
    const share = percent.safeParse(words[1] ?? "");
    const cited = source.safeParse(words.slice(2).join(" "));
    if (!off && (!share.success || !cited.success)) return ctx.say("rule-usage");
    if (!off && share.success && cited.success) councilThresholds.push({ titleCode: title.data, percent: share.data, source: cited.data });
    await saveAgencySetting(db, "rules", { ...rules, councilThresholds }, context);
    return ctx.say(off ? "rule-threshold-off" : "rule-threshold-saved", {
      title: title.data,
      percent: share.success ? share.data : 0,
      source: cited.success ? cited.data : "",
    });
  }
  if (verb === "initiative") {
    const off = words[1] === "off";
    const cited = source.safeParse(words.slice(1).join(" "));
    if (!off && !cited.success) return ctx.say("rule-usage");
    const initiativeRequired = [
      ...rules.initiativeRequired.filter((rule) => rule.titleCode !== title.data),
      ...(off || !cited.success ? [] : [{ titleCode: title.data, source: cited.data }]),
    ];
    await saveAgencySetting(db, "rules", { ...rules, initiativeRequired }, context);
    return ctx.say(off ? "rule-initiative-off" : "rule-initiative-saved", { title: title.data, source: cited.success ? cited.data : "" });
  }
  if (verb === "cap") {
    const caps = rules.caps.filter((cap) => cap.titleCode !== title.data);
    if (words[1] === "off") {
      await saveAgencySetting(db, "rules", { ...rules, caps }, context);
      return ctx.say("rule-cap-off", { title: title.data });
    }
    const of = code.safeParse(words[1] ?? "");
    const max = percent.safeParse(words[2] ?? "");
    const cited = source.safeParse(words.slice(3).join(" "));
    if (!of.success || !known(of.data) || !max.success || !cited.success) return ctx.say("rule-usage");
    await saveAgencySetting(
      db,
      "rules",
      { ...rules, caps: [...caps, { titleCode: title.data, ofTitleCode: of.data, maxPercent: max.data, source: cited.data }] },
      context,
    );
    return ctx.say("rule-cap-saved", { title: title.data, of: of.data, percent: max.data, source: cited.data });
  }
  return ctx.say("rule-usage");
});
