import { Composer, InputFile, InlineKeyboard } from "grammy";
import type { Context } from "../src/bot/context.js";
import { ACTIONS } from "../src/domain/button-actions.js";
import { formatDate } from "../src/domain/calendar.js";
import { foldForMatching } from "../src/domain/text.js";
import { personalData, personalDataCopy, requestPrivacyChange } from "../src/services/accounts/index.js";
import { serviceContextOf } from "./service-context.js";
import { allowed, onButton } from "./guard.js";

/** /privacy: what the bot keeps about me; /privacy sửa …: ask for a correction; a button: ask for deletion. */
export const privacyCommand = new Composer<Context>();

const MAX_REQUEST_TEXT = 1000;

privacyCommand.command("privacy", allowed("privacy"), async (ctx) => {
  const person = ctx.identity.person;
  if (!person) return;
  const [verb, ...rest] = ctx.match.trim().split(/\s+/);
  if (verb && /^(sua|correct)$/.test(foldForMatching(verb))) {
    const text = rest.join(" ").trim().slice(0, MAX_REQUEST_TEXT);
    if (text.length < 3) return ctx.say("privacy-correction-usage");
    await requestPrivacyChange(ctx.services.db, { personId: person.id, kind: "correction", text }, context(ctx));
    return ctx.say("privacy-request-recorded");
  }
  const data = await personalData(ctx.services.db, person.id);
  if (!data) return;
  const zone = ctx.services.config.displayTimeZone;
  const none = ctx.t("me-no-position");
  const lines = [
    ctx.translateHtml("privacy-header"),
    ctx.translateHtml("privacy-person", {
      name: data.person.fullName,
      code: data.person.staffCode,
      position: data.person.position || none,
      unit: data.person.unitName,
      roles: data.person.roles.map((role) => ctx.t(`role-${role}`)).join(", "),
    }),
    ctx.translateHtml("privacy-accounts", {
      accounts:
        data.accounts
          .map(
            (account) =>
              `${account.platform}${account.displayName ? ` (${account.displayName})` : ""}${account.linkedAt ? ` — ${formatDate(account.linkedAt, zone)}` : ""}`,
          )
          .join("; ") || none,
    }),
    ctx.translateHtml("privacy-registrations", {
      registrations: data.registrations.map((entry) => `${entry.year}: ${entry.titleCode} (${ctx.t(`status-${entry.status}`)})`).join("; ") || none,
    }),
    ctx.translateHtml("privacy-audit", { count: data.auditEntries }),
    data.person.consentedAt
      ? ctx.translateHtml("privacy-consented", { date: formatDate(data.person.consentedAt, zone) })
      : ctx.translateHtml("privacy-not-consented"),
  ];
  for (const request of data.openRequests) lines.push(ctx.translateHtml(`privacy-open-${request.kind}`, { date: formatDate(request.createdAt, zone) }));
  lines.push("", ctx.translateHtml("privacy-how"));
  await ctx.reply(lines.join("\n"), {
    parse_mode: "HTML",
    reply_markup: new InlineKeyboard()
      .text(ctx.t("privacy-button-copy"), ACTIONS.privacyCopy.encode())
      .row()
      .text(ctx.t("privacy-button-delete"), ACTIONS.privacyDelete.encode()),
  });
});

onButton(privacyCommand, ACTIONS.privacyCopy, async (ctx) => {
  await ctx.answerCallbackQuery();
  const person = ctx.identity.person;
  const copy = person ? await personalDataCopy(ctx.services.db, person.id) : undefined;
  if (!person || !copy) return;
  const bytes = Buffer.from(`${JSON.stringify(copy, null, 2)}\n`, "utf8");
  await ctx.replyWithDocument(new InputFile(bytes, `du-lieu-ca-nhan-${person.staffCode}.json`), {
    caption: ctx.translateHtml("privacy-copy-caption"),
    parse_mode: "HTML",
  });
});

onButton(privacyCommand, ACTIONS.privacyDelete, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.say("privacy-delete-confirm", undefined, {
    reply_markup: new InlineKeyboard().text(ctx.t("privacy-button-delete-confirm"), ACTIONS.privacyDeleteConfirmed.encode()),
  });
});

onButton(privacyCommand, ACTIONS.privacyDeleteConfirmed, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup();
  const person = ctx.identity.person;
  if (!person) return;
  await requestPrivacyChange(ctx.services.db, { personId: person.id, kind: "deletion", text: "" }, context(ctx));
  await ctx.say("privacy-request-recorded");
});

function context(ctx: Context) {
  return serviceContextOf(ctx);
}
