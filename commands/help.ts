import { Composer } from "grammy";
import type { Context } from "../src/bot/context.js";
import { COMMAND_GROUPS, type CommandName, commandsFor } from "../src/domain/roles.js";
import { allowed } from "./guard.js";

export const helpCommand = new Composer<Context>();

/**
 * /help: the commands this person may use, one line per group of what they do, short enough for
 * one screen; /help <command>: how to use that one.
 */
helpCommand.command("help", allowed("help"), async (ctx) => {
  const person = ctx.identity.person;
  const mine = commandsFor(person?.roles ?? null);
  const asked = ctx.match.trim().replace(/^\//, "").toLowerCase();
  if (asked && (mine as string[]).includes(asked)) {
    return ctx.say("help-line", { command: asked, description: ctx.t(`cmd-${asked}`) });
  }
  const groups = COMMAND_GROUPS.map((group) => ({ key: group.key, commands: group.commands.filter((command: CommandName) => mine.includes(command)) }))
    .filter((group) => group.commands.length > 0)
    .map((group) =>
      ctx.translateHtml("help-group", { group: ctx.t(`help-group-${group.key}`), commands: group.commands.map((command) => `/${command}`).join(" ") }),
    );
  const footer = person ? ["", ctx.translateHtml("help-details")] : ["", ctx.translateHtml("help-unlinked-footer")];
  await ctx.reply([ctx.translateHtml("help-header"), ...groups, ...footer].join("\n"), { parse_mode: "HTML" });
});
