import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/client.js";
import { meetingDrafts } from "../../src/db/schema/index.js";
import { parseInspectionPlan } from "../../src/domain/plan-reader/inspection-plan.js";
import { cliActor } from "../../src/services/audit.js";
import { meetingsWithoutDate } from "../../src/services/meetings.js";
import { parsePlanBytes } from "../../src/services/plans/file.js";
import { previewPlan, savePlan } from "../../src/services/plans/plans.js";
import { DATABASE_KINDS, openTestDatabase } from "../support/databases.js";
import { makeDocx } from "../support/docx.js";
import { importRosterText } from "../support/people.js";

const ZONE = "Asia/Ho_Chi_Minh";
const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url));

// A plan as agencies write it: the registration deadline only in the body text, a Word bullet
// list without <li> in a cell, one cell holding two duties, the header repeated after a page break.
const PROSE = ["KẾ HOẠCH", "Công tác thi đua, khen thưởng năm 2020", "Các đơn vị đăng ký thi đua năm 2020, gửi Văn phòng tổng hợp trước 30/01/2020."];
const HEADER = ["STT", "Nội dung", "Đơn vị thực hiện", "Thời gian"];
const UNITS_CELL = "- Hội đồng TĐKT Sở. - Văn phòng Sở. - Các đơn vị thuộc, trực thuộc Sở.";
const TWO_DUTIES = "- Tuyên truyền gương điển hình tiên tiến. - Cập nhật trang tin thi đua.";
const ROWS = [
  HEADER,
  ["I", "QUÝ I", "", ""],
  ["1", "Đăng ký thi đua năm 2020", UNITS_CELL, ""],
  ["2", TWO_DUTIES, "Văn phòng Sở chủ trì, phối hợp với Phòng Tổ chức", "Quý I"],
  HEADER,
  ["II", "QUÝ II", "", ""],
  ["1", "Báo cáo sơ kết 6 tháng", "Phòng Kế hoạch", "15/06/2020"],
];
const TSV = [...PROSE, ...ROWS.map((row) => row.map((cell) => (cell.startsWith("- ") ? `<ul class="dash">${cell}</ul>` : cell)).join("\t"))].join("\n");

describe.each(DATABASE_KINDS)("plans of every shape (%s)", (kind) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await importRosterText(
      database.db,
      "unit_code,unit_name,staff_code,full_name,position,roles\nVP,Văn phòng Sở,S,Sơn,,head;secretariat\nTC,Phòng Tổ chức,T,Tâm,,head\nKH,Phòng Kế hoạch,K,Kha,,head\n",
    );
  });
  afterAll(async () => database?.close());

  it.each([
    ["Word", async () => parsePlanBytes(await makeDocx([...PROSE, ROWS.map((row) => row.map((cell) => cell))]), "ke-hoach-2020.docx")],
    ["tab-separated", async () => parsePlanBytes(Buffer.from(TSV), "ke-hoach-2020.txt")],
  ])("reads a %s plan with bullet cells, repeated headers and a deadline in the prose", async (_shape, read) => {
    const plan = await read();
    const preview = await previewPlan(database.db, plan, ZONE);
    const names = new Map(preview.units.map((unit) => [unit.id, unit.name]));
    const shown = preview.tasks.map((task) => ({
      quarter: task.quarter,
      number: task.number,
      content: task.content,
      lead: task.leadUnitIds.map((id) => names.get(id)).sort(),
      coordinating: task.coordinatingUnitIds.map((id) => names.get(id)),
      due: task.deadline,
      from: task.deadlineFrom,
    }));
    expect(shown).toEqual([
      // Every unit the bullet cell names gets its share; "Các đơn vị thuộc, trực thuộc Sở" is all of them.
      {
        quarter: 1,
        number: "1",
        content: "Đăng ký thi đua năm 2020",
        lead: ["Phòng Kế hoạch", "Phòng Tổ chức", "Văn phòng Sở"],
        coordinating: [],
        due: { year: 2020, month: 1, day: 30 },
        from: "prose",
      },
      {
        quarter: 1,
        number: "2.1",
        content: "Tuyên truyền gương điển hình tiên tiến",
        lead: ["Văn phòng Sở"],
        coordinating: ["Phòng Tổ chức"],
        due: null,
        from: null,
      },
      { quarter: 1, number: "2.2", content: "Cập nhật trang tin thi đua", lead: ["Văn phòng Sở"], coordinating: ["Phòng Tổ chức"], due: null, from: null },
      {
        quarter: 2,
        number: "1",
        content: "Báo cáo sơ kết 6 tháng",
        lead: ["Phòng Kế hoạch"],
        coordinating: [],
        due: { year: 2020, month: 6, day: 15 },
        from: "time",
      },
    ]);
    expect(plan.registrationDeadline).toEqual({ year: 2020, month: 1, day: 30 });
    expect(preview.unmatched).toEqual([]);
  });

  it("takes the council plan's meetings by month as drafts waiting for a date, and its quarterly duty once a quarter", async () => {
    const plan = await parsePlanBytes(fixture("council-plan-2024-so-ngoai-vu.md"), "council-plan-2024-so-ngoai-vu.md");
    // 5.2 "Thời gian thực hiện: Tổ chức hàng quý", led by "Thường trực Hội đồng TĐ-KT Sở (Văn phòng Sở)".
    expect(plan.tasks.map((task) => [task.quarter, task.number, task.content.slice(0, 45), task.leadUnits, task.deadline])).toEqual(
      [1, 2, 3, 4].map((quarter) => [quarter, "1", "Thực hiện các phong trào thi đua do UBND tỉnh", ["Thường trực Hội đồng TĐ-KT Sở (Văn phòng Sở)"], null]),
    );
    expect(plan.meetings).toEqual([
      { year: 2024, month: 3, title: "Tổ chức các phiên họp định kỳ" },
      { year: 2024, month: 6, title: "Tổ chức các phiên họp định kỳ" },
      { year: 2024, month: 12, title: "Tổ chức các phiên họp định kỳ" },
    ]);
    await savePlan(database.db, await previewPlan(database.db, plan, ZONE), { clock: () => new Date("2024-01-15T03:00:00Z"), actor: cliActor, source: "hd" });
    expect(await database.db.select({ month: meetingDrafts.month }).from(meetingDrafts)).toEqual([{ month: 3 }, { month: 6 }, { month: 12 }]);
    expect((await meetingsWithoutDate(database.db, "2024-04-01", ZONE)).map((draft) => draft.month)).toEqual([6, 12]);
  });

  it("takes the self-inspection plan's report, due 01/10/2024, as the secretariat's task", async () => {
    const plan = await parsePlanBytes(fixture("self-inspection-plan-2024-so-ngoai-vu.md"), "tu-kiem-tra.md");
    const preview = await previewPlan(database.db, plan, ZONE);
    expect(preview.tasks).toHaveLength(1);
    expect(preview.tasks[0]).toMatchObject({ quarter: 4, deadline: { year: 2024, month: 10, day: 1 }, deadlineFrom: "prose" });
    expect(preview.tasks[0]?.content).toContain("tổng hợp báo cáo Hội đồng Thi đua, khen thưởng tỉnh");
    // Nobody is named: the secretariat's own unit tracks it.
    expect(preview.tasks[0]?.leadUnitIds.map((id) => preview.units.find((unit) => unit.id === id)?.name)).toEqual(["Văn phòng Sở"]);
    expect(preview.tasks[0]?.dueAt.toISOString()).toBe("2024-10-01T16:59:59.000Z");
  });

  it("sends an inspection plan given to the plan importer to /inspectionplan, whose reader takes its window and periods", async () => {
    await expect(parsePlanBytes(fixture("inspection-plan-2024-chi-lang.md"), "kiem-tra.md")).rejects.toMatchObject({ key: "plan-is-inspection-plan" });
    const plan = parseInspectionPlan(fixture("inspection-plan-2024-chi-lang.md").toString("utf8"));
    expect(plan).toMatchObject({ year: 2024, windowFirstMonth: 4, windowLastMonth: 9, noticeDays: 5, reportDays: 3 });
    expect(plan.units).toHaveLength(14);
  });
});

describe("inspection plans read sentence by sentence", () => {
  it("takes the notice and report periods from the sentences that state them, and says which are defaults", () => {
    const text = [
      "KẾ HOẠCH",
      "Kiểm tra công tác thi đua, khen thưởng năm 2025",
      "Thời gian thực hiện: trong Quý III năm 2025.",
      "Đoàn kiểm tra gửi đề cương cho các đơn vị trước 02 ngày để chuẩn bị. Đơn vị gửi báo cáo tự kiểm tra về Đoàn trước 04 ngày.",
      "Danh sách đơn vị được kiểm tra:",
      "- Phòng Tổ chức",
    ].join("\n");
    expect(parseInspectionPlan(text)).toMatchObject({ noticeDays: 5, reportDays: 4, defaulted: ["notice"], windowFirstMonth: 7, windowLastMonth: 9 });
  });
});
