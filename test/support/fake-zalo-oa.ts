import { createHash, randomBytes } from "node:crypto";
import { EventEmitter, once } from "node:events";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { loopbackServer, type Shown } from "./fake-telegram.js";
import { downloadAsShown, readNumberedOptions } from "./fake-zalo.js";

export const OA_APP_ID = "3456789012345678901";
export const OA_APP_SECRET = "oa-app-secret-for-tests";
export const OA_ID = "1122334455667788990";
export const OA_SECRET_KEY = "oa-secret-key-for-tests";
export const OA_FIRST_REFRESH_TOKEN = "refresh-token-0";

/** OA user ids are long numeric strings; the tests' small ids are dressed as such, and undressed. */
export const oaUserId = (id: number) => String(1_000_000_000_000_000 + id);
const testIdOf = (userId: string) => Number(userId) - 1_000_000_000_000_000;

const HOUR = 3_600_000;
/** What the public documentation says the OA refuses. */
export const OA_LIMITS = { text: 2000, buttons: 5, buttonTitle: 100, fileTypes: ["pdf", "doc", "docx"], fileBytes: 5 * 1024 * 1024, sendsPerSecond: 20 };

type OaAnswer = { error: number; message: string; data?: unknown };

/**
 * The Zalo Official Account API on loopback, from its public documentation: OAuth v4 with an
 * access token that expires (here after `tokenLifetimeMs` of real time) and a single-use refresh
 * token; message/cs with text of at most 2,000 characters, at most 5 buttons of 100-character
 * titles, and only to a follower inside the 7 days after their last interaction (between 48 h
 * and 7 days, out of the month's allowance); upload/file for pdf/doc/docx of at most 5 MB. Every
 * refusal the bot draws is a violation; so is reusing a spent refresh token or more sends in one
 * second than the documented rate. Events go to the bot's webhook, signed as Zalo signs them.
 */
export class FakeZaloOa {
  readonly violations: string[] = [];
  readonly sent: { userId: string; message: Record<string, unknown> }[] = [];
  /** Every access token issued, and the refresh tokens spent. */
  readonly refreshes: { at: number; refreshToken: string }[] = [];
  tokenLifetimeMs = 25 * HOUR;
  /** The proactive messages (48 h – 7 days after the last interaction) the OA may still send this month. */
  allowance = 1000;
  webhookUrl = "";
  /**
   * Sends a second beyond which a send is a violation: one integration guide's 20, checked where
   * the outbox's pace is the subject (its benchmark, the two-instance test); conversations in
   * tests answer faster than people type, so they are not held to it.
   */
  sendsPerSecondLimit = Number.POSITIVE_INFINITY;
  /** Business time, as the bot's clock: the windows are measured in it. */
  now: () => Date = () => new Date();

  private refreshToken = OA_FIRST_REFRESH_TOKEN;
  private readonly spentRefreshTokens = new Set<string>();
  private readonly accessTokens = new Map<string, number>();
  private readonly followers = new Set<string>();
  private readonly lastInteraction = new Map<string, number>();
  private readonly uploads = new Map<string, { name: string; bytes: Buffer }>();
  private readonly hosted = new Map<string, { name: string; bytes: Buffer }>();
  private readonly inboxes = new Map<number, Shown[]>();
  private readonly events = new EventEmitter().setMaxListeners(0);
  private readonly sendTimes: number[] = [];
  private nextMessageId = 1;
  private nextEventId = 1;
  private delivering: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly root: string,
    private readonly server: Server,
  ) {}

  static async start(): Promise<FakeZaloOa> {
    const { server, root } = await loopbackServer();
    const fake = new FakeZaloOa(root, server);
    server.on("request", (req, res) => void fake.handle(req, res));
    return fake;
  }

  async close(): Promise<void> {
    await this.delivering;
    this.server.closeAllConnections();
    this.server.close();
  }

  user(profile: { id: number; first_name: string }): OaTestUser {
    return new OaTestUser(this, profile.id);
  }

  /** The person follows the OA (and so interacted with it now). */
  follow(id: number): Promise<number> {
    const userId = oaUserId(id);
    this.followers.add(userId);
    this.lastInteraction.set(userId, this.now().getTime());
    return this.post({ app_id: OA_APP_ID, oa_id: OA_ID, event_name: "follow", follower: { id: userId }, timestamp: String(this.now().getTime()) });
  }

  unfollow(id: number): Promise<number> {
    const userId = oaUserId(id);
    this.followers.delete(userId);
    return this.post({ app_id: OA_APP_ID, oa_id: OA_ID, event_name: "unfollow", follower: { id: userId }, timestamp: String(this.now().getTime()) });
  }

  /** Every follower interacted at `at`: the conversational suites' people use the bot every day. */
  everyoneInteractedAt(at: Date): void {
    for (const userId of this.followers) this.lastInteraction.set(userId, at.getTime());
  }

  /** A follower whose last interaction was at `at` (linked before the test, say). */
  followerSince(id: number, at: Date): void {
    this.followers.add(oaUserId(id));
    this.lastInteraction.set(oaUserId(id), at.getTime());
  }

  /** A message event from a follower: text, a hidden button payload, or a file hosted by this fake. */
  userEvent(id: number, event: { text: string } | { file: { name: string; bytes: Buffer } }): Promise<number> {
    const userId = oaUserId(id);
    this.followers.add(userId);
    this.lastInteraction.set(userId, this.now().getTime());
    const base = { app_id: OA_APP_ID, sender: { id: userId }, recipient: { id: OA_ID }, timestamp: String(this.now().getTime()) };
    const msgId = `msg${this.nextEventId++}`;
    if ("text" in event) return this.post({ ...base, event_name: "user_send_text", message: { msg_id: msgId, text: event.text } });
    const key = randomBytes(8).toString("hex");
    this.hosted.set(key, event.file);
    const url = `${this.root}/files/${key}`;
    return this.post({
      ...base,
      event_name: "user_send_file",
      message: { msg_id: msgId, attachments: [{ type: "file", payload: { url, name: event.file.name, size: String(event.file.bytes.length) } }] },
    });
  }

  /** Posts a signed event to the bot's webhook, one at a time as Zalo does for an OA; resolves with the status. */
  post(event: Record<string, unknown>, signature?: string): Promise<number> {
    const delivered = this.delivering.then(async () => {
      const body = JSON.stringify(event);
      const mac = createHash("sha256")
        .update(`${OA_APP_ID}${body}${String(event.timestamp)}${OA_SECRET_KEY}`)
        .digest("hex");
      const response = await fetch(this.webhookUrl, {
        method: "POST",
        headers: { "content-type": "application/json", "x-zevent-signature": signature ?? `mac=${mac}` },
        body,
      });
      await response.arrayBuffer();
      if (response.status !== 200 && signature === undefined) this.violations.push(`webhook answered ${response.status} to ${String(event.event_name)}`);
      return response.status;
    });
    this.delivering = delivered.catch(() => undefined);
    return delivered;
  }

  async nextShown(id: number, timeoutMs = 10_000): Promise<Shown> {
    const inbox = this.inbox(id);
    const queued = inbox.shift();
    if (queued) return queued;
    await once(this.events, `shown:${id}`, { signal: AbortSignal.timeout(timeoutMs) }).catch(() => {
      throw new Error(`the OA showed nothing to user ${id} within ${timeoutMs} ms`);
    });
    return inbox.shift() as Shown;
  }

  unread(id: number): Shown[] {
    return [...this.inbox(id)];
  }

  markRead(id: number): void {
    this.inbox(id).length = 0;
  }

  private inbox(id: number): Shown[] {
    let inbox = this.inboxes.get(id);
    if (!inbox) {
      inbox = [];
      this.inboxes.set(id, inbox);
    }
    return inbox;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? "/", this.root);
    if (req.method === "GET" && url.pathname.startsWith("/files/")) {
      const file = this.hosted.get(url.pathname.slice("/files/".length));
      res.writeHead(file ? 200 : 404, { "content-type": "application/octet-stream" });
      res.end(file?.bytes ?? "");
      return;
    }
    let answer: unknown;
    if (url.pathname === "/v4/oa/access_token") answer = this.accessToken(req, body);
    else if (url.pathname === "/v3.0/oa/message/cs") answer = await this.message(req, body);
    else if (url.pathname === "/v2.0/oa/upload/file") answer = await this.upload(req, body);
    else answer = this.refuse(404, `${url.pathname} is not in the OA API`);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(answer));
  }

  private accessToken(req: IncomingMessage, body: Buffer) {
    const form = new URLSearchParams(body.toString("utf8"));
    if (req.headers.secret_key !== OA_APP_SECRET || form.get("app_id") !== OA_APP_ID || form.get("grant_type") !== "refresh_token") {
      return { error: -14002, message: "Invalid app" };
    }
    const given = form.get("refresh_token") ?? "";
    if (this.spentRefreshTokens.has(given)) {
      this.violations.push(`a spent refresh token was sent again: ${given}`);
      return { error: -14014, message: "Invalid refresh token" };
    }
    if (given !== this.refreshToken) return { error: -14014, message: "Invalid refresh token" };
    this.spentRefreshTokens.add(given);
    this.refreshes.push({ at: Date.now(), refreshToken: given });
    this.refreshToken = `refresh-token-${this.refreshes.length}`;
    const accessToken = `access-${this.refreshes.length}-${randomBytes(4).toString("hex")}`;
    this.accessTokens.set(accessToken, Date.now() + this.tokenLifetimeMs);
    return { access_token: accessToken, refresh_token: this.refreshToken, expires_in: String(Math.max(1, Math.round(this.tokenLifetimeMs / 1000))) };
  }

  /** The access token a call carries: current, or Zalo's -216. */
  private tokenRefusal(req: IncomingMessage): OaAnswer | undefined {
    const token = String(req.headers.access_token ?? "");
    const expires = this.accessTokens.get(token);
    if (expires === undefined || expires <= Date.now()) return { error: -216, message: "Access token is invalid" };
    return undefined;
  }

  private rateCheck(): void {
    const now = Date.now();
    this.sendTimes.push(now);
    while ((this.sendTimes[0] ?? now) <= now - 1000) this.sendTimes.shift();
    if (this.sendTimes.length > this.sendsPerSecondLimit) this.violations.push(`${this.sendTimes.length} sends within one second`);
  }

  private async message(req: IncomingMessage, body: Buffer): Promise<OaAnswer> {
    const expired = this.tokenRefusal(req);
    if (expired) return expired;
    this.rateCheck();
    const request = JSON.parse(body.toString("utf8")) as { recipient?: { user_id?: string }; message?: Record<string, unknown> };
    const userId = request.recipient?.user_id ?? "";
    const message = request.message ?? {};
    if (!this.followers.has(userId)) return this.refuse(-213, `user ${userId} does not follow the OA`);
    const since = this.now().getTime() - (this.lastInteraction.get(userId) ?? 0);
    if (since > 7 * 24 * HOUR) return this.refuse(-230, `user ${userId} has not interacted with the OA in the past 7 days`);
    if (since > 48 * HOUR) {
      if (this.allowance <= 0) return this.refuse(-232, "the month's proactive allowance is spent");
      this.allowance--;
    }
    const text = typeof message.text === "string" ? message.text : "";
    const attachment = message.attachment as
      | { type?: string; payload?: { buttons?: { title?: string; type?: string; payload?: string }[]; token?: string } }
      | undefined;
    if ([...text].length > OA_LIMITS.text) return this.refuse(-201, `text of ${[...text].length} characters is over ${OA_LIMITS.text}`);
    if (!attachment && text.trim() === "") return this.refuse(-201, "text is empty");
    const markup = /<\/?(?:b|i|u|s|a|code|pre|br)\b[^>]*>|&(?:lt|gt|amp|quot|#\d+);/i.exec(text);
    if (markup) this.violations.push(`markup visible on the OA: ${markup[0]}`);
    const id = testIdOf(userId);
    const messageId = this.nextMessageId++;
    this.sent.push({ userId, message });
    if (attachment?.type === "file") {
      const file = this.uploads.get(attachment.payload?.token ?? "");
      if (!file) return this.refuse(-201, "file token unknown");
      this.show(id, { kind: "document", chatId: id, messageId, text: "", buttons: [], fileName: file.name, fileBytes: file.bytes });
      return { error: 0, message: "Success", data: { message_id: `oa${messageId}`, user_id: userId } };
    }
    const buttons = attachment?.type === "template" ? (attachment.payload?.buttons ?? []) : [];
    if (buttons.length > OA_LIMITS.buttons) return this.refuse(-201, `${buttons.length} buttons is over ${OA_LIMITS.buttons}`);
    for (const button of buttons) {
      const title = button.title ?? "";
      if (title.length === 0 || [...title].length > OA_LIMITS.buttonTitle) return this.refuse(-201, `button title of ${[...title].length} characters`);
      if (button.type !== "oa.query.hide" && button.type !== "oa.query.show" && button.type !== "oa.open.url")
        return this.refuse(-201, `button type ${button.type}`);
    }
    if (buttons.length > 0) {
      this.show(id, {
        kind: "message",
        chatId: id,
        messageId,
        text,
        buttons: buttons.map((button) => ({ text: button.title ?? "", data: `payload:${button.payload ?? ""}` })),
      });
    } else {
      const { text: shownText, options } = readNumberedOptions(text);
      const link = /https?:\/\/\S+\/downloads\/\S+/.exec(shownText)?.[0];
      this.show(
        id,
        link
          ? await downloadAsShown(id, messageId, link, shownText)
          : { kind: "message", chatId: id, messageId, text: shownText, buttons: options.map((option) => ({ text: option.label, data: option.key })) },
      );
    }
    return { error: 0, message: "Success", data: { message_id: `oa${messageId}`, user_id: userId } };
  }

  private async upload(req: IncomingMessage, body: Buffer): Promise<OaAnswer> {
    const expired = this.tokenRefusal(req);
    if (expired) return expired;
    const form = await new Response(new Uint8Array(body), { headers: { "content-type": String(req.headers["content-type"] ?? "") } }).formData();
    const file = form.get("file");
    if (!(file instanceof File)) return this.refuse(-201, "no file in the upload");
    const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? "";
    if (!OA_LIMITS.fileTypes.includes(extension)) return this.refuse(-201, `file type ${extension} is not accepted`);
    if (file.size > OA_LIMITS.fileBytes) return this.refuse(-201, `file of ${file.size} bytes is over ${OA_LIMITS.fileBytes}`);
    const token = `file-${randomBytes(6).toString("hex")}`;
    this.uploads.set(token, { name: file.name, bytes: Buffer.from(await file.arrayBuffer()) });
    return { error: 0, message: "Success", data: { token } };
  }

  private show(id: number, shown: Shown): void {
    this.inbox(id).push(shown);
    this.events.emit(`shown:${id}`);
  }

  private refuse(error: number, message: string): OaAnswer {
    this.violations.push(message);
    return { error, message };
  }
}

/** A person following the OA: they type, press real buttons (or type the key of a numbered option), and send files in the chat. */
export class OaTestUser {
  constructor(
    private readonly fake: FakeZaloOa,
    readonly id: number,
  ) {}

  send(text: string): void {
    void this.fake.userEvent(this.id, { text });
  }

  press(on: Shown, label: string): void {
    const option = on.buttons.find((button) => button.text === label);
    if (!option) throw new Error(`no option "${label}" in the message; it has ${on.buttons.map((b) => b.text).join(", ")}`);
    // A real button sends its hidden payload; a numbered option is chosen by typing its key.
    this.send(option.data.startsWith("payload:") ? option.data.slice("payload:".length) : option.data);
  }

  next(): Promise<Shown> {
    return this.fake.nextShown(this.id);
  }

  async ask(text: string): Promise<Shown> {
    this.send(text);
    return this.next();
  }

  /** Sends the file in the chat, as the OA lets people do. */
  async sendFile(_command: string, fileName: string, bytes: Buffer): Promise<{ status: number; page: string }> {
    return { status: await this.fake.userEvent(this.id, { file: { name: fileName, bytes } }), page: "" };
  }
}
