import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { titleAwards } from "../../src/db/schema/index.js";
import { PLATFORMS } from "../support/chat-world.js";
import { DATABASE_KINDS } from "../support/databases.js";
import { nextWith } from "../support/fake-telegram.js";
import { nextFile } from "../support/received-files.js";
import { approvedIn2025, approvedUnitRegistration } from "../support/registrations.js";
import { worldWith } from "../support/world-setup.js";

const ROSTER = `unit_code,unit_name,staff_code,full_name,position,roles
VP,Văn phòng,S,Thư Ký,,secretariat
VP,Văn phòng,G,Giám Đốc Sở,Giám đốc,leader
VP,Văn phòng,C1,Thành Viên Một,,council
VP,Văn phòng,C2,Thành Viên Hai,,council
VP,Văn phòng,C3,Thành Viên Ba,,council
NV,Phòng Nghiệp vụ,H,Hoàng Hà,Trưởng phòng,head
NV,Phòng Nghiệp vụ,A,Nguyễn An,,staff
NV,Phòng Nghiệp vụ,B,Trần Bình,,staff
NV,Phòng Nghiệp vụ,D,Lê Dung,,staff
`;
const CHATS = { G: 9969, S: 9961, C1: 9962, C2: 9963, C3: 9964, H: 9965, A: 9966, B: 9967, D: 9968 };
const CASES = PLATFORMS.flatMap((platform) => DATABASE_KINDS.map((kind) => ({ platform, kind })));

describe.each(CASES)("what the agency awards and what it proposes upward, on $platform ($kind)", ({ platform, kind }) => {
  // Webhook mode: the Zalo bot gets its files as links to the server.
  const setup = worldWith(platform, kind, { roster: ROSTER, links: CHATS, at: "2026-01-20T09:00:00+07:00", mode: "webhook" });

  it("records the CSTĐCS (with its LĐTT) by the agency's decision, proposes the CSTĐ tỉnh and the TTLĐXS, and records them when the province decides", async () => {
    const { world, database } = setup;
    const user = (code: keyof typeof CHATS) => world.user({ id: CHATS[code], first_name: code });
    await approvedIn2025(
      database.db,
      {
        A: { titleCode: "CSTDCS" },
        B: { titleCode: "CSTD_BO_TINH", initiativeTitle: "Số hóa hồ sơ" },
        H: { titleCode: "LDTT" },
        D: { titleCode: "LDTT" },
        G: { titleCode: "LDTT" },
      },
      world.clock.now(),
    );
    // The unit's TTLĐXS: 3 of its 4 members LĐTT (75 %), one CSTĐCS — its criteria are met.
    await approvedUnitRegistration(database.db, { year: 2025, unitCode: "NV", headCode: "H", titleCode: "TTLDXS", at: world.clock.now() });

    const secretary = user("S");
    const created = await secretary.ask("/ballot new 2025 Phiên xét thi đua năm 2025");
    const id = /số (\d+)/.exec(created.text)?.[1];
    expect(created.text).toContain("6 ứng viên");
    await nextWith(secretary, "chưa gửi kết quả bình xét");
    await secretary.ask(`/ballot open ${id}`);
    for (const member of ["C1", "C2", "C3"] as const) {
      const voter = user(member);
      const ballot = await voter.ask(`/vote ${id}`);
      voter.press(ballot, "📨 Nộp phiếu");
      await nextWith(voter, "Đã nhận phiếu");
    }
    await secretary.ask(`/ballot close ${id}`);
    world.clock.set("2026-02-06T09:00:00+07:00");
    expect((await secretary.ask(`/ballot decide ${id} 12/QĐ-SNgV 05/02/2026 Giám đốc Sở`)).text).toMatch(
      /4 được công nhận, 2 được đề nghị lên cấp trên \(.*\), 0 không đạt/,
    );
    // The director's own LĐTT, by a decision he signs: flagged.
    expect((await nextWith(secretary, "lãnh đạo cơ quan")).text).toContain("Quyết định này ghi danh hiệu cho lãnh đạo cơ quan: Giám Đốc Sở.");

    const awards = async () =>
      (
        await database.db
          .select({ person: titleAwards.personId, unit: titleAwards.unitId, title: titleAwards.titleCode, by: titleAwards.signer })
          .from(titleAwards)
      )
        .map((award) => `${award.title} ${award.by}`)
        .sort();
    // Only what the agency's head confers: the CSTĐCS and the LĐTT it implies, the two LĐTT.
    expect(await awards()).toEqual(["CSTDCS Giám đốc Sở", "LDTT Giám đốc Sở", "LDTT Giám đốc Sở", "LDTT Giám đốc Sở", "LDTT Giám đốc Sở"]);
    for (const chat of Object.values(CHATS)) world.markRead(chat);
    await world.deliverNotifications(database.db);
    expect(world.unread(CHATS.B).map((shown) => shown.text)).toEqual([
      "📤 Trần Bình (Phòng Nghiệp vụ) — Chiến sĩ thi đua bộ, ban, ngành, tỉnh: Hội đồng Thi đua, Khen thưởng của cơ quan đã bỏ phiếu đề nghị (3/3 thành viên đồng ý). Danh hiệu này do Bộ trưởng, Thủ trưởng ngành, Chủ tịch UBND tỉnh quyết định: hồ sơ đề nghị được gửi lên, bạn sẽ được báo khi có quyết định.",
    ]);
    // The unit's proposal is told to the head who registered it, beside his own LĐTT.
    const toHead = world.unread(CHATS.H).map((shown) => shown.text);
    expect(toHead).toHaveLength(2);
    // Two notices, in whichever order the channel delivered them.
    expect(toHead.some((text) => text.includes("Hoàng Hà (Phòng Nghiệp vụ) — Lao động tiên tiến: được công nhận theo Quyết định số 12/QĐ-SNgV"))).toBe(true);
    expect(
      toHead.some((text) => text.startsWith("📤 Phòng Nghiệp vụ — Tập thể lao động xuất sắc: Hội đồng Thi đua, Khen thưởng của cơ quan đã bỏ phiếu đề nghị")),
    ).toBe(true);

    // The dossier that goes up with the proposals, read back.
    secretary.send(`/ballot dossier ${id}`);
    const documentText = async (bytes: Buffer) => (await JSZip.loadAsync(bytes)).file("word/document.xml")?.async("string") ?? "";
    const submission = await documentText((await nextFile(world, secretary, /^to-trinh-de-nghi-khen-thuong-2025\.docx$/)).bytes);
    expect(submission).toContain("TỜ TRÌNH");
    expect(submission).toContain("Kính gửi: Bộ trưởng, Thủ trưởng ngành, Chủ tịch UBND tỉnh");
    expect(submission).toContain("- Tập thể lao động xuất sắc: 1 (Phòng Nghiệp vụ).");
    expect(submission).toContain("- Chiến sĩ thi đua bộ, ban, ngành, tỉnh: 1 (Trần Bình).");
    const list = new ExcelJS.Workbook();
    await list.xlsx.load((await nextFile(world, secretary, /^danh-sach-de-nghi-2025\.xlsx$/)).bytes as unknown as ArrayBuffer);
    const rows: string[][] = [];
    list.worksheets[0]?.eachRow((row) => rows.push([2, 4, 5, 6].map((column) => row.getCell(column).text)));
    expect(rows.slice(-2)).toEqual([
      ["Phòng Nghiệp vụ", "Tập thể lao động xuất sắc", "3/3", "—"],
      ["Trần Bình", "Chiến sĩ thi đua bộ, ban, ngành, tỉnh", "3/3", "Số hóa hồ sơ (chưa được công nhận)"],
    ]);
    expect(await documentText((await nextFile(world, secretary, new RegExp(`^bien-ban-hoi-dong-phien-${id}\\.docx$`))).bytes)).toContain("BIÊN BẢN");
    const reports = [await nextFile(world, secretary, /^bao-cao-thanh-tich-1\.docx$/), await nextFile(world, secretary, /^bao-cao-thanh-tich-2\.docx$/)];
    expect(await documentText(reports[0]?.bytes as Buffer)).toContain("Tên tập thể: Phòng Nghiệp vụ");
    const second = await documentText(reports[1]?.bytes as Buffer);
    expect(second).toContain("Họ và tên: Trần Bình");
    expect(second).toContain("2. Sáng kiến, đề tài: Số hóa hồ sơ (chưa có quyết định công nhận)");
    expect((await nextWith(secretary, "Hồ sơ đề nghị của phiên")).text.split("\n").slice(1)).toEqual([
      "• Phòng Nghiệp vụ: báo cáo thành tích bổ sung phần thành tích, có chữ ký và xác nhận của thủ trưởng đơn vị",
      "• Trần Bình: báo cáo thành tích bổ sung phần thành tích, có chữ ký và xác nhận của thủ trưởng đơn vị",
      "• Trần Bình: quyết định công nhận sáng kiến đã nêu (chưa được Hội đồng sáng kiến công nhận)",
    ]);

    // The province's decision comes back: both proposals are awarded by it.
    world.clock.set("2026-03-21T09:00:00+07:00");
    expect((await secretary.ask(`/ballot higher ${id} 123/QĐ-UBND 20/03/2026 Chủ tịch UBND tỉnh`)).text).toBe(
      // Trần Bình and the unit's head have chats: both of the two are told.
      `🏅 Đã ghi Quyết định 123/QĐ-UBND của Chủ tịch UBND tỉnh cho các đề nghị của phiên số ${id}: 2 được công nhận, 0 không. 2/2 người được báo; kết quả được ghi vào hồ sơ thi đua.`,
    );
    expect(await awards()).toEqual([
      "CSTDCS Giám đốc Sở",
      "CSTD_BO_TINH Chủ tịch UBND tỉnh",
      "LDTT Giám đốc Sở",
      "LDTT Giám đốc Sở",
      "LDTT Giám đốc Sở",
      "LDTT Giám đốc Sở",
      "TTLDXS Chủ tịch UBND tỉnh",
    ]);
    world.markRead(CHATS.B);
    await world.deliverNotifications(database.db);
    expect(world.unread(CHATS.B).map((shown) => shown.text)).toEqual([
      "🏅 Chúc mừng! Trần Bình (Phòng Nghiệp vụ) — Chiến sĩ thi đua bộ, ban, ngành, tỉnh: được công nhận theo Quyết định số 123/QĐ-UBND ngày 20/03/2026 (Chủ tịch UBND tỉnh).",
    ]);
    // Entered twice, nothing is proposed any more.
    expect((await secretary.ask(`/ballot higher ${id} 123/QĐ-UBND 20/03/2026 Chủ tịch UBND tỉnh`)).text).toBe(
      `Phiên số ${id} không có đề nghị nào đang chờ quyết định của cấp trên.`,
    );
  });
});
