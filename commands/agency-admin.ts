import { Composer } from "grammy";
import type { Context } from "../src/bot/context.js";
import { UserError } from "../src/domain/user-error.js";
import { addMemberAgency, memberAgencies, setMemberChannel } from "../src/services/province/index.js";
import { allowed } from "./guard.js";
import { replyLines } from "./long-reply.js";

/**
 * The province's administrator in chat: /agency lists the agencies under the province and the
 * channel settings each keeps, /agency add adds one, /agency channel keeps one of its settings
 * sealed with CHANNEL_SECRETS_KEY (as the CLI's `agency channel` does).
 */
export const agencyAdminCommand = new Composer<Context>();

const CODE = /^[A-Za-z0-9_-]{1,32}$/;

agencyAdminCommand.command("agency", allowed("agency"), async (ctx) => {
  const [verb = "", code = "", ...rest] = ctx.match.trim().split(/\s+/).filter(Boolean);
  try {
    if (verb === "") {
      const members = await memberAgencies(ctx.services.db);
      if (members.length === 0) return ctx.say("agencies-none");
      return replyLines(ctx, [
        ctx.translateHtml("agency-admin-header", { count: members.length }),
        ...members.map((agency) => ctx.translateHtml("agency-admin-line", { ...agency, channels: agency.channels.join(", ") || "—" })),
      ]);
    }
    if (verb === "add") {
      const name = rest.join(" ").trim();
      if (!CODE.test(code) || name.length < 2) return ctx.say("agency-admin-usage");
      const id = await addMemberAgency(ctx.services.db, { code, name });
      if (id === undefined) return ctx.say("cli-agency-exists", { code: code.toUpperCase() });
      return ctx.say("agency-admin-added", { id, code: code.toUpperCase(), name });
    }
    if (verb === "channel") {
      // /agency channel SGD TELEGRAM_BOT_TOKEN 123:abc — or "-" to remove the setting.
      const [setting = "", value = ""] = rest;
      if (!CODE.test(code) || !setting || !value) return ctx.say("agency-admin-usage");
      const secret = ctx.services.config.channelSecretsKey;
      if (!secret) return ctx.say("channel-secrets-key-missing");
      const saved = await setMemberChannel(ctx.services.db, { code, name: setting, value: value === "-" ? "" : value }, secret);
      if (!saved) return ctx.say("agency-admin-not-member", { code: code.toUpperCase() });
      return ctx.say(value === "-" ? "agency-admin-channel-removed" : "agency-admin-channel-saved", { code: code.toUpperCase(), name: setting });
    }
    return ctx.say("agency-admin-usage");
  } catch (error) {
    if (error instanceof UserError) return ctx.say(error.key, error.args);
    throw error;
  }
});
