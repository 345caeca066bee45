import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { cliActor } from "../../src/services/audit.js";
import { parsePlanBytes } from "../../src/services/plans/file.js";
import { previewPlan, savePlan } from "../../src/services/plans/plans.js";
import { PLATFORMS } from "../support/chat-world.js";
import { DATABASE_KINDS } from "../support/databases.js";
import { nextWith } from "../support/fake-telegram.js";
import { nextFile } from "../support/received-files.js";
import { worldWith } from "../support/world-setup.js";

const ROSTER = `unit_code,unit_name,staff_code,full_name,position,roles
VP,Văn phòng,S1,Thư Ký,Chuyên viên,staff;secretariat
PA,Phòng A,HA,Trưởng A,Trưởng phòng,head
PB,Phòng B,HB,Trưởng B,Trưởng phòng,head
PC,Phòng C,HC,Trưởng C,Trưởng phòng,head
`;
const PLAN = `KẾ HOẠCH
Công tác thi đua, khen thưởng năm 2026

| STT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp |
|---|---|---|---|
| II | QUÝ II | | |
| 1 | Báo cáo sơ kết 6 tháng đầu năm 2026 gửi về Văn phòng | Phòng A; Phòng B; Phòng C | |
`;
const CASES = PLATFORMS.flatMap((platform) => DATABASE_KINDS.map((kind) => ({ platform, kind })));

describe.each(CASES)("reports the plan asks units for on $platform ($kind)", ({ platform, kind }) => {
  const setup = worldWith(platform, kind, {
    roster: ROSTER,
    links: { S1: 8801, HA: 8802, HB: 8803, HC: 8804 },
    at: "2026-06-01T09:00:00+07:00",
    mode: "webhook",
  });

  it("takes two units' files, shows the secretariat 2 of 3 with the missing unit named, archives both files and reminds the third", async () => {
    const { world, database } = setup;
    const plan = await parsePlanBytes(Buffer.from(PLAN), "ke-hoach-2026.md");
    await savePlan(database.db, await previewPlan(database.db, plan, "Asia/Ho_Chi_Minh"), { clock: world.clock.now, actor: cliActor, source: "test" });

    // Unit A: from its task list, whose button for a report is "send", not "done".
    const headA = world.user({ id: 8802, first_name: "A" });
    const list = await headA.ask("/tasks");
    expect(list.buttons.map((button) => button.text)).toEqual(["📤 Nộp Q2.1"]);
    headA.press(list, "📤 Nộp Q2.1");
    await nextWith(headA, "Gửi tệp báo cáo cho Q2.1");
    await headA.sendFile("/submit", "bao-cao-so-ket-A.pdf", Buffer.from("%PDF-1.4 A"));
    expect((await nextWith(headA, "Đã nhận tệp")).text).toBe(
      "📥 Đã nhận tệp «bao-cao-so-ket-A.pdf» cho Q2.1; phần việc của đơn vị đã xong. Văn phòng xem được trong /reports.",
    );
    // Unit B: with /submit.
    const headB = world.user({ id: 8803, first_name: "B" });
    headB.send("/submit");
    await nextWith(headB, "Gửi tệp báo cáo cho Q2.1");
    await headB.sendFile("/submit", "so-ket-B.docx", Buffer.from("PK B"));
    await nextWith(headB, "Đã nhận tệp");

    const secretary = world.user({ id: 8801, first_name: "Thư" });
    const status = await secretary.ask("/reports");
    expect(status.text).toContain("Q2.1 Báo cáo sơ kết 6 tháng đầu năm 2026 gửi về Văn phòng: 2/3 đã gửi; chưa gửi: Phòng C");
    secretary.press(status, "📦 Tải Q2.1");
    const archive = await nextFile(world, secretary, /\.zip$/);
    const zip = await JSZip.loadAsync(archive.bytes);
    expect(Object.keys(zip.files).sort()).toEqual(["PA-bao-cao-so-ket-A.pdf", "PB-so-ket-B.docx"]);
    expect(await zip.file("PA-bao-cao-so-ket-A.pdf")?.async("string")).toBe("%PDF-1.4 A");

    secretary.press(status, "🔔 Nhắc Q2.1");
    expect((await nextWith(secretary, "Đã xếp lịch nhắc")).text).toBe("Đã xếp lịch nhắc lãnh đạo 1 người của các đơn vị chưa gửi.");
    await world.deliverNotifications(database.db);
    expect(world.unread(8804).map((shown) => shown.text)).toEqual([
      "⏰ Đơn vị chưa gửi báo cáo Q2.1 Báo cáo sơ kết 6 tháng đầu năm 2026 gửi về Văn phòng. Gõ /submit để gửi tệp.",
    ]);
    expect(world.unread(8803).filter((shown) => shown.text.includes("chưa gửi báo cáo"))).toEqual([]);
  });
});
