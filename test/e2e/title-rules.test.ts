import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { people, registrations } from "../../src/db/schema/index.js";
import { cliActor } from "../../src/services/audit.js";
import { catalogueOn } from "../../src/services/rules/catalogue.js";
import { importTitleHistory, submitRegistration } from "../../src/services/registrations/index.js";
import { DATABASE_KINDS } from "../support/databases.js";
import { PLATFORMS } from "../support/chat-world.js";
import { registrationSeason } from "../support/season.js";
import { nextWith } from "../support/fake-telegram.js";

// Law 06/2022 as DOMAIN.md states it: each test plays one person's registration, on its own.
const ROSTER = `unit_code,unit_name,staff_code,full_name,position,roles
VP,Văn phòng,S1,Thư Ký Văn Phòng,Chuyên viên,staff;secretariat
NV1,Phòng Nghiệp vụ 1,H1,Trưởng Phòng Một,Trưởng phòng,head
NV1,Phòng Nghiệp vụ 1,B1,Trần Bình,Chuyên viên,staff
NV1,Phòng Nghiệp vụ 1,C1,Lê Cường,Chuyên viên chính,staff
NV2,Phòng Nghiệp vụ 2,H2,Trưởng Phòng Hai,Trưởng phòng,head
NV2,Phòng Nghiệp vụ 2,D2,Phạm Dung,Chuyên viên,staff
`;
const CHAT = { S1: 6101, H1: 6102, B1: 6103, C1: 6104, H2: 6105, D2: 6106 } as const;

const CASES = PLATFORMS.flatMap((platform) => DATABASE_KINDS.map((kind) => ({ platform, kind })));

describe.each(CASES)("the law's title rules on $platform ($kind)", ({ platform, kind }) => {
  const season = registrationSeason(platform, kind, ROSTER, CHAT);
  const user = season.user;
  const personId = async (staffCode: string) =>
    (await season.database.db.select({ id: people.id }).from(people).where(eq(people.staffCode, staffCode)))[0]?.id as number;

  it("accepts Chiến sĩ thi đua cơ sở for excellent work without an initiative, as the law does", async () => {
    const employee = user("B1");
    employee.press(await employee.ask("/register"), "Chiến sĩ thi đua cơ sở");
    employee.press(await employee.next(), "Không đề nghị");
    const bases = await employee.next();
    expect(bases.buttons.map((button) => button.text)).toEqual([
      "Hoàn thành xuất sắc nhiệm vụ",
      "Sáng kiến được công nhận",
      "Đề tài, đề án khoa học được nghiệm thu",
      "« Quay lại",
      "Hủy",
    ]);
    employee.press(bases, "Hoàn thành xuất sắc nhiệm vụ");
    const summary = await employee.next();
    expect(summary.text).toContain("Căn cứ: Hoàn thành xuất sắc nhiệm vụ\nSáng kiến / đề tài: —");
    employee.press(summary, "✅ Xác nhận đăng ký");
    await nextWith(employee, "Đã gửi đăng ký Chiến sĩ thi đua cơ sở");
  });

  it("refuses excellent work alone where the agency's rule requires an initiative, naming the rule, and asks for the initiative's name", async () => {
    const RULE = "Quy chế thi đua, khen thưởng của Sở năm 2025";
    expect((await user("S1").ask(`/rule initiative CSTDCS ${RULE}`)).text).toBe(`Đã lưu: CSTDCS cần sáng kiến hoặc đề tài, theo ${RULE}.`);
    try {
      const employee = user("D2");
      employee.press(await employee.ask("/register"), "Chiến sĩ thi đua cơ sở");
      employee.press(await employee.next(), "Không đề nghị");
      employee.press(await employee.next(), "Hoàn thành xuất sắc nhiệm vụ");
      employee.press(await employee.next(), "✅ Xác nhận đăng ký");
      expect((await nextWith(employee, "Chiến sĩ thi đua cơ sở:")).text).toBe(
        `Chiến sĩ thi đua cơ sở: theo ${RULE}, cần có sáng kiến hoặc đề tài; «hoàn thành xuất sắc nhiệm vụ» chưa đủ.`,
      );
      // The service refuses it too, whoever calls it.
      const outcome = await submitRegistration(
        season.database.db,
        { id: await personId("D2"), unitId: 0, unitName: "", roles: ["staff"], fullName: "" },
        { subject: "person", titleCode: "CSTDCS", formCode: null, basis: "excellent", initiativeTitle: null },
        {
          clock: season.world.clock.now,
          actor: cliActor,
          timeZone: "Asia/Ho_Chi_Minh",
          translate: (locale, key, args) => season.world.bot.i18n.t(locale, key, args),
        },
      );
      expect(outcome).toMatchObject({ kind: "refused", refusal: { key: "register-refused-agency-initiative", args: { rule: RULE } } });

      employee.press(await employee.ask("/register"), "Chiến sĩ thi đua cơ sở");
      employee.press(await employee.next(), "Không đề nghị");
      // With an initiative as the basis (its name step is tested with the registration season).
      employee.press(await employee.next(), "Sáng kiến được công nhận");
      await employee.next();
      const summary = await employee.ask("Số hoá hồ sơ thi đua bằng chatbot");
      expect(summary.text).toContain("Căn cứ: Sáng kiến được công nhận\nSáng kiến / đề tài: Số hoá hồ sơ thi đua bằng chatbot");
      employee.press(summary, "✅ Xác nhận đăng ký");
      await nextWith(employee, "Đã gửi đăng ký Chiến sĩ thi đua cơ sở");
    } finally {
      expect((await user("S1").ask("/rule initiative CSTDCS off")).text).toBe("Đã bỏ quy định cần sáng kiến cho CSTDCS.");
    }
  });

  it("accepts Chiến sĩ thi đua bộ, ban, ngành, tỉnh in the year of the third CSTĐCS, alongside that CSTĐCS", async () => {
    const employee = user("C1");
    const context = { clock: season.world.clock.now, actor: cliActor, catalogue: await catalogueOn(season.database.db, "2025-01-06") };
    const imported = await importTitleHistory(
      season.database.db,
      [
        { line: 2, staffCode: "C1", year: 2023, titleCode: "CSTDCS" },
        { line: 3, staffCode: "C1", year: 2024, titleCode: "CSTDCS" },
        { line: 4, staffCode: "NOBODY", year: 2023, titleCode: "CSTDCS" },
      ],
      context,
    );
    expect(imported).toMatchObject({ imported: 2, rejected: [{ line: 4, key: "history-unknown-staff" }] });
    // Two years before this one: the third CSTĐCS must be this year's, registered first.
    const refused = await employee.ask("/register");
    expect(refused.text).toContain(
      "Chiến sĩ thi đua bộ, ban, ngành, tỉnh: cần 3 năm liên tục đạt Chiến sĩ thi đua cơ sở, năm thứ ba có thể là năm nay — bạn có 2 năm trước đó.",
    );
    expect(refused.buttons.map((button) => button.text)).not.toContain("Chiến sĩ thi đua bộ, ban, ngành, tỉnh");
    employee.press(refused, "Chiến sĩ thi đua cơ sở");
    employee.press(await employee.next(), "Không đề nghị");
    employee.press(await employee.next(), "Hoàn thành xuất sắc nhiệm vụ");
    employee.press(await employee.next(), "✅ Xác nhận đăng ký");
    await nextWith(employee, "Đã gửi đăng ký Chiến sĩ thi đua cơ sở");

    const accepted = await employee.ask("/register");
    expect(accepted.text).toContain("Năm nay bạn đã đăng ký: Chiến sĩ thi đua cơ sở (Chờ duyệt)");
    employee.press(accepted, "Sửa đăng ký");
    employee.press(await employee.next(), "Chiến sĩ thi đua bộ, ban, ngành, tỉnh");
    employee.press(await employee.next(), "Bằng khen của Chủ tịch UBND tỉnh");
    employee.press(await employee.next(), "Sáng kiến được công nhận");
    await employee.next();
    const summary = await employee.ask("Quy trình thẩm định hồ sơ khen thưởng điện tử");
    employee.press(summary, "✅ Xác nhận đăng ký");
    await nextWith(employee, "Đã gửi đăng ký Chiến sĩ thi đua bộ, ban, ngành, tỉnh");
    const live = await season.database.db
      .select({ title: registrations.titleCode, status: registrations.status })
      .from(registrations)
      .where(eq(registrations.personId, await personId("C1")));
    expect(live.map((row) => row.title).sort()).toEqual(["CSTDCS", "CSTD_BO_TINH"]);
  });

  it("accepts Chiến sĩ thi đua toàn quốc for two consecutive awards of the provincial title three years apart", async () => {
    const context = { clock: season.world.clock.now, actor: cliActor, catalogue: await catalogueOn(season.database.db, "2025-01-06") };
    await importTitleHistory(
      season.database.db,
      [
        { line: 2, staffCode: "H2", year: 2019, titleCode: "CSTD_BO_TINH" },
        { line: 3, staffCode: "H2", year: 2022, titleCode: "CSTD_BO_TINH" },
      ],
      context,
    );
    const head = user("H2");
    const titles = await head.ask("/register");
    head.press(titles, "Chiến sĩ thi đua toàn quốc");
    head.press(await head.next(), "Bằng khen của Thủ tướng Chính phủ");
    head.press(await head.next(), "Đề tài, đề án khoa học được nghiệm thu");
    expect((await head.next()).text).toContain("hãy gõ tên đề tài, đề án");
    const summary = await head.ask("Mô hình chính quyền số cấp xã");
    head.press(summary, "✅ Xác nhận đăng ký");
    await nextWith(head, "Đã gửi đăng ký Chiến sĩ thi đua toàn quốc");
  });
});
