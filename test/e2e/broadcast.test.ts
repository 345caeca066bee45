import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/client.js";
import { campaigns } from "../../src/db/schema/index.js";
import { reportBroadcastProgress } from "../../src/scheduler/broadcast-progress.js";
import { DATABASE_KINDS, openTestDatabase } from "../support/databases.js";
import { nextWith, type Shown, type TestUser } from "../support/fake-telegram.js";
import { type ChatWorld, PLATFORMS, startChatWorld } from "../support/chat-world.js";
import { type BotWorld, startBotWorld, testDispatcher } from "../support/harness.js";
import { importRosterText, linkTelegram } from "../support/people.js";

const STAFF = 12;

describe.each(DATABASE_KINDS)("broadcasts and campaign launches (%s)", (kind) => {
  let database: DatabaseHandle;
  let world: BotWorld;
  let secretary: TestUser;
  const chatOf = (i: number) => 7100 + i;

  /** Sends what is queued and lets the progress message catch up, as the scheduler would. */
  const runDelivery = async () => {
    const translate = (locale: string, key: string, args?: Record<string, string | number>) => world.bot.i18n.t(locale, key, args);
    await testDispatcher(world, database.db).drainAll();
    world.clock.advance(4000);
    await reportBroadcastProgress({
      db: database.db,
      now: world.clock.now(),
      translate,
      rate: 30,
      edit: world.app.platforms.telegram?.progress ?? (async () => {}),
    });
  };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    world = await startBotWorld(database.db, { at: "2025-01-06T09:00:00+07:00" });
    world.fake.rateLimitPerSecond = 1000;
    const lines = ["unit_code,unit_name,staff_code,full_name,position,roles", "VP,Văn phòng,S0,Thư Ký,,secretariat"];
    for (let i = 1; i <= STAFF; i++) lines.push(`U${i % 3},Đơn vị ${i % 3},P${i},Người số ${i},,${i === 1 ? "head" : "staff"}`);
    lines.push("EMPTY,Đơn vị trống,Z1,Chưa Liên Kết,,staff");
    await importRosterText(database.db, lines.join("\n"));
    await linkTelegram(database.db, "S0", 7100);
    for (let i = 1; i <= STAFF; i++) await linkTelegram(database.db, `P${i}`, chatOf(i));
    world.fake.blocked.add(chatOf(5));
    secretary = world.fake.user({ id: 7100, first_name: "Thư" });
  });
  afterAll(async () => {
    await world?.close();
    await database?.close();
  });
  afterEach(() => expect(world.fake.violations).toEqual([]));

  it("catches broken HTML, an over-long text and an empty audience before anything is sent", async () => {
    expect((await secretary.ask("/broadcast")).text).toContain("nội dung thông báo");
    expect((await secretary.ask("<b>Thông báo <i>khẩn</b>")).text).toContain("Nội dung có thẻ HTML sai");
    expect((await secretary.ask("x".repeat(5000))).text).toContain("Nội dung dài 5.000 ký tự, quá giới hạn 4.096");
    const documentStep = await secretary.ask("Họp giao ban lúc 14:00");
    secretary.press(documentStep, "Không đính kèm");
    const audience = await secretary.next();
    secretary.press(audience, "Chọn đơn vị…");
    const units = await secretary.next();
    secretary.press(units, "☐ Đơn vị trống");
    secretary.press(units, "Xong");
    expect((await nextWith(secretary, "Không có ai")).text).toContain("Không có ai đã liên kết tài khoản");
    secretary.press(await secretary.next(), "Hủy");
    await nextWith(secretary, "Đã hủy");
    expect(world.fake.unread(chatOf(2))).toEqual([]);
  });

  it("launches the campaign: preview and count first, then every recipient gets exactly one message, blocked users are reported", async () => {
    secretary.send("/launch 30/01/2025 Phong trào thi đua năm 2025");
    await nextWith(secretary, "nội dung thông báo phát động");
    // Bold applied in the Telegram app arrives as an entity and is kept; "<" and "&" typed are text.
    const text = "Phát động thi đua năm 2025 & đăng ký <trước 30/01>";
    // Recipients see what was launched, until when, and who sent it, above the text.
    const announced = `📣 Phong trào thi đua năm 2025\nHạn đăng ký: hết ngày 30/01/2025 · Người gửi: Thư Ký\n\n${text}`;
    secretary.send(text, [{ type: "bold", offset: 0, length: 9 }]);
    secretary.press(await secretary.next(), "Không đính kèm");
    secretary.press(await secretary.next(), "Mọi người");
    expect((await secretary.next()).text).toContain("Người nhận sẽ thấy đúng như sau");
    const preview = await secretary.next();
    expect(preview.text).toBe(announced);
    expect(preview.buttons.map((button) => button.text)).toEqual(["Đăng ký ngay"]);
    const confirm = await secretary.next();
    // The twelve staff and the secretary herself.
    expect(confirm.text).toContain("gửi cho 13 người");
    expect(await database.db.select().from(campaigns)).toHaveLength(0);
    secretary.press(confirm, "📣 Gửi cho 13 người");
    const progress = await nextWith(secretary, "Đang bắt đầu gửi");
    expect((await nextWith(secretary, "Đang gửi")).text).toContain("Còn lại: 13");
    expect(await database.db.select().from(campaigns)).toHaveLength(1);

    await runDelivery();
    const report = await nextWith(secretary, "Đã gửi xong");
    expect(report.messageId).toBe(progress.messageId);
    expect(report.text).toContain("Đã gửi: 12 · Không gửi được: 1");
    expect(report.text).toContain("Forbidden: bot was blocked by the user: 1");
    for (let i = 1; i <= STAFF; i++) {
      expect(world.fake.unread(chatOf(i)).filter((shown) => shown.text === announced)).toHaveLength(i === 5 ? 0 : 1);
    }
    secretary.press(report, "Người không nhận được (1)");
    expect((await secretary.next()).text).toContain("Người số 5 — Đơn vị 2: Forbidden: bot was blocked by the user");

    // The button opens registration, which the launch opened.
    const recipient = world.fake.user({ id: chatOf(2), first_name: "Hai" });
    const announcement = world.fake.unread(chatOf(2)).find((shown) => shown.text === announced) as Shown;
    world.fake.markRead(chatOf(2));
    recipient.press(announcement, "Đăng ký ngay");
    expect((await recipient.next()).text).toContain("Đăng ký danh hiệu thi đua năm 2025");
    // Another command ends the conversation politely and runs.
    expect((await recipient.ask("/help")).text).toBe("Đã hủy, không lưu gì.");
    expect((await recipient.next()).text).toContain("Các lệnh bạn dùng được");
    // /campaigns lists the launch with its delivery figures.
    expect((await secretary.ask("/campaigns")).text).toContain("phát động «Phong trào thi đua năm 2025»: 12/13 đã gửi, 1 lỗi, 0 còn lại (đã gửi xong)");
  });

  it("stops what is not yet sent when the secretariat cancels", async () => {
    secretary.send("/broadcast");
    await nextWith(secretary, "nội dung thông báo");
    secretary.send("Thông báo thứ hai");
    secretary.press(await secretary.next(), "Không đính kèm");
    secretary.press(await secretary.next(), "Lãnh đạo đơn vị");
    await secretary.next();
    await secretary.next();
    secretary.press(await secretary.next(), "📣 Gửi cho 1 người");
    const progress = await nextWith(secretary, "Đang bắt đầu gửi");
    const sending = await nextWith(secretary, "Đang gửi");
    expect(sending.messageId).toBe(progress.messageId);
    secretary.press(sending, "⏹ Dừng gửi");
    expect(await secretary.next()).toMatchObject({ kind: "notice", text: "Đã dừng: những tin chưa gửi sẽ không gửi nữa." });
    await runDelivery();
    expect((await nextWith(secretary, "Đã dừng gửi")).text).toContain("Đã hủy: 1");
    expect(world.fake.unread(chatOf(1)).filter((shown) => shown.text === "Thông báo thứ hai")).toEqual([]);
    // /campaigns lists it with its figures.
    expect((await secretary.ask("/campaigns")).text).toContain("«Thông báo thứ hai»: 0/1 đã gửi, 0 lỗi, 0 còn lại (đã dừng)");
  });
});

const CASES = PLATFORMS.flatMap((platform) => DATABASE_KINDS.map((kind) => ({ platform, kind })));

/** The broadcast flow as every platform has it: the unit picker's toggles must show (on Zalo too). */
describe.each(CASES)("a broadcast to chosen units on $platform ($kind)", ({ platform, kind }) => {
  let database: DatabaseHandle;
  let world: ChatWorld;
  const SECRETARY = 7300;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    world = await startChatWorld(platform, database.db, { at: "2025-01-06T09:00:00+07:00", rateLimitPerSecond: 1000 });
    await importRosterText(
      database.db,
      "unit_code,unit_name,staff_code,full_name,position,roles\nVP,Văn phòng,S0,Thư Ký,,secretariat\nA,Phòng A,A1,Người A1,,staff\nA,Phòng A,A2,Người A2,,staff\nB,Phòng B,B1,Người B1,,staff\n",
    );
    for (const [code, chat] of [
      ["S0", SECRETARY],
      ["A1", 7301],
      ["A2", 7302],
      ["B1", 7303],
    ] as const)
      await world.link(database.db, code, chat);
  });
  afterAll(async () => {
    await world?.close();
    await database?.close();
  });
  afterEach(() => expect(world.violations).toEqual([]));

  it("toggles a unit in the picker, shows the toggle, and sends only to that unit's people once confirmed", async () => {
    const secretary = world.user({ id: SECRETARY, first_name: "Thư" });
    secretary.send("/broadcast");
    await nextWith(secretary, "nội dung thông báo");
    secretary.send("Họp giao ban chiều nay");
    secretary.press(await secretary.next(), "Không đính kèm");
    secretary.press(await secretary.next(), "Chọn đơn vị…");
    const units = await secretary.next();
    secretary.press(units, "☐ Phòng A");
    // Telegram edits the buttons in place; Zalo, which cannot edit, lists the options again.
    // Where buttons cannot change in place, the toggled options come as a new message.
    const toggled = platform !== "telegram" ? await secretary.next() : units;
    if (platform !== "telegram") expect(toggled.buttons.map((button) => button.text)).toContain("☑ Phòng A");
    secretary.press(toggled, "Xong");
    const confirm = await nextWith(secretary, "gửi cho 2 người");
    secretary.press(confirm, "📣 Gửi cho 2 người");
    await nextWith(secretary, "Đang bắt đầu gửi");
    // Queued once the progress shows the count (Telegram edits the message, Zalo sends it anew).
    expect((await nextWith(secretary, "Đang gửi")).text).toContain("Còn lại: 2");
    await world.deliverNotifications(database.db);
    for (const [chat, expected] of [
      [7301, 1],
      [7302, 1],
      [7303, 0],
    ] as const) {
      expect([chat, world.unread(chat).filter((shown) => shown.text.includes("Họp giao ban chiều nay")).length]).toEqual([chat, expected]);
    }
  });
});
