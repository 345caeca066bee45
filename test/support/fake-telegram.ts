import { EventEmitter, once } from "node:events";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { InlineKeyboardButton, MessageEntity, Update } from "grammy/types";
import { telegramRendering } from "./telegram-html-oracle.js";
import { parseApiPayload } from "../../src/transports/http/body.js";

export const TEST_TOKEN = "123456:TEST-token-for-the-fake-api";

// Telegram numbers one bot's updates in one increasing sequence; a test that restarts the bot
// against a new fake server must not see update ids the database has already processed.
let nextUpdateId = 1;

/** What the bot showed a user: a new message, an edit of one, or a document. */
export type Shown = {
  kind: "message" | "edit" | "document" | "notice";
  chatId: number;
  messageId: number;
  /** The visible text, after Telegram would have parsed the HTML. */
  text: string;
  buttons: { text: string; data: string }[];
  fileName?: string;
  /** The bytes of a document the bot sent. */
  fileBytes?: Buffer;
};

type ApiResult = { status: number; body: unknown };
type Fault = "5xx" | "hang" | "429" | "400";

/**
 * A Bot API server on loopback that enforces what Telegram enforces: HTML that parses, text of
 * 1–4096 characters, callback data of at most 64 bytes, 429 beyond the rate limit, 403 for a user
 * who blocked the bot. Every refusal the bot provokes is kept in `violations` for the test to see.
 */
export class FakeTelegram {
  readonly violations: string[] = [];
  readonly calls: { method: string; payload: Record<string, unknown>; inWebhookAnswer?: true }[] = [];
  readonly blocked = new Set<number>();
  rateLimitPerSecond = 30;
  /** Set to act as a local Bot API server, whose getFile names a path on this machine. */
  localFilesDirectory: string | undefined;
  rateLimited = 0;
  /** When each accepted send arrived (ms, performance clock): the sustained rate is read from these. */
  readonly acceptedAt: number[] = [];
  /** When each 429 was answered (performance.now()), to tell a first second's from later ones. */
  readonly rateLimitedAt: number[] = [];

  private server: Server;
  private pending: Update[] = [];
  private delivered = new Map<number, Update>();
  private redeliveries = new Set<number>();
  private nextMessageId = 1;
  private sentAt: number[] = [];
  // Each waiting chat holds a listener (and events.once an 'error' one): the rush benchmark has
  // 2,000 waiting at once, which is no leak.
  private events = new EventEmitter().setMaxListeners(0);
  private inboxes = new Map<number, Shown[]>();
  private waitingPolls = new Set<() => void>();

  private constructor(
    readonly apiRoot: string,
    server: Server,
  ) {
    this.server = server;
  }

  static async start(): Promise<FakeTelegram> {
    const { server, root } = await loopbackServer();
    const fake = new FakeTelegram(root, server);
    server.on("request", (req, res) => void fake.handle(req, res));
    return fake;
  }

  async close(): Promise<void> {
    for (const wake of this.waitingPolls) wake();
    this.server.closeAllConnections();
    this.server.close();
  }

  /** Queues an update as Telegram would, for the bot's next getUpdates. */
  deliver(update: Omit<Update, "update_id">): number {
    const full = { ...update, update_id: nextUpdateId++ } as Update;
    this.delivered.set(full.update_id, full);
    if (this.webhookDelivery) {
      this.webhookDelivery(full);
      return full.update_id;
    }
    this.pending.push(full);
    for (const wake of this.waitingPolls) wake();
    return full.update_id;
  }

  /** In webhook mode, how an update reaches the bot (instead of waiting for getUpdates). */
  webhookDelivery: ((update: Update) => void) | undefined;
  readonly webhooks: { url: string; secret: string | undefined }[] = [];

  /**
   * Posts an update to a webhook as Telegram does, then carries out the Bot API call that a 200
   * answer may hold — unless `loseAnswer`: the answer never arrives, as when a connection breaks.
   * Resolves with the HTTP status, or 0 if the connection failed.
   */
  async postToWebhook(url: string, update: Update, secret: string | undefined, options: { loseAnswer?: boolean } = {}): Promise<number> {
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...(secret === undefined ? {} : { "x-telegram-bot-api-secret-token": secret }) },
        body: JSON.stringify(update),
      });
      const body = await response.text();
      if (options.loseAnswer) return 0;
      if (response.status === 200 && body !== "") await this.executeWebhookAnswer(body);
      return response.status;
    } catch {
      return 0;
    }
  }

  /**
   * Carries out the call in a webhook's answer. Telegram reports nothing back for these, so a
   * refusal is only a violation for the test to see.
   */
  async executeWebhookAnswer(body: string): Promise<void> {
    const { method, ...payload } = JSON.parse(body) as Record<string, unknown>;
    if (typeof method !== "string" || method === "getUpdates") {
      this.violations.push(`webhook answer without a usable method: ${body.slice(0, 80)}`);
      return;
    }
    this.calls.push({ method, payload, inWebhookAnswer: true });
    await this.answer(method, payload);
  }

  /** The update with this id, as delivered. */
  update(updateId: number): Update {
    const update = this.delivered.get(updateId);
    if (!update) throw new Error(`update ${updateId} was never delivered`);
    return update;
  }

  /**
   * Sends an update again although the bot confirmed it, as Telegram does when a confirmation or
   * a webhook answer got lost.
   */
  redeliver(updateId: number): void {
    const update = this.delivered.get(updateId);
    if (!update) throw new Error(`update ${updateId} was never delivered`);
    this.redeliveries.add(updateId);
    this.pending.push(update);
    for (const wake of this.waitingPolls) wake();
  }

  user(profile: { id: number; first_name: string; language_code?: string }): TestUser {
    return new TestUser(this, profile);
  }

  /** Resolves with the next thing the bot shows in this chat; fails the test if none comes. */
  async nextShown(chatId: number, timeoutMs = 10_000): Promise<Shown> {
    const inbox = this.inbox(chatId);
    const queued = inbox.shift();
    if (queued) return queued;
    const arrival = once(this.events, `shown:${chatId}`, { signal: AbortSignal.timeout(timeoutMs) }).catch(() => {
      throw new Error(`the bot showed nothing in chat ${chatId} within ${timeoutMs} ms`);
    });
    await arrival;
    return inbox.shift() as Shown;
  }

  /** Marks everything shown in a chat so far as read. */
  markRead(chatId: number): void {
    this.inbox(chatId).length = 0;
  }

  /** What has been shown in a chat and not yet read by the test. */
  unread(chatId: number): Shown[] {
    return [...this.inbox(chatId)];
  }

  private inbox(chatId: number): Shown[] {
    let inbox = this.inboxes.get(chatId);
    if (!inbox) {
      inbox = [];
      this.inboxes.set(chatId, inbox);
    }
    return inbox;
  }

  private show(shown: Shown) {
    this.inbox(shown.chatId).push(shown);
    this.events.emit(`shown:${shown.chatId}`);
  }

  private files = new Map<string, Buffer>();

  /** Stores a file as if a user had uploaded it; returns its file_id. */
  storeFile(bytes: Buffer): string {
    const fileId = `file-${this.files.size + 1}`;
    this.files.set(fileId, bytes);
    return fileId;
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const download = /^\/file\/bot([^/]+)\/documents\/(.+)$/.exec(req.url ?? "");
    if (download && download[1] === TEST_TOKEN) {
      const bytes = this.files.get(download[2] ?? "");
      res.writeHead(bytes ? 200 : 404);
      res.end(bytes ?? "");
      return;
    }
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? "");
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let result: ApiResult;
    if (!match || match[1] !== TEST_TOKEN) {
      result = { status: 404, body: { ok: false, error_code: 404, description: "Not Found" } };
    } else {
      const payload = parseApiPayload(req.headers["content-type"] ?? "", Buffer.concat(chunks));
      const method = match[2] ?? "";
      this.calls.push({ method, payload });
      result = await this.answer(method, payload, req);
    }
    if (res.destroyed) return;
    res.writeHead(result.status, { "content-type": "application/json" });
    res.end(JSON.stringify(result.body));
  }

  private async answer(method: string, payload: Record<string, unknown>, req?: IncomingMessage): Promise<ApiResult> {
    switch (method) {
      case "getMe":
        return ok({
          id: 42,
          is_bot: true,
          first_name: "TĐKT",
          username: "tdkt_test_bot",
          can_join_groups: false,
          can_read_all_group_messages: false,
          supports_inline_queries: false,
        });
      case "getUpdates":
        return req ? ok(await this.getUpdates(payload, req)) : this.refuse("getUpdates outside a request");
      case "getFile": {
        const fileId = String(payload.file_id);
        const bytes = this.files.get(fileId);
        if (!bytes) return this.refuse("Bad Request: invalid file_id");
        // A local Bot API server (--local) keeps files on its disk and answers with the absolute path.
        if (this.localFilesDirectory) {
          const localPath = path.join(this.localFilesDirectory, fileId);
          writeFileSync(localPath, bytes);
          return ok({ file_id: fileId, file_unique_id: fileId, file_size: bytes.length, file_path: localPath });
        }
        return ok({ file_id: fileId, file_unique_id: fileId, file_size: bytes.length, file_path: `documents/${fileId}` });
      }
      case "editMessageReplyMarkup":
        return ok(true);
      case "setWebhook":
        this.webhooks.push({ url: String(payload.url), secret: typeof payload.secret_token === "string" ? payload.secret_token : undefined });
        return ok(true);
      case "setMyCommands":
        return this.setMyCommands(payload);
      case "deleteWebhook":
      case "sendChatAction":
        return ok(true);
      case "answerCallbackQuery": {
        const refusal = this.checkText(payload, "text", { optional: true, max: 200 });
        if (refusal) return refusal;
        // Test users put their id in the query id, so the notice lands in their chat.
        const chatId = Number(/^cb-(\d+)-/.exec(String(payload.callback_query_id))?.[1]);
        if (typeof payload.text === "string" && chatId) {
          this.show({ kind: "notice", chatId, messageId: 0, text: payload.text, buttons: [] });
        }
        return ok(true);
      }
      case "sendMessage":
      case "editMessageText":
      case "sendDocument":
        return this.sendWithFaults(method, payload);
      default:
        return this.refuse(`method ${method} is not implemented by the fake API`, 404);
    }
  }

  /** The command menus set, by scope: "default" or the chat id of a chat scope (and ":<language>" when given). */
  readonly menus = new Map<string, string[]>();

  private setMyCommands(payload: Record<string, unknown>): ApiResult {
    const parse = (value: unknown) => (typeof value === "string" ? (JSON.parse(value) as unknown) : value);
    const commands = parse(payload.commands) as { command?: unknown; description?: unknown }[];
    const scope = parse(payload.scope) as { type?: string; chat_id?: unknown } | undefined;
    if (!Array.isArray(commands) || commands.length > 100) return this.refuse("Bad Request: BOT_COMMANDS_TOO_MUCH");
    for (const entry of commands) {
      if (typeof entry.command !== "string" || !/^[a-z0-9_]{1,32}$/.test(entry.command)) return this.refuse("Bad Request: BOT_COMMAND_INVALID");
      if (typeof entry.description !== "string" || entry.description.length < 1 || entry.description.length > 256)
        return this.refuse("Bad Request: BOT_COMMAND_DESCRIPTION_INVALID");
    }
    const key = `${scope?.type === "chat" ? String(scope.chat_id) : "default"}${typeof payload.language_code === "string" ? `:${payload.language_code}` : ""}`;
    this.menus.set(
      key,
      commands.map((entry) => String(entry.command)),
    );
    return ok(true);
  }

  private async getUpdates(payload: Record<string, unknown>, req: IncomingMessage): Promise<Update[]> {
    const offset = Number(payload.offset ?? 0);
    this.pending = this.pending.filter((update) => update.update_id >= offset || this.redeliveries.has(update.update_id));
    if (this.pending.length === 0) {
      const timeoutSeconds = Math.min(Number(payload.timeout ?? 0), 30);
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.waitingPolls.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, timeoutSeconds * 1000);
        this.waitingPolls.add(wake);
        req.once("close", wake);
      });
    }
    const batch = this.pending.slice(0, Number(payload.limit ?? 100));
    for (const update of batch) this.redeliveries.delete(update.update_id);
    return batch;
  }

  private faults: Fault[] = [];
  readonly received: { chatId: number; text: unknown }[] = [];

  /**
   * Queues faults for the next sendMessage calls, in order: "5xx" and "hang" after Telegram got
   * the message, "429" (per-chat flood limit, retry after 1 s) and "400" refusing it outright.
   */
  injectFaults(...faults: Fault[]): void {
    this.faults.push(...faults);
  }

  private async sendWithFaults(method: string, payload: Record<string, unknown>): Promise<ApiResult> {
    const fault = method === "sendMessage" ? this.faults.shift() : undefined;
    if (fault === "429")
      return { status: 429, body: { ok: false, error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } } };
    if (fault === "400") return { status: 400, body: { ok: false, error_code: 400, description: "Bad Request: chat not found" } };
    if (fault) this.received.push({ chatId: Number(payload.chat_id), text: payload.text });
    if (fault === "5xx") return { status: 502, body: { ok: false, error_code: 502, description: "Bad Gateway" } };
    // Telegram got it (and may have delivered it) but the answer never comes.
    if (fault === "hang") return new Promise<ApiResult>(() => {});
    const result = this.send(method, payload);
    if (result.status === 200 && method === "sendMessage") this.received.push({ chatId: Number(payload.chat_id), text: payload.text });
    return result;
  }

  private send(method: string, payload: Record<string, unknown>): ApiResult {
    const chatId = Number(payload.chat_id);
    if (this.blocked.has(chatId)) {
      return { status: 403, body: { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" } };
    }
    const now = Date.now();
    this.sentAt = this.sentAt.filter((at) => now - at < 1000);
    if (this.sentAt.length >= this.rateLimitPerSecond) {
      this.rateLimited++;
      this.rateLimitedAt.push(performance.now());
      return { status: 429, body: { ok: false, error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } } };
    }
    const field = method === "sendDocument" ? "caption" : "text";
    const refusal = this.checkText(payload, field, { optional: method === "sendDocument", max: method === "sendDocument" ? 1024 : 4096 });
    if (refusal) return refusal;
    const buttons = keyboardOf(payload.reply_markup);
    const tooLong = buttons.find((button) => Buffer.byteLength(button.data) > 64);
    if (tooLong) return this.refuse("Bad Request: BUTTON_DATA_INVALID");
    this.sentAt.push(now);
    this.acceptedAt.push(performance.now());
    const text = visibleText(payload[field], payload.parse_mode);
    const messageId = method === "editMessageText" ? Number(payload.message_id) : this.nextMessageId++;
    const document = payload.document as { name?: string; bytes?: Buffer } | undefined;
    this.show({
      kind: method === "sendMessage" ? "message" : method === "editMessageText" ? "edit" : "document",
      chatId,
      messageId,
      text,
      buttons,
      ...(document?.name ? { fileName: document.name } : {}),
      ...(document?.bytes ? { fileBytes: document.bytes } : {}),
    });
    return ok({ message_id: messageId, date: Math.floor(now / 1000), chat: { id: chatId, type: "private" }, text });
  }

  private checkText(payload: Record<string, unknown>, field: string, rule: { optional: boolean; max: number }): ApiResult | undefined {
    const raw = payload[field];
    if (raw === undefined && rule.optional) return undefined;
    if (typeof raw !== "string") return this.refuse(`Bad Request: ${field} is empty`);
    let visible = raw;
    if (payload.parse_mode === "HTML") {
      const parsed = telegramRendering(raw);
      if ("refusal" in parsed) return this.refuse(`Bad Request: ${parsed.refusal}`);
      visible = parsed.text;
    }
    if (visible.trim().length === 0 && !rule.optional) return this.refuse(`Bad Request: message ${field} is empty`);
    if ([...visible].length > rule.max) return this.refuse(`Bad Request: message is too long`);
    return undefined;
  }

  private refuse(description: string, status = 400): ApiResult {
    this.violations.push(description);
    return { status, body: { ok: false, error_code: status, description } };
  }

  // Used by TestUser.
  messageIdForTest(): number {
    return this.nextMessageId++;
  }
}

/** A person chatting with the bot through the fake API. */
export class TestUser {
  constructor(
    private readonly fake: FakeTelegram,
    readonly profile: { id: number; first_name: string; language_code?: string },
  ) {}

  get id(): number {
    return this.profile.id;
  }

  /** Sends a text message; a leading /command is marked as Telegram marks it. Returns the update id. */
  send(text: string, formatting: MessageEntity[] = []): number {
    const command = /^\/\S+/.exec(text)?.[0];
    const entities: MessageEntity[] = [...(command ? [{ type: "bot_command" as const, offset: 0, length: command.length }] : []), ...formatting];
    return this.fake.deliver({
      message: {
        message_id: this.fake.messageIdForTest(),
        date: Math.floor(Date.now() / 1000),
        chat: { id: this.id, type: "private", first_name: this.profile.first_name },
        from: {
          id: this.id,
          is_bot: false,
          first_name: this.profile.first_name,
          ...(this.profile.language_code ? { language_code: this.profile.language_code } : {}),
        },
        text,
        ...(entities.length > 0 ? { entities } : {}),
      },
    });
  }

  /** Sends a file, as a user attaching a document. */
  sendDocument(fileName: string, bytes: Buffer, mimeType = "application/octet-stream"): number {
    const fileId = this.fake.storeFile(bytes);
    return this.fake.deliver({
      message: {
        message_id: this.fake.messageIdForTest(),
        date: Math.floor(Date.now() / 1000),
        chat: { id: this.id, type: "private", first_name: this.profile.first_name },
        from: { id: this.id, is_bot: false, first_name: this.profile.first_name },
        document: { file_id: fileId, file_unique_id: fileId, file_name: fileName, mime_type: mimeType, file_size: bytes.length },
      },
    });
  }

  /** Sends a file as the answer to what a command asked for; on Telegram, simply the document. */
  async sendFile(_command: string, fileName: string, bytes: Buffer): Promise<{ status: number; page: string }> {
    this.sendDocument(fileName, bytes);
    return { status: 200, page: "" };
  }

  /** Presses the button with this label on a message the bot showed. */
  press(on: Shown, label: string): number {
    const button = on.buttons.find((candidate) => candidate.text === label);
    if (!button) throw new Error(`no button "${label}" on the message; it has ${on.buttons.map((b) => b.text).join(", ")}`);
    return this.pressData(on.messageId, button.data);
  }

  /** Sends a callback query with arbitrary data, as a forged or stale button would. */
  pressData(messageId: number, data: string): number {
    return this.fake.deliver({
      callback_query: {
        id: `cb-${this.id}-${messageId}-${Math.random().toString(36).slice(2)}`,
        from: { id: this.id, is_bot: false, first_name: this.profile.first_name },
        chat_instance: String(this.id),
        data,
        message: {
          message_id: messageId,
          date: Math.floor(Date.now() / 1000),
          chat: { id: this.id, type: "private", first_name: this.profile.first_name },
          text: "",
        },
      },
    });
  }

  /** The next thing the bot shows this user. */
  next(): Promise<Shown> {
    return this.fake.nextShown(this.id);
  }

  /** Sends a message and returns the bot's answer. */
  async ask(text: string): Promise<Shown> {
    this.send(text);
    return this.next();
  }
}

/** An HTTP server on a free loopback port, for a fake platform API. */
export async function loopbackServer(): Promise<{ server: Server; root: string }> {
  // Node closes an idle keep-alive socket after 5 s; a client reusing it at that moment gets a
  // reset ("Network request failed"), which a loaded machine makes likely. The real APIs keep
  // idle connections far longer.
  const server = createServer({ keepAliveTimeout: 120_000 });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return { server, root: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function ok(result: unknown): ApiResult {
  return { status: 200, body: { ok: true, result } };
}

function keyboardOf(markup: unknown): { text: string; data: string }[] {
  const parsed = typeof markup === "string" ? (JSON.parse(markup) as unknown) : markup;
  const rows = (parsed as { inline_keyboard?: InlineKeyboardButton[][] } | undefined)?.inline_keyboard ?? [];
  return rows.flat().flatMap((button) => ("callback_data" in button ? [{ text: button.text, data: button.callback_data }] : []));
}

function visibleText(raw: unknown, parseMode: unknown): string {
  if (typeof raw !== "string") return "";
  if (parseMode !== "HTML") return raw;
  const parsed = telegramRendering(raw);
  return "text" in parsed ? parsed.text : raw;
}

/** The next thing shown to this person that contains the text, skipping notices and other messages. */
export async function nextWith(who: { next(): Promise<Shown> }, text: string): Promise<Shown> {
  for (;;) {
    const shown = await who.next();
    if (shown.text.includes(text)) return shown;
  }
}
