import { beforeAll, describe, expect, it } from "vitest";
import { DATABASE_KINDS } from "../support/databases.js";
import { PLATFORMS } from "../support/chat-world.js";
import { registrationSeason } from "../support/season.js";
import { nextWith } from "../support/fake-telegram.js";

const ROSTER = `unit_code,unit_name,staff_code,full_name,position,roles
VP,Văn phòng,S1,Thư Ký,Chuyên viên,secretariat
NV1,Phòng Nghiệp vụ 1,A1,Đã Đăng Ký,Chuyên viên,staff
NV1,Phòng Nghiệp vụ 1,B1,Chưa Đăng Ký,Chuyên viên,staff
`;
const CHAT = { S1: 6301, A1: 6302, B1: 6303 } as const;
const CASES = PLATFORMS.flatMap((platform) => DATABASE_KINDS.map((kind) => ({ platform, kind })));

describe.each(CASES)("a campaign people can see on $platform ($kind)", ({ platform, kind }) => {
  const season = registrationSeason(platform, kind, ROSTER, CHAT);
  const user = season.user;

  beforeAll(async () => {
    const registered = user("A1");
    registered.press(await registered.ask("/register"), "Lao động tiên tiến");
    registered.press(await registered.next(), "Không đề nghị");
    registered.press(await registered.next(), "✅ Xác nhận đăng ký");
    await nextWith(registered, "Đã gửi đăng ký");
    await season.world.deliverNotifications(season.database.db);
    for (const chat of Object.values(CHAT)) season.world.markRead(chat);
  });

  it("lets a staff member look up the open campaign, its deadline and their status", async () => {
    // From Monday 06/01 09:00 to the end of Thursday 30/01: 24 days and 15 hours, so 25 days left.
    const mine = await user("B1").ask("/myregs");
    expect(mine.text).toBe("📣 Phong trào thi đua năm 2025 — hạn đăng ký hết ngày 30/01/2025 (còn 25 ngày)\nBạn chưa đăng ký danh hiệu nào cho năm 2025.");
    expect((await user("A1").ask("/myregs")).text).toContain("📣 Phong trào thi đua năm 2025 — hạn đăng ký hết ngày 30/01/2025");
  });

  it("extends the deadline as its own act and tells exactly those not registered, once", async () => {
    const secretary = user("S1");
    // Launching again does not move the deadline silently.
    expect((await secretary.ask("/campaign 15/02/2025 Phong trào thi đua năm 2025")).text).toContain("Để dời hạn, dùng /extend dd/mm/yyyy");
    // The secretary and B1 have not registered; A1 has.
    expect((await secretary.ask("/extend 15/02/2025")).text).toBe(
      "⏩ Đã gia hạn đăng ký Phong trào thi đua năm 2025 đến hết ngày 15/02/2025; đã xếp lịch báo cho 2 người chưa đăng ký.",
    );
    expect((await secretary.ask("/extend 15/02/2025")).text).toContain("đã xếp lịch báo cho 0 người");
    await season.world.deliverNotifications(season.database.db);
    const told = (chat: number) => season.world.unread(chat).filter((shown) => shown.text.includes("được gia hạn đến hết ngày 15/02/2025"));
    expect(told(CHAT.B1)).toHaveLength(1);
    expect(told(CHAT.B1)[0]?.buttons.map((button) => button.text)).toEqual(["Đăng ký ngay"]);
    expect(told(CHAT.S1)).toHaveLength(1);
    expect(told(CHAT.A1)).toEqual([]);
    season.world.markRead(CHAT.B1);
    expect((await user("B1").ask("/myregs")).text).toContain("hạn đăng ký hết ngày 15/02/2025");
  });
});
