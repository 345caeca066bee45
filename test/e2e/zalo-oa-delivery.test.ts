import { eq, sql } from "drizzle-orm";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { chatAccounts, people } from "../../src/db/schema/index.js";
import { enqueue } from "../../src/services/outbox.js";
import { linkAccount, OA_TEST_SETTINGS } from "../support/chat-world.js";
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from "../support/databases.js";
import { FakeTelegram, TEST_TOKEN } from "../support/fake-telegram.js";
import { FakeZaloOa, oaUserId } from "../support/fake-zalo-oa.js";
import { freePort } from "../support/ports.js";
import { TEST_BALLOT_SECRET, TestClock } from "../support/harness.js";
import { importRosterText } from "../support/people.js";

// 30 people on the OA, all last heard from three days ago: outside the free 48 hours, inside the
// 7 days, so every reminder to them costs one of the month's proactive messages — of which this
// OA has 10. The even-numbered have Telegram as well.
const ALLOWANCE = 10;
const SECRETARY_CHAT = 9600;
const PEOPLE = Array.from({ length: 30 }, (_, index) => index + 1);
const telegramChat = (n: number) => 9700 + n;
const oaChat = (n: number) => 9800 + n;
const TELEGRAM_SECRET = "telegram-webhook-secret-for-tests";

describe.each(DATABASE_KINDS)("the OA's window and allowance in the delivery policy (%s)", (kind) => {
  let database: TestDatabase;
  let telegram: FakeTelegram;
  let oa: FakeZaloOa;
  let app: App;
  const clock = new TestClock(new Date("2026-12-07T09:00:00+07:00"));
  const remind = async (key: string) =>
    enqueue(
      database.db,
      (await database.db.select({ id: people.id, code: people.staffCode }).from(people).where(sql`${people.staffCode} like 'N%'`)).map((person) => ({
        personId: person.id,
        dedupeKey: `${key}:${person.code}`,
        kind: "test",
        notBefore: new Date(0),
        render: () => ({ text: `Nhắc hạn ${key}` }),
      })),
    );
  const drain = async () => {
    for (let round = 0; round < 2; round++) for (const dispatcher of app.dispatchers({ perChatIntervalMs: 0 })) await dispatcher.drainAll();
  };
  const oaGot = (key: string) => PEOPLE.filter((n) => oa.unread(oaChat(n)).some((shown) => shown.text === `Nhắc hạn ${key}`));
  const telegramGot = (key: string) => PEOPLE.filter((n) => telegram.unread(telegramChat(n)).some((shown) => shown.text === `Nhắc hạn ${key}`));

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    [telegram, oa] = await Promise.all([FakeTelegram.start(), FakeZaloOa.start()]);
    oa.now = clock.now;
    oa.allowance = 1000;
    // Telegram's pace is not the subject here: its 429s would only slow the test.
    telegram.rateLimitPerSecond = 1000;
    // Webhook mode (the OA has no other): Telegram's updates are posted to the bot as they come.
    telegram.webhookDelivery = (update) => {
      void telegram.postToWebhook(telegram.webhooks.at(-1)?.url ?? "", update, TELEGRAM_SECRET);
    };
    const roster = PEOPLE.map((n) => `NV,Phòng Nghiệp vụ,N${n},Người ${String(n).padStart(2, "0")},Chuyên viên,staff`);
    await importRosterText(
      database.db,
      ["unit_code,unit_name,staff_code,full_name,position,roles", "VP,Văn phòng,S,Thư Ký,,secretariat", ...roster].join("\n"),
    );
    await linkAccount(database.db, "telegram", "S", String(SECRETARY_CHAT));
    const threeDaysAgo = new Date(clock.now().getTime() - 3 * 86_400_000);
    for (const n of PEOPLE) {
      const account = await linkAccount(database.db, "zalo_oa", `N${n}`, oaUserId(oaChat(n)));
      await database.db.update(chatAccounts).set({ lastInboundAt: threeDaysAgo }).where(eq(chatAccounts.id, account));
      oa.followerSince(oaChat(n), threeDaysAgo);
      if (n % 2 === 0) await linkAccount(database.db, "telegram", `N${n}`, String(telegramChat(n)));
    }
    await database.db.update(people).set({ notifyVia: "zalo" }).where(sql`${people.staffCode} like 'N%'`);
    const port = await freePort();
    const config = loadConfig({
      ...OA_TEST_SETTINGS(oa.root),
      ZALO_OA_MONTHLY_ALLOWANCE: String(ALLOWANCE),
      BALLOT_SECRET: TEST_BALLOT_SECRET,
      TELEGRAM_BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      BOT_MODE: "webhook",
      WEBHOOK_URL: `http://127.0.0.1:${port}/telegram`,
      WEBHOOK_SECRET: TELEGRAM_SECRET,
      PORT: String(port),
      LOG_LEVEL: "silent",
    });
    oa.webhookUrl = `http://127.0.0.1:${port}/zalo-oa`;
    app = await createApp(config, { database, clock: clock.now, logger: pino({ level: "silent" }), background: false, listen: { host: "127.0.0.1" } });
    await app.start();
  });
  afterAll(async () => {
    await app?.stop();
    await telegram?.close();
    await oa?.close();
    await database?.close();
  });

  it("sends 10 from the allowance, the rest through Telegram where people have it, tells the secretariat once, and tries the OA again only for someone whose window opened", async () => {
    await remind("a");
    await drain();
    const onOa = oaGot("a");
    expect(onOa).toHaveLength(ALLOWANCE);
    const rest = PEOPLE.filter((n) => !onOa.includes(n));
    expect(telegramGot("a")).toEqual(rest.filter((n) => n % 2 === 0));
    const unreached = rest.filter((n) => n % 2 === 1);
    expect(unreached.length).toBeGreaterThan(0);
    const told = telegram.unread(SECRETARY_CHAT).map((shown) => shown.text);
    expect(told).toHaveLength(1);
    expect(told[0]?.split("\n")).toEqual([
      `📵 ${unreached.length} người không nhận được thông báo vì không còn kênh nào gửi được:`,
      ...unreached.map((n) => `• Người ${String(n).padStart(2, "0")} (Phòng Nghiệp vụ) — Zalo OA: đã dùng hết hạn mức tin chủ động của tháng`),
      `↪ ${rest.length - unreached.length} người được chuyển qua kênh khác của họ.`,
      "Hãy báo họ nhắn một tin bất kỳ cho bot (để mở lại kênh) hoặc liên kết thêm một kênh khác. Xem tình hình các kênh bằng /status.",
    ]);
    expect(oa.violations).toEqual([]);

    // The next day: the allowance is spent, so the OA is not even tried; Telegram carries its 15.
    telegram.markRead(SECRETARY_CHAT);
    const sentBefore = oa.sent.length;
    clock.advance(86_400_000);
    await remind("b");
    await drain();
    expect(oa.sent.length).toBe(sentBefore);
    expect(telegramGot("b")).toEqual(PEOPLE.filter((n) => n % 2 === 0));
    // Only those not named yet this month are named: the odd-numbered who had the OA yesterday.
    const newlyUnreached = onOa.filter((n) => n % 2 === 1);
    expect(telegram.unread(SECRETARY_CHAT).map((shown) => shown.text.split("\n")[0])).toEqual(
      newlyUnreached.length > 0 ? [`📵 ${newlyUnreached.length} người không nhận được thông báo vì không còn kênh nào gửi được:`] : [],
    );

    // One of them writes to the OA: their free window opens, and the reminder reaches them there.
    const writer = unreached[0] as number;
    expect(await oa.userEvent(oaChat(writer), { text: "/me" })).toBe(200);
    await remind("c");
    await drain();
    expect(oaGot("c")).toEqual([writer]);
    expect(oa.violations).toEqual([]);

    // /status: the month as the secretariat sees it.
    telegram.markRead(SECRETARY_CHAT);
    const secretary = telegram.user({ id: SECRETARY_CHAT, first_name: "Thư" });
    const status = (await secretary.ask("/status")).text.split("\n");
    expect(status.slice(0, 5)).toEqual([
      "📶 Các kênh gửi tin — tháng 12/2026",
      "Telegram: đang gửi bình thường",
      "· 16 người đã liên kết, 0 người không còn nhận được (chặn bot / bỏ quan tâm)",
      "Zalo OA: đang gửi bình thường",
      "· 30 người đã liên kết, 0 người không còn nhận được (chặn bot / bỏ quan tâm)",
    ]);
    // 10 from the allowance on the first day, then the one whose window opened, free.
    expect(status[5]).toBe("· tin chủ động đã gửi: 11; hạn mức tin ngoài 48 giờ: đã dùng 10, còn 0/10");
    expect(status[7]).toBe(`📵 Không nhận được thông báo trong tháng: 15 người; 15 người được chuyển qua kênh khác.`);
  });
});
