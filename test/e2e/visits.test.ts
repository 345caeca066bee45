import { describe, expect, it } from "vitest";
import { parseInspectionPlan } from "../../src/domain/plan-reader/inspection-plan.js";
import { cliActor } from "../../src/services/audit.js";
import { createInspection } from "../../src/services/inspections/inspections.js";
import { sweepReminders } from "../../src/services/reminders/index.js";
import { PLATFORMS } from "../support/chat-world.js";
import { DATABASE_KINDS } from "../support/databases.js";
import { nextWith } from "../support/fake-telegram.js";
import { worldWith } from "../support/world-setup.js";

const ROSTER = `unit_code,unit_name,staff_code,full_name,position,roles
VP,Văn phòng,S1,Thư Ký,Chuyên viên,staff;secretariat
TC,Phòng Tổ chức,H1,Trưởng Tổ Chức,Trưởng phòng,head
KT,Phòng Kinh tế,H2,Trưởng Kinh Tế,Trưởng phòng,head
TT,Thanh tra,T1,Trưởng Đoàn,Chánh Thanh tra,head
`;
const PLAN = `KẾ HOẠCH
Kiểm tra công tác thi đua, khen thưởng năm 2026
Thời gian thực hiện: trong Quý II năm 2026.
Danh sách đơn vị được kiểm tra:
- Phòng Tổ chức
- Phòng Kinh tế
Văn phòng thông báo lịch kiểm tra trước 05 ngày. Đơn vị gửi báo cáo trước 03 ngày.
`;
const CASES = PLATFORMS.flatMap((platform) => DATABASE_KINDS.map((kind) => ({ platform, kind })));

describe.each(CASES)("inspection visits as the secretariat, the unit and the team live them on $platform ($kind)", ({ platform, kind }) => {
  // Monday 06/04/2026, 09:00. The Kinh tế head has no linked chat.
  const setup = worldWith(platform, kind, { roster: ROSTER, links: { S1: 8701, H1: 8702, T1: 8703 }, at: "2026-04-06T09:00:00+07:00" });

  it("warns of a day off or a date outside the plan, says plainly when nobody in the unit can be told, and tells the team at once", async () => {
    const { world, database } = setup;
    const created = await createInspection(
      database.db,
      { plan: parseInspectionPlan(PLAN), kind: "direct", team: [{ staffCode: "T1", role: "head" }] },
      { clock: world.clock.now, actor: cliActor },
    );
    const id = created.kind === "created" ? created.inspectionId : 0;
    const secretary = world.user({ id: 8701, first_name: "Thư" });
    // Sunday 19/07/2026: a day off, and in Q3 while the plan says Q2.
    const sunday = await secretary.ask(`/visit ${id} TC 19/07/2026 08:30`);
    expect(sunday.text).toContain("📅 Đã xếp lịch kiểm tra số");
    expect(sunday.text).toContain("Lãnh đạo đơn vị (1 người) đã được thông báo.\nĐoàn kiểm tra: đã báo 1/1 người.");
    expect(sunday.text).toContain("⚠️ Lịch này nằm ngoài thời gian của kế hoạch kiểm tra");
    expect(sunday.text).toContain("⚠️ Ngày này là ngày nghỉ");
    const unreached = await secretary.ask(`/visit ${id} KT 20/05/2026 08:30`);
    expect(unreached.text).toContain("Chưa lãnh đạo nào của đơn vị liên kết tài khoản với bot nên không ai ở đơn vị nhận được thông báo");
    expect(unreached.text).not.toContain("⚠️ Lịch này nằm ngoài");
    await world.deliverNotifications(database.db);
    const team = world.unread(8703).map((shown) => shown.text);
    expect(team.filter((text) => text.startsWith("📋 Đoàn kiểm tra: lịch làm việc với"))).toHaveLength(2);

    // Moved earlier, to Thursday 16/04 (10 days ahead): its report cannot be due in the past.
    world.markRead(8702);
    world.markRead(8703);
    expect((await secretary.ask(`/visit ${id} TC 16/04/2026 08:30`)).text).toContain("Đã dời lịch kiểm tra");
    await world.deliverNotifications(database.db);
    const unitNotice = world.unread(8702).find((shown) => shown.text.includes("đã thay đổi"));
    expect(unitNotice?.text).toContain("Thời gian cũ: 19/07/2026 08:30");
    expect(unitNotice?.text).toContain("Thời gian mới: 16/04/2026 08:30");
    expect(unitNotice?.text).toContain("Gửi báo cáo chậm nhất ngày 13/04/2026.");
    expect(world.unread(8703).map((shown) => shown.text)).toContainEqual(
      "📋 Lịch kiểm tra Phòng Tổ chức đã dời từ 19/07/2026 08:30 sang 16/04/2026 08:30; báo cáo của đơn vị đến hạn ngày 13/04/2026.",
    );
  });
});

describe.each(CASES)("a unit's report arriving before the secretariat's warning on $platform ($kind)", ({ platform, kind }) => {
  const setup = worldWith(platform, kind, { roster: ROSTER, links: { S1: 8701, H1: 8702, T1: 8703 }, at: "2026-04-06T09:00:00+07:00" });

  it("withdraws the 'report not sent' warning queued for the morning when the report arrives first", async () => {
    const { world, database } = setup;
    const translate = (locale: string, key: string, args?: Record<string, string | number>) => world.bot.i18n.t(locale, key, args);
    const created = await createInspection(
      database.db,
      { plan: parseInspectionPlan(PLAN), kind: "self", team: [{ staffCode: "T1", role: "head" }] },
      { clock: world.clock.now, actor: cliActor },
    );
    const id = created.kind === "created" ? created.inspectionId : 0;
    const secretary = world.user({ id: 8701, first_name: "Thư" });
    // Visit Monday 20/04 with the report due Friday 17/04.
    secretary.send(`/visit ${id} TC 20/04/2026 08:30`);
    await nextWith(secretary, "Đã xếp lịch");
    // Saturday 18/04 at 20:00: the report is late; the warning waits for Monday's office hours.
    world.clock.set(new Date("2026-04-18T20:00:00+07:00"));
    await sweepReminders(database.db, { now: world.clock.now(), translate });
    world.markRead(8701);
    // Sunday: the head sends it after all.
    world.clock.set(new Date("2026-04-19T10:00:00+07:00"));
    const head = world.user({ id: 8702, first_name: "Tổ Chức" });
    head.send("/inspections");
    head.press(await nextWith(head, "20/04/2026"), "Đã gửi báo cáo");
    await nextWith(head, "Đã ghi nhận báo cáo");
    world.clock.set(new Date("2026-04-20T07:45:00+07:00"));
    await world.deliverNotifications(database.db);
    expect(world.unread(8701).filter((shown) => shown.text.includes("chưa gửi báo cáo"))).toEqual([]);
  });
});
