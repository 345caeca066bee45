import { Composer } from "grammy";
import type { Context } from "../src/bot/context.js";
import { commandsFor } from "../src/domain/roles.js";
import { allowed } from "./guard.js";

export const helpCommand = new Composer<Context>();

helpCommand.command("help", allowed("help"), async (ctx) => {
  const person = ctx.identity.person;
  const lines = commandsFor(person?.roles ?? null).map((command) => ctx.translateHtml("help-line", { command, description: ctx.t(`cmd-${command}`) }));
  const footer = person ? [] : ["", ctx.translateHtml("help-unlinked-footer")];
  await ctx.reply([ctx.translateHtml("help-header"), ...lines, ...footer].join("\n"), { parse_mode: "HTML" });
});
