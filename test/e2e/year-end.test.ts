import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { type ChatTestUser, nextWithChoices, PLATFORMS } from "../support/chat-world.js";
import { DATABASE_KINDS } from "../support/databases.js";
import { nextWith } from "../support/fake-telegram.js";
import { nextFile } from "../support/received-files.js";
import { approvedIn2025 } from "../support/registrations.js";
import { worldWith } from "../support/world-setup.js";

const ROSTER = `unit_code,unit_name,staff_code,full_name,position,roles
VP,Văn phòng,S,Thư Ký,,secretariat
VP,Văn phòng,L,Phạm Thị Anh Thư,Giám đốc,leader
VP,Văn phòng,C1,Thành Viên Một,,council
VP,Văn phòng,C2,Thành Viên Hai,,council
VP,Văn phòng,C3,Thành Viên Ba,,council
VP,Văn phòng,C4,Thành Viên Bốn,,council
VP,Văn phòng,C5,Thành Viên Năm,,council
VP,Văn phòng,C6,Thành Viên Sáu,,council
VP,Văn phòng,C7,Thành Viên Bảy,,council;initiative_council
NV,Phòng Nghiệp vụ,H,Hoàng Hà,Trưởng phòng,head
NV,Phòng Nghiệp vụ,A,Nguyễn An,,staff
NV,Phòng Nghiệp vụ,B,Trần Bình,,staff
NV,Phòng Nghiệp vụ,D,Lê Dung,,staff
NV,Phòng Nghiệp vụ,E,Phạm Em,,staff
`;
const CHATS = { S: 9101, L: 9102, C1: 9111, C2: 9112, C3: 9113, C4: 9114, C5: 9115, C6: 9116, C7: 9117, H: 9121, A: 9122, B: 9123, D: 9124, E: 9125 };
const COUNCIL = [9111, 9112, 9113, 9114, 9115, 9116, 9117];
const CASES = PLATFORMS.flatMap((platform) => DATABASE_KINDS.map((kind) => ({ platform, kind })));

describe.each(CASES)("the year-end on $platform ($kind): initiatives, bình xét, the council's ballot, the decision", ({ platform, kind }) => {
  const setup = worldWith(platform, kind, { roster: ROSTER, links: CHATS, at: "2026-01-20T09:00:00+07:00", mode: "webhook" });

  it("takes approved registrations through the unit's review and a council of 7 to the decision, and tells every registrant once", async () => {
    const { world, database } = setup;
    const user = (code: keyof typeof CHATS): ChatTestUser => world.user({ id: CHATS[code], first_name: code });
    await approvedIn2025(
      database.db,
      { A: { titleCode: "CSTDCS", initiativeTitle: "Số hóa hồ sơ thi đua" }, B: { titleCode: "CSTDCS" }, D: { titleCode: "LDTT" }, E: { titleCode: "LDTT" } },
      world.clock.now(),
    );

    // The initiative Nguyễn An's CSTĐCS cites: declared, recognised by the initiative council, the author told.
    const declared = await user("A").ask("/initiative Số hóa hồ sơ thi đua | Quét và tra cứu hồ sơ thi đua của Sở");
    const initiativeId = /sáng kiến số (\d+)/.exec(declared.text)?.[1];
    expect(declared.text).toContain("«Số hóa hồ sơ thi đua» đến Hội đồng sáng kiến");
    await world.deliverNotifications(database.db);
    expect(world.unread(CHATS.C7).map((shown) => shown.text)).toEqual([
      `💡 Sáng kiến mới chờ xét: số ${initiativeId} «Số hóa hồ sơ thi đua». Xem bằng /initiatives.`,
    ]);
    world.markRead(CHATS.C7);
    const reviewer = user("C7");
    expect((await reviewer.ask("/initiatives")).text).toContain(
      `${initiativeId}. Số hóa hồ sơ thi đua — Nguyễn An (Phòng Nghiệp vụ): Quét và tra cứu hồ sơ thi đua của Sở`,
    );
    expect((await reviewer.ask(`/initiatives ok ${initiativeId} 85 cơ sở`)).text).toBe(
      `✅ Đã công nhận sáng kiến số ${initiativeId} «Số hóa hồ sơ thi đua» cấp cơ sở, 85 điểm; tác giả đã được báo.`,
    );
    await world.deliverNotifications(database.db);
    world.markRead(CHATS.A);

    // The unit's bình xét: three proposed, Phạm Em not (with the meeting's reason); sent after a confirmation.
    const head = user("H");
    const review = await head.ask("/review 2025");
    expect(review.text).toContain("Bình xét thi đua năm 2025 — Phòng Nghiệp vụ: 4 đăng ký đã duyệt");
    expect(review.text).toContain("3. Phạm Em — Lao động tiên tiến: chưa xét");
    head.press(review, "✅ 1");
    const one = await nextWithChoices(head);
    expect(one.text).toContain("1. Lê Dung — Lao động tiên tiến: ✅ đề nghị");
    head.press(one, "✅ 2");
    head.press(await nextWithChoices(head), "✅ 4");
    await nextWithChoices(head);
    const reasoned = await head.ask("/review no 3 chưa hoàn thành chỉ tiêu quý IV");
    expect(reasoned.text).toContain("3. Phạm Em — Lao động tiên tiến: ✗ không đề nghị (chưa hoàn thành chỉ tiêu quý IV)");
    head.press(reasoned, "📨 Gửi kết quả lên Hội đồng");
    const confirm = await nextWith(head, "Gửi kết quả bình xét lên Hội đồng");
    expect(confirm.text).toContain("3 người được đề nghị, 1 người không");
    head.press(confirm, "✅ Xác nhận gửi");
    expect((await nextWith(head, "Đã gửi kết quả bình xét")).text).toContain("3 đề nghị, 1 không đề nghị");
    const minutes = await nextFile(world, head, /^bien-ban-binh-xet-2025\.docx$/);
    const minutesXml = (await (await JSZip.loadAsync(minutes.bytes)).file("word/document.xml")?.async("string")) ?? "";
    expect(minutesXml).toContain("Họp bình xét thi đua năm 2025 — Phòng Nghiệp vụ");
    expect(minutesXml).toContain("chưa hoàn thành chỉ tiêu quý IV");

    // The council meeting, and one session per title from it; the members get the agenda.
    const secretary = user("S");
    const meeting = await secretary.ask("/meeting 28/01/2026 08:00 | Phòng họp tầng 2 | Xét thi đua năm 2025");
    const meetingId = /lịch họp số (\d+)/.exec(meeting.text)?.[1];
    const sessions = await secretary.ask(`/ballot meeting ${meetingId} 2025`);
    const ldtt = /Phiên số (\d+): LDTT — 1 ứng viên/.exec(sessions.text)?.[1];
    const cstdcs = /Phiên số (\d+): CSTDCS — 2 ứng viên/.exec(sessions.text)?.[1];
    expect([ldtt, cstdcs].every(Boolean)).toBe(true);
    // Asked twice, it makes no second set of sessions.
    expect((await secretary.ask(`/ballot meeting ${meetingId} 2025`)).text).toContain(`Phiên số ${cstdcs}: CSTDCS — 2 ứng viên`);
    await world.deliverNotifications(database.db);
    for (const chat of COUNCIL) {
      const agenda = world.unread(chat).find((shown) => shown.text.startsWith("📋 Họp Hội đồng Thi đua, Khen thưởng 28/01/2026 08:00"));
      expect(agenda?.text).toContain(`• Phiên số ${cstdcs}: Chiến sĩ thi đua cơ sở — 2 ứng viên`);
      world.markRead(chat);
    }
    // The dossier a member reads before the meeting: the initiative behind Nguyễn An's title is recognised.
    expect((await user("C1").ask(`/candidates ${cstdcs}`)).text).toContain(
      "1. Nguyễn An (Phòng Nghiệp vụ) — Chiến sĩ thi đua cơ sở · căn cứ: Sáng kiến được công nhận · sáng kiến «Số hóa hồ sơ thi đua» đã được công nhận (cấp cơ sở)",
    );

    // The chair opens the CSTĐCS vote; all seven vote in chat.
    const chair = user("L");
    expect((await chair.ask(`/ballot open ${cstdcs}`)).text).toContain("7 thành viên Hội đồng đã được báo");
    // Someone not on the council neither sees the ballot nor votes.
    expect((await user("D").ask(`/vote ${cstdcs}`)).text).toBe("Bạn không có tên trong danh sách bỏ phiếu của phiên này.");
    const submit = async (code: keyof typeof CHATS, session: string | undefined, disagree: string[]) => {
      const voter = user(code);
      let ballot = await voter.ask(`/vote ${session}`);
      for (const label of disagree) {
        voter.press(ballot, label);
        ballot = await nextWithChoices(voter);
      }
      voter.press(ballot, "📨 Nộp phiếu");
      return nextWith(voter, "phiếu");
    };
    expect((await submit("C1", cstdcs, ["Đổi 2"])).text).toContain("Đã nhận phiếu");
    expect((await submit("C2", cstdcs, [])).text).toContain("Đã nhận phiếu");
    // C2 submits a second ballot: refused, the first stands.
    expect((await submit("C2", cstdcs, ["Đổi 1"])).text).toContain("mỗi thành viên chỉ có một phiếu");
    // C3 agrees with both, then changes her ballot to disagree with Trần Bình before the close.
    expect((await submit("C3", cstdcs, [])).text).toContain("Đã nhận phiếu");
    const c3 = user("C3");
    const changed = await submit("C3", cstdcs, ["Đổi 2"]);
    c3.press(changed, "✏️ Đổi phiếu");
    expect((await nextWith(c3, "Đã đổi phiếu")).text).toContain("không đồng ý 1 ứng viên");
    for (const code of ["C4", "C5", "C6", "C7"] as const) expect((await submit(code, cstdcs, [])).text).toContain("Đã nhận phiếu");
    expect((await chair.ask(`/ballot result ${cstdcs}`)).text).toBe(`Phiên số ${cstdcs} chưa đóng: kết quả chỉ có sau khi đóng phiếu.`);
    // Nguyễn An: 7 of 7 agree (100 % ≥ 80 %). Trần Bình: C2, C4, C5, C6, C7 = 5 of 7 (71 % < 80 %).
    expect((await chair.ask(`/ballot close ${cstdcs}`)).text).toBe(
      [
        `Kết quả bỏ phiếu kín phiên số ${cstdcs}: 7/7 thành viên đã bỏ phiếu.`,
        "✅ 1. Nguyễn An (Phòng Nghiệp vụ) — Chiến sĩ thi đua cơ sở: 7 đồng ý, 0 không đồng ý / 7 thành viên — đạt (cần 80%)",
        "❌ 2. Trần Bình (Phòng Nghiệp vụ) — Chiến sĩ thi đua cơ sở: 5 đồng ý, 2 không đồng ý / 7 thành viên — không đạt (cần 80%)",
      ].join("\n"),
    );
    // The LĐTT vote: four of seven agree with Lê Dung, more than half.
    await chair.ask(`/ballot open ${ldtt}`);
    for (const code of ["C1", "C2", "C3", "C4"] as const) await submit(code, ldtt, []);
    expect((await chair.ask(`/ballot close ${ldtt}`)).text).toContain(
      "✅ 1. Lê Dung (Phòng Nghiệp vụ) — Lao động tiên tiến: 4 đồng ý, 0 không đồng ý / 7 thành viên — đạt (cần trên 50%)",
    );

    // The agency head's decision on both; every registrant told once. (The secretariat has read the review's notice.)
    await world.deliverNotifications(database.db);
    world.markRead(CHATS.S);
    // Entered on the day it was signed, 05/02: a decision is never dated after the day it is entered.
    world.clock.advance(16 * 24 * 60 * 60 * 1000);
    expect((await secretary.ask(`/ballot decide ${cstdcs} 12/QĐ-SNgV 05/02/2026 Phạm Thị Anh Thư`)).text).toMatch(
      /1 được công nhận, 0 được đề nghị lên cấp trên \(.*\), 1 không đạt/,
    );
    expect((await secretary.ask(`/ballot decide ${ldtt} 12/QĐ-SNgV 05/02/2026 Phạm Thị Anh Thư`)).text).toMatch(
      /1 được công nhận, 0 được đề nghị lên cấp trên \(.*\), 0 không đạt/,
    );
    await world.deliverNotifications(database.db);
    await world.deliverNotifications(database.db);
    expect(world.unread(CHATS.A).map((shown) => shown.text)).toEqual([
      "🏅 Chúc mừng! Nguyễn An (Phòng Nghiệp vụ) — Chiến sĩ thi đua cơ sở: được công nhận theo Quyết định số 12/QĐ-SNgV ngày 05/02/2026 (Phạm Thị Anh Thư).",
    ]);
    expect(world.unread(CHATS.B).map((shown) => shown.text)).toEqual([
      "Kết quả xét thi đua: Trần Bình (Phòng Nghiệp vụ) — Chiến sĩ thi đua cơ sở chưa đạt ở bước bỏ phiếu của Hội đồng (5/7 thành viên đồng ý, cần 80%).",
    ]);
    expect(world.unread(CHATS.D).map((shown) => shown.text)).toEqual([
      "🏅 Chúc mừng! Lê Dung (Phòng Nghiệp vụ) — Lao động tiên tiến: được công nhận theo Quyết định số 12/QĐ-SNgV ngày 05/02/2026 (Phạm Thị Anh Thư).",
    ]);
    expect(world.unread(CHATS.E).map((shown) => shown.text)).toEqual([
      "Kết quả bình xét thi đua năm 2025 tại Phòng Nghiệp vụ: bạn chưa được đơn vị đề nghị lên Hội đồng (ghi chú: chưa hoàn thành chỉ tiêu quý IV).",
    ]);
    for (const chat of [CHATS.A, CHATS.E]) world.markRead(chat);
    const mine = await user("A").ask("/myregs 2025");
    expect(mine.text).toContain("được đơn vị bình xét đề nghị lên Hội đồng");
    expect(mine.text).toContain("🏅 được công nhận/khen thưởng theo Quyết định 12/QĐ-SNgV ngày 05/02/2026 (Phạm Thị Anh Thư)");
    expect((await user("E").ask("/myregs 2025")).text).toContain("không được đơn vị bình xét đề nghị; ghi chú: chưa hoàn thành chỉ tiêu quý IV");
  });
});
