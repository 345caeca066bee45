import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/client.js";
import { sweepReminders } from "../../src/services/reminders/index.js";
import { DATABASE_KINDS, openTestDatabase } from "../support/databases.js";
import { type ChatWorld, PLATFORMS, startChatWorld } from "../support/chat-world.js";
import { importRosterText } from "../support/people.js";

const CASES = PLATFORMS.flatMap((platform) => DATABASE_KINDS.map((kind) => ({ platform, kind })));

describe.each(CASES)("council meetings on $platform ($kind)", ({ platform, kind }) => {
  let database: DatabaseHandle;
  let world: ChatWorld;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    world = await startChatWorld(platform, database.db, { at: "2024-03-04T09:00:00+07:00" });
    await importRosterText(
      database.db,
      "unit_code,unit_name,staff_code,full_name,position,roles\nVP,Văn phòng,S,Thư Ký,,secretariat\nGD,Ban Giám đốc,C1,Chủ Tịch,,council\nTC,Phòng Tổ chức,C2,Ủy Viên,,council;head\nTC,Phòng Tổ chức,E,Nhân Viên,,staff\n",
    );
    for (const [code, chat] of [
      ["S", 9101],
      ["C1", 9102],
      ["C2", 9103],
      ["E", 9104],
    ] as const)
      await world.link(database.db, code, chat);
  });
  afterAll(async () => {
    await world?.close();
    await database?.close();
  });

  it("records a meeting, refuses impossible or past times, and reminds council members 3 days and 1 day before", async () => {
    const secretary = world.user({ id: 9101, first_name: "Thư" });
    expect((await secretary.ask("/meeting 31/02/2024 14:00 | Phòng họp | Bình xét")).text).toContain("không có thật");
    expect((await secretary.ask("/meeting 01/03/2024 14:00 | Phòng họp | Bình xét")).text).toContain("đã qua");
    expect((await secretary.ask("/meeting ngày mai")).text).toContain("Cách ghi lịch họp");
    const saved = await secretary.ask("/meeting 15/03/2024 14:00 | Phòng họp <tầng 2> | Bình xét quý I");
    // Who was told, as it happened: the two council members (the clerk made the change).
    expect(saved.text).toMatch(
      /^📅 Đã ghi lịch họp số \d+: 15\/03\/2024 14:00 tại Phòng họp <tầng 2>: Bình xét quý I\. Thành viên Hội đồng sẽ được nhắc trước 3 ngày và 1 ngày\.\nĐã báo 2 thành viên Hội đồng\./,
    );
    // Members hear of it at once, not only from the reminders days before.
    await world.deliverNotifications(database.db);
    for (const chat of [9102, 9103]) {
      expect(world.unread(chat).map((shown) => shown.text)).toContain(
        "📅 Họp Hội đồng Thi đua, Khen thưởng\nThời gian: 15/03/2024 14:00\nĐịa điểm: Phòng họp <tầng 2>\nNội dung: Bình xét quý I",
      );
    }
    const employee = world.user({ id: 9104, first_name: "NV" });
    expect((await employee.ask("/meeting 20/03/2024 14:00 | A | B")).text).toContain("không dành cho vai trò");

    const translate = (locale: string, key: string, args?: Record<string, string | number>) => world.bot.i18n.t(locale, key, args);
    const reminders = (chat: number) => world.unread(chat).filter((shown) => shown.text.includes("Nhắc lịch họp"));
    for (const at of [
      "2024-03-11T09:00:00+07:00",
      "2024-03-12T09:00:00+07:00",
      "2024-03-12T16:00:00+07:00",
      "2024-03-13T09:00:00+07:00",
      "2024-03-14T09:00:00+07:00",
      "2024-03-14T16:00:00+07:00",
    ]) {
      world.clock.set(at);
      await sweepReminders(database.db, { now: world.clock.now(), translate });
      await world.deliverNotifications(database.db);
      if (at.startsWith("2024-03-11")) expect(reminders(9102)).toHaveLength(0);
      if (at.startsWith("2024-03-12T09")) expect(reminders(9102)).toHaveLength(1);
    }
    for (const chat of [9102, 9103]) {
      const texts = reminders(chat).map((shown) => shown.text);
      expect(texts).toHaveLength(2);
      expect(texts[0]).toContain("Thời gian: 15/03/2024 14:00\nĐịa điểm: Phòng họp <tầng 2>");
    }
    expect(reminders(9104)).toHaveLength(0);
    expect(reminders(9101)).toHaveLength(0);
    world.markRead(9102);
    const list = await world.user({ id: 9102, first_name: "CT" }).ask("/meetings");
    expect(list.text).toMatch(/Số \d+: 15\/03\/2024 14:00 — Phòng họp <tầng 2>: Bình xét quý I/);
    expect(world.violations).toEqual([]);
  });

  it("moves a meeting with notice of both times and reminders of the new one only, then cancels it", async () => {
    world.clock.set("2024-03-18T09:00:00+07:00");
    for (const chat of [9101, 9102]) world.markRead(chat);
    const secretary = world.user({ id: 9101, first_name: "Thư" });
    const translate = (locale: string, key: string, args?: Record<string, string | number>) => world.bot.i18n.t(locale, key, args);
    const sweep = async (at: string) => {
      world.clock.set(at);
      await sweepReminders(database.db, { now: world.clock.now(), translate });
      await world.deliverNotifications(database.db);
    };
    const saved = await secretary.ask("/meeting 21/03/2024 14:00 | Phòng họp | Bình xét chuyên đề");
    const id = /số (\d+)/.exec(saved.text)?.[1];
    // Saturday is a day off: said, not refused.
    const moved = await secretary.ask(`/meeting move ${id} 23/03/2024 09:00 | Hội trường`);
    expect(moved.text).toContain(`Đã dời cuộc họp số ${id} sang 23/03/2024 09:00`);
    expect(moved.text).toContain("⚠️ Ngày này là ngày nghỉ");
    await sweep("2024-03-18T09:05:00+07:00");
    const member = () => world.unread(9102).map((shown) => shown.text);
    expect(member()).toContain(
      "📅 Cuộc họp Hội đồng đã dời: Bình xét chuyên đề\nThời gian cũ: 21/03/2024 14:00\nThời gian mới: 23/03/2024 09:00\nĐịa điểm: Hội trường",
    );
    world.markRead(9102);
    // 20/03 would have been the old time's T-1; only the new time's T-3 comes.
    await sweep("2024-03-20T09:00:00+07:00");
    const reminders = member().filter((text) => text.includes("Nhắc lịch họp"));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toContain("Thời gian: 23/03/2024 09:00\nĐịa điểm: Hội trường");
    world.markRead(9102);
    expect((await secretary.ask(`/meeting cancel ${id}`)).text).toBe(`Đã hủy cuộc họp số ${id}; các lời nhắc đã được rút lại.\nĐã báo 2 thành viên Hội đồng.`);
    await sweep("2024-03-22T09:00:00+07:00");
    expect(member()).toEqual(["📅 Cuộc họp Hội đồng lúc 23/03/2024 09:00 (Bình xét chuyên đề) đã bị hủy."]);
    expect((await secretary.ask(`/meeting cancel ${id}`)).text).toContain(`Không có cuộc họp sắp tới nào mang số ${id}`);
  });
});
