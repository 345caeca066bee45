import { describe, expect, it } from "vitest";
import { cliActor } from "../../src/services/audit.js";
import { createInspection } from "../../src/services/inspections/inspections.js";
import { askFor, PLATFORMS } from "../support/chat-world.js";
import { DATABASE_KINDS } from "../support/databases.js";
import { worldWith } from "../support/world-setup.js";

// A clerk with no council and no inspection team yet: everyone is staff or a unit head.
const ROSTER = `unit_code,unit_name,staff_code,full_name,position,roles
VP,Văn phòng,S,Thư Ký,Chuyên viên,secretariat
VP,Văn phòng,C1,Chủ Tịch Một,Chuyên viên,staff
VP,Văn phòng,C2,Thành Viên Hai,Chuyên viên,staff
VP,Văn phòng,C3,Thành Viên Ba,Chuyên viên,staff
NV,Phòng Nghiệp vụ,H,Trưởng Nghiệp Vụ,Trưởng phòng,head
TC,Phòng Tổ chức,K,Trưởng Tổ Chức,Trưởng phòng,head
TT,Thanh tra,T1,Trưởng Đoàn,Thanh tra viên,staff
TT,Thanh tra,T2,Đoàn Viên,Thanh tra viên,staff
`;
const CHATS = { S: 7701, C1: 7702, C2: 7703, C3: 7704, H: 7705, K: 7706, T1: 7707 } as const;
const CASES = PLATFORMS.flatMap((platform) => DATABASE_KINDS.map((kind) => ({ platform, kind })));

describe.each(CASES)("the agency's bodies set from chat, and replies that say who was told, on $platform ($kind)", ({ platform, kind }) => {
  const setup = worldWith(platform, kind, { roster: ROSTER, links: CHATS, at: "2025-01-06T09:00:00+07:00", mode: "webhook" });
  const clerk = () => setup.world.user({ id: CHATS.S, first_name: "Thư" });
  const ask = (text: string, answer: string) => askFor(clerk(), text, answer);

  it("says an empty council was not told; adds three members and a chair, then tells them of a meeting and says so", async () => {
    const { world, database } = setup;
    const empty = await ask("/meeting 20/01/2025 09:00 | Phòng họp 1 | Họp thử", "Đã ghi lịch họp");
    expect(empty.text).toContain("Hội đồng chưa có thành viên nào nên chưa ai được báo. Thêm bằng /role council add MÃ_CB MÃ_CB …");

    expect((await ask("/role council add C1 C2 C3", "Đã thêm")).text).toContain(
      "✅ Đã thêm 3 người vào Hội đồng Thi đua, Khen thưởng: Chủ Tịch Một, Thành Viên Hai, Thành Viên Ba. Từng người đã được báo.",
    );
    const chair = await ask("/role council chair C1", "Chủ tịch");
    expect(chair.text).toContain("Hội đồng Thi đua, Khen thưởng (3): Chủ Tịch Một (C1) — Chủ tịch Hội đồng TĐKT; Thành Viên Ba (C3); Thành Viên Hai (C2)");
    await world.deliverNotifications(database.db);
    for (const chat of [CHATS.C1, CHATS.C2, CHATS.C3]) {
      expect(world.unread(chat).map((shown) => shown.text)).toContain(
        "📌 Bạn đã được thêm vào Hội đồng Thi đua, Khen thưởng. Gõ /help để xem các lệnh mới của bạn.",
      );
      world.markRead(chat);
    }

    const told = await ask("/meeting 21/01/2025 09:00 | Phòng họp 2 | Họp Hội đồng xét thi đua", "Đã ghi lịch họp");
    expect(told.text).toContain("Thành viên Hội đồng sẽ được nhắc trước 3 ngày và 1 ngày.\nĐã báo 3 thành viên Hội đồng.");
    await world.deliverNotifications(database.db);
    for (const chat of [CHATS.C1, CHATS.C2, CHATS.C3]) {
      expect(world.unread(chat).some((shown) => shown.text.includes("Phòng họp 2") && shown.text.includes("Họp Hội đồng xét thi đua"))).toBe(true);
    }
  });

  it("says a visit with no team told no team; a team set in chat gets the first visit scheduled after", async () => {
    const { world, database } = setup;
    const plan = (unit: string) => ({
      year: 2025,
      title: `Kiểm tra ${unit}`,
      windowFirstMonth: 1,
      windowLastMonth: 12,
      noticeDays: 5,
      reportDays: 3,
      noticeWorkingDays: false,
      reportWorkingDays: false,
      defaulted: [],
      units: [unit],
    });
    const context = { clock: world.clock.now, actor: cliActor };
    const bare = await createInspection(database.db, { plan: plan("Phòng Nghiệp vụ"), kind: "direct", team: [] }, context);
    const teamed = await createInspection(database.db, { plan: plan("Phòng Tổ chức"), kind: "direct", team: [] }, context);
    if (bare.kind !== "created" || teamed.kind !== "created") throw new Error("inspections not created");

    const noTeam = await ask(`/visit ${bare.inspectionId} NV 17/01/2025 09:00`, "Đã xếp lịch");
    expect(noTeam.text).toContain(`Kế hoạch kiểm tra số ${bare.inspectionId} chưa có đoàn kiểm tra nên chưa báo đoàn nào.`);

    // T1 heads the team (named first); T2 has no linked chat, so one of two is told.
    expect((await ask(`/team ${teamed.inspectionId} add T1 T2`, "Đã giao")).text).toContain(
      `Đoàn kiểm tra của kế hoạch số ${teamed.inspectionId} (2): Trưởng Đoàn (trưởng đoàn); Đoàn Viên`,
    );
    const scheduled = await ask(`/visit ${teamed.inspectionId} TC 17/01/2025 14:00`, "Đã xếp lịch");
    expect(scheduled.text).toContain("Đoàn kiểm tra: đã báo 1/2 người.");
    await world.deliverNotifications(database.db);
    expect(world.unread(CHATS.T1).some((shown) => shown.text.includes("Đoàn kiểm tra: lịch làm việc với Phòng Tổ chức lúc 17/01/2025 14:00"))).toBe(true);
  });
});
