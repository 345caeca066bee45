import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { nextWithChoices, PLATFORMS } from "../support/chat-world.js";
import { DATABASE_KINDS } from "../support/databases.js";
import { nextWith } from "../support/fake-telegram.js";
import { nextFile } from "../support/received-files.js";
import { approvedIn2025 } from "../support/registrations.js";
import { worldWith } from "../support/world-setup.js";

const ROSTER = `unit_code,unit_name,staff_code,full_name,position,roles
VP,Văn phòng,S,Thư Ký,,secretariat
VP,Văn phòng,C1,Thành Viên Một,,council
VP,Văn phòng,C2,Thành Viên Hai,,council
VP,Văn phòng,C3,Thành Viên Ba,,council
NV,Phòng Nghiệp vụ,A,Nguyễn An,,staff
NV,Phòng Nghiệp vụ,B,Trần Bình,,staff
`;
const CASES = PLATFORMS.flatMap((platform) => DATABASE_KINDS.map((kind) => ({ platform, kind })));

describe.each(CASES)("the council's secret ballot in chat on $platform ($kind)", ({ platform, kind }) => {
  const setup = worldWith(platform, kind, {
    roster: ROSTER,
    links: { S: 8901, C1: 8902, C2: 8903, C3: 8904, A: 8905, B: 8906 },
    at: "2026-01-20T09:00:00+07:00",
    mode: "webhook",
  });

  it("opens a session, takes one ballot per member (a second refused, a change accepted), and shows the tally only after the close", async () => {
    const { world, database } = setup;
    await approvedIn2025(database.db, { A: { titleCode: "CSTDCS" }, B: { titleCode: "CSTDCS" } }, world.clock.now());
    const secretary = world.user({ id: 8901, first_name: "Thư" });
    const created = await secretary.ask("/ballot new 2025 Phiên họp xét thi đua năm 2025");
    const id = /số (\d+)/.exec(created.text)?.[1];
    expect(created.text).toContain("2 ứng viên");
    // No unit has held its bình xét: the secretariat is warned that the list is unreviewed.
    expect((await nextWith(secretary, "chưa gửi kết quả bình xét")).text).toBe(
      "⚠️ 1 đơn vị chưa gửi kết quả bình xét, các đăng ký đã duyệt của họ vẫn có trong danh sách: Phòng Nghiệp vụ.",
    );
    expect((await secretary.ask(`/ballot open ${id}`)).text).toContain("3 thành viên Hội đồng đã được báo");
    await world.deliverNotifications(database.db);
    expect(world.unread(8902).map((shown) => shown.text)).toContain(
      `🗳 Bỏ phiếu kín phiên số ${id} đã mở. Gõ /vote ${id} để xem danh sách và bỏ phiếu. Phiếu kín: phiếu được niêm phong, khi đóng phiếu mới được đếm và xáo trộn; dữ liệu lưu lại chỉ cho biết bạn đã bỏ phiếu, không cho biết bạn chọn gì. Ngoại lệ duy nhất: người giữ khóa bí mật của máy chủ trong lúc phiên còn mở.`,
    );
    for (const chat of [8902, 8903, 8904]) world.markRead(chat);

    // C1 disagrees with Trần Bình (2) and submits; pressing submit again is a second ballot: refused.
    const c1 = world.user({ id: 8902, first_name: "Một" });
    const ballot = await c1.ask(`/vote ${id}`);
    expect(ballot.text).toContain("1. Nguyễn An (Phòng Nghiệp vụ) — Chiến sĩ thi đua cơ sở: đồng ý");
    c1.press(ballot, "Đổi 2");
    const marked = await nextWithChoices(c1);
    expect(marked.text).toContain("2. Trần Bình (Phòng Nghiệp vụ) — Chiến sĩ thi đua cơ sở: không đồng ý");
    c1.press(marked, "📨 Nộp phiếu");
    expect((await nextWith(c1, "Đã nhận phiếu")).text).toContain("không đồng ý 1 ứng viên");
    const again = await c1.ask(`/vote ${id}`);
    c1.press(again, "📨 Nộp phiếu");
    const refused = await nextWith(c1, "Bạn đã bỏ phiếu");
    expect(refused.text).toContain("mỗi thành viên chỉ có một phiếu");
    // C2 agrees with both, then changes her mind about Trần Bình before the close.
    const c2 = world.user({ id: 8903, first_name: "Hai" });
    c2.press(await c2.ask(`/vote ${id}`), "📨 Nộp phiếu");
    await nextWith(c2, "Đã nhận phiếu");
    const change = await c2.ask(`/vote ${id}`);
    c2.press(change, "Đổi 2");
    const changed = await nextWithChoices(c2);
    c2.press(changed, "📨 Nộp phiếu");
    c2.press(await nextWith(c2, "Bạn đã bỏ phiếu"), "✏️ Đổi phiếu");
    expect((await nextWith(c2, "Đã đổi phiếu")).text).toContain("không đồng ý 1 ứng viên");
    // C3 agrees with both.
    const c3 = world.user({ id: 8904, first_name: "Ba" });
    c3.press(await c3.ask(`/vote ${id}`), "📨 Nộp phiếu");
    await nextWith(c3, "Đã nhận phiếu");

    expect((await secretary.ask(`/ballot result ${id}`)).text).toBe(`Phiên số ${id} chưa đóng: kết quả chỉ có sau khi đóng phiếu.`);
    const tally = await secretary.ask(`/ballot close ${id}`);
    // Nguyễn An: all three agree = 100 % ≥ 80 %; Trần Bình: only C3 (C1 from the start, C2 after her change) = 33 %.
    expect(tally.text).toBe(
      [
        `Kết quả bỏ phiếu kín phiên số ${id}: 3/3 thành viên đã bỏ phiếu.`,
        "✅ 1. Nguyễn An (Phòng Nghiệp vụ) — Chiến sĩ thi đua cơ sở: 3 đồng ý, 0 không đồng ý / 3 thành viên — đạt (cần 80%)",
        "❌ 2. Trần Bình (Phòng Nghiệp vụ) — Chiến sĩ thi đua cơ sở: 1 đồng ý, 2 không đồng ý / 3 thành viên — không đạt (cần 80%)",
      ].join("\n"),
    );
    expect((await c3.ask(`/vote ${id}`)).text).toBe(`Phiên bỏ phiếu số ${id} không đang mở.`);
    // The minutes and the results list, as files (Zalo: links to them).
    secretary.send(`/ballot minutes ${id}`);
    const minutes = await nextFile(world, secretary, /^bien-ban-bo-phieu-\d+\.docx$/);
    const xml = (await (await JSZip.loadAsync(minutes.bytes)).file("word/document.xml")?.async("string")) ?? "";
    expect(xml).toContain("Thành Viên Hai");
    expect(xml).toContain("Không đạt");
    await nextFile(world, secretary, /^ket-qua-bo-phieu-\d+\.xlsx$/);

    // The agency head's decision: results recorded, every registrant told once, /myregs shows it.
    // Recorded once signed: the clerk enters it on 06/02, and a decision is never dated after the day it is entered.
    world.clock.advance(17 * 24 * 60 * 60 * 1000);
    const decided = await secretary.ask(`/ballot decide ${id} 12/QĐ-SNgV 05/02/2026 Phạm Thị Anh Thư`);
    expect(decided.text).toMatch(/1 được công nhận, 0 được đề nghị lên cấp trên \(.*\), 1 không đạt/);
    expect((await secretary.ask(`/ballot decide ${id} 13/QĐ-SNgV 06/02/2026 Phạm Thị Anh Thư`)).text).toBe(`Phiên số ${id} đã có quyết định.`);
    await world.deliverNotifications(database.db);
    expect(world.unread(8905).map((shown) => shown.text)).toEqual([
      "🏅 Chúc mừng! Nguyễn An (Phòng Nghiệp vụ) — Chiến sĩ thi đua cơ sở: được công nhận theo Quyết định số 12/QĐ-SNgV ngày 05/02/2026 (Phạm Thị Anh Thư).",
    ]);
    expect(world.unread(8906).map((shown) => shown.text)).toEqual([
      "Kết quả xét thi đua: Trần Bình (Phòng Nghiệp vụ) — Chiến sĩ thi đua cơ sở chưa đạt ở bước bỏ phiếu của Hội đồng (1/3 thành viên đồng ý, cần 80%).",
    ]);
    world.markRead(8905);
    const mine = await world.user({ id: 8905, first_name: "An" }).ask("/myregs 2025");
    expect(mine.text).toContain("🏅 được công nhận/khen thưởng theo Quyết định 12/QĐ-SNgV ngày 05/02/2026 (Phạm Thị Anh Thư)");
  });
});
