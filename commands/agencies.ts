import { Composer } from "grammy";
import * as z from "zod";
import type { Context } from "../src/bot/context.js";
import { memberFigures } from "../src/services/province/index.js";
import { allowed } from "./guard.js";
import { replyLines } from "./long-reply.js";
import { reviewYear } from "./service-context.js";

/** /agencies [năm]: the province's officer follows the agencies under it, figure by figure. */
export const agenciesCommand = new Composer<Context>();

const yearWord = z.coerce.number().int().min(2000).max(2100);

agenciesCommand.command("agencies", allowed("agencies"), async (ctx) => {
  const given = ctx.match.trim();
  const parsed = given === "" ? { success: true as const, data: reviewYear(ctx) } : yearWord.safeParse(given);
  if (!parsed.success) return ctx.say("agencies-usage");
  const figures = await memberFigures(ctx.services.db, parsed.data, ctx.services.clock());
  if (figures.length === 0) return ctx.say("agencies-none");
  await replyLines(ctx, [
    ctx.translateHtml("agencies-header", { year: String(parsed.data), count: figures.length }),
    ...figures.map((agency) => ctx.translateHtml("agencies-line", { ...agency })),
  ]);
});
