import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { holidays, inspections, people } from "../../src/db/schema/index.js";
import { nextWithChoices, PLATFORMS } from "../support/chat-world.js";
import { worldWith } from "../support/world-setup.js";
import { DATABASE_KINDS } from "../support/databases.js";
import { nextWith } from "../support/fake-telegram.js";
import { importRosterText } from "../support/people.js";

const ROSTER = `unit_code,unit_name,staff_code,full_name,position,roles
VP,Văn phòng,S1,Thư Ký Văn Phòng,Chuyên viên,staff;secretariat
NV1,Phòng Nghiệp vụ 1,H1,Trưởng Một,Trưởng phòng,head
NV2,Phòng Nghiệp vụ 2,H2,Trưởng Hai,Trưởng phòng,head
`;
// An unrelated "trước 02 ngày" would be a notice period if read as one folded line.
const INSPECTION_PLAN = `KẾ HOẠCH
Kiểm tra công tác thi đua, khen thưởng năm 2026

1. Thời gian thực hiện: trong Quý II và Quý III năm 2026.
2. Đơn vị được chọn kiểm tra:
- Phòng Nghiệp vụ 1;
- Phòng Nghiệp vụ 2.
3. Văn phòng thông báo lịch kiểm tra đến đơn vị trước 07 ngày.
4. Đơn vị gửi báo cáo tự kiểm tra về Đoàn trước 04 ngày.
`;
const CASES = PLATFORMS.flatMap((platform) => DATABASE_KINDS.map((kind) => ({ platform, kind })));

describe.each(CASES)("holidays and inspection plans sent in chat on $platform ($kind)", ({ platform, kind }) => {
  const setup = worldWith(platform, kind, { roster: ROSTER, links: { S1: 8601 }, at: "2026-01-12T09:00:00+07:00", mode: "webhook" });

  it("records days off typed after /holidays or sent as a file, each after a preview", async () => {
    const { world, database } = setup;
    const secretary = world.user({ id: 8601, first_name: "Thư" });
    secretary.send("/holidays 16/02/2026 - 18/02/2026 Tết Nguyên đán\n26/04/2026 Giỗ Tổ Hùng Vương\n31/02/2026 Ngày không có");
    const preview = await nextWithChoices(secretary);
    expect(preview.text).toContain("Sẽ ghi 4 ngày nghỉ (1 dòng không đọc được):");
    expect(preview.text).toContain("• 16/02/2026 Tết Nguyên đán\n• 17/02/2026 Tết Nguyên đán\n• 18/02/2026 Tết Nguyên đán\n• 26/04/2026 Giỗ Tổ Hùng Vương");
    expect(preview.text).toContain("Dòng 3 không đọc được: 31/02/2026 Ngày không có");
    expect(await database.db.select().from(holidays)).toEqual([]);
    secretary.press(preview, "✅ Ghi 4 ngày nghỉ");
    expect((await nextWith(secretary, "Đã ghi")).text).toContain("Đã ghi 4 ngày nghỉ.");

    // A .csv after /holidays is a list of days off, not a roster.
    secretary.send("/holidays");
    await nextWith(secretary, "Ngày nghỉ lễ từ năm 2026");
    await secretary.sendFile("/holidays", "nghi-bu-2026.csv", Buffer.from("Ngày,Tên\n31/08/2026,Nghỉ bù Quốc khánh\n"));
    const fromFile = await nextWithChoices(secretary);
    expect(fromFile.text).toContain("Sẽ ghi 1 ngày nghỉ (0 dòng không đọc được):\n• 31/08/2026 Nghỉ bù Quốc khánh");
    secretary.press(fromFile, "✅ Ghi 1 ngày nghỉ");
    await nextWith(secretary, "Đã ghi 1 ngày nghỉ");
    expect((await database.db.select().from(holidays).orderBy(asc(holidays.day))).map((row) => row.day)).toEqual([
      "2026-02-16",
      "2026-02-17",
      "2026-02-18",
      "2026-04-26",
      "2026-08-31",
    ]);
  });

  it("imports deputy heads as heads once the agency says so", async () => {
    const { world, database } = setup;
    const secretary = world.user({ id: 8601, first_name: "Thư" });
    secretary.send("/rule deputy head");
    expect((await nextWith(secretary, "Đã lưu: phó trưởng phòng")).text).toBe(
      "Đã lưu: phó trưởng phòng được nhập là Lãnh đạo đơn vị (áp dụng từ lần nhập danh sách sau).",
    );
    await importRosterText(database.db, "Họ và tên,Chức vụ,Đơn vị\nPhó Một,Phó Trưởng phòng,Phòng Nghiệp vụ 1\n");
    const [deputy] = await database.db.select({ roles: people.roles }).from(people).where(eq(people.fullName, "Phó Một"));
    expect(deputy?.roles).toEqual(["head"]);
  });

  it("imports an inspection plan sent after /inspectionplan as the kind the secretariat chooses", async () => {
    const { world, database } = setup;
    const secretary = world.user({ id: 8601, first_name: "Thư" });
    secretary.send("/inspectionplan");
    await nextWith(secretary, "Gửi tệp kế hoạch kiểm tra");
    await secretary.sendFile("/inspectionplan", "kiem-tra-2026.md", Buffer.from(INSPECTION_PLAN));
    const preview = await nextWithChoices(secretary);
    expect(preview.text).toContain("Kiểm tra công tác thi đua, khen thưởng năm 2026 (năm 2026)");
    expect(preview.text).toContain("Thời gian: tháng 4–9; thông báo trước 7 ngày; đơn vị nộp báo cáo trước 4 ngày.");
    expect(preview.text).toContain("Đơn vị được kiểm tra (2): Phòng Nghiệp vụ 1; Phòng Nghiệp vụ 2");
    expect(await database.db.select().from(inspections)).toEqual([]);
    secretary.press(preview, "✅ Lưu: các đơn vị tự kiểm tra");
    expect((await nextWith(secretary, "Đã lưu kế hoạch kiểm tra")).text).toContain("2 đơn vị; thông báo trước 7 ngày; báo cáo trước 4 ngày");
    const [saved] = await database.db.select().from(inspections);
    expect(saved).toMatchObject({ kind: "self", year: 2026, windowFirstMonth: 4, windowLastMonth: 9, noticeDays: 7, reportDays: 4 });
  });
});
