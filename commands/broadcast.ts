import type { Conversation } from "@grammyjs/conversations";
import { Composer, InlineKeyboard } from "grammy";
import { z } from "zod";
import type { Context, ConversationContext } from "../src/bot/context.js";
import type { BroadcastAudience } from "../src/domain/notifications.js";
import { checkBroadcastText, entitiesToHtml, looksLikeHtml } from "../src/domain/broadcast-text.js";
import { parseCampaignLaunch } from "../src/domain/campaigns.js";
import { formatDate, formatDuration, localDay } from "../src/domain/calendar.js";
import { htmlToPlainText } from "../src/domain/text.js";
import {
  broadcastPayload,
  broadcastsSince,
  cancelBroadcast,
  confirmBroadcast,
  countRecipients,
  createDraft,
  unreachedRecipients,
} from "../src/services/broadcasts.js";
import { loadUnitMatching } from "../src/services/plans.js";
import { allowed, allowedAction } from "./guard.js";
import { IDLE_LIMIT_MS } from "./register.js";
import { actorOf } from "./actor.js";

// phát động / thông báo: compose the text (and a document), choose the audience, see exactly what
// recipients will see and how many they are, then confirm. Nothing is sent before that.
export const BROADCAST_CONVERSATION = "broadcast";
export const broadcastCommand = new Composer<Context>();

type Launch = { year: number; title: string; deadlineAt: string } | null;
const broadcastId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const UNIT_BUTTONS = 30;

const translatorOf = (ctx: ConversationContext) => (locale: string, key: string, args?: Record<string, string | number>) =>
  ctx.i18n.fluent.translate(locale, key, args);

broadcastCommand.command("broadcast", allowed("broadcast"), (ctx) => ctx.conversation.enter(BROADCAST_CONVERSATION, null));

/** /launch dd/mm/yyyy Title — a broadcast that also opens the year's registration. */
broadcastCommand.command("launch", allowed("launch"), async (ctx) => {
  const launch = parseCampaignLaunch(ctx.match, { now: ctx.services.clock(), timeZone: ctx.services.config.displayTimeZone, usageKey: "launch-usage" });
  if ("key" in launch) return ctx.say(launch.key, launch.args);
  await ctx.conversation.enter(BROADCAST_CONVERSATION, { ...launch, deadlineAt: launch.deadlineAt.toISOString() } satisfies Launch);
});

export async function broadcastConversation(conversation: Conversation<Context, ConversationContext>, ctx: ConversationContext, launch: Launch): Promise<void> {
  const cancelKeyboard = () => new InlineKeyboard().text(ctx.t("register-button-cancel"), "bc:abort");
  const stop = async (answer: ConversationContext) => {
    if (answer.callbackQuery) await answer.answerCallbackQuery();
    await answer.say("register-cancelled");
  };
  const wait = () => conversation.wait({ maxMilliseconds: IDLE_LIMIT_MS });
  const isCommand = (answer: ConversationContext) => answer.message?.text?.startsWith("/") ?? false;

  // 1. The text, with the formatting the secretariat applied kept and everything else escaped.
  await ctx.reply(ctx.th(launch ? "launch-ask-text" : "broadcast-ask-text", { title: launch?.title ?? "" }), {
    parse_mode: "HTML",
    reply_markup: cancelKeyboard(),
  });
  let html = "";
  for (;;) {
    const answer = await wait();
    if (answer.callbackQuery?.data === "bc:abort") return stop(answer);
    if (isCommand(answer)) await conversation.halt({ next: true });
    const text = answer.message?.text;
    if (!text) {
      await answer.say("broadcast-ask-text-again");
      continue;
    }
    const entities = answer.message?.entities ?? [];
    html = entities.length === 0 && looksLikeHtml(text) ? text : entitiesToHtml(text, entities);
    const refusal = checkBroadcastText(html, false);
    if (refusal) {
      await answer.say(refusal.key, refusal.args);
      continue;
    }
    break;
  }

  // 2. An optional document, sent once by the secretariat and re-used by its file_id.
  await ctx.reply(ctx.th("broadcast-ask-document"), {
    parse_mode: "HTML",
    reply_markup: new InlineKeyboard().text(ctx.t("broadcast-button-no-document"), "bc:nodoc").row().text(ctx.t("register-button-cancel"), "bc:abort"),
  });
  let document: { fileId: string; name: string } | null = null;
  for (;;) {
    const answer = await wait();
    if (answer.callbackQuery?.data === "bc:abort") return stop(answer);
    if (answer.callbackQuery?.data === "bc:nodoc") {
      await answer.answerCallbackQuery();
      break;
    }
    if (isCommand(answer)) await conversation.halt({ next: true });
    const file = answer.message?.document;
    if (file) {
      const refusal = checkBroadcastText(html, true);
      if (refusal) {
        await answer.say(refusal.key, refusal.args);
        continue;
      }
      document = { fileId: file.file_id, name: file.file_name ?? "document" };
      break;
    }
    await answer.say("broadcast-ask-document-again");
  }

  // 3. The audience; 4. the preview, exactly as recipients will see it, and the count.
  const today = await conversation.external(() => localDay(ctx.services.clock(), ctx.services.config.displayTimeZone));
  const year = Number(today.slice(0, 4));
  for (;;) {
    const audience = await chooseAudience(conversation, ctx, year, launch);
    if (!audience) return;
    const recipients = await conversation.external(() => countRecipients(ctx.services.db, audience));
    if (recipients === 0) {
      await ctx.say("broadcast-audience-empty");
      continue;
    }
    const locale = await conversation.external(() => ctx.i18n.getLocale());
    const payload = broadcastPayload({ text: html, documentFileId: document?.fileId ?? null, launch }, locale, translatorOf(ctx));
    const markup = payload.buttons
      ? { reply_markup: { inline_keyboard: payload.buttons.map((row) => row.map((button) => ({ text: button.text, callback_data: button.data }))) } }
      : {};
    await ctx.say("broadcast-preview-intro");
    if (payload.documentFileId) await ctx.replyWithDocument(payload.documentFileId, { caption: payload.text, parse_mode: "HTML", ...markup });
    else await ctx.reply(payload.text, { parse_mode: "HTML", ...markup });
    await ctx.reply(
      ctx.th(launch ? "launch-confirm" : "broadcast-confirm", {
        count: recipients,
        title: launch?.title ?? "",
        deadline: launch ? formatDate(new Date(launch.deadlineAt), ctx.services.config.displayTimeZone) : "",
      }),
      {
        parse_mode: "HTML",
        reply_markup: new InlineKeyboard()
          .text(ctx.t("broadcast-button-send", { count: recipients }), "bc:send")
          .row()
          .text(ctx.t("register-button-back"), "bc:back")
          .text(ctx.t("register-button-cancel"), "bc:abort"),
      },
    );
    const answer = await conversation.waitForCallbackQuery(["bc:send", "bc:back", "bc:abort"], {
      maxMilliseconds: IDLE_LIMIT_MS,
      otherwise: (other) => other.say("register-use-buttons"),
    });
    if (answer.callbackQuery.data === "bc:abort") return stop(answer);
    await answer.answerCallbackQuery();
    if (answer.callbackQuery.data === "bc:back") continue;

    const progress = await answer.reply(ctx.th("broadcast-starting"), { parse_mode: "HTML" });
    const result = await conversation.external(async () => {
      const person = ctx.identity.person;
      if (!person) return { kind: "gone" as const };
      const id = await createDraft(ctx.services.db, {
        personId: person.id,
        text: html,
        documentFileId: document?.fileId ?? null,
        documentName: document?.name ?? null,
        audience,
        launch,
        now: ctx.services.clock(),
      });
      return confirmBroadcast(
        ctx.services.db,
        {
          broadcastId: id,
          personId: person.id,
          progress: { platform: ctx.services.platform, chatId: String(progress.chat.id), messageId: progress.message_id },
        },
        {
          clock: ctx.services.clock,
          actor: actorOf(ctx),
          translate: translatorOf(ctx),
        },
      );
    });
    if (result.kind === "empty") {
      await answer.say("broadcast-audience-empty");
      continue;
    }
    if (result.kind === "gone") {
      await answer.say("plan-import-expired");
      return;
    }
    // From here the scheduler edits this message every few seconds until the report.
    const eta = formatDuration(result.recipients / ctx.services.config.broadcast.rate);
    await answer.api.editMessageText(
      progress.chat.id,
      progress.message_id,
      ctx.th("broadcast-progress", { sent: 0, failed: 0, remaining: result.recipients, bar: "░".repeat(20), eta }),
      {
        parse_mode: "HTML",
        reply_markup: new InlineKeyboard().text(ctx.t("broadcast-button-cancel"), `bc:cancel:${result.broadcastId}`),
      },
    );
    return;
  }
}

/** Everyone, chosen units, unit heads, the council, or those who have not registered this year. */
async function chooseAudience(
  conversation: Conversation<Context, ConversationContext>,
  ctx: ConversationContext,
  year: number,
  launch: Launch,
): Promise<BroadcastAudience | null> {
  await ctx.reply(ctx.th("broadcast-ask-audience"), {
    parse_mode: "HTML",
    reply_markup: new InlineKeyboard()
      .text(ctx.t("broadcast-audience-all"), "bc:aud:all")
      .row()
      .text(ctx.t("broadcast-audience-units"), "bc:aud:units")
      .row()
      .text(ctx.t("broadcast-audience-heads"), "bc:aud:heads")
      .text(ctx.t("broadcast-audience-council"), "bc:aud:council")
      .row()
      .text(ctx.t("broadcast-audience-unregistered"), "bc:aud:unreg")
      .row()
      .text(ctx.t("register-button-cancel"), "bc:abort"),
  });
  const answer = await conversation.waitForCallbackQuery(/^bc:(aud:\w+|abort)$/, {
    maxMilliseconds: IDLE_LIMIT_MS,
    otherwise: (other) => other.say("register-use-buttons"),
  });
  await answer.answerCallbackQuery();
  switch (answer.callbackQuery.data) {
    case "bc:aud:all":
      return { kind: "all" };
    case "bc:aud:heads":
      return { kind: "roles", roles: ["head"] };
    case "bc:aud:council":
      return { kind: "roles", roles: ["council"] };
    case "bc:aud:unreg":
      return { kind: "unregistered", year: launch?.year ?? year };
    case "bc:aud:units":
      return chooseUnits(conversation, ctx);
    default:
      await answer.say("register-cancelled");
      return null;
  }
}

async function chooseUnits(conversation: Conversation<Context, ConversationContext>, ctx: ConversationContext): Promise<BroadcastAudience | null> {
  const units = (await conversation.external(() => loadUnitMatching(ctx.services.db))).units.slice(0, UNIT_BUTTONS);
  const chosen = new Set<number>();
  const keyboard = () => {
    const board = new InlineKeyboard();
    units.forEach((unit, index) => {
      board.text(`${chosen.has(unit.id) ? "☑" : "☐"} ${unit.name}`, `bc:unit:${unit.id}`);
      if (index % 2 === 1) board.row();
    });
    return board.row().text(ctx.t("broadcast-button-units-done"), "bc:units:done").text(ctx.t("register-button-cancel"), "bc:abort");
  };
  const message = await ctx.reply(ctx.th("broadcast-ask-units"), { parse_mode: "HTML", reply_markup: keyboard() });
  for (;;) {
    const answer = await conversation.waitForCallbackQuery(/^bc:(unit:\d+|units:done|abort)$/, {
      maxMilliseconds: IDLE_LIMIT_MS,
      otherwise: (other) => other.say("register-use-buttons"),
    });
    await answer.answerCallbackQuery();
    const data = answer.callbackQuery.data;
    if (data === "bc:abort") {
      await answer.say("register-cancelled");
      return null;
    }
    if (data === "bc:units:done") {
      if (chosen.size > 0) return { kind: "units", unitIds: [...chosen] };
      await answer.say("broadcast-audience-empty");
      continue;
    }
    const unitId = Number(data.slice("bc:unit:".length));
    if (!units.some((unit) => unit.id === unitId)) continue;
    if (chosen.has(unitId)) chosen.delete(unitId);
    else chosen.add(unitId);
    await ctx.api.editMessageReplyMarkup(message.chat.id, message.message_id, { reply_markup: keyboard() });
  }
}

broadcastCommand.callbackQuery(/^bc:cancel:(.*)$/, allowedAction("bc:cancel"), async (ctx) => {
  const person = ctx.identity.person;
  const id = broadcastId.safeParse(ctx.match[1]);
  if (!person || !id.success) return ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
  const cancelled = await cancelBroadcast(ctx.services.db, id.data, person.id, { clock: ctx.services.clock, actor: actorOf(ctx) });
  await ctx.answerCallbackQuery({ text: ctx.t(cancelled ? "broadcast-cancelling" : "button-expired") });
});

broadcastCommand.callbackQuery(/^bc:failed:(.*)$/, allowedAction("bc:failed"), async (ctx) => {
  const id = broadcastId.safeParse(ctx.match[1]);
  if (!id.success) return ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
  await ctx.answerCallbackQuery();
  const rows = await unreachedRecipients(ctx.services.db, id.data);
  const lines = rows.map((row) => ctx.th("broadcast-unreached-line", { name: row.name, unit: row.unit, reason: row.error ?? row.status }));
  await ctx.reply([ctx.th("broadcast-unreached-header", { count: rows.length }), ...lines].join("\n"), { parse_mode: "HTML" });
});

/** /campaigns: this year's launches and broadcasts with their delivery figures. */
broadcastCommand.command("campaigns", allowed("campaigns"), async (ctx) => {
  const zone = ctx.services.config.displayTimeZone;
  const year = localDay(ctx.services.clock(), zone).slice(0, 4);
  const rows = await broadcastsSince(ctx.services.db, new Date(`${year}-01-01T00:00:00+07:00`));
  if (rows.length === 0) return ctx.say("campaigns-none", { year });
  const lines = rows.map(({ broadcast, counts }) =>
    ctx.th(broadcast.launch ? "campaigns-launch-line" : "campaigns-broadcast-line", {
      date: formatDate(broadcast.confirmedAt ?? broadcast.createdAt, zone),
      title: broadcast.launch?.title ?? htmlToPlainText(broadcast.text).slice(0, 60),
      recipients: broadcast.recipients,
      sent: counts.sent,
      failed: counts.failed + counts.unknown,
      remaining: counts.remaining,
      status: ctx.t(`broadcast-status-${broadcast.status}`),
    }),
  );
  await ctx.reply([ctx.th("campaigns-header", { year }), ...lines].join("\n"), { parse_mode: "HTML" });
});
