import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { and, eq, gt } from "drizzle-orm";
import type { Update } from "grammy/types";
import type { Logger } from "pino";
import { z } from "zod";
import type { BotServices } from "../bot/context.js";
import { createBot, type TdktBot } from "../bot/index.js";
import type { Database } from "../db/client.js";
import { chatAccounts, type OutboxPayload, type PendingChoice, pendingChoices } from "../db/schema.js";
import { formatDateTime } from "../domain/calendar.js";
import { matchChoiceReply, renderNumberedChoices, splitText } from "../domain/numbered-choices.js";
import { htmlToPlainText } from "../domain/text.js";
import { type DownloadLinks, publishDownload } from "../services/downloads.js";
import type { Translate } from "../services/outbox.js";
import type { Sender } from "../scheduler/dispatcher.js";
import { readBody, reply, safeJson, secretMatches } from "./http.js";
import { commandEntities, type OutgoingFile, plainBotInfo, type PlainOutgoing, plainTextFetch } from "./reroute.js";
import { ConfigError } from "../config.js";
import type { ChatPlatform } from "./platform.js";

/** Zalo refuses longer texts. */
export const ZALO_TEXT_LIMIT = 2000;
/** How long numbered options stay answerable: long enough for a step left over lunch. */
export const CHOICES_TTL_MS = 12 * 60 * 60 * 1000;
const POLL_TIMEOUT_SECONDS = 30;
/** How long Zalo's sends wait after its quota answered 429. */
export const ZALO_QUOTA_PAUSE_SECONDS = 60;
// A handler still busy after this shows "typing…", as a person would see someone answering.
const TYPING_AFTER_MS = 400;

// ---------------------------------------------------------------- the Bot API

const apiAnswerSchema = z.object({
  ok: z.boolean(),
  result: z.unknown().optional(),
  error_code: z.number().optional(),
  description: z.string().optional(),
});

export class ZaloApiError extends Error {
  constructor(
    readonly errorCode: number | undefined,
    description: string,
    /** False when the request may never have reached Zalo, or its answer was lost. */
    readonly answered = true,
  ) {
    super(description);
  }
}

/** The Zalo Bot Platform's HTTP API: POST <root>/bot<token>/<method> with a JSON body. */
export class ZaloClient {
  constructor(
    private readonly token: string,
    private readonly apiRoot: string,
    private readonly timeoutMs = 30_000,
  ) {}

  async call(method: string, body: Record<string, unknown>, signal?: AbortSignal, timeoutMs = this.timeoutMs): Promise<unknown> {
    let response: Response;
    let text: string;
    try {
      const timeout = AbortSignal.timeout(timeoutMs);
      response = await fetch(`${this.apiRoot}/bot${this.token}/${method}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      text = await response.text();
    } catch (error) {
      throw new ZaloApiError(undefined, `${method}: ${error instanceof Error ? error.message : String(error)}`, false);
    }
    const parsed = apiAnswerSchema.safeParse(safeJson(text));
    if (!parsed.success) throw new ZaloApiError(response.status, `${method}: HTTP ${response.status}, not a Bot API answer`, response.status < 500);
    if (!parsed.data.ok) throw new ZaloApiError(parsed.data.error_code ?? response.status, `${method}: ${parsed.data.description ?? "refused"}`);
    return parsed.data.result;
  }

  /**
   * Asks Zalo who the bot is, so that a wrong token stops start-up with one line instead of a
   * bot that polls in silence. Only a refusal of the token counts; an unreachable Zalo does not.
   */
  async checkToken(): Promise<void> {
    try {
      await this.call("getMe", {}, undefined, 10_000);
    } catch (error) {
      if (error instanceof ZaloApiError && error.answered && (error.errorCode === 401 || error.errorCode === 403 || error.errorCode === 404)) {
        throw new ConfigError(`Configuration error: ZALO_BOT_TOKEN was refused by Zalo (${error.message})`);
      }
    }
  }

  /** One event, or undefined when none came within the timeout (Zalo answers 408 then). */
  async getUpdate(signal: AbortSignal): Promise<unknown> {
    try {
      return await this.call("getUpdates", { timeout: String(POLL_TIMEOUT_SECONDS) }, signal, (POLL_TIMEOUT_SECONDS + 15) * 1000);
    } catch (error) {
      if (error instanceof ZaloApiError && error.errorCode === 408) return undefined;
      throw error;
    }
  }
}

// ---------------------------------------------------------------- events

const zaloId = z.union([z.string().trim().min(1).max(128), z.number().int()]).transform(String);

const zaloMessageSchema = z.looseObject({
  message_id: zaloId,
  from: z.looseObject({ id: zaloId, display_name: z.string().max(300).optional(), name: z.string().max(300).optional(), is_bot: z.boolean().optional() }),
  chat: z.looseObject({ id: zaloId, chat_type: z.string().max(30).optional() }),
  date: z.number().optional(),
  text: z.string().max(20_000).optional(),
});

const zaloEventSchema = z.looseObject({ event_name: z.string().min(1).max(100), message: zaloMessageSchema });
// What any event has: Zalo sends some (message.unsupported.received, future kinds) without a
// message the bot could answer; they are acknowledged and ignored, never refused.
const anyEventSchema = z.looseObject({ event_name: z.string().min(1).max(100) });

export type ZaloEvent = z.infer<typeof zaloEventSchema>;

/**
 * A webhook body or a getUpdates result, bare or in its `{ok, result}` wrapper: an event the bot
 * can answer, "ignored" for a well-formed event it has nothing to do with, or undefined for a
 * body that is no event at all.
 */
export function parseZaloEvent(body: unknown): ZaloEvent | "ignored" | undefined {
  const wrapped = z.looseObject({ ok: z.boolean(), result: z.unknown() }).safeParse(body);
  const candidate = wrapped.success ? wrapped.data.result : body;
  const event = zaloEventSchema.safeParse(candidate);
  if (event.success) return event.data;
  return anyEventSchema.safeParse(candidate).success ? "ignored" : undefined;
}

/**
 * Zalo events have no update id; the event name and message id identify one, so a redelivered
 * event maps to the same number and the usual de-duplication applies. 48 bits: a safe integer.
 */
export function zaloUpdateId(event: Pick<ZaloEvent, "event_name"> & { message: { message_id: string } }): number {
  return Number.parseInt(createHash("sha256").update(`${event.event_name}:${event.message.message_id}`).digest("hex").slice(0, 12), 16);
}

export const ZALO_BOT_INFO = plainBotInfo(2, "tdkt_zalo_bot");

// ---------------------------------------------------------------- what goes out

/**
 * Sending to Zalo: plain text in parts of at most 2,000 characters, buttons as a numbered list
 * that is remembered for the chat, documents as a signed link when a web server can serve one.
 */
export class ZaloOutbound {
  constructor(
    private readonly client: ZaloClient,
    private readonly db: Database,
    private readonly translate: Translate,
    private readonly timeZone: string,
    private readonly downloads: DownloadLinks | undefined,
  ) {}

  /** The language of the person in this chat, for the bot's own words around a message. */
  async localeOf(chatId: string): Promise<string> {
    const [account] = await this.db
      .select({ language: chatAccounts.language })
      .from(chatAccounts)
      .where(and(eq(chatAccounts.platform, "zalo"), eq(chatAccounts.chatId, chatId)))
      .limit(1);
    return account?.language ?? "vi";
  }

  /**
   * A message with its options, which replace the options the chat had. A message without any
   * leaves the earlier ones answerable, as Telegram leaves earlier buttons pressable.
   */
  async sendWithChoices(chatId: string, text: string, choices: PendingChoice[], messageId: number): Promise<void> {
    if (choices.length === 0) return this.sendText(chatId, text);
    const hint = this.translate(await this.localeOf(chatId), "zalo-choose-hint");
    const list = renderNumberedChoices(
      choices.map((choice) => choice.label),
      hint,
    );
    const expiresAt = new Date(Date.now() + CHOICES_TTL_MS);
    // Remembered before sending: a quick reply must find them.
    await this.db
      .insert(pendingChoices)
      .values({ platform: "zalo", chatId, choices, messageId, expiresAt })
      .onConflictDoUpdate({ target: [pendingChoices.platform, pendingChoices.chatId], set: { choices, messageId, expiresAt } });
    // The list stays whole in the last part, under the end of the text.
    const parts = splitText(text, ZALO_TEXT_LIMIT - list.length - 2);
    const last = parts.pop();
    for (const part of parts) await this.post(chatId, part);
    await this.post(chatId, last ? `${last}\n\n${list}` : list);
  }

  /** Plain text in ordered parts. */
  async sendText(chatId: string, text: string): Promise<void> {
    for (const part of splitText(text, ZALO_TEXT_LIMIT)) await this.post(chatId, part);
  }

  async sendFile(chatId: string, file: OutgoingFile, caption: string): Promise<void> {
    const locale = await this.localeOf(chatId);
    const lines = caption ? [caption] : [];
    if (this.downloads && file.bytes) {
      const link = await publishDownload(this.downloads, { fileName: file.fileName, bytes: await file.bytes() });
      lines.push(this.translate(locale, "zalo-document-link", { name: file.fileName, url: link.url, until: formatDateTime(link.expiresAt, this.timeZone) }));
    } else {
      lines.push(this.translate(locale, "zalo-document-unavailable", { name: file.fileName }));
    }
    await this.sendText(chatId, lines.join("\n\n"));
  }

  private async post(chatId: string, text: string): Promise<void> {
    await this.client.call("sendMessage", { chat_id: chatId, text });
  }

  /** A message rendered for Telegram (outbox rows, progress reports), as Zalo can show it. */
  async sendPayload(chatId: string, payload: OutboxPayload, messageId: number): Promise<void> {
    const text = payload.parseMode === "HTML" ? htmlToPlainText(payload.text) : payload.text;
    // A Telegram file id cannot travel to Zalo: the text comes with the explanation.
    if (payload.documentFileId) return this.sendFile(chatId, { fileName: "document", bytes: undefined }, text);
    const choices = (payload.buttons ?? []).flat().map((button) => ({ label: button.text, data: button.data }));
    return this.sendWithChoices(chatId, text, choices, messageId);
  }

  /** What a handler shows, through the Bot API calls answered by plainTextFetch. */
  async deliver(outgoing: PlainOutgoing): Promise<void> {
    switch (outgoing.kind) {
      case "message":
      case "edit":
        // Zalo cannot edit: the new state arrives as a new message.
        return this.sendWithChoices(outgoing.chatId, outgoing.text, outgoing.choices, outgoing.messageId);
      case "notice":
        return this.sendText(outgoing.chatId, outgoing.text);
      case "document":
        return this.sendFile(outgoing.chatId, outgoing.file, outgoing.caption);
    }
  }
}

/** Outbox messages to Zalo, in the dispatcher's terms: a lost answer is unknown, never resent. */
export function zaloSender(outbound: ZaloOutbound): Sender {
  return async ({ chatId, payload }) => {
    try {
      await outbound.sendPayload(chatId, payload, Date.now() % 2_000_000_000);
      return { kind: "sent" };
    } catch (error) {
      if (!(error instanceof ZaloApiError)) return { kind: "unknown", reason: String(error) };
      if (!error.answered || (error.errorCode ?? 0) >= 500) return { kind: "unknown", reason: error.message };
      // Zalo's 429 is its quota, with no time to retry after: Zalo's sends (only) pause a while.
      if (error.errorCode === 429) return { kind: "retry", afterSeconds: ZALO_QUOTA_PAUSE_SECONDS, reason: error.message };
      // A 403 names no cause on Zalo (a user who left, a bot not allowed to write first): not proof of a block.
      return { kind: "failed", reason: error.message };
    }
  };
}

// ---------------------------------------------------------------- what comes in

export type ZaloTransport = {
  bot: TdktBot;
  outbound: ZaloOutbound;
  /** Handles one event: resolves once the bot has answered it. */
  handle(event: ZaloEvent): Promise<{ busy: boolean }>;
  /** Waits for every event taken so far. */
  drain(): Promise<void>;
};

/**
 * The same bot, on Zalo: events become Telegram-shaped updates for the same handlers, and an
 * API transformer takes their replies to Zalo. A reply that answers the numbered options last
 * shown becomes the press of that button.
 */
export function createZaloTransport(services: Omit<BotServices, "platform">, options: { client: ZaloClient; downloads?: DownloadLinks }): ZaloTransport {
  // The bot's own translations, looked up when a message goes out (the bot exists by then).
  const outbound = new ZaloOutbound(
    options.client,
    services.db,
    (locale, key, args) => bot.i18n.t(locale, key, args),
    services.config.displayTimeZone,
    options.downloads,
  );
  const bot = createBot({
    token: "zalo",
    services: { ...services, platform: "zalo" },
    botInfo: ZALO_BOT_INFO,
    fetch: plainTextFetch({
      deliver: (outgoing) => outbound.deliver(outgoing),
      chatOfCallbackQuery: (queryId) => queryId.slice(queryId.indexOf(":") + 1),
    }),
  });
  // One chat's events in order, so a reply is matched against the options its predecessor showed.
  const chains = new Map<string, Promise<unknown>>();
  const taken = new Set<Promise<unknown>>();

  async function handleInOrder(event: ZaloEvent): Promise<{ busy: boolean }> {
    const update = await toUpdate(event);
    if (!update) return { busy: false };
    const chatId = event.message.chat.id;
    const typing = setTimeout(() => {
      options.client.call("sendChatAction", { chat_id: chatId, action: "typing" }).catch(() => {});
    }, TYPING_AFTER_MS);
    try {
      return { busy: (await bot.handle(update)).busy };
    } finally {
      clearTimeout(typing);
    }
  }

  async function toUpdate(event: ZaloEvent): Promise<Update | undefined> {
    const { message } = event;
    const updateId = zaloUpdateId(event);
    const name = message.from.display_name ?? message.from.name ?? "";
    // grammY types ids as numbers; Zalo's are strings, which every handler only passes back.
    const chatId = message.chat.id as unknown as number;
    const from = { id: message.from.id as unknown as number, is_bot: message.from.is_bot ?? false, first_name: name };
    // Zalo marks group chats; the bot's guard answers them once and serves nothing there.
    const chat =
      message.chat.chat_type?.toUpperCase() === "GROUP"
        ? { id: chatId, type: "group" as const, title: name }
        : { id: chatId, type: "private" as const, first_name: name };
    // Zalo stamps milliseconds; seconds are accepted too.
    const sentMs = message.date === undefined ? Date.now() : message.date > 1e11 ? message.date : message.date * 1000;
    const date = Math.floor(sentMs / 1000);
    const text = event.event_name === "message.text.received" ? (message.text ?? "").trim() : undefined;
    if (text !== undefined && !text.startsWith("/")) {
      const pending = await pendingChoicesOf(services.db, message.chat.id);
      const reply =
        pending &&
        matchChoiceReply(
          text,
          pending.choices.map((choice) => choice.label),
        );
      if (pending && reply?.kind === "chosen") {
        return {
          update_id: updateId,
          callback_query: {
            id: `${updateId}:${message.chat.id}`,
            from,
            chat_instance: message.chat.id,
            data: (pending.choices[reply.index] as PendingChoice).data,
            message: { message_id: pending.messageId, date, chat, text: "" },
          },
        };
      }
      if (reply?.kind === "out-of-range") {
        const locale = await outbound.localeOf(message.chat.id);
        await outbound.sendText(message.chat.id, bot.i18n.t(locale, "zalo-choice-out-of-range", { count: reply.count }));
        return undefined;
      }
    }
    // Images, stickers and the rest arrive as a message without text: the bot answers it politely.
    return {
      update_id: updateId,
      message: { message_id: updateId % 2_000_000_000, date, chat, from, ...(text !== undefined ? { text, ...commandEntities(text) } : {}) },
    } as Update;
  }

  return {
    bot,
    outbound,
    handle(event) {
      const chatId = event.message.chat.id;
      const previous = chains.get(chatId) ?? Promise.resolve();
      const handled = previous.catch(() => undefined).then(() => handleInOrder(event));
      const settled = handled.catch(() => undefined);
      chains.set(chatId, settled);
      taken.add(settled);
      void settled.then(() => {
        taken.delete(settled);
        if (chains.get(chatId) === settled) chains.delete(chatId);
      });
      return handled;
    },
    async drain() {
      await Promise.all([...taken]);
      await bot.inflight.drain();
    },
  };
}

async function pendingChoicesOf(db: Database, chatId: string): Promise<{ choices: PendingChoice[]; messageId: number } | undefined> {
  const [row] = await db
    .select({ choices: pendingChoices.choices, messageId: pendingChoices.messageId })
    .from(pendingChoices)
    .where(and(eq(pendingChoices.platform, "zalo"), eq(pendingChoices.chatId, chatId), gt(pendingChoices.expiresAt, new Date())));
  return row;
}

/**
 * Long polling: one event per getUpdates call. Each event is handled without holding up the
 * next poll (events of one chat still in order); resolves once stopped and everything taken is done.
 */
export async function runZaloPolling(transport: ZaloTransport, client: ZaloClient, logger: Logger, stop: AbortSignal, onReady: () => void): Promise<void> {
  try {
    // Polling and a webhook exclude each other, as on Telegram.
    await client.call("deleteWebhook", {});
  } catch (error) {
    logger.warn({ err: error }, "zalo deleteWebhook failed; polling anyway");
  }
  onReady();
  let backoffMs = 0;
  while (!stop.aborted) {
    let body: unknown;
    try {
      body = await client.getUpdate(stop);
      backoffMs = 0;
    } catch (error) {
      if (stop.aborted) break;
      backoffMs = Math.min(30_000, Math.max(1000, backoffMs * 2));
      logger.warn({ err: error, retry_in_ms: backoffMs }, "zalo getUpdates failed");
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, backoffMs);
        stop.addEventListener(
          "abort",
          () => {
            clearTimeout(timer);
            resolve(undefined);
          },
          { once: true },
        );
      });
      continue;
    }
    if (body === undefined) continue;
    const event = parseZaloEvent(body);
    if (event === "ignored") continue;
    if (!event) {
      logger.warn("zalo event of an unknown shape ignored");
      continue;
    }
    transport.handle(event).catch((error: unknown) => logger.error({ err: error }, "zalo event failed"));
  }
  await transport.drain();
}

/**
 * POST handler for Zalo's webhook: the secret header compared in constant time (401, nothing
 * read, otherwise), the body with or without its `{ok, result}` wrapper, 200 once handled.
 */
export function zaloWebhookHandler(transport: ZaloTransport, secret: string) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const answer = (status: number, body: unknown) => reply(res, status, JSON.stringify(body), "application/json");
    if (!secretMatches(req.headers["x-bot-api-secret-token"], secret)) return answer(401, { ok: false, description: "unauthorized" });
    const body = await readBody(req);
    const event = body === undefined ? undefined : parseZaloEvent(safeJson(body));
    if (!event) return answer(400, { ok: false, description: "bad event" });
    if (event === "ignored") return answer(200, { ok: true });
    const { busy } = await transport.handle(event);
    answer(busy ? 503 : 200, { ok: !busy });
  };
}

/**
 * Zalo's Bot Platform: a token refused by getMe stops start-up; long polling, or the webhook of
 * the shared HTTP server. Zalo cannot edit a message, so a broadcast's progress arrives only as
 * its final report, as a new message.
 */
export function zaloPlatform(services: Omit<BotServices, "platform">, token: string, downloads: DownloadLinks | undefined): ChatPlatform {
  const { config } = services;
  const client = new ZaloClient(token, config.zalo.apiRoot);
  const transport = createZaloTransport(services, { client, ...(downloads ? { downloads } : {}) });
  const { mode } = config;
  return {
    name: "zalo",
    bot: transport.bot,
    sender: zaloSender(transport.outbound),
    rate: config.zalo.rate,
    progress: async (target, view, finished) => {
      if (finished) await transport.outbound.sendPayload(target.chatId, { text: view.text, parseMode: "HTML", buttons: view.buttons }, target.messageId);
    },
    verify: () => client.checkToken(),
    run: (signal, onReady) => runZaloPolling(transport, client, services.logger, signal, onReady),
    ...(mode.kind === "webhook"
      ? { webhook: { path: new URL(mode.zalo.url).pathname, register: () => registerZaloWebhook(client, mode.zalo.url, mode.zalo.secret) } }
      : {}),
    zalo: { transport, secret: mode.kind === "webhook" ? mode.zalo.secret : "" },
  };
}

/** Tells Zalo where to deliver events, with the secret it must send back. */
export async function registerZaloWebhook(client: ZaloClient, url: string, secret: string): Promise<void> {
  const result = webhookInfoSchema.safeParse(await client.call("setWebhook", { url, secret_token: secret }));
  // Zalo answers with the webhook it now has: anything else means events would go elsewhere.
  if (!result.success || result.data.url !== url) {
    throw new ConfigError(
      `Configuration error: Zalo did not confirm the webhook ${url} (it answered ${JSON.stringify(result.success ? result.data : "no webhook")})`,
    );
  }
}

const webhookInfoSchema = z.looseObject({ url: z.string(), updated_at: z.number().optional() });
