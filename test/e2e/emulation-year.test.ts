import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { people, registrations } from "../../src/db/schema/index.js";
import { cliActor } from "../../src/services/audit.js";
import { launchCampaign } from "../../src/services/campaigns/campaigns.js";
import { nextWithChoices, PLATFORMS } from "../support/chat-world.js";
import { DATABASE_KINDS } from "../support/databases.js";
import { nextWith } from "../support/fake-telegram.js";
import { insertRegistration } from "../support/registrations.js";
import { worldWith } from "../support/world-setup.js";

const ROSTER = `unit_code,unit_name,staff_code,full_name,position,roles
VP,Văn phòng,S,Thư Ký,Chuyên viên,secretariat
NV,Phòng Nghiệp vụ,H,Hoàng Hà,Trưởng phòng,head
NV,Phòng Nghiệp vụ,A,Nguyễn An,Chuyên viên,staff
`;
const CHAT = { S: 9901, H: 9902, A: 9903 };
const CASES = PLATFORMS.flatMap((platform) => DATABASE_KINDS.map((kind) => ({ platform, kind })));

// Plans for a year are issued, and its movement launched, in December of the year before.
describe.each(CASES)("the emulation year of a December launch on $platform ($kind)", ({ platform, kind }) => {
  const setup = worldWith(platform, kind, { roster: ROSTER, links: CHAT, at: "2026-12-10T09:00:00+07:00" });

  it("opens next year's registration at once, while December's /review reviews this year", async () => {
    const { world, database } = setup;
    // 2026 as it ends: Nguyễn An's LĐTT approved.
    const campaign2026 = await launchCampaign(
      database.db,
      { year: 2026, title: "Phong trào thi đua năm 2026", deadlineAt: new Date("2026-01-30T23:59:59+07:00") },
      { clock: () => new Date("2026-01-05T09:00:00+07:00"), actor: cliActor },
    );
    const [an] = await database.db.select().from(people).where(eq(people.staffCode, "A"));
    if (!an) throw new Error("no Nguyễn An");
    await insertRegistration(database.db, {
      year: 2026,
      campaignId: campaign2026.id,
      person: an,
      titleCode: "LDTT",
      status: "approved",
      at: new Date("2026-01-10T02:00:00Z"),
    });

    const secretary = world.user({ id: CHAT.S, first_name: "Thư" });
    expect((await secretary.ask("/campaign 15/01/2027 Phong trào thi đua năm 2027")).text).toBe(
      "📣 Đã phát động Phong trào thi đua năm 2027. Đăng ký mở đến hết ngày 15/01/2027.",
    );

    const employee = world.user({ id: CHAT.A, first_name: "An" });
    const titles = await employee.ask("/register");
    expect(titles.text).toContain("Đăng ký danh hiệu thi đua năm 2027");
    employee.press(titles, "Lao động tiên tiến");
    employee.press(await employee.next(), "Không đề nghị");
    employee.press(await employee.next(), "✅ Xác nhận đăng ký");
    await nextWith(employee, "Đã gửi đăng ký");
    const years = (await database.db.select({ year: registrations.year }).from(registrations).where(eq(registrations.personId, an.id))).map((row) => row.year);
    expect(years.sort()).toEqual([2026, 2027]);

    const head = world.user({ id: CHAT.H, first_name: "Hà" });
    head.send("/review");
    const review = await nextWithChoices(head);
    expect(review.text).toContain("Bình xét thi đua năm 2026 — Phòng Nghiệp vụ: 1 đăng ký đã duyệt");
    head.send("/review no 1 chưa hoàn thành chỉ tiêu quý IV");
    const reasoned = await nextWithChoices(head);
    expect(reasoned.text).toContain("1. Nguyễn An — Lao động tiên tiến: ✗ không đề nghị (chưa hoàn thành chỉ tiêu quý IV)");
  });
});
