import type { Conversation } from "@grammyjs/conversations";
import { Composer, InlineKeyboard } from "grammy";
import type { Context, ConversationContext } from "../src/bot/context.js";
import { checkBroadcastText, entitiesToHtml, looksLikeHtml } from "../src/domain/broadcast-text.js";
import { parseCampaignLaunch } from "../src/domain/campaigns.js";
import { atLocal, formatDate, formatDuration } from "../src/domain/calendar.js";
import { htmlToPlainText } from "../src/domain/text.js";
import {
  broadcastPayload,
  broadcastsSince,
  cancelBroadcast,
  confirmBroadcast,
  countRecipients,
  createDraft,
  unreachedRecipients,
} from "../src/services/campaigns/index.js";
import { ACTIONS, CONVERSATION_ACTIONS } from "../src/domain/button-actions.js";
import { audienceReach } from "../src/services/invites/index.js";
import { allowed, onButton, pressed } from "./guard.js";
import { BUTTON_WAIT, backLabel, cancelLabel, IDLE_LIMIT_MS, sayCancelled } from "./conversation-kit.js";
import { chooseAudience } from "./broadcast-audience.js";
import { translatorOf, serviceContextOf, thisYear, registrationYear } from "./service-context.js";

// phát động / thông báo: compose the text (and a document), choose the audience, see exactly what
// recipients will see and how many they are, then confirm. Nothing is sent before that.
export const BROADCAST_CONVERSATION = "broadcast";
export const broadcastCommand = new Composer<Context>();

type Launch = { year: number; title: string; deadlineAt: string } | null;

broadcastCommand.command("broadcast", allowed("broadcast"), (ctx) => ctx.conversation.enter(BROADCAST_CONVERSATION, null));

/** /launch dd/mm/yyyy Title — a broadcast that also opens the year's registration. */
broadcastCommand.command("launch", allowed("launch"), async (ctx) => {
  const launch = parseCampaignLaunch(ctx.match, { now: ctx.services.clock(), timeZone: ctx.services.config.displayTimeZone, usageKey: "launch-usage" });
  if ("key" in launch) return ctx.say(launch.key, launch.args);
  await ctx.conversation.enter(BROADCAST_CONVERSATION, { ...launch, deadlineAt: launch.deadlineAt.toISOString() } satisfies Launch);
});

export async function broadcastConversation(conversation: Conversation<Context, ConversationContext>, ctx: ConversationContext, launch: Launch): Promise<void> {
  const cancelKeyboard = () => new InlineKeyboard().text(cancelLabel(ctx), CONVERSATION_ACTIONS.broadcastAbort.encode());
  const stop = sayCancelled;
  const wait = () => conversation.wait({ maxMilliseconds: IDLE_LIMIT_MS });
  const isCommand = (answer: ConversationContext) => answer.message?.text?.startsWith("/") ?? false;

  // 1. The text, with the formatting the secretariat applied kept and everything else escaped.
  await ctx.reply(ctx.translateHtml(launch ? "launch-ask-text" : "broadcast-ask-text", { title: launch?.title ?? "" }), {
    parse_mode: "HTML",
    reply_markup: cancelKeyboard(),
  });
  let html = "";
  for (;;) {
    const answer = await wait();
    if (pressed(answer, CONVERSATION_ACTIONS.broadcastAbort)) return stop(answer);
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
  await ctx.reply(ctx.translateHtml("broadcast-ask-document"), {
    parse_mode: "HTML",
    reply_markup: new InlineKeyboard()
      .text(ctx.t("broadcast-button-no-document"), CONVERSATION_ACTIONS.broadcastNoDocument.encode())
      .row()
      .text(cancelLabel(ctx), CONVERSATION_ACTIONS.broadcastAbort.encode()),
  });
  let document: { fileId: string; name: string } | null = null;
  for (;;) {
    const answer = await wait();
    if (pressed(answer, CONVERSATION_ACTIONS.broadcastAbort)) return stop(answer);
    if (pressed(answer, CONVERSATION_ACTIONS.broadcastNoDocument)) {
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
  // «Not registered yet» is about the year registration is in (a December launch opens next year's).
  const year = await conversation.external(() => registrationYear(ctx));
  for (;;) {
    const audience = await chooseAudience(conversation, ctx, launch?.year ?? year);
    if (!audience) return;
    const recipients = await conversation.external(() => countRecipients(ctx.services.db, audience));
    const reach = await conversation.external(() => audienceReach(ctx.services.db, audience));
    // Who on the roster a message will not reach, and why: said before anything is sent.
    const reachLine = ctx.translateHtml("audience-reach", { reached: reach.reached, onRoster: reach.onRoster, unlinked: reach.unlinked });
    if (recipients === 0) {
      await ctx.reply([ctx.translateHtml("broadcast-audience-empty"), reachLine].join("\n"), { parse_mode: "HTML" });
      continue;
    }
    const locale = await conversation.external(() => ctx.i18n.getLocale());
    const payload = broadcastPayload({ text: html, documentFileId: document?.fileId ?? null, launch }, locale, translatorOf(ctx), {
      name: ctx.identity.person?.fullName ?? "",
      timeZone: ctx.services.config.displayTimeZone,
    });
    const markup = payload.buttons
      ? { reply_markup: { inline_keyboard: payload.buttons.map((row) => row.map((button) => ({ text: button.text, callback_data: button.data }))) } }
      : {};
    await ctx.say("broadcast-preview-intro");
    if (payload.documentFileId) await ctx.replyWithDocument(payload.documentFileId, { caption: payload.text, parse_mode: "HTML", ...markup });
    else await ctx.reply(payload.text, { parse_mode: "HTML", ...markup });
    await ctx.reply(
      [
        ctx.translateHtml(launch ? "launch-confirm" : "broadcast-confirm", {
          count: recipients,
          title: launch?.title ?? "",
          deadline: launch ? formatDate(new Date(launch.deadlineAt), ctx.services.config.displayTimeZone) : "",
        }),
        reachLine,
      ].join("\n"),
      {
        parse_mode: "HTML",
        reply_markup: new InlineKeyboard()
          .text(ctx.t("broadcast-button-send", { count: recipients }), CONVERSATION_ACTIONS.broadcastSend.encode())
          .row()
          .text(backLabel(ctx), CONVERSATION_ACTIONS.broadcastBack.encode())
          .text(cancelLabel(ctx), CONVERSATION_ACTIONS.broadcastAbort.encode()),
      },
    );
    const answer = await conversation.waitForCallbackQuery(
      [CONVERSATION_ACTIONS.broadcastSend.pattern, CONVERSATION_ACTIONS.broadcastBack.pattern, CONVERSATION_ACTIONS.broadcastAbort.pattern],
      BUTTON_WAIT,
    );
    if (pressed(answer, CONVERSATION_ACTIONS.broadcastAbort)) return stop(answer);
    await answer.answerCallbackQuery();
    if (pressed(answer, CONVERSATION_ACTIONS.broadcastBack)) continue;

    const progress = await answer.reply(ctx.translateHtml("broadcast-starting"), { parse_mode: "HTML" });
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
        serviceContextOf(ctx),
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
      ctx.translateHtml("broadcast-progress", { sent: 0, failed: 0, remaining: result.recipients, bar: "░".repeat(20), eta }),
      {
        parse_mode: "HTML",
        reply_markup: new InlineKeyboard().text(ctx.t("broadcast-button-cancel"), ACTIONS.broadcastCancel.encode(result.broadcastId)),
      },
    );
    return;
  }
}

onButton(broadcastCommand, ACTIONS.broadcastCancel, async (ctx, [broadcastId]) => {
  const person = ctx.identity.person;
  if (!person) return ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
  const cancelled = await cancelBroadcast(ctx.services.db, broadcastId, person.id, serviceContextOf(ctx));
  await ctx.answerCallbackQuery({ text: ctx.t(cancelled ? "broadcast-cancelling" : "button-expired") });
});

onButton(broadcastCommand, ACTIONS.broadcastUnreached, async (ctx, [broadcastId]) => {
  await ctx.answerCallbackQuery();
  const rows = await unreachedRecipients(ctx.services.db, broadcastId);
  const lines = rows.map((row) => ctx.translateHtml("broadcast-unreached-line", { name: row.name, unit: row.unit, reason: row.error ?? row.status }));
  await ctx.reply([ctx.translateHtml("broadcast-unreached-header", { count: rows.length }), ...lines].join("\n"), { parse_mode: "HTML" });
});

/** /campaigns: this year's launches and broadcasts with their delivery figures. */
broadcastCommand.command("campaigns", allowed("campaigns"), async (ctx) => {
  const zone = ctx.services.config.displayTimeZone;
  const year = String(thisYear(ctx));
  const rows = await broadcastsSince(ctx.services.db, atLocal(`${year}-01-01`, "00:00:00", zone));
  if (rows.length === 0) return ctx.say("campaigns-none", { year });
  const lines = rows.map(({ broadcast, counts }) =>
    ctx.translateHtml(broadcast.launch ? "campaigns-launch-line" : "campaigns-broadcast-line", {
      date: formatDate(broadcast.confirmedAt ?? broadcast.createdAt, zone),
      title: broadcast.launch?.title ?? htmlToPlainText(broadcast.text).slice(0, 60),
      recipients: broadcast.recipients,
      sent: counts.sent,
      failed: counts.failed + counts.unknown,
      remaining: counts.remaining,
      status: ctx.t(`broadcast-status-${broadcast.status}`),
    }),
  );
  await ctx.reply([ctx.translateHtml("campaigns-header", { year }), ...lines].join("\n"), { parse_mode: "HTML" });
});
