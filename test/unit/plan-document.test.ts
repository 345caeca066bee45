import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { splitUnits } from "../../src/domain/plan-reader/owners.js";
import { detectYear, planDocumentFromText, readPlan } from "../../src/domain/plan-reader/reading.js";
import { isQuarterHeading, parsePlanTables } from "../../src/domain/plan-reader/table-duties.js";
import { tablesFromHtml, tablesFromTabSeparated } from "../../src/domain/plan-reader/document-model.js";

const fixture = readFileSync(new URL("../fixtures/tdkt-plan-2024-thanh-tra-lang-son.md", import.meta.url), "utf8");
const parseMarkdown = (text: string) => readPlan(planDocumentFromText(text), { fileName: "ke-hoach.md", year: detectYear(text) ?? 2024 });
const countPerQuarter = (tasks: { quarter: number }[]) => [1, 2, 3, 4].map((q) => tasks.filter((task) => task.quarter === q).length);

describe("reading a plan's quarterly task table", () => {
  it("finds the 23 tasks of the Thanh tra Lạng Sơn plan across its page breaks, with lead and coordinating units", () => {
    const plan = parseMarkdown(fixture);
    expect(plan.year).toBe(2024);
    expect(plan.title).toBe("Kế hoạch Thực hiện công tác thi đua, khen thưởng năm 2024");
    expect(countPerQuarter(plan.tasks)).toEqual([6, 6, 3, 8]);
    expect(plan.tasks[1]).toMatchObject({
      quarter: 1,
      number: "2",
      content: "Phát động phong trào thi đua",
      leadUnits: ["Văn phòng Thanh tra tỉnh"],
      coordinatingUnits: ["Các cụm thi đua", "Thanh tra các sở, ban, ngành và Thanh tra các huyện, thành phố"],
      deadline: null,
    });
    const q2 = plan.tasks.filter((task) => task.quarter === 2);
    expect(q2[5]).toMatchObject({ number: "6", leadUnits: ["Các Cụm thi đua"] });
    const q4 = plan.tasks.filter((task) => task.quarter === 4);
    expect(q4[4]).toMatchObject({ number: "5", leadUnits: ["Hội đồng thi đua khen thưởng"], coordinatingUnits: ["Các phòng nghiệp vụ"] });
    expect(plan.tasks[5]).toMatchObject({ number: "6", leadUnits: [], coordinatingUnits: [] });
  });

  it("reads tab-separated text with HTML bullet lists in cells, merged quarter rows and a stated deadline", () => {
    const text = [
      "KẾ HOẠCH",
      "Công tác thi đua, khen thưởng năm 2020",
      "TT\tNội dung công việc\tĐơn vị thực hiện\tĐơn vị phối hợp\tThời gian",
      "QUÝ I",
      "1\tĐăng ký thi đua, gửi về Văn phòng trước ngày 30/01/2020\tVăn phòng\t<ul><li>Phòng Tổ chức</li><li>Phòng Kế hoạch</li></ul>\t",
      '2\t"Hội nghị ký kết giao ước',
      'thi đua cụm"\tCác phòng nghiệp vụ\t\tTháng 2',
      "- 3 -",
      "II\tQUÝ II",
      "1\tBáo cáo sơ kết 6 tháng\tVăn phòng\tCác đơn vị thuộc, trực thuộc Sở\t15/06/2020",
    ].join("\n");
    expect(detectYear(text)).toBe(2020);
    const plan = parsePlanTables(tablesFromTabSeparated(text, { keepsTableOpen: isQuarterHeading }), { year: 2020 });
    expect(plan.tasks).toEqual([
      {
        quarter: 1,
        number: "1",
        content: "Đăng ký thi đua, gửi về Văn phòng trước ngày 30/01/2020",
        leadUnits: ["Văn phòng"],
        coordinatingUnits: ["Phòng Tổ chức", "Phòng Kế hoạch"],
        deadline: { year: 2020, month: 1, day: 30 },
        deadlineFrom: "text",
        quarterFrom: "table",
        unitsFrom: "table",
      },
      {
        quarter: 1,
        number: "2",
        content: "Hội nghị ký kết giao ước\nthi đua cụm",
        leadUnits: ["Các phòng nghiệp vụ"],
        coordinatingUnits: [],
        // "Tháng 2" in the time column: due at the end of February, the 29th in 2020.
        deadline: { year: 2020, month: 2, day: 29 },
        deadlineFrom: "time",
        quarterFrom: "table",
        unitsFrom: "table",
      },
      {
        quarter: 2,
        number: "1",
        content: "Báo cáo sơ kết 6 tháng",
        leadUnits: ["Văn phòng"],
        coordinatingUnits: ["Các đơn vị thuộc, trực thuộc Sở"],
        deadline: { year: 2020, month: 6, day: 15 },
        deadlineFrom: "time",
        quarterFrom: "table",
        unitsFrom: "table",
      },
    ]);
  });

  it("reads Word tables as HTML, spreading merged cells over the rows they cover", () => {
    const html = `<p>KẾ HOẠCH</p><table>
      <tr><th><p>STT</p></th><th><p>Nội dung</p></th><th><p>Đơn vị chủ trì</p></th><th><p>Đơn vị phối hợp</p></th></tr>
      <tr><td><p>I</p></td><td colspan="3"><p><strong>QUÝ I</strong></p></td></tr>
      <tr><td>1</td><td><p>Ban hành kế hoạch</p></td><td rowspan="2"><p>Văn phòng</p></td><td><ul><li>Phòng A</li><li>Phòng B</li></ul></td></tr>
      <tr><td>2</td><td><p>Phát động phong trào</p><p>(trước 15/02)</p></td><td>Phòng A; Phòng B.</td></tr>
    </table><table>
      <tr><td>3</td><td>Hội nghị &amp; tập huấn</td><td>Phòng C</td><td></td></tr>
      <tr><td colspan="4">QUÝ IV</td></tr>
      <tr><td>1</td><td>Tổng kết, nộp trước 10/01</td><td>Văn phòng</td><td></td></tr>
    </table>`;
    const plan = parsePlanTables(tablesFromHtml(html), { year: 2025 });
    expect(plan.tasks.map((task) => [task.quarter, task.number, task.content, task.leadUnits, task.coordinatingUnits, task.deadline])).toEqual([
      [1, "1", "Ban hành kế hoạch", ["Văn phòng"], ["Phòng A", "Phòng B"], null],
      [1, "2", "Phát động phong trào\n(trước 15/02)", ["Văn phòng"], ["Phòng A", "Phòng B"], { year: 2025, month: 2, day: 15 }],
      [1, "3", "Hội nghị & tập huấn", ["Phòng C"], [], null],
      // "trước 10/01" in the fourth quarter means January of the next year.
      [4, "1", "Tổng kết, nộp trước 10/01", ["Văn phòng"], [], { year: 2026, month: 1, day: 10 }],
    ]);
  });

  it("does not take the date of a cited document for a deadline", () => {
    const text =
      "| STT | Nội dung | Chủ trì | Phối hợp |\n|---|---|---|---|\n| | QUÝ I | | |\n| 1 | Thực hiện Kế hoạch số 241/KH-UBND ngày 28/12/2023 | Văn phòng | |";
    expect(parseMarkdown(text).tasks[0]?.deadline).toBeNull();
  });

  it("ignores an impossible date such as 31/02", () => {
    const text = "| STT | Nội dung | Chủ trì | Phối hợp |\n|---|---|---|---|\n| | QUÝ I | | |\n| 1 | Nộp báo cáo trước 31/02/2024 | Văn phòng | |";
    expect(parseMarkdown(text).tasks[0]?.deadline).toBeNull();
  });

  it.each([
    ["a document with no table", "KẾ HOẠCH\nChỉ có chữ, không có bảng.", "plan-no-task-table"],
    ["an empty document", "", "plan-no-task-table"],
    ["a table with unknown columns", "| Họ tên | Nội dung | Ghi chú |\n|---|---|---|\n| A | B | C |", "plan-unknown-columns"],
    ["a task table with no task", "| STT | Nội dung | Chủ trì | Phối hợp |\n|---|---|---|---|\n| I | QUÝ I | | |", "plan-no-tasks"],
  ])("refuses %s with a clear reason", (_label, text, key) => {
    expect(() => parseMarkdown(text)).toThrow(expect.objectContaining({ key }));
  });

  it("splits unit cells on lines, bullets and semicolons but keeps commas inside names", () => {
    expect(splitUnits("- Văn phòng;\n• Phòng Tổ chức cán bộ.\nThanh tra các sở, ban, ngành")).toEqual([
      "Văn phòng",
      "Phòng Tổ chức cán bộ",
      "Thanh tra các sở, ban, ngành",
    ]);
  });
});
