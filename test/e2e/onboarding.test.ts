import { and, eq, inArray } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/client.js";
import { campaigns, people, registrations, units } from "../../src/db/schema/index.js";
import { cliActor } from "../../src/services/audit.js";
import { countRecipients } from "../../src/services/campaigns/broadcasts.js";
import { launchCampaign } from "../../src/services/campaigns/campaigns.js";
import { DATABASE_KINDS, openTestDatabase } from "../support/databases.js";
import { type ChatWorld, nextWithChoices, PLATFORMS, startChatWorld } from "../support/chat-world.js";
import { nextWith } from "../support/fake-telegram.js";
import { officePeople, officeRosterXlsx } from "../support/office-roster.js";
import { insertRegistration } from "../support/registrations.js";
import { importRosterText } from "../support/people.js";

const UNITS = ["Phòng Tổ chức cán bộ", "Phòng Kinh tế", "Phòng Hợp tác quốc tế", "Thanh tra Sở", "Phòng Lãnh sự"];
// 210 people, 42 per unit; the secretariat member is already on record (with a code) from the CLI.
const STAFF = officePeople(210, UNITS);
const SECRETARY = { name: "Trần Văn Phòng", birth: "12/03/1975", position: "Chánh Văn phòng", unit: "Văn phòng" };
const CASES = PLATFORMS.flatMap((platform) => DATABASE_KINDS.map((kind) => ({ platform, kind })));

describe.each(CASES)("onboarding an agency from its own Excel list on $platform ($kind)", ({ platform, kind }) => {
  let database: DatabaseHandle;
  let world: ChatWorld;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    world = await startChatWorld(platform, database.db, { at: "2026-01-12T09:00:00+07:00", mode: "webhook" });
    await importRosterText(
      database.db,
      "unit_code,unit_name,staff_code,full_name,position,roles\nVP,Văn phòng,VP1,Trần Văn Phòng,Chánh Văn phòng,head;secretariat\n",
    );
    await world.link(database.db, "VP1", 8301);
  });
  afterAll(async () => {
    await world?.close();
    await database?.close();
  });
  afterEach(() => expect(world.violations).toEqual([]));

  const codeOf = async (name: string) => {
    const [person] = await database.db.select({ code: people.staffCode }).from(people).where(eq(people.fullName, name));
    if (!person) throw new Error(`no ${name}`);
    return person.code;
  };

  it("reads the office list (header on row 6, no codes) on confirmation; a full re-import marks the missing as left and moves a transfer's registration", async () => {
    const secretary = world.user({ id: 8301, first_name: "Phòng" });
    const file = await officeRosterXlsx([SECRETARY, ...STAFF], [[212, "", "", "Chuyên viên", "Phòng Kinh tế"]]);
    await secretary.sendFile("/roster", "danh-sach-2026.xlsx", file);
    const preview = await nextWith(secretary, "danh-sach-2026.xlsx");
    expect(preview.text).toContain(
      "Tệp danh-sach-2026.xlsx (dòng tiêu đề: dòng 6): 210 người mới, 1 người đã có, trong đó 0 người chuyển đơn vị; 0 người đang có trong hệ thống không còn trong tệp; 1 dòng bị loại.",
    );
    expect(preview.text).toContain("Tệp không có mã cán bộ cho 211 người: bot tự tạo mã");
    expect(preview.text).toContain("Đơn vị mới (5): Phòng Tổ chức cán bộ; Phòng Kinh tế; Phòng Hợp tác quốc tế; Thanh tra Sở; Phòng Lãnh sự");
    // Six rows above the people (titles, blanks, header) and the column numbers: people on rows 8–222
    // with a blank row after every 50, so the numbered row without a name is row 223.
    expect(preview.text).toContain("Dòng 223: thiếu họ và tên");
    // The footer under it (rows 224–229): the total and the signature block are nobody, and the preview says so.
    expect(preview.text).toContain(
      "Bỏ qua, không phải người (3): dòng 224 «Tổng số: 211 người» (dòng tổng); dòng 226 «NGƯỜI LẬP BIỂU» (khối chữ ký); dòng 229 «Nông Thị Thu Hà» (khối chữ ký)",
    );
    expect(await database.db.select().from(people)).toHaveLength(1);

    secretary.press(preview, "✅ Nhập danh sách");
    const done = await nextWith(secretary, "Danh sách cán bộ");
    expect(done.text).toContain("Danh sách cán bộ: 210 tạo mới, 0 cập nhật, 1 không đổi, 1 dòng bị loại; 5 đơn vị mới; 0 người chuyển đơn vị");
    const stored = await database.db.select({ name: people.fullName, roles: people.roles, position: people.position }).from(people);
    expect(stored).toHaveLength(211);
    // Each unit's first is its head; a deputy head is staff unless the agency says otherwise.
    expect(stored.find((person) => person.name === STAFF[0]?.name)?.roles).toEqual(["head"]);
    expect(stored.find((person) => person.name === STAFF[1]?.name)).toEqual({ name: STAFF[1]?.name, roles: ["staff"], position: "Phó trưởng phòng" });
    // The secretariat role the office's list cannot express is kept.
    expect(stored.find((person) => person.name === "Trần Văn Phòng")?.roles.sort()).toEqual(["head", "secretariat"]);

    // The launch preview says who on the roster it will not reach, before anything is sent.
    secretary.send("/launch 30/01/2026 Phong trào thi đua năm 2026");
    await nextWith(secretary, "nội dung thông báo phát động");
    secretary.send("Phát động phong trào thi đua năm 2026");
    secretary.press(await nextWithChoices(secretary), "Không đính kèm");
    secretary.press(await nextWithChoices(secretary), "Mọi người");
    const confirm = await nextWith(secretary, "Sẽ phát động");
    expect(confirm.text).toContain("gửi cho 1 người");
    expect(confirm.text).toContain(
      "Trong 211 người có trong danh sách, 1 người sẽ nhận được; 210 người chưa liên kết tài khoản (xem /unlinked, in mã mời bằng /invite).",
    );
    secretary.press(confirm, "Hủy");
    await nextWith(secretary, "Đã hủy");

    // Half a year later: three people are gone from the list and one has moved to another unit.
    const [leaver, other1, other2] = [STAFF[5], STAFF[6], STAFF[7]] as const;
    const mover = STAFF[10] as (typeof STAFF)[number];
    const oldHead = STAFF[0] as (typeof STAFF)[number];
    const newHead = STAFF[42] as (typeof STAFF)[number];
    await world.link(database.db, await codeOf(leaver?.name ?? ""), 8302);
    await world.link(database.db, await codeOf(oldHead.name), 8303);
    await world.link(database.db, await codeOf(newHead.name), 8304);
    const campaign = await launchCampaign(
      database.db,
      { year: 2026, title: "Phong trào thi đua năm 2026", deadlineAt: new Date("2026-01-30T23:59:59+07:00") },
      { clock: world.clock.now, actor: cliActor },
    );
    const [moverRow] = await database.db.select({ id: people.id, unitId: people.unitId }).from(people).where(eq(people.fullName, mover.name));
    await insertRegistration(database.db, {
      year: 2026,
      campaignId: campaign.id,
      person: { id: moverRow?.id as number, unitId: moverRow?.unitId as number },
      titleCode: "LDTT",
      status: "submitted",
      at: world.clock.now(),
    });
    const linkedBefore = await countRecipients(database.db, { kind: "all" });
    expect(linkedBefore).toBe(4);

    const remaining = STAFF.filter((person) => ![leaver, other1, other2].includes(person)).map((person) =>
      person === mover ? { ...person, unit: "Phòng Kinh tế" } : person,
    );
    await secretary.sendFile("/roster", "danh-sach-thang-6.xlsx", await officeRosterXlsx([SECRETARY, ...remaining]));
    const second = await nextWith(secretary, "danh-sach-thang-6.xlsx");
    expect(second.text).toContain(
      "0 người mới, 208 người đã có, trong đó 1 người chuyển đơn vị; 3 người đang có trong hệ thống không còn trong tệp; 0 dòng bị loại.",
    );
    expect(second.text).toContain(`Chuyển đơn vị (1): ${mover.name}: Phòng Tổ chức cán bộ → Phòng Kinh tế`);
    expect(second.text).toContain(`${leaver?.name} (Phòng Tổ chức cán bộ)`);
    secretary.press(second, "✅ Nhập; 3 người rời cơ quan");
    expect((await nextWith(secretary, "Danh sách cán bộ")).text).toContain(
      "1 người chuyển đơn vị (1 đăng ký đang chờ duyệt chuyển theo); 3 người rời cơ quan.",
    );

    const left = await database.db
      .select({ active: people.active })
      .from(people)
      .where(inArray(people.fullName, [leaver?.name ?? "", other1?.name ?? "", other2?.name ?? ""]));
    expect(left).toEqual([{ active: false }, { active: false }, { active: false }]);
    // The leaver's chat no longer reaches them: unlinked, out of every audience.
    expect(await countRecipients(database.db, { kind: "all" })).toBe(3);
    const gone = world.user({ id: 8302, first_name: "Leaver" });
    expect((await gone.ask("/me")).text).toContain("Để dùng, bạn cần liên kết tài khoản");

    // The moved registration waits for the new unit's head, and the old head no longer sees it.
    const [kinhTe] = await database.db.select({ id: units.id }).from(units).where(eq(units.name, "Phòng Kinh tế"));
    const moved = await database.db
      .select({ unitId: registrations.unitId })
      .from(registrations)
      .where(and(eq(registrations.personId, moverRow?.id as number), eq(registrations.status, "submitted")));
    expect(moved).toEqual([{ unitId: kinhTe?.id }]);
    await world.deliverNotifications(database.db);
    const told = world.user({ id: 8304, first_name: "Head" });
    expect((await nextWith(told, mover.name)).text).toContain(mover.name);
    expect((await told.ask("/approve")).text).toContain(`Đăng ký chờ duyệt năm 2026 — Phòng Kinh tế (1)`);
    const oldApprover = world.user({ id: 8303, first_name: "Old" });
    expect((await oldApprover.ask("/approve")).text).toContain("Không có đăng ký nào của Phòng Tổ chức cán bộ năm 2026 đang chờ bạn duyệt.");
    expect(await database.db.select({ id: campaigns.id }).from(campaigns)).toHaveLength(1);
  });
});
