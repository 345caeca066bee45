import { describe, expect, it } from "vitest";
import { PLATFORMS } from "../support/chat-world.js";
import { DATABASE_KINDS } from "../support/databases.js";
import { nextWith } from "../support/fake-telegram.js";
import { registrationSeason } from "../support/season.js";

// Initiatives (sáng kiến): declared by staff, reviewed by the initiative council, cited when registering.
const ROSTER = `unit_code,unit_name,staff_code,full_name,position,roles
VP,Văn phòng,IC,Hội Đồng Sáng Kiến,Chuyên viên,staff;initiative_council
NV,Phòng Nghiệp vụ,H,Trưởng Phòng,Trưởng phòng,head
NV,Phòng Nghiệp vụ,A,Nguyễn An,Chuyên viên,staff
NV,Phòng Nghiệp vụ,B,Trần Bình,Chuyên viên,staff
`;
const CHAT = { IC: 7201, H: 7202, A: 7203, B: 7204 } as const;
const CASES = PLATFORMS.flatMap((platform) => DATABASE_KINDS.map((kind) => ({ platform, kind })));

describe.each(CASES)("initiatives on $platform ($kind)", ({ platform, kind }) => {
  const season = registrationSeason(platform, kind, ROSTER, CHAT);
  const user = season.user;

  it("recognises an initiative, which its author then chooses as the basis of a CSTĐCS registration", async () => {
    const author = user("A");
    const declared = await author.ask("/initiative Số hóa hồ sơ thi đua | Quét và tra cứu hồ sơ");
    const id = /sáng kiến số (\d+)/.exec(declared.text)?.[1];
    const council = user("IC");
    expect((await council.ask(`/initiatives ok ${id} 90 cơ sở`)).text).toContain("cấp cơ sở, 90 điểm");
    await season.world.deliverNotifications(season.database.db);
    expect(season.world.unread(CHAT.A).map((shown) => shown.text)).toContain(
      "✅ Sáng kiến «Số hóa hồ sơ thi đua» của bạn được Hội đồng sáng kiến công nhận cấp cơ sở (90 điểm); có thể làm căn cứ đăng ký danh hiệu.",
    );
    season.world.markRead(CHAT.A);

    author.press(await author.ask("/register"), "Chiến sĩ thi đua cơ sở");
    author.press(await author.next(), "Không đề nghị");
    author.press(await author.next(), "Sáng kiến được công nhận");
    const choose = await author.next();
    expect(choose.text).toContain("chọn một sáng kiến của bạn đã được công nhận");
    author.press(choose, "Số hóa hồ sơ thi đua");
    const summary = await author.next();
    expect(summary.text).toContain("Số hóa hồ sơ thi đua");
    author.press(summary, "✅ Xác nhận đăng ký");
    await nextWith(author, "Đã gửi đăng ký");
    expect((await author.ask("/initiative")).text).toContain(`${id}. Số hóa hồ sơ thi đua: ✅ được công nhận cấp cơ sở, 90 điểm`);
  });

  it("returns an initiative with the council's reason, and says so to its author", async () => {
    const declared = await user("B").ask("/initiative Phần mềm chấm công | Chấm công bằng điện thoại");
    const id = /sáng kiến số (\d+)/.exec(declared.text)?.[1];
    // The council's notices of new initiatives are read first.
    await season.world.deliverNotifications(season.database.db);
    season.world.markRead(CHAT.IC);
    expect((await user("IC").ask(`/initiatives return ${id} Chưa có số liệu về hiệu quả`)).text).toContain("Đã trả lại sáng kiến");
    await season.world.deliverNotifications(season.database.db);
    expect(season.world.unread(CHAT.B).map((shown) => shown.text)).toContain(
      "Sáng kiến «Phần mềm chấm công» của bạn bị Hội đồng sáng kiến trả lại: Chưa có số liệu về hiệu quả. Bạn có thể sửa và khai báo lại bằng /initiative.",
    );
    season.world.markRead(CHAT.B);
    expect((await user("B").ask("/initiative")).text).toContain(`${id}. Phần mềm chấm công: bị trả lại — Chưa có số liệu về hiệu quả`);
    // A second word on it is refused: it no longer waits.
    expect((await user("IC").ask(`/initiatives ok ${id} 50 cơ sở`)).text).toBe(`Sáng kiến số ${id} không ở trạng thái chờ xét.`);
  });
});
