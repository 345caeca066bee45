import { EventEmitter, once } from "node:events";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { loopbackServer, type Shown } from "./fake-telegram.js";

export const ZALO_TEST_TOKEN = "1234567890:zalo-test-token";
/** Zalo's limit for one text message. */
export const ZALO_MAX_TEXT = 2000;

/** Zalo ids are opaque strings; the tests' numeric ids are dressed as such, and undressed. */
export const zaloChatId = (id: number) => `zc${id.toString(16)}u`;
const testIdOf = (chatId: string) => Number.parseInt(/^zc([0-9a-f]+)u$/.exec(chatId)?.[1] ?? "", 16);

export type ZaloEventBody = {
  event_name: string;
  message: {
    message_id: string;
    from: { id: string; display_name: string; is_bot: false };
    chat: { id: string; chat_type: "PRIVATE" };
    date: number;
    text?: string;
  };
};

/**
 * The Zalo Bot Platform API on loopback, from its documented shapes: POST /bot<token>/<method>
 * with JSON; getUpdates returns one event or error 408; sendMessage takes plain text of 1–2,000
 * characters. Whatever Zalo would refuse, or would show users as raw markup, is a violation.
 */
export class FakeZalo {
  readonly violations: string[] = [];
  /** Every text the bot sent, in order, per chat. */
  readonly sent: { chatId: string; text: string }[] = [];
  readonly webhooks: { url: string; secret: string }[] = [];
  /** Every event as offered to the bot, and the HTTP status a webhook answered. */
  readonly webhookAnswers: number[] = [];

  private readonly queue: ZaloEventBody[] = [];
  private readonly waiting = new Set<() => void>();
  // One listener per waiting chat (see FakeTelegram.events): many at once is no leak.
  private readonly events = new EventEmitter().setMaxListeners(0);
  private readonly inboxes = new Map<number, Shown[]>();
  private nextMessageId = 1;
  private nextIncomingId = 1;
  private webhookMode = false;

  private constructor(
    readonly apiRoot: string,
    private readonly server: Server,
  ) {}

  static async start(): Promise<FakeZalo> {
    const { server, root } = await loopbackServer();
    const fake = new FakeZalo(root, server);
    server.on("request", (req, res) => void fake.handle(req, res));
    return fake;
  }

  async close(): Promise<void> {
    for (const wake of this.waiting) wake();
    this.server.closeAllConnections();
    this.server.close();
  }

  /** Events go to the registered webhook from now on, not to getUpdates. */
  useWebhook(): void {
    this.webhookMode = true;
  }

  user(profile: { id: number; first_name: string }): ZaloTestUser {
    return new ZaloTestUser(this, profile);
  }

  /** A text event from a user, as Zalo would send it. */
  textEvent(userId: number, name: string, text: string, messageId = `m${this.nextIncomingId++}`): ZaloEventBody {
    const chatId = zaloChatId(userId);
    return {
      event_name: "message.text.received",
      message: {
        message_id: messageId,
        from: { id: chatId, display_name: name, is_bot: false },
        chat: { id: chatId, chat_type: "PRIVATE" },
        date: Date.now(),
        text,
      },
    };
  }

  /** Offers an event to the bot: queued for getUpdates, or posted to the webhook (alternately bare and wrapped). */
  async deliver(event: ZaloEventBody, secret?: string): Promise<number | undefined> {
    if (!this.webhookMode) {
      this.queue.push(event);
      for (const wake of this.waiting) wake();
      return undefined;
    }
    const webhook = this.webhooks.at(-1);
    if (!webhook) throw new Error("no webhook registered");
    const body = this.webhookAnswers.length % 2 === 0 ? event : { ok: true, result: event };
    const response = await fetch(webhook.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-bot-api-secret-token": secret ?? webhook.secret },
      body: JSON.stringify(body),
    });
    await response.arrayBuffer();
    this.webhookAnswers.push(response.status);
    return response.status;
  }

  async nextShown(userId: number, timeoutMs = 10_000): Promise<Shown> {
    const inbox = this.inbox(userId);
    const queued = inbox.shift();
    if (queued) return queued;
    await once(this.events, `shown:${userId}`, { signal: AbortSignal.timeout(timeoutMs) }).catch(() => {
      throw new Error(`the bot showed nothing in Zalo chat ${userId} within ${timeoutMs} ms`);
    });
    return inbox.shift() as Shown;
  }

  unread(userId: number): Shown[] {
    return [...this.inbox(userId)];
  }

  markRead(userId: number): void {
    this.inbox(userId).length = 0;
  }

  private inbox(userId: number): Shown[] {
    let inbox = this.inboxes.get(userId);
    if (!inbox) {
      inbox = [];
      this.inboxes.set(userId, inbox);
    }
    return inbox;
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? "");
    let answer: { ok: boolean; result?: unknown; error_code?: number; description?: string };
    if (!match || match[1] !== ZALO_TEST_TOKEN) {
      answer = { ok: false, error_code: 401, description: "Unauthorized" };
    } else {
      const text = Buffer.concat(chunks).toString("utf8");
      const payload = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
      answer = await this.answer(match[2] ?? "", payload, req);
    }
    if (res.destroyed) return;
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(answer));
  }

  private async answer(method: string, payload: Record<string, unknown>, req: IncomingMessage) {
    switch (method) {
      case "getMe":
        return { ok: true, result: { id: "bot1", account_name: "bot.tdkt", account_type: "BASIC", can_join_groups: false } };
      case "getUpdates":
        return this.getUpdates(Number(payload.timeout ?? 30), req);
      case "setWebhook":
        if (typeof payload.url !== "string" || typeof payload.secret_token !== "string" || payload.secret_token.length < 8) {
          return this.refuse("setWebhook needs a url and a secret_token of 8–256 characters");
        }
        this.webhooks.push({ url: payload.url, secret: payload.secret_token });
        return { ok: true, result: { url: payload.url, updated_at: Date.now() } };
      case "deleteWebhook":
        return { ok: true, result: { url: "", updated_at: Date.now() } };
      case "sendChatAction":
        if (payload.action !== "typing" && payload.action !== "upload_photo") return this.refuse(`chat action ${String(payload.action)} is not one of Zalo's`);
        this.chatActions.push({ chatId: String(payload.chat_id), action: payload.action });
        return { ok: true, result: {} };
      case "sendMessage":
        return this.sendMessage(payload);
      default:
        return this.refuse(`method ${method} is not in the Zalo Bot API`, 404);
    }
  }

  private async getUpdates(timeoutSeconds: number, req: IncomingMessage) {
    if (this.queue.length === 0) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.waiting.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, Math.min(timeoutSeconds, 30) * 1000);
        this.waiting.add(wake);
        req.once("close", wake);
      });
    }
    const event = this.queue.shift();
    // One event per call; none within the timeout is error 408.
    return event ? { ok: true, result: event } : { ok: false, error_code: 408, description: "Request timeout" };
  }

  /** Chat actions the bot sent ("typing"), in order. */
  readonly chatActions: { chatId: string; action: string }[] = [];
  private sendFailures: { error_code: number; description: string }[] = [];

  /** The next sendMessage gets Zalo's quota answer: 429, and no time to retry after. */
  exceedQuota(): void {
    this.sendFailures.push({ error_code: 429, description: "Quota exceeded" });
  }

  /** The next sendMessage is refused with this error, as Zalo refuses it. */
  refuseNextSend(errorCode: number, description: string): void {
    this.sendFailures.push({ error_code: errorCode, description });
  }

  private async sendMessage(payload: Record<string, unknown>) {
    const failure = this.sendFailures.shift();
    if (failure) return { ok: false, ...failure };
    const chatId = payload.chat_id;
    const text = payload.text;
    if (typeof chatId !== "string" || !Number.isFinite(testIdOf(chatId))) return this.refuse(`chat_id ${String(chatId)} is not a Zalo chat`);
    if (typeof text !== "string" || text.trim().length === 0) return this.refuse("text is empty");
    if ([...text].length > ZALO_MAX_TEXT) return this.refuse(`text of ${[...text].length} characters is over ${ZALO_MAX_TEXT}`);
    // Zalo shows text as it is: any markup would reach the user as tags.
    const markup = /<\/?(?:b|i|u|s|a|code|pre|br|blockquote|tg-spoiler)\b[^>]*>|&(?:lt|gt|amp|quot|#\d+);/i.exec(text);
    if (markup) this.violations.push(`markup visible on Zalo: ${markup[0]}`);
    this.sent.push({ chatId, text });
    const messageId = this.nextMessageId++;
    await this.show(testIdOf(chatId), messageId, text);
    return { ok: true, result: { message_id: `sent${messageId}`, date: Date.now() } };
  }

  /**
   * What the user sees: the text, its numbered options as buttons, and a download link as the
   * document it leads to (fetched before sendMessage answers, so the order stays the bot's).
   */
  private async show(userId: number, messageId: number, raw: string) {
    const { text, options } = readNumberedOptions(raw);
    const link = /https?:\/\/\S+\/downloads\/\S+/.exec(text)?.[0];
    const shown: Shown = link
      ? await downloadAsShown(userId, messageId, link, text)
      : { kind: "message", chatId: userId, messageId, text, buttons: options.map((option) => ({ text: option.label, data: option.key })) };
    this.inbox(userId).push(shown);
    this.events.emit(`shown:${userId}`);
  }

  private refuse(description: string, errorCode = 400) {
    this.violations.push(description);
    return { ok: false, error_code: errorCode, description };
  }
}

/** Splits "text\n\n1. A\n2. B\nhint" (keys may be 4a, 4b…) into the text and the options with their keys. */
export function readNumberedOptions(raw: string): { text: string; options: { key: string; label: string }[] } {
  const paragraphs = raw.split("\n\n");
  const lines = (paragraphs.at(-1) ?? "").split("\n");
  const items = lines.slice(0, -1).map((line) => /^(\d+[a-z]?)\. (.*)$/.exec(line));
  const keys = items.map((item) => item?.[1]);
  const listed = items.length > 0 && items.every((item) => item !== null) && new Set(keys).size === keys.length;
  if (!listed) return { text: raw, options: [] };
  return { text: paragraphs.slice(0, -1).join("\n\n"), options: items.map((item) => ({ key: item?.[1] ?? "", label: item?.[2] ?? "" })) };
}

/** Opens the link as a person does: its page first, then its button (a POST), which gives the file once. */
export async function downloadAsShown(userId: number, messageId: number, link: string, text: string): Promise<Shown> {
  const page = await fetch(link);
  if (!page.ok || !(await page.text()).includes('<form method="post">'))
    return { kind: "message", chatId: userId, messageId, text: `${text}\n[${page.status}]`, buttons: [] };
  const response = await fetch(link, { method: "POST" });
  const disposition = response.headers.get("content-disposition") ?? "";
  const fileName = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? "");
  const bytes = Buffer.from(await response.arrayBuffer());
  if (!response.ok) return { kind: "message", chatId: userId, messageId, text: `${text}\n[${response.status}]`, buttons: [] };
  return { kind: "document", chatId: userId, messageId, text, buttons: [], fileName, fileBytes: bytes };
}

/** A person chatting with the bot on Zalo: typing is all they can do. */
export class ZaloTestUser {
  constructor(
    private readonly fake: FakeZalo,
    readonly profile: { id: number; first_name: string },
  ) {}

  get id(): number {
    return this.profile.id;
  }

  send(text: string): void {
    void this.fake.deliver(this.fake.textEvent(this.id, this.profile.first_name, text));
  }

  /** Chooses an option the way Zalo users do: by typing the number shown in front of it. */
  press(on: Shown, label: string): void {
    const option = on.buttons.find((button) => button.text === label);
    if (!option) throw new Error(`no option "${label}" in the message; it has ${on.buttons.map((b) => b.text).join(", ")}`);
    this.send(option.data);
  }

  next(): Promise<Shown> {
    return this.fake.nextShown(this.id);
  }

  async ask(text: string): Promise<Shown> {
    this.send(text);
    return this.next();
  }

  /**
   * Sends a file the only way a Zalo user can: types the command, opens the upload link its
   * answer carries, and submits the page's form as a browser does. Resolves with the page the
   * browser shows after submitting; the bot's answer arrives in the chat.
   */
  async sendFile(command: string, fileName: string, bytes: Buffer): Promise<{ status: number; page: string }> {
    this.send(command);
    let link: string | undefined;
    while (!link) link = /https?:\/\/\S+\/uploads\/\S+/.exec((await this.next()).text)?.[0];
    const form = await fetch(link);
    const page = await form.text();
    if (form.status !== 200 || !page.includes('type="file" name="file"')) throw new Error(`the upload page answered ${form.status}: ${page}`);
    const body = new FormData();
    body.append("file", new Blob([new Uint8Array(bytes)]), fileName);
    const submitted = await fetch(link, { method: "POST", body });
    return { status: submitted.status, page: await submitted.text() };
  }
}
