import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { people, registrations } from "../../src/db/schema/index.js";
import { cliActor } from "../../src/services/audit.js";
import { launchCampaign } from "../../src/services/campaigns/campaigns.js";
import { type ChatTestUser, nextWithChoices } from "../support/chat-world.js";
import { DATABASE_KINDS } from "../support/databases.js";
import { nextWith } from "../support/fake-telegram.js";
import { approvedIn2025, insertRegistration } from "../support/registrations.js";
import { registrationSeason } from "../support/season.js";
import { worldWith } from "../support/world-setup.js";

// The Zalo Bot Platform has no buttons: options are read as a list and chosen by typing what is
// shown in front of them. These tests type it as a person reads it off the screen.

const padded = (n: number) => String(n).padStart(2, "0");
const STAFF = Array.from({ length: 22 }, (_, index) => `NV,Phòng Nghiệp vụ,N${padded(index + 1)},Cán Bộ ${padded(index + 1)},,staff`);
const WAITING = Array.from({ length: 5 }, (_, index) => `KH,Phòng Kế hoạch,K${index + 1},Người Chờ ${"ABCDE"[index]},,staff`);
const ROSTER = [
  "unit_code,unit_name,staff_code,full_name,position,roles",
  "VP,Văn phòng,S,Thư Ký,,secretariat",
  "VP,Văn phòng,C1,Thành Viên Một,,council",
  "NV,Phòng Nghiệp vụ,H,Hoàng Hà,Trưởng phòng,head",
  "KH,Phòng Kế hoạch,H2,Trưởng Kế Hoạch,Trưởng phòng,head",
  ...STAFF,
  ...WAITING,
  "",
].join("\n");
const CHATS = { S: 9301, C1: 9302, H: 9303, H2: 9304 };

/** The raw lines of the last message with options: what the person reads. */
const linesOf = (shown: { text: string }) => shown.text.split("\n");

describe.each(DATABASE_KINDS)("numbered options on the Zalo Bot Platform (%s)", (kind) => {
  const setup = worldWith("zalo", kind, { roster: ROSTER, links: CHATS, at: "2026-01-20T09:00:00+07:00", mode: "webhook" });
  const user = (code: keyof typeof CHATS): ChatTestUser => setup.world.user({ id: CHATS[code], first_name: code });
  const sent = () => setup.world.zalo?.fake.sent.at(-1)?.text ?? "";
  const statusOf = async (staffCode: string) => {
    const [person] = await setup.database.db.select({ id: people.id }).from(people).where(eq(people.staffCode, staffCode));
    const [registration] = await setup.database.db
      .select({ status: registrations.status })
      .from(registrations)
      .where(and(eq(registrations.personId, person?.id ?? 0), eq(registrations.year, 2026)));
    return registration?.status;
  };

  beforeAll(async () => {
    const { database, world } = setup;
    await approvedIn2025(database.db, Object.fromEntries(STAFF.map((_, index) => [`N${padded(index + 1)}`, { titleCode: "LDTT" }])), world.clock.now());
    // Phòng Kế hoạch's five wait for their head in 2026.
    const campaign = await launchCampaign(
      database.db,
      { year: 2026, title: "Phong trào thi đua năm 2026", deadlineAt: new Date("2026-01-30T23:59:59+07:00") },
      { clock: world.clock.now, actor: cliActor },
    );
    for (const person of await database.db
      .select()
      .from(people)
      .where(eq(people.unitId, (await unitOf("K1")) ?? 0))) {
      if (person.staffCode === "H2") continue;
      await insertRegistration(database.db, { year: 2026, campaignId: campaign.id, person, titleCode: "LDTT", status: "submitted", at: world.clock.now() });
    }
  });
  const unitOf = async (staffCode: string) =>
    (await setup.database.db.select({ unitId: people.unitId }).from(people).where(eq(people.staffCode, staffCode)))[0]?.unitId;

  it("/approve: the person on line 4 is approved by 4a and returned by 4b; a bare 4 asks which; the numbers work after a return", async () => {
    const head = user("H2");
    head.send("/approve 2026");
    const list = await nextWithChoices(head);
    expect(list.text).toContain("4. Người Chờ D: Lao động tiên tiến");
    expect(linesOf({ text: sent() })).toEqual(expect.arrayContaining(["4a. ✓ Duyệt 4", "4b. ↩ Trả lại 4", "5a. ✓ Duyệt 5"]));

    expect((await head.ask("4")).text).toBe("Số đó có nhiều lựa chọn: 4a, 4b. Hãy trả lời đúng một trong số đó.");
    expect((await head.ask("4a")).text).toBe("✅ Đã duyệt. Người đăng ký đã được thông báo.");
    expect(await statusOf("K4")).toBe("approved");

    // Four left: Người Chờ B is line 2 now and is returned with a reason.
    head.send("/approve 2026");
    const again = await nextWithChoices(head);
    expect(again.text).toContain("2. Người Chờ B: Lao động tiên tiến");
    expect((await head.ask("2b")).text).toContain("lý do trả lại");
    expect((await head.ask("Thiếu bản tự đánh giá")).text).toContain("Đã trả lại kèm lý do");
    expect(await statusOf("K2")).toBe("returned");
    expect(await statusOf("K4")).toBe("approved");

    head.send("/approve 2026");
    const third = await nextWithChoices(head);
    expect(third.text).toContain("3. Người Chờ E: Lao động tiên tiến");
    expect((await head.ask("số 3a")).text).toBe("✅ Đã duyệt. Người đăng ký đã được thông báo.");
    expect(await statusOf("K5")).toBe("approved");
    expect(await statusOf("K3")).toBe("submitted");
    // The last list (three people) is still the one on screen.
    expect((await head.ask("9a")).text).toBe("Không có lựa chọn đó. Hãy trả lời bằng số đứng trước lựa chọn, từ 1a đến 3b.");
  });

  it("/review: 3b marks the person on line 3 «không đề nghị» and 3a puts them back", async () => {
    const head = user("H");
    head.send("/review 2025");
    const review = await nextWithChoices(head);
    expect(review.text).toContain("3. Cán Bộ 03 — Lao động tiên tiến: chưa xét");
    expect(linesOf({ text: sent() })).toEqual(expect.arrayContaining(["3a. ✅ 3", "3b. ✗ 3", "22b. ✗ 22"]));
    head.send("3b");
    expect((await nextWithChoices(head)).text).toContain("3. Cán Bộ 03 — Lao động tiên tiến: ✗ không đề nghị");
    head.send("3a");
    expect((await nextWithChoices(head)).text).toContain("3. Cán Bộ 03 — Lao động tiên tiến: ✅ đề nghị");
  });

  it("a two-page ballot: on page 2, typing 21 changes candidate 21, and 1 is not on offer there", async () => {
    const { database, world } = setup;
    const secretary = user("S");
    const created = await secretary.ask("/ballot new 2025 Phiên xét Lao động tiên tiến");
    const id = /số (\d+)/.exec(created.text)?.[1];
    expect(created.text).toContain("22 ứng viên");
    // No unit sent its bình xét: the secretariat is warned before anything else.
    await nextWith(secretary, "chưa gửi kết quả bình xét");
    expect((await secretary.ask(`/ballot open ${id}`)).text).toContain(`Đã mở bỏ phiếu phiên số ${id}`);
    await world.deliverNotifications(database.db);
    world.markRead(CHATS.C1);
    const member = user("C1");
    member.send(`/vote ${id}`);
    const first = await nextWithChoices(member);
    expect(first.text).toContain("20. Cán Bộ 20 (Phòng Nghiệp vụ) — Lao động tiên tiến: đồng ý");
    expect(linesOf({ text: sent() })).toEqual(expect.arrayContaining(["20. Đổi 20", "21. Trang sau ▶", "22. 📨 Nộp phiếu"]));
    member.send("21");
    const second = await nextWithChoices(member);
    expect(second.text).toContain("21. Cán Bộ 21 (Phòng Nghiệp vụ) — Lao động tiên tiến: đồng ý");
    expect(linesOf({ text: sent() })).toEqual(expect.arrayContaining(["21. Đổi 21", "22. Đổi 22", "23. ◀ Trang trước", "24. 📨 Nộp phiếu"]));
    member.send("21");
    expect((await nextWithChoices(member)).text).toContain("21. Cán Bộ 21 (Phòng Nghiệp vụ) — Lao động tiên tiến: không đồng ý");
    expect((await member.ask("1")).text).toBe("Không có lựa chọn đó. Hãy trả lời bằng số đứng trước lựa chọn, từ 21 đến 24.");
  });
});

const SEASON_ROSTER = `unit_code,unit_name,staff_code,full_name,position,roles
NV,Phòng Nghiệp vụ,H,Hoàng Hà,Trưởng phòng,head
NV,Phòng Nghiệp vụ,A,Nguyễn An,,staff
NV,Phòng Nghiệp vụ,B,Trần Bình,,staff
`;

describe.each(DATABASE_KINDS)("a notification in the middle of /register on the Zalo Bot Platform (%s)", (kind) => {
  const season = registrationSeason("zalo", kind, SEASON_ROSTER, { H: 9311, A: 9312, B: 9313 });

  it("adds its options under new numbers and leaves the conversation's answerable, «Hủy» included", async () => {
    const head = season.user("H");
    const titles = await head.ask("/register");
    const cancelKey = titles.buttons.find((button) => button.text === "Hủy")?.data;
    expect(titles.buttons.map((button) => button.data)).toEqual(["1", "2", "3", "4", "5"].slice(0, titles.buttons.length));

    // Nguyễn An registers; the head is told, with buttons, while his own registration is open.
    const employee = season.user("A");
    employee.press(await employee.ask("/register"), "Lao động tiên tiến");
    employee.press(await employee.next(), "Không đề nghị");
    employee.press(await employee.next(), "✅ Xác nhận đăng ký");
    await nextWith(employee, "Đã gửi đăng ký");
    await season.world.deliverNotifications(season.database.db);
    const notice = await nextWith(head, "Nguyễn An (Phòng Nghiệp vụ) vừa đăng ký Lao động tiên tiến");
    const after = titles.buttons.length;
    expect(notice.buttons.map((button) => button.data)).toEqual([String(after + 1), String(after + 2)]);

    // The conversation's own options still answer: «Hủy» by name ends it, not a re-prompt.
    expect((await head.ask("Hủy")).text).toBe("Đã hủy, không lưu gì.");
    expect(cancelKey).toBe(String(after));
    // The notification's buttons still work after the conversation ended.
    head.press(notice, "✓ Duyệt");
    await nextWith(head, "Đã duyệt");
  });

  it("keeps the conversation going when the person answers it by number after a notification", async () => {
    const head = season.user("H");
    const titles = await head.ask("/register");
    const employee = season.user("B");
    employee.press(await employee.ask("/register"), "Lao động tiên tiến");
    employee.press(await employee.next(), "Không đề nghị");
    employee.press(await employee.next(), "✅ Xác nhận đăng ký");
    await nextWith(employee, "Đã gửi đăng ký");
    await season.world.deliverNotifications(season.database.db);
    await nextWith(head, "Trần Bình (Phòng Nghiệp vụ) vừa đăng ký Lao động tiên tiến");
    head.press(titles, "Lao động tiên tiến");
    const forms = await head.next();
    expect(forms.buttons.map((button) => button.text)).toContain("Không đề nghị");
  });
});
