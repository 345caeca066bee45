import { Composer } from "grammy";
import type { Context } from "../src/bot/context.js";
import { allowed } from "./guard.js";

export const meCommand = new Composer<Context>();

meCommand.command("me", allowed("me"), async (ctx) => {
  const person = ctx.identity.person;
  if (!person) return;
  await ctx.say("me-profile", {
    name: person.fullName,
    position: person.position || ctx.t("me-no-position"),
    unit: person.unitName,
    roles: person.roles.map((role) => ctx.t(`role-${role}`)).join(", "),
  });
});
