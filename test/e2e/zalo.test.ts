import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, queryRows } from "../../src/db/client.js";
import { outbox, people } from "../../src/db/schema/index.js";
import { cliActor } from "../../src/services/audit.js";
import { createInvite } from "../../src/services/invites/codes.js";
import { enqueue } from "../../src/services/outbox.js";
import { DATABASE_KINDS, openTestDatabase } from "../support/databases.js";
import { type ChatWorld, linkAccount, startChatWorld, ZALO_WEBHOOK_SECRET } from "../support/chat-world.js";
import { FakeZalo, ZALO_TEST_TOKEN, zaloChatId } from "../support/fake-zalo.js";
import { runEntry, startEntry } from "../support/processes.js";
import { agreeToPrivacy } from "../support/consent.js";
import { importRosterText } from "../support/people.js";

const ROSTER = `unit_code,unit_name,staff_code,full_name,position,roles
VP,Văn phòng,S1,Thư Ký Văn Phòng,Chuyên viên,staff;secretariat
NV1,Phòng Nghiệp vụ 1,A1,Nguyễn <An> & Co,Chuyên viên,staff
NV1,Phòng Nghiệp vụ 1,B1,Trần Bình,Chuyên viên,staff
`;

/** What only Zalo needs: numbered options, long texts, plain text, the webhook's secret, linking. */
describe.each(DATABASE_KINDS)("the bot on Zalo (%s)", (kind) => {
  let database: DatabaseHandle;
  let world: ChatWorld;
  const zalo = () => world.zalo as NonNullable<ChatWorld["zalo"]>;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    world = await startChatWorld("zalo", database.db, { mode: "webhook", at: "2025-01-06T09:00:00+07:00" });
    await importRosterText(database.db, ROSTER);
    await world.link(database.db, "A1", 7001);
  });
  afterAll(async () => {
    await world?.close();
    await database?.close();
  });
  afterEach(() => expect(world.violations).toEqual([]));

  const notifyVia = async (staffCode: string) =>
    (await database.db.select({ via: people.notifyVia }).from(people).where(eq(people.staffCode, staffCode)))[0]?.via;

  it("takes a number, 'số N' and the label typed without accents as the same choice, and re-asks on a number out of range", async () => {
    const user = world.user({ id: 7001, first_name: "An" });
    const menu = await user.ask("/notify");
    expect(menu.buttons.map((button) => button.text)).toEqual(["Telegram", "Zalo", "Cả Telegram và Zalo"]);
    expect(zalo().fake.sent.at(-1)?.text).toContain("1. Telegram\n2. Zalo\n3. Cả Telegram và Zalo\nTrả lời bằng số thứ tự");

    for (const reply of ["2", "số 2", "Số 2", "zalo"]) {
      await user.ask("/notify telegram");
      expect(await notifyVia("A1")).toBe("telegram");
      await user.ask("/notify");
      expect((await user.ask(reply)).text).toBe("Từ nay thông báo gửi qua: Zalo.");
      expect([reply, await notifyVia("A1")]).toEqual([reply, "zalo"]);
    }
    await user.ask("/notify");
    expect((await user.ask("ca telegram va zalo")).text).toBe("Từ nay thông báo gửi qua: Cả Telegram và Zalo.");
    expect(await notifyVia("A1")).toBe("both");

    await user.ask("/notify");
    expect((await user.ask("7")).text).toBe("Không có lựa chọn đó. Hãy trả lời bằng số đứng trước lựa chọn, từ 1 đến 3.");
    expect((await user.ask("số 0")).text).toBe("Không có lựa chọn đó. Hãy trả lời bằng số đứng trước lựa chọn, từ 1 đến 3.");
    // The options are still there after the re-prompt.
    expect((await user.ask("1")).text).toContain("Bạn chưa liên kết tài khoản Telegram");
    expect(await notifyVia("A1")).toBe("telegram");
  });

  it("sends a 5,000-character message as ordered parts of at most 2,000 characters, with no tag visible", async () => {
    const paragraphs = Array.from({ length: 50 }, (_, index) => `<b>Mục ${index + 1}</b> — nội dung &lt;quan trọng&gt; & chi tiết ${"x".repeat(70)}`);
    const html = paragraphs.join("\n\n");
    const sentBefore = zalo().fake.sent.length;
    await world.bot.api.sendMessage(zaloChatId(7001), html, { parse_mode: "HTML" });
    const parts = zalo()
      .fake.sent.slice(sentBefore)
      .map((message) => message.text);
    const visible = paragraphs
      .map((paragraph) =>
        paragraph
          .replace(/<\/?b>/g, "")
          .replace("&lt;", "<")
          .replace("&gt;", ">"),
      )
      .join("\n\n");
    expect(visible.length).toBeGreaterThan(5000);
    expect(parts.length).toBe(3);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(2000);
    // Cut between paragraphs, in order, nothing lost.
    expect(parts.join("\n\n")).toBe(visible);
    expect(parts.join("")).not.toMatch(/<\/?b>|&lt;|&gt;|&amp;/);
    world.markRead(7001);
  });

  it("rejects a webhook call with a wrong or missing secret and processes nothing; a redelivered event is answered once", async () => {
    const processed = async () =>
      (await queryRows<{ count: number }>(database.db, sql`select count(*)::int as count from processed_updates where platform = 'zalo'`))[0]?.count;
    const before = await processed();
    const forged = zalo().fake.textEvent(7001, "An", "/me", "forged-1");
    expect(await zalo().fake.deliver(forged, "not-the-secret-at-all")).toBe(401);
    expect(await zalo().fake.deliver(forged, "")).toBe(401);
    expect(await processed()).toBe(before);
    expect(world.unread(7001)).toEqual([]);

    const genuine = zalo().fake.textEvent(7001, "An", "/me", "genuine-1");
    expect(await zalo().fake.deliver(genuine, ZALO_WEBHOOK_SECRET)).toBe(200);
    expect(await zalo().fake.deliver(genuine, ZALO_WEBHOOK_SECRET)).toBe(200);
    expect(world.unread(7001).map((shown) => shown.text)).toEqual([expect.stringContaining("Nguyễn <An> & Co")]);
    world.markRead(7001);
  });

  it("answers a sticker and an image politely, acknowledges events without a message, and tells an unknown user how to link", async () => {
    const user = world.user({ id: 7001, first_name: "An" });
    const sticker = zalo().fake.textEvent(7001, "An", "", "sticker-1");
    expect(await zalo().fake.deliver({ ...sticker, event_name: "message.sticker.received", message: { ...sticker.message, text: undefined } })).toBe(200);
    expect((await user.next()).text).toContain("Tôi chưa hiểu");
    const image = zalo().fake.textEvent(7001, "An", "", "image-1");
    const withPhoto = {
      ...image,
      event_name: "message.image.received",
      message: { ...image.message, text: undefined, photo_url: "https://zalo.example/p.jpg", caption: "ảnh" },
    };
    expect(await zalo().fake.deliver(withPhoto as unknown as typeof image)).toBe(200);
    expect((await user.next()).text).toContain("Tôi chưa hiểu");
    // Zalo sends some events with no message at all, and may add kinds: 200, and nothing said.
    for (const event_name of ["message.unsupported.received", "bot.some_future_event"]) {
      expect(await zalo().fake.deliver({ event_name } as unknown as typeof image)).toBe(200);
    }
    expect(await zalo().fake.deliver({ event_name: "message.unsupported.received", message: { message_id: "u1" } } as unknown as typeof image)).toBe(200);
    expect(world.unread(7001)).toEqual([]);
    expect((await world.user({ id: 7999, first_name: "Khách" }).ask("xin chào")).text).toContain("mã mời");
  });

  it("answers a Zalo group once, in one sentence, and serves nothing there", async () => {
    const inGroup = (text: string, id: string) => {
      const event = zalo().fake.textEvent(7001, "An", text, id);
      return zalo().fake.deliver({ ...event, message: { ...event.message, chat: { id: zaloChatId(77_777), chat_type: "GROUP" } } } as unknown as typeof event);
    };
    expect(await inGroup("/me", "group-1")).toBe(200);
    expect(await inGroup("/register", "group-2")).toBe(200);
    expect(world.unread(77_777).map((shown) => shown.text)).toEqual([
      "Trợ lý thi đua, khen thưởng chỉ làm việc trong trò chuyện riêng: hãy nhắn riêng cho tôi.",
    ]);
    expect(world.unread(7001)).toEqual([]);
  });

  it("links a Zalo account with an invite code typed alone, and notifies every linked account unless told otherwise", async () => {
    const { code } = await createInvite(database.db, "B1", { clock: world.clock.now, actor: cliActor });
    await linkAccount(database.db, "telegram", "B1", "91002");
    const onZalo = world.user({ id: 7002, first_name: "Bình" });
    expect((await agreeToPrivacy(onZalo, await onZalo.ask(code.toLowerCase()))).text).toContain("Đã liên kết tài khoản với Trần Bình");
    expect((await onZalo.ask("/me")).text).toContain("Trần Bình");

    const [b1] = await database.db.select({ id: people.id }).from(people).where(eq(people.staffCode, "B1"));
    const notify = (key: string) =>
      enqueue(database.db, [
        { personId: b1?.id as number, dedupeKey: key, kind: "test", notBefore: new Date(0), render: () => ({ text: `Thông báo ${key}` }) },
      ]);
    expect((await notify("both")).map((row) => row.platform).sort()).toEqual(["telegram", "zalo"]);
    expect((await onZalo.ask("/notify zalo")).text).toBe("Từ nay thông báo gửi qua: Zalo.");
    expect((await notify("zalo-only")).map((row) => row.platform)).toEqual(["zalo"]);
    await database.db.delete(outbox).where(eq(outbox.platform, "telegram"));
    await world.deliverNotifications(database.db);
    expect(world.unread(7002).map((shown) => shown.text)).toEqual(["Thông báo both", "Thông báo zalo-only"]);
  });
});

describe.each(DATABASE_KINDS)("documents on Zalo without a web server (%s)", (kind) => {
  let database: DatabaseHandle;
  let world: ChatWorld;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    world = await startChatWorld("zalo", database.db, { mode: "polling", at: "2025-01-06T09:00:00+07:00" });
    await importRosterText(database.db, ROSTER);
    await world.link(database.db, "S1", 7101);
  });
  afterAll(async () => {
    await world?.close();
    await database?.close();
  });
  afterEach(() => expect(world.violations).toEqual([]));

  it("explains that the export cannot be sent on Zalo when there is no link to give", async () => {
    const secretary = world.user({ id: 7101, first_name: "Thư" });
    await secretary.ask("/campaign 30/01/2025 Phong trào thi đua năm 2025");
    expect((await secretary.ask("/register")).buttons[0]?.text).toBe("Lao động tiên tiến");
    expect((await secretary.ask("lao dong tien tien")).buttons.map((button) => button.text)).toContain("Giấy khen của Thủ trưởng cơ quan");
    expect((await secretary.ask("giay khen cua thu truong co quan")).text).toContain("Kiểm tra lại đăng ký");
    expect((await secretary.ask("xac nhan dang ky")).text).toContain("Đã gửi đăng ký Lao động tiên tiến");
    const answer = await secretary.ask("/export pending");
    expect(answer.kind).toBe("message");
    expect(answer.text).toContain("Zalo không nhận được tệp bieu-dang-ky-thi-dua-2025.xlsx");
  });
});

describe("npm start with only a Zalo token", () => {
  it("stops start-up with one line when Zalo refuses the token", async () => {
    const fake = await FakeZalo.start();
    try {
      const dataDir = mkdtempSync(path.join(tmpdir(), "tdkt-zalo-token-"));
      const run = await runEntry("src/main.ts", { env: { DATA_DIR: dataDir, ZALO_BOT_TOKEN: "999:not-the-token", ZALO_API_ROOT: fake.apiRoot } });
      expect(run.code).toBe(1);
      expect(run.stderr.trim().split("\n")).toEqual(["Configuration error: ZALO_BOT_TOKEN was refused by Zalo (getMe: Unauthorized)"]);
    } finally {
      await fake.close();
    }
  });

  it("polls Zalo, links a user by the code alone, answers /me, and stops cleanly on SIGTERM", async () => {
    const fake = await FakeZalo.start();
    const dataDir = mkdtempSync(path.join(tmpdir(), "tdkt-zalo-"));
    try {
      expect((await runEntry("src/cli/index.ts", { args: ["seed", "demo"], env: { DATA_DIR: dataDir } })).code).toBe(0);
      const invite = await runEntry("src/cli/index.ts", { args: ["invite", "DEMO-VP03"], env: { DATA_DIR: dataDir } });
      const code = /INVITE (\S+)/.exec(invite.stdout)?.[1] as string;
      expect(code).toMatch(/^[A-Z0-9]{10}$/);
      const bot = startEntry("src/main.ts", { env: { DATA_DIR: dataDir, ZALO_BOT_TOKEN: ZALO_TEST_TOKEN, ZALO_API_ROOT: fake.apiRoot } });
      const user = fake.user({ id: 7301, first_name: "Hồng" });
      expect((await agreeToPrivacy(user, await user.ask(code))).text).toContain("Đã liên kết tài khoản với Lê Thị Hồng");
      expect((await user.ask("/me")).text).toBe("Lê Thị Hồng\nChức vụ: Văn thư\nĐơn vị: Văn phòng Sở\nVai trò: Công chức, viên chức");
      bot.child.kill("SIGTERM");
      const run = await bot.finished;
      expect({ code: run.code, violations: fake.violations }).toEqual({ code: 0, violations: [] });
    } finally {
      await fake.close();
    }
  });
});
