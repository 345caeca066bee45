import { readFileSync } from "node:fs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/client.js";
import { and, eq } from "drizzle-orm";
import { people, planTasks, planTaskUnits, plans, units } from "../../src/db/schema/index.js";
import { setTaskDone } from "../../src/services/plans/tasks.js";
import { DATABASE_KINDS, openTestDatabase } from "../support/databases.js";
import { nextWith } from "../support/fake-telegram.js";
import { cliActor } from "../../src/services/audit.js";
import { parsePlanBytes } from "../../src/services/plans/file.js";
import { previewPlan, savePlan } from "../../src/services/plans/plans.js";
import { type ChatTestUser, type ChatWorld, nextWithChoices, PLATFORMS, startChatWorld } from "../support/chat-world.js";
import { importRosterText } from "../support/people.js";

const FIXTURE = readFileSync(new URL("../fixtures/tdkt-plan-2024-thanh-tra-lang-son.md", import.meta.url));
const ROSTER = `unit_code,unit_name,staff_code,full_name,position,roles
VP,Văn phòng,VP1,Trần Văn Phòng,Chánh Văn phòng,head;secretariat
NV1,Phòng Nghiệp vụ 1,NV1,Lê Nghiệp Một,Trưởng phòng,head
NV2,Phòng Nghiệp vụ 2,NV2,Phạm Nghiệp Hai,Trưởng phòng,head
`;

const CASES = PLATFORMS.flatMap((platform) => DATABASE_KINDS.map((kind) => ({ platform, kind })));

describe.each(CASES)("plans sent in chat on $platform ($kind)", ({ platform, kind }) => {
  let database: DatabaseHandle;
  let world: ChatWorld;
  let secretary: ChatTestUser;
  let departmentHead: ChatTestUser;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    // Webhook mode: on Zalo, files come through the upload page of the bot's own server.
    world = await startChatWorld(platform, database.db, { at: "2024-02-05T09:00:00+07:00", mode: "webhook" });
    await importRosterText(database.db, ROSTER);
    await world.link(database.db, "VP1", 8001);
    await world.link(database.db, "NV1", 8002);
    secretary = world.user({ id: 8001, first_name: "Phòng" });
    departmentHead = world.user({ id: 8002, first_name: "Một" });
  });
  afterAll(async () => {
    await world?.close();
    await database?.close();
  });
  afterEach(() => expect(world.violations).toEqual([]));

  it("previews a sent plan per quarter, shows the bodies outside the agency, and saves only on confirmation", async () => {
    await secretary.sendFile("/plan", "ke-hoach-2024.md", FIXTURE);
    const preview = await nextWithChoices(secretary);
    expect(preview.text).toContain("tìm thấy 23 nhiệm vụ");
    expect(preview.text).toContain("Quý 1: 6 nhiệm vụ");
    expect(preview.text).toContain("Quý 4: 8 nhiệm vụ");
    // The cluster and the other agencies' inspectorates are named as outside, not asked about.
    expect(preview.text).toContain("2 cơ quan, tổ chức ngoài cơ quan");
    expect(preview.text).toContain("Các cụm thi đua");
    expect(preview.text).not.toContain("chưa khớp");
    expect(await database.db.select().from(planTasks)).toHaveLength(0);

    secretary.press(preview, "✅ Lưu kế hoạch");
    expect((await nextWith(secretary, "Đã lưu")).text).toContain("23 nhiệm vụ mới");
    expect(await database.db.select().from(planTasks)).toHaveLength(23);
    // The same button pressed again saves nothing more (on Zalo its number is no longer offered).
    if (world.telegram) {
      secretary.press(preview, "✅ Lưu kế hoạch");
      expect(await secretary.next()).toMatchObject({ kind: "notice", text: expect.stringContaining("hết hiệu lực") });
    }
    expect(await database.db.select().from(planTasks)).toHaveLength(23);
  });

  it("lets the secretariat correct a duty's date and another's units in chat before saving, and saves the corrections", async () => {
    const plan = [
      "KẾ HOẠCH",
      "Sơ kết, tổng kết thi đua năm 2024",
      "",
      "| STT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian |",
      "|---|---|---|---|---|",
      "| 1 | Phát động phong trào thi đua năm 2024 | Văn phòng | | Tháng 2 |",
      "| 2 | Sơ kết công tác thi đua 6 tháng | Phòng Nghiệp vụ 1 | | Thường xuyên |",
      "| 3 | Tổng kết, bình xét thi đua | | Tổ Pháp chế | Quý IV |",
    ].join("\n");
    await secretary.sendFile("/plan", "so-ket-2024.md", Buffer.from(plan));
    const preview = await nextWithChoices(secretary);
    // 2024 is a leap year: "Tháng 2" is due Thursday 29/02. "Thường xuyên" says no quarter: a guess.
    expect(preview.text).toContain("1) 1. Phát động phong trào thi đua năm 2024 — hạn 29/02/2024 (theo cột thời gian)");
    expect(preview.text).toContain("2) 2. Sơ kết công tác thi đua 6 tháng — hạn 31/12/2024 (cuối quý, mặc định) ❓; chủ trì: Phòng Nghiệp vụ 1");
    expect(preview.text).toContain("1 tên đơn vị chưa khớp");

    expect((await secretary.ask("sửa 9 hạn 15/07/2024")).text).toContain("Không có nhiệm vụ số 9");
    expect((await secretary.ask("sửa 1 hạn 31/02/2024")).text).toContain("không phải một ngày");
    await secretary.ask("sửa 2 hạn 15/07/2024");
    const dated = await nextWithChoices(secretary);
    // Monday 15/07/2024 is in the third quarter: the duty moves there as its first, no longer a guess.
    expect(dated.text).toContain("Quý 3: 1 nhiệm vụ");
    expect(dated.text).toContain("2) 1. Sơ kết công tác thi đua 6 tháng — hạn 15/07/2024 (đã sửa); chủ trì: Phòng Nghiệp vụ 1");
    expect((await secretary.ask("sửa 3 chủ trì Phòng Nghiệp vụ 9")).text).toContain("Không có đơn vị «Phòng Nghiệp vụ 9»");
    await secretary.ask("sửa 3 chủ trì Phòng Nghiệp vụ 2");
    const staffed = await nextWithChoices(secretary);
    expect(staffed.text).toContain(
      "3) 3. Tổng kết, bình xét thi đua — hạn 31/12/2024 (cuối quý, mặc định); chủ trì: Phòng Nghiệp vụ 2; phối hợp: Tổ Pháp chế (?) (đơn vị đã sửa)",
    );

    secretary.press(staffed, "Gán 1: Tổ Pháp chế");
    secretary.press(await secretary.next(), "Ngoài danh sách (không nhắc)");
    const mapped = await nextWithChoices(secretary);
    expect(mapped.text).not.toContain("chưa khớp");
    secretary.press(mapped, "✅ Lưu kế hoạch");
    expect((await nextWith(secretary, "Đã lưu")).text).toContain("3 nhiệm vụ mới");

    const saved = await database.db
      .select({ content: planTasks.content, quarter: planTasks.quarter, dueAt: planTasks.dueAt, unit: units.name, role: planTaskUnits.role })
      .from(planTasks)
      .innerJoin(plans, eq(plans.id, planTasks.planId))
      .innerJoin(planTaskUnits, eq(planTaskUnits.taskId, planTasks.id))
      .innerJoin(units, eq(units.id, planTaskUnits.unitId))
      .where(eq(plans.title, "Kế hoạch Sơ kết, tổng kết thi đua năm 2024"))
      .orderBy(planTasks.quarter);
    expect(saved.map((row) => [row.quarter, row.content, row.dueAt.toISOString(), row.unit, row.role])).toEqual([
      [1, "Phát động phong trào thi đua năm 2024", "2024-02-29T16:59:59.000Z", "Văn phòng", "lead"],
      [3, "Sơ kết công tác thi đua 6 tháng", "2024-07-15T16:59:59.000Z", "Phòng Nghiệp vụ 1", "lead"],
      [4, "Tổng kết, bình xét thi đua", "2024-12-31T16:59:59.000Z", "Phòng Nghiệp vụ 2", "lead"],
    ]);
  });

  it("explains a document it cannot read and does not take plans from non-secretariat members", async () => {
    await secretary.sendFile("/plan", "trong.md", Buffer.from("KẾ HOẠCH năm 2024\nKhông có bảng nào."));
    expect((await nextWith(secretary, "Không")).text).toContain("Không tìm thấy bảng nhiệm vụ");
    // A head may not use /plan at all: on Zalo there is no link to follow; on Telegram the file is not understood.
    if (world.telegram) {
      world.telegram.fake.user({ id: 8002, first_name: "Một" }).sendDocument("ke-hoach.md", FIXTURE);
      expect((await departmentHead.next()).text).toContain("Tôi chưa hiểu");
    } else {
      expect((await departmentHead.ask("/plan")).text).not.toContain("/uploads/");
    }
  });
});

describe.each(CASES)("quarterly tasks on $platform ($kind)", ({ platform, kind }) => {
  let database: DatabaseHandle;
  let world: ChatWorld;
  let secretary: ChatTestUser;
  let departmentHead: ChatTestUser;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    world = await startChatWorld(platform, database.db, { at: "2024-02-05T09:00:00+07:00" });
    await importRosterText(database.db, ROSTER);
    // The plan comes in as the CLI imports it: Zalo users cannot send the bot a file.
    const preview = await previewPlan(database.db, await parsePlanBytes(FIXTURE, "ke-hoach-2024.md"), "Asia/Ho_Chi_Minh");
    await savePlan(database.db, preview, { clock: world.clock.now, actor: cliActor, source: "test" });
    await world.link(database.db, "VP1", 8001);
    await world.link(database.db, "NV1", 8002);
    secretary = world.user({ id: 8001, first_name: "Phòng" });
    departmentHead = world.user({ id: 8002, first_name: "Một" });
  });
  afterAll(async () => {
    await world?.close();
    await database?.close();
  });
  afterEach(() => expect(world.violations).toEqual([]));

  it("lets a unit head see this quarter's tasks, mark one done with a note, and not touch another unit's task", async () => {
    const list = await departmentHead.ask("/tasks");
    expect(list.text).toContain("Nhiệm vụ quý 1/2024 — Phòng Nghiệp vụ 1");
    expect(list.text).toContain("Q1.4 Xây dựng và nhân rộng điển hình tiên tiến");
    // The quarter ends on Sunday 31/03/2024: due on Friday 29/03.
    expect(list.text).toContain("phối hợp, hạn 29/03/2024");
    departmentHead.press(list, "✓ Xong Q1.4");
    expect((await departmentHead.next()).text).toContain("✅ Đã đánh dấu xong Q1.4.");
    // The list itself shows the change (Telegram edits it; Zalo, which cannot edit, sends it again).
    const refreshed = await departmentHead.next();
    if (world.telegram) expect(refreshed).toMatchObject({ kind: "edit", messageId: list.messageId });
    expect(refreshed.text).toContain("✅ Q1.4");
    expect(refreshed.buttons.map((button) => button.text)).toContain("↺ Mở lại Q1.4");
    expect((await departmentHead.ask("/note Đã gửi danh sách điển hình")).text).toBe("Đã lưu ghi chú cho Q1.4.");
    const withNote = await departmentHead.ask("/tasks");
    expect(withNote.text).toContain("✅ Q1.4");
    expect(withNote.text).toContain("📝 Đã gửi danh sách điển hình");

    // Forged button data needs buttons: on Zalo only the options shown can be chosen.
    if (world.telegram) {
      const [officeTask] = await database.db.select({ id: planTasks.id }).from(planTasks).limit(1);
      const forger = world.telegram.fake.user({ id: 8002, first_name: "Một" });
      forger.pressData(list.messageId, `task:done:${officeTask?.id}:now`);
      expect(await forger.next()).toMatchObject({ kind: "notice", text: "Nhiệm vụ này không thuộc đơn vị bạn phụ trách." });
    }
  });

  it("shows any quarter asked for, and what is overdue", async () => {
    const q4 = await departmentHead.ask("/tasks quý 4");
    expect(q4.text).toContain("Nhiệm vụ quý 4/2024 — Phòng Nghiệp vụ 1");
    expect(q4.text).toContain("Q4.5");
    expect((await departmentHead.ask("/tasks quá hạn")).text).toBe("Đơn vị Phòng Nghiệp vụ 1 không có nhiệm vụ nào quá hạn.");
    expect((await departmentHead.ask("/tasks quý 9")).text).toContain("Cách dùng: /tasks");
  });

  it("shows the secretariat completion per unit and quarter", async () => {
    // Phòng Nghiệp vụ 1's share of Q1.4 is done (as the head marks it in the test above).
    const [task] = await database.db
      .select({ id: planTasks.id })
      .from(planTasks)
      .where(and(eq(planTasks.quarter, 1), eq(planTasks.number, "4")));
    const [head] = await database.db.select({ id: people.id, unitId: people.unitId }).from(people).where(eq(people.staffCode, "NV1"));
    await setTaskDone(
      database.db,
      { taskId: task?.id ?? 0, unitId: head?.unitId ?? 0, personId: head?.id ?? 0, done: true },
      { clock: world.clock.now, actor: cliActor },
    );
    const overview = await secretary.ask("/tasks all");
    expect(overview.text).toContain("Tiến độ nhiệm vụ năm 2024");
    expect(overview.text).toContain("Phòng Nghiệp vụ 1: Q1 1/1 · Q2 — · Q3 — · Q4 0/1");
  });
});

describe.each(CASES)("overdue tasks of earlier quarters on $platform ($kind)", ({ platform, kind }) => {
  let database: DatabaseHandle;
  let world: ChatWorld;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    // August: Q1 ended months ago, and the plan came in late.
    world = await startChatWorld(platform, database.db, { at: "2024-08-05T09:00:00+07:00" });
    await importRosterText(database.db, ROSTER);
    const preview = await previewPlan(database.db, await parsePlanBytes(FIXTURE, "ke-hoach-2024.md"), "Asia/Ho_Chi_Minh");
    await savePlan(database.db, preview, { clock: world.clock.now, actor: cliActor, source: "test" });
    await world.link(database.db, "NV1", 8102);
  });
  afterAll(async () => {
    await world?.close();
    await database?.close();
  });
  afterEach(() => expect(world.violations).toEqual([]));

  it("lets a head mark a Q1 task done in Q3, from the list of this quarter and what is overdue", async () => {
    const head = world.user({ id: 8102, first_name: "Một" });
    const list = await head.ask("/tasks");
    expect(list.text).toContain("Nhiệm vụ quý 3/2024 — Phòng Nghiệp vụ 1");
    expect(list.text).toContain("Quá hạn, chưa xong — Phòng Nghiệp vụ 1 (1):\n• Q1.4 Xây dựng và nhân rộng điển hình tiên tiến");
    head.press(list, "✓ Xong Q1.4");
    expect((await head.next()).text).toContain("✅ Đã đánh dấu xong Q1.4.");
    expect((await head.next()).text).not.toContain("Quá hạn");
    expect((await head.ask("/tasks quá hạn")).text).toBe("Đơn vị Phòng Nghiệp vụ 1 không có nhiệm vụ nào quá hạn.");
    expect((await head.ask("/tasks 1")).text).toContain("✅ Q1.4");
  });
});
