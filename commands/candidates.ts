import { Composer } from "grammy";
import * as z from "zod";
import type { Context } from "../src/bot/context.js";
import { candidateDossiers, ballotSession } from "../src/services/ballots/index.js";
import { allowed } from "./guard.js";

/** /candidates N: the council's list for a session, with each candidate's basis, initiative and unit note — read before the meeting. */
export const candidatesCommand = new Composer<Context>();

const sessionId = z.coerce.number().int().positive();

candidatesCommand.command("candidates", allowed("candidates"), async (ctx) => {
  const id = sessionId.safeParse(ctx.match.trim());
  if (!id.success) return ctx.say("candidates-usage");
  const session = await ballotSession(ctx.services.db, id.data);
  // A unit's own vote is its members' business, not the council's.
  if (!session || session.unitId !== null) return ctx.say("candidates-usage");
  const dossiers = await candidateDossiers(ctx.services.db, id.data);
  const lines = [ctx.translateHtml("candidates-header", { id: id.data, title: session.title, count: dossiers.length })];
  for (const dossier of dossiers) {
    const basis = dossier.basis ? ctx.t(`basis-${dossier.basis}`) : "—";
    const initiative = dossier.initiativeTitle
      ? ctx.t(dossier.initiativeScope ? "candidates-initiative-recognised" : "candidates-initiative-pending", {
          title: dossier.initiativeTitle,
          scope: dossier.initiativeScope ? ctx.t(`initiative-scope-${dossier.initiativeScope}`) : "",
        })
      : "";
    const note = dossier.reviewNote ? ctx.translateHtml("candidates-note", { note: dossier.reviewNote }) : "";
    lines.push(ctx.translateHtml("candidates-line", { position: dossier.position, label: dossier.label, basis, initiative }) + note);
  }
  // Telegram takes 4,096 characters a message (Zalo is split by its transport): a long list goes in parts.
  let part = "";
  for (const line of lines) {
    if (part.length + line.length > 3500) {
      await ctx.reply(part, { parse_mode: "HTML" });
      part = "";
    }
    part = part ? `${part}\n${line}` : line;
  }
  if (part) await ctx.reply(part, { parse_mode: "HTML" });
});
