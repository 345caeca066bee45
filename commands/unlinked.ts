import { Composer } from "grammy";
import type { Context } from "../src/bot/context.js";
import { linkingByUnit, unlinkedPeople } from "../src/services/invites/index.js";
import { allowed } from "./guard.js";

/** /unlinked [UNIT]: who has not linked a chat yet — the agency's units for the secretariat, a head's own people. */
export const unlinkedCommand = new Composer<Context>();

const NAMES_SHOWN = 60;

unlinkedCommand.command("unlinked", allowed("unlinked"), async (ctx) => {
  const person = ctx.identity.person;
  if (!person) return;
  const units = await linkingByUnit(ctx.services.db);
  const wanted = ctx.match.trim().toUpperCase();
  const secretariat = person.roles.includes("secretariat");
  const unit = secretariat ? units.find((entry) => entry.code === wanted) : units.find((entry) => entry.unitId === person.unitId);
  if (!unit) {
    if (!secretariat) return ctx.say("unlinked-none", { unit: person.unitName });
    const lines = [
      ctx.translateHtml("unlinked-agency-header", {
        unlinked: units.reduce((sum, entry) => sum + entry.unlinked, 0),
        staff: units.reduce((sum, entry) => sum + entry.staff, 0),
      }),
    ];
    for (const entry of units)
      lines.push(ctx.translateHtml("invite-unit-line", { code: entry.code, unit: entry.name, unlinked: entry.unlinked, staff: entry.staff }));
    lines.push(ctx.translateHtml("unlinked-agency-footer"));
    return ctx.reply(lines.join("\n"), { parse_mode: "HTML" });
  }
  const people = await unlinkedPeople(ctx.services.db, unit.unitId);
  if (people.length === 0) return ctx.say("unlinked-none", { unit: unit.name });
  const lines = [ctx.translateHtml("unlinked-unit-header", { unit: unit.name, unlinked: unit.unlinked, staff: unit.staff })];
  for (const [index, entry] of people.slice(0, NAMES_SHOWN).entries()) {
    lines.push(`${index + 1}. ${ctx.translateHtml("unlinked-person", { name: entry.fullName, position: entry.position || "—" })}`);
  }
  if (people.length > NAMES_SHOWN) lines.push(ctx.translateHtml("unlinked-more", { count: people.length - NAMES_SHOWN }));
  lines.push(ctx.translateHtml(secretariat ? "unlinked-unit-footer-secretariat" : "unlinked-unit-footer-head", { code: unit.code }));
  await ctx.reply(lines.join("\n"), { parse_mode: "HTML" });
});
