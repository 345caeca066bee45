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
    expect((await secretary.ask("/meeting 15/03/2024 14:00 | Phòng họp <tầng 2> | Bình xét quý I")).text).toContain(
      "Đã ghi lịch họp 15/03/2024 14:00 tại Phòng họp <tầng 2>",
    );
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
    expect(list.text).toContain("15/03/2024 14:00 — Phòng họp <tầng 2>: Bình xét quý I");
    expect(world.violations).toEqual([]);
  });
});
