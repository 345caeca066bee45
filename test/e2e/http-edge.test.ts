import { createHmac } from "node:crypto";
import { once } from "node:events";
import { connect, type Socket } from "node:net";
import { sql } from "drizzle-orm";
import { pino } from "pino";
import type { Update } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { queryRows } from "../../src/db/client.js";
import { publishDownload } from "../../src/services/platform/downloads.js";
import { type App, createApp } from "../../src/app.js";
import type { WebhookServer } from "../../src/transports/http/server.js";
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from "../support/databases.js";
import { FakeTelegram, TEST_TOKEN } from "../support/fake-telegram.js";
import { TestClock, TEST_BALLOT_SECRET } from "../support/harness.js";
import { importRosterText, linkTelegram } from "../support/people.js";

const SECRET = "webhook-secret-of-the-edge-test";
const METRICS_TOKEN = "metrics-token-of-the-edge-test";
const SIGNING_KEY = "download-signing-key-of-the-edge-test-0123456789";
const LIMITS = { headersTimeoutMs: 1_000, requestTimeoutMs: 2_000, keepAliveTimeoutMs: 1_000, silentConnectionMs: 1_500, maxConnections: 64 };

/** The HTTP edge of webhook mode as an attacker meets it: slow sockets, /metrics, download links, groups. */
describe.each(DATABASE_KINDS)("the webhook server's edge (%s)", (kind) => {
  let database: TestDatabase;
  let fake: FakeTelegram;
  let server: WebhookServer;
  let app: App;
  const clock = new TestClock(new Date("2025-01-06T09:00:00+07:00"));
  const url = (path: string) => `http://127.0.0.1:${server.port}${path}`;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    fake = await FakeTelegram.start();
    await importRosterText(database.db, "unit_code,unit_name,staff_code,full_name,position,roles\nNV,Phòng Nghiệp vụ,E1,Nguyễn Một,Chuyên viên,staff\n");
    await linkTelegram(database.db, "E1", 8901);
    const config = loadConfig({
      BALLOT_SECRET: TEST_BALLOT_SECRET,
      TELEGRAM_BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: fake.apiRoot,
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://bot.example.vn/telegram",
      WEBHOOK_SECRET: SECRET,
      METRICS_TOKEN,
      DOWNLOAD_SIGNING_KEY: SIGNING_KEY,
      HTTP_HEADERS_TIMEOUT_MS: String(LIMITS.headersTimeoutMs),
      HTTP_REQUEST_TIMEOUT_MS: String(LIMITS.requestTimeoutMs),
      HTTP_KEEP_ALIVE_TIMEOUT_MS: String(LIMITS.keepAliveTimeoutMs),
      HTTP_SILENT_CONNECTION_MS: String(LIMITS.silentConnectionMs),
      HTTP_MAX_CONNECTIONS: String(LIMITS.maxConnections),
    });
    app = await createApp(config, { database, clock: clock.now, logger: pino({ level: "silent" }), background: false, listen: { host: "127.0.0.1", port: 0 } });
    await app.start();
    server = app.server as WebhookServer;
    fake.webhookDelivery = (update: Update) => void fake.postToWebhook(url("/telegram"), update, SECRET);
  });
  afterAll(async () => {
    await app?.stop();
    await fake?.close();
    await database?.close();
  });

  /** A socket that sends `head` and then one byte every 100 ms, never finishing; resolves when the server closes it. */
  const slowClient = async (head: string) => {
    const socket: Socket = connect(server.port, "127.0.0.1");
    await once(socket, "connect");
    socket.on("error", () => {});
    socket.write(head);
    const drip = setInterval(() => socket.writable && socket.write("a"), 100);
    const openedAt = performance.now();
    // Not events.once: the EPIPE of a write after the server hung up would reject it.
    const closed = new Promise<number>((resolve) =>
      socket.once("close", () => {
        clearInterval(drip);
        resolve(performance.now() - openedAt);
      }),
    );
    return { closed };
  };

  it("cuts off slow headers and slow bodies within the configured timeouts while health checks and updates are answered", async () => {
    const slowHeaders = await Promise.all(Array.from({ length: 20 }, () => slowClient("POST /telegram HTTP/1.1\r\nHost: bot\r\nX-Drip: ")));
    const slowBodies = await Promise.all(
      Array.from({ length: 20 }, () =>
        slowClient(
          `POST /telegram HTTP/1.1\r\nHost: bot\r\nX-Telegram-Bot-Api-Secret-Token: ${SECRET}\r\nContent-Type: application/json\r\nContent-Length: 1048576\r\n\r\n{"update_id":`,
        ),
      ),
    );
    expect((await fetch(url("/healthz"))).status).toBe(200);
    const user = fake.user({ id: 8901, first_name: "Một" });
    expect((await user.ask("/me")).text).toContain("Nguyễn Một");
    // Each deadline plus the one-second sweep Node uses to find requests past theirs, and some slack.
    for (const elapsed of await Promise.all(slowHeaders.map((client) => client.closed))) expect(elapsed).toBeLessThan(LIMITS.headersTimeoutMs + 1_000 + 1_500);
    for (const elapsed of await Promise.all(slowBodies.map((client) => client.closed))) expect(elapsed).toBeLessThan(LIMITS.requestTimeoutMs + 1_000 + 1_500);
    expect((await fetch(url("/healthz"))).status).toBe(200);
  });

  it("closes 300 connections that never send a byte within the configured time, answering /healthz and a signed update meanwhile", async () => {
    // Far more silent sockets than the connection cap (64): they hold nothing a speaking client needs.
    const silent = await Promise.all(
      Array.from({ length: 300 }, async () => {
        const socket = connect(server.port, "127.0.0.1");
        socket.on("error", () => {});
        const startedAt = performance.now();
        const closed = new Promise<number>((resolve) => socket.once("close", () => resolve(performance.now() - startedAt)));
        // A socket the server turned away at once may close (or fail) before it reports connecting.
        await Promise.race([once(socket, "connect").catch(() => undefined), closed]);
        // An object, not the promise itself: the test goes on while the sockets are still open.
        return { closed };
      }),
    );
    // Both within 2 s while the silent sockets are open (a deadline, not a speed measure).
    const deadline = () => new Promise<never>((_, reject) => setTimeout(() => reject(new Error("not answered within 2 s")), 2_000).unref());
    expect((await fetch(url("/healthz"), { signal: AbortSignal.timeout(2_000) })).status).toBe(200);
    const user = fake.user({ id: 8901, first_name: "Một" });
    expect((await Promise.race([user.ask("/me"), deadline()])).text).toContain("Nguyễn Một");
    // Each silent socket is closed by its deadline (or sooner, when a newcomer needed its place); slack for a loaded machine.
    for (const elapsed of await Promise.all(silent.map((socket) => socket.closed))) expect(elapsed).toBeLessThan(LIMITS.silentConnectionMs + 3_000);
  });

  it("serves /metrics only with its bearer token", async () => {
    expect((await fetch(url("/metrics"))).status).toBe(401);
    expect((await fetch(url("/metrics"), { headers: { authorization: `Bearer ${SECRET}` } })).status).toBe(401);
    const metrics = await fetch(url("/metrics"), { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain("tdkt_updates_total");
  });

  it("serves a download link signed with its own key and refuses the same link signed with the webhook secret", async () => {
    const { url: link } = await publishDownload(
      { db: database.db, baseUrl: url("/"), signingKey: SIGNING_KEY },
      { fileName: "bieu-dang-ky.xlsx", bytes: Buffer.from("PK-bytes") },
    );
    // Opening the link shows a page with a button (what a link preview sees, and uses up nothing).
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Tệp «bieu-dang-ky.xlsx» đã sẵn sàng. Đường dẫn này chỉ tải được một lần.");
    const genuine = await fetch(link, { method: "POST" });
    expect(genuine.status).toBe(200);
    expect(Buffer.from(await genuine.arrayBuffer()).toString()).toBe("PK-bytes");
    // A second opening, by the same person or by whoever it was forwarded to, gets nothing.
    const again = await fetch(link, { method: "POST" });
    expect(again.status).toBe(410);
    expect(await again.text()).toContain("Đường dẫn này đã được dùng để tải tệp.");
    expect((await fetch(link)).status).toBe(410);
    const [, id, expiry] = /\/downloads\/(\d+)\.(\d+)\./.exec(link) ?? [];
    const forgedSignature = createHmac("sha256", SECRET).update(`download:${id}:${expiry}`).digest("base64url");
    expect((await fetch(url(`/downloads/${id}.${expiry}.${forgedSignature}`))).status).toBe(404);
  });

  it("answers a group chat once, in one sentence, and records nothing of its members", async () => {
    const accounts = async () => (await queryRows<{ count: number }>(database.db, sql`select count(*)::int as count from chat_accounts`))[0]?.count;
    const before = await accounts();
    const group = { id: -100777, type: "group" as const, title: "Phòng Nghiệp vụ" };
    const inGroup = (from: number, text: string) =>
      fake.deliver({
        message: {
          message_id: fake.messageIdForTest(),
          date: 0,
          chat: group,
          from: { id: from, is_bot: false, first_name: "Ai đó" },
          text,
          entities: [{ type: "bot_command", offset: 0, length: text.length }],
        },
      });
    inGroup(5551, "/register");
    expect((await fake.nextShown(group.id)).text).toBe("Trợ lý thi đua, khen thưởng chỉ làm việc trong trò chuyện riêng: hãy nhắn riêng cho tôi.");
    inGroup(5552, "/me");
    inGroup(8901, "/me");
    // The member who is linked gets nothing in private either: the group's messages are not theirs to answer.
    const user = fake.user({ id: 8901, first_name: "Một" });
    expect((await user.ask("/me")).text).toContain("Nguyễn Một");
    expect(fake.unread(group.id)).toEqual([]);
    expect(await accounts()).toBe(before);
  });
});
