import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DatabaseHandle } from "../../src/db/client.js";
import { chatAccounts, privacyRequests } from "../../src/db/schema/index.js";
import { cliActor } from "../../src/services/audit.js";
import { createInvite } from "../../src/services/invites/codes.js";
import { importRoster } from "../../src/services/roster/import.js";
import { readCsv } from "../../src/services/roster/file.js";
import { agreeToPrivacy } from "../support/consent.js";
import { nextFile } from "../support/received-files.js";
import { DATABASE_KINDS, openTestDatabase } from "../support/databases.js";
import { type ChatWorld, PLATFORMS, startChatWorld } from "../support/chat-world.js";
import { type BotWorld, startBotWorld } from "../support/harness.js";

const ROSTER = `unit_code,unit_name,staff_code,full_name,position,roles
VP,Văn phòng Thanh tra tỉnh,CB001,Nguyễn <Văn> & Co,Chuyên viên,staff
VP,Văn phòng Thanh tra tỉnh,CB002,Trần Thị Bình,Chánh Văn phòng,head;secretariat
NV1,Phòng Nghiệp vụ 1,CB003,Lê Văn Cường,Thanh tra viên,staff
NV1,Phòng Nghiệp vụ 1,CB004,Phạm Thu Dung,Thanh tra viên,staff
NV1,Phòng Nghiệp vụ 1,CB005,Hoàng Minh Em,Chuyên viên,staff
`;

const CASES = PLATFORMS.flatMap((platform) => DATABASE_KINDS.map((kind) => ({ platform, kind })));

describe.each(CASES)("linking a chat account with an invite on $platform ($kind)", ({ platform, kind }) => {
  let database: DatabaseHandle;
  let world: ChatWorld;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    // Webhook mode: on Zalo a file (the copy of one's data) arrives as a link to this server.
    world = await startChatWorld(platform, database.db, { mode: "webhook" });
    await importRoster(database.db, readCsv(Buffer.from(ROSTER)), { clock: world.clock.now, actor: cliActor, source: "test" });
  });
  afterAll(async () => {
    await world?.close();
    await database?.close();
  });
  afterEach(() => {
    // Any message Telegram would have refused (bad HTML, too long, bad button) fails the test.
    expect(world.violations).toEqual([]);
  });

  const invite = (staffCode: string, ttlDays?: number) =>
    createInvite(database.db, staffCode, { clock: world.clock.now, actor: cliActor, ...(ttlDays ? { ttlDays } : {}) });

  it("explains how to get an invite to an unlinked user, whatever they send", async () => {
    const stranger = world.user({ id: 9001, first_name: "Khách" });
    expect((await stranger.ask("xin chào")).text).toContain("mã mời");
    expect((await stranger.ask("/me")).text).toContain("mã mời");
    const help = await stranger.ask("/help");
    expect(help.text).toContain("/start");
    expect(help.text).not.toContain("/me");
  });

  it("links with /start <code>, and /me shows the name intact with position, unit and roles", async () => {
    const { code } = await invite("CB001");
    const user = world.user({ id: 1001, first_name: "Văn" });
    const notice = await user.ask(`/start ${code}`);
    // Nothing is linked before the person agrees to what the bot keeps.
    expect(notice.text).toContain("Bấm «Đồng ý» để liên kết tài khoản này với Nguyễn <Văn> & Co.");
    expect(notice.text).toContain("Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15");
    expect((await user.ask("/me")).text).toContain("Để dùng, bạn cần liên kết tài khoản");
    expect((await agreeToPrivacy(user, notice)).text).toContain("Đã liên kết tài khoản với Nguyễn <Văn> & Co");
    const me = await user.ask("/me");
    expect(me.text).toBe(["Nguyễn <Văn> & Co", "Chức vụ: Chuyên viên", "Đơn vị: Văn phòng Thanh tra tỉnh", "Vai trò: Công chức, viên chức"].join("\n"));
  });

  it("gives distinct messages for a wrong, an expired and a reused code", async () => {
    const user = world.user({ id: 1002, first_name: "Bình" });
    expect((await user.ask("/start WRONGCODE9")).text).toContain("Mã mời không đúng");

    const expired = await invite("CB003", 1);
    world.clock.advance(2 * 86_400_000);
    expect((await user.ask(`/start ${expired.code}`)).text).toContain("đã hết hạn ngày");

    const fresh = await invite("CB002");
    expect((await agreeToPrivacy(user, await user.ask(`/start ${fresh.code}`))).text).toContain("Đã liên kết tài khoản với Trần Thị Bình");
    const other = world.user({ id: 1003, first_name: "Khác" });
    expect((await other.ask(`/start ${fresh.code}`)).text).toContain("đã được dùng");
  });

  it("links nothing when the privacy notice is declined; after agreeing, /privacy shows the person's data and takes a correction request", async () => {
    const { code } = await invite("CB005");
    const user = world.user({ id: 1006, first_name: "Em" });
    const notice = await user.ask(`/start ${code}`);
    user.press(notice, "Không đồng ý");
    expect((await user.next()).text).toContain("Chưa liên kết: bot không lưu gì thêm về bạn.");
    expect((await user.ask("/me")).text).toContain("Để dùng, bạn cần liên kết tài khoản");
    // The same code still works once the person changes their mind.
    expect((await agreeToPrivacy(user, await user.ask(`/start ${code}`))).text).toContain("Đã liên kết tài khoản với Hoàng Minh Em");

    const privacy = await user.ask("/privacy");
    expect(privacy.text).toContain("Họ tên: Hoàng Minh Em; mã cán bộ: CB005; chức vụ: Chuyên viên; đơn vị: Phòng Nghiệp vụ 1; vai trò: Công chức, viên chức");
    // An OA event carries no name: the account is named as the OA shows it.
    const shownName = platform === "zalo_oa" ? "Zalo" : "Em";
    expect(privacy.text).toMatch(new RegExp(`Tài khoản chat đã liên kết: ${platform} \\(${shownName}\\) — \\d{2}/\\d{2}/\\d{4}`));
    expect(privacy.text).toContain("Đăng ký danh hiệu: (chưa có)");
    expect(privacy.text).toMatch(/Bạn đồng ý với thông báo về dữ liệu cá nhân ngày \d{2}\/\d{2}\/\d{4}\./);
    // A copy of everything kept, as a file: the person, the linked account, the log of the linking.
    user.press(privacy, "📄 Nhận bản sao dữ liệu");
    const copy = JSON.parse((await nextFile(world, user, /^du-lieu-ca-nhan-CB005\.json$/)).bytes.toString("utf8"));
    expect(copy.person).toMatchObject({ fullName: "Hoàng Minh Em", staffCode: "CB005", position: "Chuyên viên", unitName: "Phòng Nghiệp vụ 1" });
    expect(copy.accounts).toEqual([expect.objectContaining({ platform, displayName: shownName })]);
    expect(copy.auditLog.map((entry: { action: string }) => entry.action)).toContain("privacy.consent");
    expect((await user.ask("/privacy sửa Chức vụ của tôi là Chuyên viên chính")).text).toContain("Đã ghi yêu cầu của bạn và báo cho Văn phòng");
    expect((await user.ask("/privacy")).text).toContain("Đang chờ xử lý: yêu cầu sửa gửi ngày");
    const [request] = await database.db.select().from(privacyRequests);
    expect(request).toMatchObject({ kind: "correction", text: "Chức vụ của tôi là Chuyên viên chính", handledAt: null });
  });

  it("accepts the code pasted on its own, without /start", async () => {
    const { code } = await invite("CB004");
    const user = world.user({ id: 1004, first_name: "Dung" });
    expect((await user.ask(code.toLowerCase())).text).toContain("Phạm Thu Dung");
  });

  it("refuses the sixth wrong code in an hour, even a right one, and lets the chat try again after the hour", async () => {
    const user = world.user({ id: 1005, first_name: "Dò mã" });
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect((await user.ask(`/start BADCODE00${attempt}`)).text).toContain(`còn ${5 - attempt} lần thử`);
    }
    expect((await user.ask("/start BADCODE005")).text).toContain("sai quá nhiều lần");
    const { code } = await invite("CB003");
    expect((await user.ask(`/start ${code}`)).text).toContain("thử lại sau");
    world.clock.advance(61 * 60_000);
    expect((await user.ask(`/start ${code}`)).text).toContain("Lê Văn Cường");
  });

  it("lists in /help only what the user's roles may use", async () => {
    await world.link(database.db, "CB002", 1102);
    const head = world.user({ id: 1102, first_name: "Bình" });
    const help = await head.ask("/help");
    expect(help.text).toContain("/me");
    expect(help.text).toContain("/lang");
    expect(help.text).not.toContain("Bạn chưa liên kết tài khoản");
    // One line per group of what the person does; a command's use on asking.
    expect(help.text.split("\n").length).toBeLessThanOrEqual(8);
    expect((await head.ask("/help register")).text).toBe("/register — Đăng ký danh hiệu thi đua năm nay");
  });

  it("answers unknown commands and random text helpfully", async () => {
    await world.link(database.db, "CB001", 1101);
    const user = world.user({ id: 1101, first_name: "Văn" });
    expect((await user.ask("/khongco")).text).toContain("Không có lệnh /khongco");
    expect((await user.ask("asdf qwer")).text).toContain("/help");
  });

  it("switches to English with /lang and remembers it", async () => {
    await world.link(database.db, "CB001", 1201);
    const user = world.user({ id: 1201, first_name: "Văn" });
    const choice = await user.ask("/lang");
    user.press(choice, "English");
    expect((await user.next()).text).toBe("Switched to English.");
    expect((await user.ask("/me")).text).toContain("Position: Chuyên viên");
    user.press(await user.ask("/lang"), "Tiếng Việt");
    expect((await user.next()).text).toBe("Đã chuyển sang Tiếng Việt.");
  });
});

/** What only Telegram has: a command menu per chat, block notices, redeliveries and forged button data. */
describe.each(DATABASE_KINDS)("a linked account on Telegram (%s)", (kind) => {
  let database: DatabaseHandle;
  let world: BotWorld;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    world = await startBotWorld(database.db);
    await importRoster(database.db, readCsv(Buffer.from(ROSTER)), { clock: world.clock.now, actor: cliActor, source: "test" });
  });
  afterAll(async () => {
    await world?.close();
    await database?.close();
  });
  afterEach(() => {
    // Any message Telegram would have refused (bad HTML, too long, bad button) fails the test.
    expect(world.fake.violations).toEqual([]);
  });

  const invite = (staffCode: string, ttlDays?: number) =>
    createInvite(database.db, staffCode, { clock: world.clock.now, actor: cliActor, ...(ttlDays ? { ttlDays } : {}) });

  it("shows a unit head the head commands in the menu once linked, and staff the staff menu", async () => {
    expect(world.fake.menus.get("default")).not.toContain("approve");
    const { code } = await invite("CB002");
    const head = world.fake.user({ id: 1010, first_name: "Bình" });
    expect((await agreeToPrivacy(head, await head.ask(`/start ${code}`))).text).toContain("Đã liên kết tài khoản với Trần Thị Bình");
    expect(world.fake.menus.get("1010")).toEqual(expect.arrayContaining(["tasks", "approve", "broadcast", "register", "me"]));
    // A roster import takes the secretariat role away: the menu follows at the next message.
    await importRoster(database.db, readCsv(Buffer.from(ROSTER.replace("head;secretariat", "head"))), {
      clock: world.clock.now,
      actor: cliActor,
      source: "test",
    });
    await head.ask("/me");
    expect(world.fake.menus.get("1010")).toEqual(expect.arrayContaining(["tasks", "approve"]));
    expect(world.fake.menus.get("1010")).not.toContain("broadcast");
  });

  it("marks an account blocked when the user blocks the bot and unblocked when they start it again", async () => {
    const { code } = await invite("CB004");
    const user = world.fake.user({ id: 1011, first_name: "Dung" });
    await user.ask(`/start ${code}`);
    const blocked = async () =>
      (await database.db.select({ blocked: chatAccounts.blocked }).from(chatAccounts).where(eq(chatAccounts.externalId, "1011")))[0]?.blocked;
    const memberUpdate = (status: "kicked" | "member") => {
      const chat = { id: 1011, type: "private" as const, first_name: "Dung" };
      const from = { id: 1011, is_bot: false, first_name: "Dung" };
      const bot = { id: 42, is_bot: true, first_name: "TĐKT", username: "tdkt_test_bot" };
      return world.fake.deliver({
        my_chat_member: {
          chat,
          from,
          date: 0,
          old_chat_member: status === "kicked" ? { status: "member", user: bot } : { status: "kicked", user: bot, until_date: 0 },
          new_chat_member: status === "kicked" ? { status: "kicked", user: bot, until_date: 0 } : { status: "member", user: bot },
        },
      });
    };
    memberUpdate("kicked");
    await expect.poll(blocked).toBe(true);
    memberUpdate("member");
    await expect.poll(blocked).toBe(false);
    expect(world.fake.unread(1011)).toEqual([]);
  });

  it("answers a redelivered update once", async () => {
    const user = world.fake.user({ id: 1012, first_name: "Cường" });
    await agreeToPrivacy(user, await user.ask(`/start ${(await invite("CB003")).code}`));
    const updateId = user.send("/me");
    expect((await user.next()).text).toContain("Lê Văn Cường");
    world.fake.redeliver(updateId);
    // A later message proves the redelivery was consumed without an answer.
    expect((await user.ask("/help")).text).toContain("Các lệnh bạn dùng được");
    expect(world.fake.unread(user.id)).toEqual([]);
  });

  it("tells a user of a forged or stale button that it no longer works", async () => {
    const user = world.fake.user({ id: 1013, first_name: "Văn" });
    await user.ask(`/start ${(await invite("CB001")).code}`);
    user.pressData(1, "lang:xx");
    expect(await user.next()).toMatchObject({ kind: "notice", text: "Nút này không còn hiệu lực. Hãy gõ lại lệnh." });
    user.pressData(1, "tasks:done:999");
    expect(await user.next()).toMatchObject({ kind: "notice", text: "Nút này không còn hiệu lực. Hãy gõ lại lệnh." });
  });
});
