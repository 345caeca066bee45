import { Composer } from "grammy";
import * as z from "zod";
import type { Context } from "../src/bot/context.js";
import { DISCIPLINE_LEVELS, type Discipline, personHold } from "../src/domain/eligibility.js";
import { recordDiscipline } from "../src/services/roster/index.js";
import { allowed } from "./guard.js";
import { reviewYear, serviceContextOf } from "./service-context.js";

/**
 * /discipline CODE xem-xet|dieu-tra|<measure> [year]|off — the secretariat records who may not be
 * proposed (Decree 152/2025 Art. 4): the ballots then leave them off, with the reason.
 */
export const disciplineCommand = new Composer<Context>();

const staffCode = z.string().regex(/^[A-Za-z0-9._-]{1,32}$/);
const state = z.enum(["xem-xet", "dieu-tra", "off", ...DISCIPLINE_LEVELS]);
const year = z.coerce.number().int().min(2000).max(2100);

disciplineCommand.command("discipline", allowed("discipline"), async (ctx) => {
  const [codeWord = "", stateWord = "", yearWord] = ctx.match.trim().split(/\s+/);
  const code = staffCode.safeParse(codeWord);
  const chosen = state.safeParse(stateWord.toLowerCase());
  const inYear = yearWord === undefined ? reviewYear(ctx) : year.safeParse(yearWord).data;
  if (!code.success || !chosen.success || inYear === undefined) return ctx.say("discipline-usage");
  const discipline: Discipline | null =
    chosen.data === "off"
      ? null
      : chosen.data === "xem-xet"
        ? { kind: "considering", year: inYear }
        : chosen.data === "dieu-tra"
          ? { kind: "investigated", year: inYear }
          : { kind: "disciplined", level: chosen.data, year: inYear };
  const name = await recordDiscipline(ctx.services.db, code.data, discipline, serviceContextOf(ctx));
  if (!name) return ctx.say("discipline-unknown", { code: code.data.toUpperCase() });
  if (!discipline) return ctx.say("discipline-cleared", { name });
  const reason = personHold(discipline, inYear);
  return ctx.say("discipline-saved", { name, reason: reason ? ctx.t(reason.key, reason.args) : "", year: String(inYear) });
});
