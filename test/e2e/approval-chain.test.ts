import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { people, registrations } from "../../src/db/schema/index.js";
import { cliActor } from "../../src/services/audit.js";
import { decideRegistration } from "../../src/services/registrations/index.js";
import { sweepReminders } from "../../src/services/reminders/index.js";
import { DATABASE_KINDS } from "../support/databases.js";
import { type ChatTestUser, PLATFORMS } from "../support/chat-world.js";
import { registrationSeason } from "../support/season.js";
import { nextWith } from "../support/fake-telegram.js";

// An agency with its director (leader), a department with its head, and the Ban Giám đốc as a
// unit without a head, where the deputy director sits.
const ROSTER = `unit_code,unit_name,staff_code,full_name,position,roles
BGD,Ban Giám đốc,L1,Giám Đốc Sở,Giám đốc,leader
BGD,Ban Giám đốc,P1,Phó Giám Đốc,Phó Giám đốc,staff
NV1,Phòng Nghiệp vụ 1,H1,Trưởng Phòng Một,Trưởng phòng,head
NV1,Phòng Nghiệp vụ 1,A1,Nhân Viên Một,Chuyên viên,staff
`;
const CHAT = { L1: 6201, P1: 6202, H1: 6203, A1: 6204 } as const;

const CASES = PLATFORMS.flatMap((platform) => DATABASE_KINDS.map((kind) => ({ platform, kind })));

describe.each(CASES)("the approval chain on $platform ($kind)", ({ platform, kind }) => {
  const season = registrationSeason(platform, kind, ROSTER, CHAT);
  const user = season.user;
  const personOf = async (staffCode: string) => (await season.database.db.select().from(people).where(eq(people.staffCode, staffCode)))[0];
  const translate = (locale: string, key: string, args?: Record<string, string | number>) => season.world.bot.i18n.t(locale, key, args);

  /** Registers LĐTT (or the unit's TTLĐTT) through the conversation, without a form. */
  async function registerTitle(who: ChatTestUser, title: string) {
    let titles = await who.ask("/register");
    // With a registration already, /register offers to change it or to register another title.
    if (titles.buttons.some((button) => button.text === "Sửa đăng ký")) {
      who.press(titles, "Sửa đăng ký");
      titles = await who.next();
    }
    who.press(titles, title);
    who.press(await who.next(), "Không đề nghị");
    who.press(await who.next(), "✅ Xác nhận đăng ký");
    await nextWith(who, "Đã gửi đăng ký");
  }

  it("sends a staff member's registration to the unit head, with buttons, and not to the leadership", async () => {
    await registerTitle(user("A1"), "Lao động tiên tiến");
    await season.world.deliverNotifications(season.database.db);
    const notice = await nextWith(user("H1"), "Nhân Viên Một (Phòng Nghiệp vụ 1) vừa đăng ký Lao động tiên tiến");
    expect(notice.buttons.map((button) => button.text)).toEqual(["✓ Duyệt", "↩ Trả lại"]);
    expect(season.world.unread(CHAT.L1).filter((shown) => shown.text.includes("Nhân Viên Một"))).toEqual([]);
    user("H1").press(notice, "✓ Duyệt");
    await nextWith(user("H1"), "Đã duyệt");

    // Withdrawing the approved registration asks first, then tells the head.
    const employee = user("A1");
    const mine = await employee.ask("/myregs");
    employee.press(mine, "Rút đăng ký");
    const confirm = await nextWith(employee, "đã được duyệt");
    expect(confirm.text).toContain("Bạn chắc chắn muốn rút?");
    employee.press(confirm, "Rút đăng ký đã duyệt");
    await nextWith(employee, "Đã rút đăng ký");
    await season.world.deliverNotifications(season.database.db);
    await nextWith(user("H1"), "Nhân Viên Một (Phòng Nghiệp vụ 1) đã rút đăng ký Lao động tiên tiến");
  });

  it("does not let a head approve his own registration or his unit's collective title; the leader approves them", async () => {
    const head = user("H1");
    await registerTitle(head, "Lao động tiên tiến");
    await registerTitle(head, "Tập thể lao động tiên tiến");
    // Not in his own list…
    expect((await head.ask("/approve")).text).toContain("Không có đăng ký nào của Phòng Nghiệp vụ 1 năm 2025 đang chờ bạn duyệt.");
    // …and refused by the service whatever asks, a forged button included.
    const h1 = await personOf("H1");
    const own = await season.database.db
      .select()
      .from(registrations)
      .where(eq(registrations.registeredByPersonId, h1?.id ?? 0));
    expect(own).toHaveLength(2);
    for (const registration of own) {
      const outcome = await decideRegistration(
        season.database.db,
        { id: h1?.id ?? 0, unitId: h1?.unitId ?? 0, unitName: "", roles: ["head"], fullName: "" },
        { registrationId: registration.id, decision: "approve" },
        { clock: season.world.clock.now, actor: cliActor, translate, timeZone: "Asia/Ho_Chi_Minh" },
      );
      expect(outcome).toMatchObject({ kind: "refused", refusal: { key: "approve-own" } });
    }
    if (season.world.telegram) {
      const forger = season.world.telegram.fake.user({ id: CHAT.H1, first_name: "H1" });
      forger.pressData(1, `appr:ok:${own[0]?.id}`);
      expect((await forger.next()).text).toBe("Không ai tự duyệt đăng ký của chính mình: đăng ký này do lãnh đạo cơ quan duyệt.");
    }
    // The leader was told of both, and decides them.
    await season.world.deliverNotifications(season.database.db);
    const leader = user("L1");
    await nextWith(leader, "Trưởng Phòng Một (Phòng Nghiệp vụ 1) vừa đăng ký Lao động tiên tiến");
    await nextWith(leader, "Trưởng Phòng Một (Phòng Nghiệp vụ 1) vừa đăng ký Tập thể lao động tiên tiến");
    const list = await leader.ask("/approve");
    expect(list.text).toContain("Đăng ký chờ duyệt năm 2025 — toàn cơ quan (2)");
    expect(list.text).toContain("Trưởng Phòng Một (Phòng Nghiệp vụ 1): Lao động tiên tiến");
    leader.press(list, "✓ Duyệt 1");
    await nextWith(leader, "Đã duyệt");
    await season.world.deliverNotifications(season.database.db);
    await nextWith(head, "đã được Giám Đốc Sở duyệt");
  });

  it("sends the registrations of a unit without a head to the leadership, and reminds approvers once a day", async () => {
    await registerTitle(user("P1"), "Lao động tiên tiến");
    await season.world.deliverNotifications(season.database.db);
    await nextWith(user("L1"), "Phó Giám Đốc (Ban Giám đốc) vừa đăng ký Lao động tiên tiến");
    expect((await user("L1").ask("/approve")).text).toContain("Phó Giám Đốc (Ban Giám đốc): Lao động tiên tiến");

    // Two sweeps on a working morning: one digest to each approver with something waiting.
    season.world.clock.set("2025-01-07T08:30:00+07:00");
    for (const _ of [1, 2]) await sweepReminders(season.database.db, { now: season.world.clock.now(), translate });
    await season.world.deliverNotifications(season.database.db);
    const digests = (chat: number) => season.world.unread(chat).filter((shown) => shown.text.includes("đang chờ bạn duyệt"));
    // The leader: the collective title and P1's; the head has nothing waiting.
    expect(digests(CHAT.L1).map((shown) => shown.text)).toEqual(["⏳ Có 2 đăng ký thi đua đang chờ bạn duyệt. Gõ /approve để xem và duyệt."]);
    expect(digests(CHAT.H1)).toEqual([]);
  });
});
