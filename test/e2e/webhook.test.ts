import { eq, sql } from "drizzle-orm";
import { pino } from "pino";
import type { Update } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { type DatabaseHandle, queryRows } from "../../src/db/client.js";
import { registrations } from "../../src/db/schema.js";
import { cliActor } from "../../src/services/audit.js";
import { launchCampaign } from "../../src/services/campaigns.js";
import { createTelegramBot } from "../../src/transports/telegram.js";
import { registerWebhook, startWebhookServer, type WebhookServer } from "../../src/transports/webhook.js";
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from "../support/databases.js";
import { FakeTelegram, TEST_TOKEN } from "../support/fake-telegram.js";
import { TestClock } from "../support/harness.js";
import { importRosterText, linkTelegram } from "../support/people.js";
import { openDatabase } from "../../src/db/client.js";

const SECRET = "webhook-secret-of-the-test-123";

describe.each(DATABASE_KINDS)("webhook mode with two instances (%s)", (kind) => {
  let database: TestDatabase;
  let second: DatabaseHandle | undefined;
  let fake: FakeTelegram;
  const servers: WebhookServer[] = [];
  const statuses: number[] = [];
  let next = 0;
  const clock = new TestClock(new Date("2025-01-06T09:00:00+07:00"));

  /** The HTTP status of one delivery, or 0 if the connection failed (an instance shutting down). */
  const post = (port: number, update: Update, secret: string | undefined, options: { loseAnswer?: boolean } = {}) =>
    fake.postToWebhook(`http://127.0.0.1:${port}/telegram`, update, secret, options);
  let loseNextAnswer = false;
  let delivered: Promise<unknown> = Promise.resolve();
  const processed = async () => (await queryRows<{ count: number }>(database.db, sql`select count(*)::int as count from processed_updates`))[0]?.count ?? 0;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    // A second instance has its own connection pool on a real server; PGlite is one process anyway.
    second = database.url ? await openDatabase({ databaseUrl: database.url }) : undefined;
    fake = await FakeTelegram.start();
    fake.rateLimitPerSecond = 1000;
    await importRosterText(database.db, "unit_code,unit_name,staff_code,full_name,position,roles\nNV,Phòng Nghiệp vụ,E1,Nguyễn Một,Chuyên viên,staff\n");
    await linkTelegram(database.db, "E1", 8801);
    await launchCampaign(database.db, { year: 2025, title: "Phong trào 2025", deadlineAt: new Date("2025-01-30T16:59:59Z") }, { clock: clock.now, actor: cliActor });
    const config = loadConfig({ TELEGRAM_BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.vn/telegram", WEBHOOK_SECRET: SECRET });
    for (const handle of [database, second ?? database]) {
      const bot = createTelegramBot({ db: handle.db, config, logger: pino({ level: "silent" }), clock: clock.now }, TEST_TOKEN);
      await registerWebhook(bot, "https://bot.example.vn/telegram", SECRET);
      servers.push(await startWebhookServer({ telegram: { bot, path: "/telegram", secret: SECRET }, database: handle, logger: bot.services.logger, port: 0, host: "127.0.0.1" }));
    }
    // Telegram delivers to whichever instance the load balancer picks: here, alternately. A
    // chat's next update goes out once the previous one was answered, as a person answers a reply.
    fake.webhookDelivery = (update: Update) => {
      const server = servers[next++ % servers.length] as WebhookServer;
      const loseAnswer = loseNextAnswer;
      loseNextAnswer = false;
      delivered = delivered.then(() => post(server.port, update, SECRET, { loseAnswer }).then((status) => loseAnswer || statuses.push(status)));
    };
  });
  afterAll(async () => {
    for (const server of servers) await server.close();
    await fake?.close();
    await second?.close();
    await database?.close();
  });

  it("registers the webhook with its secret and update types", () => {
    expect(fake.webhooks).toEqual([
      { url: "https://bot.example.vn/telegram", secret: SECRET },
      { url: "https://bot.example.vn/telegram", secret: SECRET },
    ]);
  });

  it("refuses a wrong or missing secret with 401 and processes nothing", async () => {
    const before = await processed();
    const update = { update_id: 999_001, message: { message_id: 1, date: 0, chat: { id: 8801, type: "private", first_name: "x" }, from: { id: 8801, is_bot: false, first_name: "x" }, text: "/me" } } satisfies Update;
    expect(await post(servers[0]?.port ?? 0, update, "wrong-secret-of-the-test-12")).toBe(401);
    expect(await post(servers[0]?.port ?? 0, update, undefined)).toBe(401);
    expect(await processed()).toBe(before);
    expect(fake.unread(8801)).toEqual([]);
  });

  it("answers a command exactly once when its answer was lost and Telegram delivers it again to the other instance", async () => {
    const user = fake.user({ id: 8801, first_name: "Một" });
    loseNextAnswer = true;
    const updateId = user.send("/me");
    await delivered;
    // The reply travelled in the answer that got lost: the user has seen nothing yet.
    expect(fake.unread(8801)).toEqual([]);
    expect(await post(servers[next % servers.length]?.port ?? 0, fake.update(updateId), SECRET)).toBe(200);
    expect((await user.next()).text).toContain("Nguyễn Một");
    expect((await user.ask("/help")).text).toContain("Các lệnh bạn dùng được");
    expect(fake.unread(8801)).toEqual([]);
  });

  it("puts a command's reply in the answer to Telegram's request instead of a request of its own", async () => {
    const user = fake.user({ id: 8801, first_name: "Một" });
    const before = fake.calls.length;
    expect((await user.ask("/me")).text).toContain("Nguyễn Một");
    expect(fake.calls.slice(before)).toEqual([{ method: "sendMessage", payload: expect.objectContaining({ chat_id: 8801, parse_mode: "HTML" }), inWebhookAnswer: true }]);
  });

  it("completes a conversation whose steps land on different instances", async () => {
    const user = fake.user({ id: 8801, first_name: "Một" });
    user.press(await user.ask("/register"), "Lao động tiên tiến");
    user.press(await user.next(), "Giấy khen");
    user.press(await user.next(), "✅ Xác nhận đăng ký");
    expect((await user.next()).text).toContain("Đã gửi đăng ký Lao động tiên tiến");
    expect(await database.db.select().from(registrations).where(eq(registrations.titleCode, "LDTT"))).toHaveLength(1);
    expect(statuses.every((status) => status === 200)).toBe(true);
  });

  it("serves health, readiness and metrics", async () => {
    const port = servers[0]?.port ?? 0;
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    expect(await (await fetch(`http://127.0.0.1:${port}/readyz`)).text()).toBe("ready\n");
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toMatch(/tdkt_updates_total\{type="message",outcome="ok"\} \d+/);
    expect(metrics).toMatch(/tdkt_updates_total\{type="message",outcome="duplicate"\} [1-9]/);
    expect(metrics).toContain("tdkt_update_duration_seconds_bucket");
    expect(metrics).toContain('tdkt_outbox_depth{status="pending"}');
  });
});
