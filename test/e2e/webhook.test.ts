import { eq, sql } from "drizzle-orm";
import { pino } from "pino";
import type { Update } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { type DatabaseHandle, queryRows } from "../../src/db/client.js";
import { registrations } from "../../src/db/schema/index.js";
import { cliActor } from "../../src/services/audit.js";
import { launchCampaign } from "../../src/services/campaigns/campaigns.js";
import { type App, createApp } from "../../src/app.js";
import type { WebhookServer } from "../../src/transports/http/server.js";
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from "../support/databases.js";
import { FakeTelegram, TEST_TOKEN } from "../support/fake-telegram.js";
import { TestClock, TEST_BALLOT_SECRET } from "../support/harness.js";
import { importRosterText, linkTelegram } from "../support/people.js";
import { openDatabase } from "../../src/db/client.js";

const SECRET = "webhook-secret-of-the-test-123";

describe.each(DATABASE_KINDS)("webhook mode with two instances (%s)", (kind) => {
  let database: TestDatabase;
  let second: DatabaseHandle | undefined;
  let fake: FakeTelegram;
  const servers: WebhookServer[] = [];
  const apps: App[] = [];
  const statuses: number[] = [];
  let next = 0;
  const clock = new TestClock(new Date("2025-01-06T09:00:00+07:00"));
  const logLines: Record<string, unknown>[] = [];
  const logSink = { write: (line: string) => void logLines.push(JSON.parse(line) as Record<string, unknown>) };

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
    await importRosterText(
      database.db,
      "unit_code,unit_name,staff_code,full_name,position,roles\nNV,Phòng Nghiệp vụ,E1,Nguyễn Một,Chuyên viên,staff\nNV,Phòng Nghiệp vụ,E2,Trần Hai,Chuyên viên,staff\n",
    );
    await linkTelegram(database.db, "E1", 8801);
    await linkTelegram(database.db, "E2", 8802);
    await launchCampaign(
      database.db,
      { year: 2025, title: "Phong trào 2025", deadlineAt: new Date("2025-01-30T16:59:59Z") },
      { clock: clock.now, actor: cliActor },
    );
    const config = loadConfig({
      BALLOT_SECRET: TEST_BALLOT_SECRET,
      TELEGRAM_BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: fake.apiRoot,
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://bot.example.vn/telegram",
      WEBHOOK_SECRET: SECRET,
    });
    for (const handle of [database, second ?? database]) {
      const app = await createApp(config, {
        database: handle,
        clock: clock.now,
        logger: pino({ level: "warn" }, logSink),
        background: false,
        listen: { host: "127.0.0.1", port: 0 },
      });
      await app.start();
      apps.push(app);
      servers.push(app.server as WebhookServer);
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
    for (const app of apps) await app.stop();
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
    const update = {
      update_id: 999_001,
      message: {
        message_id: 1,
        date: 0,
        chat: { id: 8801, type: "private", first_name: "x" },
        from: { id: 8801, is_bot: false, first_name: "x" },
        text: "/me",
      },
    } satisfies Update;
    expect(await post(servers[0]?.port ?? 0, update, "wrong-secret-of-the-test-12")).toBe(401);
    expect(await post(servers[0]?.port ?? 0, update, undefined)).toBe(401);
    expect(await processed()).toBe(before);
    expect(fake.unread(8801)).toEqual([]);
  });

  it("answers a command exactly once when Telegram's confirmation was lost and it delivers the update again to the other instance", async () => {
    const user = fake.user({ id: 8801, first_name: "Một" });
    loseNextAnswer = true;
    const updateId = user.send("/me");
    await delivered;
    // The reply went out as a request of its own: the user has it although the 200 got lost.
    expect((await user.next()).text).toContain("Nguyễn Một");
    expect(await post(servers[next % servers.length]?.port ?? 0, fake.update(updateId), SECRET)).toBe(200);
    expect((await user.ask("/help")).text).toContain("Các lệnh bạn dùng được");
    expect(fake.unread(8801)).toEqual([]);
  });

  it("sends a command's reply as a request of its own and ends a stale button's spinner in the webhook answer", async () => {
    const user = fake.user({ id: 8801, first_name: "Một" });
    const before = fake.calls.length;
    expect((await user.ask("/me")).text).toContain("Nguyễn Một");
    // (The chat's first update may also publish its command menu.)
    expect(fake.calls.slice(before).filter((call) => call.method !== "setMyCommands")).toEqual([
      { method: "sendMessage", payload: expect.objectContaining({ chat_id: 8801, parse_mode: "HTML" }) },
    ]);
    const pressed = fake.calls.length;
    user.pressData(1, "lang:xx");
    expect((await user.next()).text).toBe("Nút này không còn hiệu lực. Hãy gõ lại lệnh.");
    expect(fake.calls.slice(pressed)).toEqual([
      { method: "answerCallbackQuery", payload: expect.objectContaining({ text: "Nút này không còn hiệu lực. Hãy gõ lại lệnh." }), inWebhookAnswer: true },
    ]);
  });

  it("still delivers a reply, once, that Telegram first refuses with 429, and logs a reply refused with 400", async () => {
    const user = fake.user({ id: 8801, first_name: "Một" });
    const received = fake.received.length;
    fake.injectFaults("429");
    expect((await user.ask("/me")).text).toContain("Nguyễn Một");
    expect(fake.received.slice(received).filter((entry) => entry.chatId === 8801)).toHaveLength(1);
    fake.injectFaults("400");
    // The refused reply is logged; the user is told something went wrong, not left waiting.
    expect((await user.ask("/me")).text).toBe("Xin lỗi, đã có lỗi khi xử lý yêu cầu của bạn. Vui lòng thử lại sau ít phút.");
    expect(logLines.find((line) => line.msg === "the platform refused a call")).toMatchObject({
      method: "sendMessage",
      error_code: 400,
      reason: "Bad Request: chat not found",
    });
  });

  it("completes a conversation whose steps land on different instances", async () => {
    const user = fake.user({ id: 8801, first_name: "Một" });
    user.press(await user.ask("/register"), "Lao động tiên tiến");
    user.press(await user.next(), "Giấy khen của Thủ trưởng cơ quan");
    user.press(await user.next(), "✅ Xác nhận đăng ký");
    expect((await user.next()).text).toContain("Đã gửi đăng ký Lao động tiên tiến");
    expect(await database.db.select().from(registrations).where(eq(registrations.titleCode, "LDTT"))).toHaveLength(1);
    expect(statuses.every((status) => status === 200)).toBe(true);
  });

  it("still delivers, once, a message inside /register that Telegram first refuses with 429", async () => {
    const user = fake.user({ id: 8802, first_name: "Hai" });
    const titles = await user.ask("/register");
    const received = fake.received.length;
    fake.injectFaults("429");
    user.press(titles, "Lao động tiên tiến");
    const forms = await user.next();
    expect(forms.buttons.map((button) => button.text)).toContain("Giấy khen của Thủ trưởng cơ quan");
    expect(fake.received.slice(received).filter((entry) => entry.chatId === 8802)).toHaveLength(1);
    user.press(forms, "Hủy");
    expect((await user.next()).text).toContain("Đã hủy");
  });

  it("serves health, readiness and metrics", async () => {
    const port = servers[0]?.port ?? 0;
    // A command, and the same update delivered again, for the counters to count.
    const user = fake.user({ id: 8801, first_name: "Một" });
    const updateId = user.send("/me");
    await user.next();
    // Once its first delivery was answered, the same update again is a duplicate.
    await delivered;
    expect(await post(port, fake.update(updateId), SECRET)).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    expect(await (await fetch(`http://127.0.0.1:${port}/readyz`)).text()).toBe("ready\n");
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toMatch(/tdkt_updates_total\{type="message",outcome="ok"\} \d+/);
    expect(metrics).toMatch(/tdkt_updates_total\{type="message",outcome="duplicate"\} [1-9]/);
    expect(metrics).toContain("tdkt_update_duration_seconds_bucket");
    expect(metrics).toContain('tdkt_outbox_depth{status="pending"}');
  });
});
