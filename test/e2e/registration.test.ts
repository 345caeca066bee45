import ExcelJS from "exceljs";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/client.js";
import { people, registrations, units } from "../../src/db/schema/index.js";
import { campaignOfYear, launchCampaign } from "../../src/services/campaigns/campaigns.js";
import type { Role } from "../../src/domain/roles.js";
import { cliActor } from "../../src/services/audit.js";
import { catalogueOn } from "../../src/services/rules/catalogue.js";
import { decideRegistration, importTitleHistory, liveRegistrations, type SubmitInput, submitRegistration } from "../../src/services/registrations/index.js";
import { sweepReminders } from "../../src/services/reminders/index.js";
import { DATABASE_KINDS, openTestDatabase } from "../support/databases.js";
import { type ChatWorld, PLATFORMS, startChatWorld } from "../support/chat-world.js";
import { nextWith } from "../support/fake-telegram.js";
import { importRosterText } from "../support/people.js";

const ROSTER = `unit_code,unit_name,staff_code,full_name,position,roles
VP,Văn phòng,S1,Thư Ký Văn Phòng,Chuyên viên,staff;secretariat
NV1,Phòng Nghiệp vụ 1,H1,Trưởng Phòng Một,Trưởng phòng,head
NV1,Phòng Nghiệp vụ 1,A1,Nguyễn <An> & Co,Chuyên viên,staff
NV1,Phòng Nghiệp vụ 1,B1,Trần Bình,Chuyên viên,staff
NV1,Phòng Nghiệp vụ 1,C1,Lê Cường,Chuyên viên chính,staff
NV2,Phòng Nghiệp vụ 2,H2,Trưởng Phòng Hai,Trưởng phòng,head
NV2,Phòng Nghiệp vụ 2,D2,Phạm Dung,Chuyên viên,staff
`;
const ZONE = "Asia/Ho_Chi_Minh";
const CHAT = { S1: 6001, H1: 6002, A1: 6003, B1: 6004, C1: 6005, H2: 6006, D2: 6007 } as const;

const CASES = PLATFORMS.flatMap((platform) => DATABASE_KINDS.map((kind) => ({ platform, kind })));

describe.each(CASES)("title registration on $platform ($kind)", ({ platform, kind }) => {
  let database: DatabaseHandle;
  let world: ChatWorld;
  const user = (code: keyof typeof CHAT) => world.user({ id: CHAT[code], first_name: code });
  const personId = async (staffCode: string) =>
    (await database.db.select({ id: people.id }).from(people).where(eq(people.staffCode, staffCode)))[0]?.id as number;

  const deliverNotifications = () => world.deliverNotifications(database.db);
  const translate = (locale: string, key: string, args?: Record<string, string | number>) => world.bot.i18n.t(locale, key, args);

  /**
   * The registration season as the tests before leave it, made here when a test runs on its own:
   * each step does nothing if it has happened already (by chat, in the tests before).
   */
  const given = {
    async launched() {
      if (await campaignOfYear(database.db, 2025)) return;
      await launchCampaign(
        database.db,
        { year: 2025, title: "Phong trào thi đua năm 2025", deadlineAt: new Date("2025-01-30T23:59:59+07:00") },
        { clock: () => new Date("2025-01-06T09:00:00+07:00"), actor: cliActor },
      );
    },
    async registered(code: string, input: Omit<SubmitInput, "subject">, subject: "person" | "unit" = "person") {
      await given.launched();
      const [person] = await database.db
        .select({ id: people.id, unitId: people.unitId, roles: people.roles, fullName: people.fullName, unitName: units.name })
        .from(people)
        .innerJoin(units, eq(units.id, people.unitId))
        .where(eq(people.staffCode, code));
      if (!person) throw new Error(`no person ${code}`);
      const live = await liveRegistrations(database.db, 2025, subject, subject === "person" ? person.id : person.unitId);
      if (live.some((registration) => registration.titleCode === input.titleCode)) return;
      if (input.titleCode === "CSTD_BO_TINH") {
        const years = [2022, 2023, 2024].map((year, line) => ({ line: line + 2, staffCode: code, year, titleCode: "CSTDCS" }));
        await importTitleHistory(database.db, years, { clock: world.clock.now, actor: cliActor, catalogue: await catalogueOn(database.db, "2025-01-06") });
      }
      const outcome = await submitRegistration(
        database.db,
        { ...person, roles: person.roles as Role[] },
        { subject, ...input },
        { clock: world.clock.now, actor: cliActor, timeZone: ZONE, translate },
      );
      expect(outcome.kind).not.toBe("refused");
    },
    /** A1's, B1's and C1's registrations, waiting for the head. */
    async staffRegistered(initiative = "Số hoá hồ sơ thi đua bằng chatbot") {
      await given.registered("A1", { titleCode: "LDTT", formCode: "GIAY_KHEN", basis: null, initiativeTitle: null });
      await given.registered("B1", { titleCode: "CSTDCS", formCode: "GIAY_KHEN", basis: "initiative", initiativeTitle: initiative });
      const cstd = {
        titleCode: "CSTD_BO_TINH",
        formCode: "BK_TINH",
        basis: "initiative" as const,
        initiativeTitle: "Quy trình thẩm định hồ sơ khen thưởng điện tử",
      };
      await given.registered("C1", cstd);
    },
    /** …and the head's decisions: A1's and B1's (corrected) approved, C1's still waiting. */
    async headDecided() {
      await given.staffRegistered("Số hoá hồ sơ thi đua (bản đã công nhận)");
      const [head] = await database.db
        .select({ id: people.id, unitId: people.unitId, roles: people.roles, fullName: people.fullName })
        .from(people)
        .where(eq(people.staffCode, "H1"));
      for (const code of ["A1", "B1"]) {
        const waiting = await database.db
          .select({ id: registrations.id, status: registrations.status })
          .from(registrations)
          .where(eq(registrations.personId, await personId(code)));
        for (const registration of waiting.filter((row) => row.status === "submitted")) {
          await decideRegistration(
            database.db,
            { ...(head as NonNullable<typeof head>), roles: head?.roles as Role[], unitName: "" },
            { registrationId: registration.id, decision: "approve" },
            { clock: world.clock.now, actor: cliActor, translate, timeZone: ZONE },
          );
        }
      }
    },
  };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    // Several people click through conversations at test speed; Telegram's global limit is not
    // the subject here. On Zalo the export comes as a link, which needs the webhook server.
    world = await startChatWorld(platform, database.db, { at: "2025-01-06T09:00:00+07:00", rateLimitPerSecond: 1000, mode: "webhook" });
    await importRosterText(database.db, ROSTER);
    for (const [code, chat] of Object.entries(CHAT)) await world.link(database.db, code, chat);
  });
  afterAll(async () => {
    await world?.close();
    await database?.close();
  });
  afterEach(() => expect(world.violations).toEqual([]));

  it("refuses registration before the campaign is launched, then the secretariat launches it", async () => {
    expect((await user("A1").ask("/register")).text).toContain("Chưa phát động phong trào");
    expect((await user("A1").ask("/campaign 30/01/2025 Phong trào")).text).toContain("không dành cho vai trò");
    expect((await user("S1").ask("/campaign 31/02/2025 Phong trào")).text).toContain("không có thật");
    expect((await user("S1").ask("/campaign 30/01/2025 Phong trào thi đua năm 2025")).text).toBe(
      "📣 Đã phát động Phong trào thi đua năm 2025. Đăng ký mở đến hết ngày 30/01/2025.",
    );
  });

  it("lets an employee register Lao động tiên tiến step by step, with back and a summary", async () => {
    await given.launched();
    const employee = user("A1");
    const titles = await employee.ask("/register");
    expect(titles.buttons.map((button) => button.text)).toEqual(["Lao động tiên tiến", "Chiến sĩ thi đua cơ sở", "Hủy"]);
    // Collective titles are for unit heads, the provincial title needs history: both explained.
    expect(titles.text).toContain("Tập thể lao động tiên tiến: chỉ lãnh đạo đơn vị đăng ký danh hiệu tập thể");
    expect(titles.text).toContain("Chiến sĩ thi đua bộ, ban, ngành, tỉnh: cần 3 năm liên tục đạt Chiến sĩ thi đua cơ sở — bạn có 0");
    expect(titles.text).toContain("Chiến sĩ thi đua toàn quốc: cần 2 lần liên tục được tặng Chiến sĩ thi đua bộ, ban, ngành, tỉnh");
    employee.press(titles, "Chiến sĩ thi đua cơ sở");
    const forms = await employee.next();
    employee.press(forms, "« Quay lại");
    employee.press(await employee.next(), "Lao động tiên tiến");
    employee.press(await employee.next(), "Giấy khen của Thủ trưởng cơ quan");
    const summary = await employee.next();
    expect(summary.text).toBe(
      "Kiểm tra lại đăng ký\nDanh hiệu: Lao động tiên tiến\nHình thức khen thưởng: Giấy khen của Thủ trưởng cơ quan\nCăn cứ: —\nSáng kiến / đề tài: —",
    );
    employee.press(summary, "✅ Xác nhận đăng ký");
    expect((await nextWith(employee, "Đã gửi")).text).toContain("Đã gửi đăng ký Lao động tiên tiến");
  });

  it("makes a Chiến sĩ thi đua cơ sở registration on an initiative impossible without its name", async () => {
    await given.launched();
    const employee = user("B1");
    employee.press(await employee.ask("/register"), "Chiến sĩ thi đua cơ sở");
    employee.press(await employee.next(), "Không đề nghị");
    employee.press(await employee.next(), "Sáng kiến được công nhận");
    expect((await employee.next()).text).toContain("hãy gõ tên sáng kiến");
    // Neither a too-short answer nor a stray button press gets past this step.
    expect((await employee.ask("x")).text).toContain("từ 3 đến 300 ký tự");
    // Zalo has no buttons to press stray, only text, which the step above covers.
    if (world.telegram) {
      world.telegram.fake.user({ id: CHAT.B1, first_name: "B1" }).pressData(1, "reg:confirm");
      expect((await nextWith(employee, "Hãy gõ tên")).text).toContain("Hãy gõ tên (ít nhất 3 ký tự)");
    }
    const summary = await employee.ask("Số hoá hồ sơ thi đua bằng chatbot");
    expect(summary.text).toContain("Sáng kiến / đề tài: Số hoá hồ sơ thi đua bằng chatbot");
    employee.press(summary, "✅ Xác nhận đăng ký");
    await nextWith(employee, "Đã gửi đăng ký Chiến sĩ thi đua cơ sở");
    // The service refuses it too, whoever calls it.
    const catalogue = await catalogueOn(database.db, "2025-01-06");
    expect(catalogue.titles.find((title) => title.code === "CSTDCS")?.bases).toEqual(["excellent", "initiative", "research"]);
    const outcome = await submitRegistration(
      database.db,
      { id: await personId("B1"), unitId: 0, unitName: "", roles: ["staff"], fullName: "" },
      { subject: "person", titleCode: "CSTDCS", formCode: null, basis: "initiative", initiativeTitle: null },
      { clock: world.clock.now, actor: cliActor, timeZone: "Asia/Ho_Chi_Minh", translate: (locale, key, args) => world.bot.i18n.t(locale, key, args) },
    );
    expect(outcome).toMatchObject({ kind: "refused", refusal: { key: "register-refused-initiative" } });
  });

  it("refuses Chiến sĩ thi đua bộ, ban, ngành, tỉnh with the history reason, and accepts it once history is imported", async () => {
    await given.launched();
    const employee = user("C1");
    const c1 = await personId("C1");
    const context = { clock: world.clock.now, actor: cliActor, catalogue: await catalogueOn(database.db, "2025-01-06") };
    await importTitleHistory(database.db, [{ line: 2, staffCode: "C1", year: 2024, titleCode: "CSTDCS" }], context);
    const refused = await employee.ask("/register");
    expect(refused.text).toContain("Chiến sĩ thi đua bộ, ban, ngành, tỉnh: cần 3 năm liên tục đạt Chiến sĩ thi đua cơ sở — bạn có 1");
    expect(refused.buttons.map((button) => button.text)).not.toContain("Chiến sĩ thi đua bộ, ban, ngành, tỉnh");
    employee.press(refused, "Hủy");
    await nextWith(employee, "Đã hủy");

    const imported = await importTitleHistory(
      database.db,
      [
        { line: 2, staffCode: "C1", year: 2022, titleCode: "CSTDCS" },
        { line: 3, staffCode: "C1", year: 2023, titleCode: "CSTDCS" },
        { line: 4, staffCode: "NOBODY", year: 2023, titleCode: "CSTDCS" },
      ],
      context,
    );
    expect(imported).toMatchObject({ imported: 2, rejected: [{ line: 4, key: "history-unknown-staff" }] });
    expect(c1).toBeGreaterThan(0);
    const accepted = await employee.ask("/register");
    employee.press(accepted, "Chiến sĩ thi đua bộ, ban, ngành, tỉnh");
    employee.press(await employee.next(), "Bằng khen của Chủ tịch UBND tỉnh");
    employee.press(await employee.next(), "Sáng kiến được công nhận");
    await employee.next();
    const summary = await employee.ask("Quy trình thẩm định hồ sơ khen thưởng điện tử");
    employee.press(summary, "✅ Xác nhận đăng ký");
    await nextWith(employee, "Đã gửi đăng ký Chiến sĩ thi đua bộ, ban, ngành, tỉnh");
  });

  it("lets the head return one with a reason, the employee correct and resubmit it, and the head approve it", async () => {
    await given.staffRegistered();
    const head = user("H1");
    // Each registration reached the head as it was sent, with its buttons.
    await deliverNotifications();
    const notices = world.unread(CHAT.H1).filter((shown) => shown.text.includes("chờ bạn duyệt"));
    expect(notices.map((shown) => shown.text)).toContain("📝 Nguyễn <An> & Co (Phòng Nghiệp vụ 1) vừa đăng ký Lao động tiên tiến và chờ bạn duyệt.");
    expect(notices[0]?.buttons.map((button) => button.text)).toEqual(["✓ Duyệt", "↩ Trả lại"]);
    world.markRead(CHAT.H1);
    const list = await head.ask("/approve");
    expect(list.text).toContain("Đăng ký chờ duyệt năm 2025 — Phòng Nghiệp vụ 1 (3)");
    expect(list.text).toContain("Nguyễn <An> & Co: Lao động tiên tiến");
    head.press(list, "↩ Trả lại 2");
    expect((await head.next()).text).toContain("lý do trả lại");
    expect((await head.ask("Sáng kiến chưa được Hội đồng cơ sở công nhận")).text).toContain("Đã trả lại");
    await deliverNotifications();
    const employee = user("B1");
    const notice = await nextWith(employee, "bị Trưởng Phòng Một trả lại");
    expect(notice.text).toContain("Lý do: Sáng kiến chưa được Hội đồng cơ sở công nhận");

    const mine = await employee.ask("/myregs");
    expect(mine.text).toContain("Chiến sĩ thi đua cơ sở — Trả lại");
    expect(mine.text).toContain("Lý do trả lại: Sáng kiến chưa được Hội đồng cơ sở công nhận");
    employee.press(mine, "Sửa và gửi lại");
    employee.press(await employee.next(), "Chiến sĩ thi đua cơ sở");
    employee.press(await employee.next(), "Giấy khen của Thủ trưởng cơ quan");
    employee.press(await employee.next(), "Sáng kiến được công nhận");
    await employee.next();
    employee.press(await employee.ask("Số hoá hồ sơ thi đua (bản đã công nhận)"), "✅ Xác nhận đăng ký");
    await nextWith(employee, "Đã sửa và gửi lại");

    // The resubmission reaches the head too; its own button approves it.
    await deliverNotifications();
    const resubmitted = await nextWith(head, "Trần Bình (Phòng Nghiệp vụ 1) đã sửa và gửi lại đăng ký Chiến sĩ thi đua cơ sở");
    head.press(resubmitted, "✓ Duyệt");
    await nextWith(head, "Đã duyệt");
    const again = await head.ask("/approve");
    expect(again.text).toContain("(2)");
    head.press(again, "✓ Duyệt 1");
    await nextWith(head, "Đã duyệt");
    await deliverNotifications();
    await nextWith(employee, "đã được Trưởng Phòng Một duyệt");
    const history = await employee.ask("/myregs");
    expect(history.text).toContain("Chiến sĩ thi đua cơ sở — Đã duyệt");
    for (const step of ["gửi đăng ký", "bị trả lại", "sửa và gửi lại", "được duyệt"]) expect(history.text).toContain(step);
  });

  it("lets a unit head register the unit's collective title, which staff cannot", async () => {
    await given.launched();
    const head = user("H2");
    const titles = await head.ask("/register");
    expect(titles.buttons.map((button) => button.text)).toEqual([
      "Lao động tiên tiến",
      "Chiến sĩ thi đua cơ sở",
      "Tập thể lao động tiên tiến",
      "Tập thể lao động xuất sắc",
      "Hủy",
    ]);
    head.press(titles, "Tập thể lao động xuất sắc");
    const forms = await head.next();
    head.press(forms, "Bằng khen của Chủ tịch UBND tỉnh");
    head.press(await head.next(), "✅ Xác nhận đăng ký");
    await nextWith(head, "Đã gửi đăng ký Tập thể lao động xuất sắc");
    const [collective] = await database.db.select().from(registrations).where(eq(registrations.subject, "unit"));
    expect(collective).toMatchObject({ titleCode: "TTLDXS", personId: null, status: "submitted" });
    const staffTitles = await user("D2").ask("/register");
    expect(staffTitles.buttons.map((button) => button.text)).not.toContain("Tập thể lao động xuất sắc");
    user("D2").press(staffTitles, "Hủy");
    await nextWith(user("D2"), "Đã hủy");
  });

  // Forged button data needs buttons: a Zalo user can only choose among the options shown to them.
  if (platform === "telegram") {
    it("does not let a head act on another unit's registration", async () => {
      await given.staffRegistered();
      const telegram = world.telegram?.fake;
      const [registration] = await database.db
        .select()
        .from(registrations)
        .where(eq(registrations.personId, await personId("C1")));
      const otherHead = telegram?.user({ id: CHAT.H2, first_name: "H2" });
      otherHead?.pressData(1, `appr:ok:${registration?.id}`);
      expect(await otherHead?.next()).toMatchObject({ kind: "notice", text: "Đăng ký này không thuộc đơn vị bạn phụ trách." });
      const employee = telegram?.user({ id: CHAT.D2, first_name: "D2" });
      employee?.pressData(1, `appr:ok:${registration?.id}`);
      expect(await employee?.next()).toMatchObject({ kind: "notice", text: "Nút này không còn hiệu lực. Hãy gõ lại lệnh." });
    });
  }

  it("exports the consolidated list: approved rows, and the pending ones on request", async () => {
    await given.headDecided();
    const workbookOf = async (command: string) => {
      const shown = await user("S1").ask(command);
      expect(shown.kind).toBe("document");
      expect(shown.fileName).toBe("bieu-dang-ky-thi-dua-2025.xlsx");
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(shown.fileBytes as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet("Cá nhân");
      return (number: number) => Array.from({ length: 7 }, (_, column) => sheet?.getRow(number).getCell(column + 1).text ?? "");
    };
    const approved = await workbookOf("/export");
    expect(approved(5)[0]).toBe("BIỂU ĐĂNG KÝ DANH HIỆU THI ĐUA VÀ HÌNH THỨC KHEN THƯỞNG CÁ NHÂN NĂM 2025");
    expect(approved(7)).toEqual([
      "STT",
      "Họ và tên",
      "Chức vụ, đơn vị",
      "Danh hiệu thi đua đăng ký",
      "Hình thức khen thưởng đăng ký",
      "Tên sáng kiến",
      "Ghi chú",
    ]);
    expect([8, 9, 10].map(approved)).toEqual([
      ["I", "Phòng Nghiệp vụ 1", "", "", "", "", ""],
      ["1", "Nguyễn <An> & Co", "Chuyên viên, Phòng Nghiệp vụ 1", "Lao động tiên tiến", "Giấy khen của Thủ trưởng cơ quan", "", ""],
      [
        "2",
        "Trần Bình",
        "Chuyên viên, Phòng Nghiệp vụ 1",
        "Chiến sĩ thi đua cơ sở",
        "Giấy khen của Thủ trưởng cơ quan",
        "Số hoá hồ sơ thi đua (bản đã công nhận)",
        "",
      ],
    ]);
    expect(approved(11)[1]).toBe("Tổng cộng: 2 cá nhân");

    const withPending = await workbookOf("/export pending");
    expect(withPending(9)).toEqual([
      "1",
      "Lê Cường",
      "Chuyên viên chính, Phòng Nghiệp vụ 1",
      "Chiến sĩ thi đua bộ, ban, ngành, tỉnh",
      "Bằng khen của Chủ tịch UBND tỉnh",
      "Quy trình thẩm định hồ sơ khen thưởng điện tử",
      "Chờ duyệt",
    ]);
    expect(withPending(12)[1]).toBe("Tổng cộng: 3 cá nhân");
  });

  it("reports per unit with the agency's ratio-cap warning, and reminds the unregistered once a day", async () => {
    await given.headDecided();
    // The law sets no ratio since 01/01/2024: a cap is the agency's (or province's) own rule.
    expect((await user("S1").ask("/report")).text).not.toContain("vượt mức");
    await user("S1").ask("/rule cap CSTDCS LDTT 15 Quyết định 86/2025/QĐ-UBND tỉnh Bắc Ninh");
    const report = await user("S1").ask("/report");
    expect(report.text).toContain("• Phòng Nghiệp vụ 1: 4 · 4 · 3 · 2 · 1 · 1");
    expect(report.text).toContain("Phòng Nghiệp vụ 1: 1 Chiến sĩ thi đua cơ sở trên 2 Lao động tiên tiến = 50%, vượt mức 15%");
    // The agency as a whole: the same two people, as no other unit has CSTĐCS or LĐTT.
    expect(report.text).toContain("toàn cơ quan: 1 Chiến sĩ thi đua cơ sở trên 2 Lao động tiên tiến = 50%, vượt mức 15%");
    // Nobody in this roster is the agency's leadership: the heads' own registrations would wait forever.
    expect(report.text).toContain("Danh sách cán bộ chưa có lãnh đạo cơ quan");
    user("S1").press(report, "Nhắc 4 người chưa đăng ký");
    expect((await nextWith(user("S1"), "Đã xếp lịch nhắc")).text).toContain("4 người");
    user("S1").press(report, "Nhắc 4 người chưa đăng ký");
    await nextWith(user("S1"), "Đã xếp lịch nhắc");
    await deliverNotifications();
    const reminders = world.unread(CHAT.D2).filter((shown) => shown.text.includes("Bạn chưa đăng ký"));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.buttons.map((button) => button.text)).toEqual(["Đăng ký ngay"]);
  });

  it("reminds those not registered 7, 3 and 1 days before the deadline, once each", async () => {
    await given.headDecided();
    const translate = (locale: string, key: string, args?: Record<string, string | number>) => world.bot.i18n.t(locale, key, args);
    world.markRead(CHAT.D2);
    const reminded = () => world.unread(CHAT.D2).filter((shown) => shown.text.includes("Bạn chưa đăng ký")).length;
    const expected: [string, number][] = [
      ["2025-01-22T09:00:00+07:00", 0],
      ["2025-01-23T09:00:00+07:00", 1],
      ["2025-01-23T16:00:00+07:00", 1],
      ["2025-01-27T09:00:00+07:00", 2],
      ["2025-01-29T09:00:00+07:00", 3],
      ["2025-01-30T09:00:00+07:00", 3],
    ];
    for (const [at, count] of expected) {
      world.clock.set(at);
      await sweepReminders(database.db, { now: world.clock.now(), translate });
      await deliverNotifications();
      expect([at, reminded()]).toEqual([at, count]);
    }
    // Registered people are not reminded.
    expect(world.unread(CHAT.A1).filter((shown) => shown.text.includes("Bạn chưa đăng ký"))).toEqual([]);
  });

  it("refuses registration after the deadline with its date", async () => {
    await given.launched();
    world.clock.set("2025-01-31T08:00:00+07:00");
    world.markRead(CHAT.D2);
    expect((await user("D2").ask("/register")).text).toBe("Đã hết hạn đăng ký (hạn chót 30/01/2025). Nếu cần, hãy liên hệ Văn phòng.");
    world.clock.set("2025-01-20T09:00:00+07:00");
  });
});
