import { describe, expect, it } from "vitest";
import { applyCorrection, parseCorrection } from "../../src/domain/plan-reader/corrections.js";
import { digitsForWordDates, timeIn } from "../../src/domain/plan-reader/dates.js";
import { tablesFromHtml } from "../../src/domain/plan-reader/document-model.js";
import { planDocumentFromHtml, readPlan } from "../../src/domain/plan-reader/reading.js";
import { parsePlanTables } from "../../src/domain/plan-reader/table-duties.js";
import { ownersInSentence, unitRoles } from "../../src/domain/plan-reader/owners.js";
import { guessesOf, type ParsedPlan, type ParsedTask } from "../../src/domain/plan-reader/plan.js";
import { matchUnitPhrase } from "../../src/domain/unit-matching.js";

// The plan reader's recognisers one by one (src/domain/plan-reader/), each on the phrases offices write.

describe("times a phrase gives a duty (dates.ts)", () => {
  it("reads dates written in words as dates", () => {
    expect(digitsForWordDates("từ ngày 20 tháng 11 năm 2025 đến ngày 30 tháng 11 năm 2026")).toBe("từ ngày 20/11/2025 đến ngày 30/11/2026");
    // An unsigned document's date line, with its day left blank, is not a date.
    expect(digitsForWordDates("Lạng Sơn, ngày tháng 4 năm 2024")).toBe("Lạng Sơn, ngày tháng 4 năm 2024");
    expect(timeIn("hoàn thành trước ngày 31 tháng 12 năm 2025", 2026)).toEqual({ kind: "date", date: { year: 2025, month: 12, day: 31 } });
  });

  it("reads months as occurrences and a range as one span", () => {
    expect(timeIn("Tháng 5/2025", 2025)).toEqual({ kind: "months", months: [{ year: 2025, month: 5 }], span: false });
    expect(timeIn("họp vào tháng 7 và tháng 12", 2026)).toEqual({
      kind: "months",
      months: [
        { year: 2026, month: 7 },
        { year: 2026, month: 12 },
      ],
      span: false,
    });
    expect(timeIn("từ tháng 5 đến tháng 8 năm 2026", 2026)).toMatchObject({
      kind: "months",
      span: true,
      months: [{ month: 5 }, { month: 6 }, { month: 7 }, { month: 8 }],
    });
  });

  it("reads quarters, every quarter and every six months", () => {
    expect(timeIn("trong Quý II, III", 2026)).toEqual({ kind: "quarters", quarters: [2, 3] });
    expect(timeIn("Tổ chức hàng quý", 2026)).toEqual({ kind: "quarters", quarters: [1, 2, 3, 4] });
    expect(timeIn("định kỳ 06 tháng một lần", 2026)).toMatchObject({ kind: "months", months: [{ month: 6 }, { month: 12 }] });
  });

  it("reads a time column's 'Tháng 11-12/2025' as two months and '6 tháng đầu năm' as the first half", () => {
    expect(timeIn("Tháng 11-12/2025", 2025, { anyDate: true })).toEqual({
      kind: "months",
      months: [
        { year: 2025, month: 11 },
        { year: 2025, month: 12 },
      ],
      span: true,
    });
    expect(timeIn("6 tháng đầu năm", 2025, { anyDate: true })).toEqual({ kind: "months", months: [{ year: 2025, month: 6 }], span: false });
    expect(timeIn("15/3/2025", 2025, { anyDate: true })).toEqual({ kind: "date", date: { year: 2025, month: 3, day: 15 } });
  });

  it("finds no time in 'theo quy định', '6 tháng đầu năm' or a cited document's date", () => {
    expect(timeIn("báo cáo định kỳ, đột xuất theo quy định", 2026)).toBeNull();
    expect(timeIn("Sơ kết 6 tháng đầu năm", 2026)).toBeNull();
    expect(timeIn("Thực hiện Kế hoạch số 26 ngày 25/3/2024", 2026)).toBeNull();
  });
});

describe("who a duty belongs to (owners.ts)", () => {
  it("reads the lead and the coordinating units of a sentence, in any of its clauses", () => {
    expect(ownersInSentence("Phát động thi đua: Văn phòng Sở chủ trì, phối hợp với Công đoàn cơ sở tổ chức trong tháng 2")).toEqual({
      lead: ["Văn phòng Sở"],
      coordinating: ["Công đoàn cơ sở"],
    });
    expect(ownersInSentence("Kiểm tra trong Quý III; giao Thanh tra Sở chủ trì, phối hợp với Phòng Thi đua - Khen thưởng.")).toEqual({
      lead: ["Thanh tra Sở"],
      coordinating: ["Phòng Thi đua - Khen thưởng"],
    });
    expect(ownersInSentence("Báo cáo hàng quý: Phòng Thi đua - Khen thưởng thực hiện.")).toEqual({ lead: ["Phòng Thi đua - Khen thưởng"], coordinating: [] });
    expect(ownersInSentence("1. Văn phòng Sở có trách nhiệm thực hiện các công việc sau:")).toEqual({ lead: ["Văn phòng Sở"], coordinating: [] });
  });

  it("does not take a duty's words for a body: 'Sơ kết', 'Phong trào', 'Ban hành' are not units", () => {
    expect(ownersInSentence("Sơ kết công tác thi đua 6 tháng: tổ chức trong tháng 7")).toBeNull();
    expect(ownersInSentence("Phong trào thi đua thực hiện trong năm")).toBeNull();
    expect(ownersInSentence("Ban hành kế hoạch trong tháng 1")).toBeNull();
  });

  it("reads a cell in which one unit says it leads: the others help", () => {
    expect(unitRoles(["Văn phòng Sở chủ trì", "Các phòng chuyên môn"])).toEqual({ lead: ["Văn phòng Sở"], coordinating: ["Các phòng chuyên môn"] });
    expect(unitRoles(["Phòng A", "Phòng B"])).toEqual({ lead: ["Phòng A", "Phòng B"], coordinating: [] });
  });

  it("keeps a Word list item whose name holds a dash whole", () => {
    expect(tablesFromHtml("<table><tr><td><p>- Họp Hội đồng Thi đua - Khen thưởng xét</p></td></tr></table>")).toEqual([
      [["- Họp Hội đồng Thi đua - Khen thưởng xét"]],
    ]);
  });
});

describe("quarter columns under a merged heading (table-duties.ts)", () => {
  it("reads I … IV under 'Thời gian (quý)' as the quarters, a duty per quarter marked", () => {
    const table = [
      ["STT", "Nội dung", "Đơn vị chủ trì", "Thời gian thực hiện (quý)", "", "", ""],
      ["", "", "", "I", "II", "III", "IV"],
      ["1", "Kiểm tra công tác thi đua", "Thanh tra Sở", "", "x", "", "x"],
    ];
    const { tasks } = parsePlanTables([table], { year: 2026 });
    expect(tasks.map((task) => [task.quarter, task.number, task.leadUnits])).toEqual([
      [2, "1", ["Thanh tra Sở"]],
      [4, "1", ["Thanh tra Sở"]],
    ]);
  });
});

describe("a Word plan whose numbering was automatic (reading.ts, prose-items.ts)", () => {
  it("takes headings in capitals for sections: a purpose's month is no duty, a task's is", () => {
    // What mammoth makes of Word's numbered lists: <ol><li>, the numbers themselves gone.
    const html = [
      "<p>KẾ HOẠCH</p><p>Công tác thi đua, khen thưởng năm 2026</p>",
      "<ol><li>MỤC ĐÍCH, YÊU CẦU<ol><li>Đẩy mạnh phong trào ngay từ tháng 1.</li></ol></li>",
      "<li>NHIỆM VỤ CỤ THỂ<ol><li>Phát động phong trào thi đua: Văn phòng Sở chủ trì, thực hiện trong tháng 02/2026.</li></ol></li></ol>",
    ].join("");
    const plan = readPlan(planDocumentFromHtml(html), { fileName: "ke-hoach.docx" });
    expect(plan.tasks.map((task) => [task.quarter, task.deadline, task.leadUnits])).toEqual([[1, { year: 2026, month: 2, day: 28 }, ["Văn phòng Sở"]]]);
  });
});

describe("bodies outside the agency (unit-matching.ts)", () => {
  const units = [
    { id: 1, code: "VP", name: "Văn phòng Sở" },
    { id: 2, code: "TC", name: "Phòng Tổ chức" },
  ];
  it.each([
    "Các đơn vị thành viên",
    "Các cụm thi đua",
    "Ban Thi đua - Khen thưởng tỉnh",
    "Hội đồng Thi đua - Khen thưởng tỉnh",
    "Thanh tra các huyện",
    "UBND tỉnh",
  ])("knows '%s' is outside the agency", (phrase) => {
    expect(matchUnitPhrase(phrase, units, new Map())).toEqual({ kind: "external" });
  });

  it("reads the unit in brackets, and the agency's own council as its office", () => {
    expect(matchUnitPhrase("Thường trực Hội đồng TĐ-KT Sở (Văn phòng Sở)", units, new Map())).toMatchObject({ unitIds: [1] });
    expect(matchUnitPhrase("Hội đồng Thi đua - Khen thưởng Sở", units, new Map())).toMatchObject({ unitIds: [1], how: "group" });
  });
});

describe("corrections typed to a preview (corrections.ts)", () => {
  // Duties whose quarter and units nothing stated: both guesses.
  const task = (quarter: 1 | 2 | 3 | 4, number: string, content: string): ParsedTask => ({
    quarter,
    number,
    content,
    leadUnits: [],
    coordinatingUnits: [],
    deadline: null,
    deadlineFrom: null,
    quarterFrom: "default",
    unitsFrom: "default",
  });
  const plan: ParsedPlan = {
    year: 2026,
    title: "Kế hoạch",
    tasks: [task(1, "1", "Một"), task(4, "1", "Hai"), task(4, "2", "Ba")],
    warnings: [],
    meetings: [],
    registrationDeadline: null,
    campaign: null,
  };

  it("reads each kind of correction, and says what it cannot read", () => {
    expect(parseCorrection("sửa 2 hạn 15/7", 2026)).toEqual({ kind: "due", position: 2, date: { year: 2026, month: 7, day: 15 } });
    expect(parseCorrection("Sua 2 quy III", 2026)).toEqual({ kind: "quarter", position: 2, quarter: 3 });
    expect(parseCorrection("sửa 3 phối hợp Phòng A; Phòng B", 2026)).toEqual({
      kind: "units",
      position: 3,
      role: "coordinating",
      phrases: ["Phòng A", "Phòng B"],
    });
    expect(parseCorrection("bỏ 1", 2026)).toEqual({ kind: "drop", position: 1 });
    expect(parseCorrection("thêm quý 2 hạn 30/05/2026: Hội nghị", 2026)).toEqual({
      kind: "add",
      quarter: 2,
      date: { year: 2026, month: 5, day: 30 },
      content: "Hội nghị",
    });
    expect(parseCorrection("sửa 2 hạn 31/02", 2026)).toEqual({ key: "plan-fix-date", args: { text: "31/02" } });
    expect(parseCorrection("sửa 2 màu xanh", 2026)).toEqual({ key: "plan-fix-usage" });
  });

  it("moves a duty whose new day is in another quarter there, as its next number, no longer a guess", () => {
    const moved = applyCorrection(plan, { kind: "due", position: 2, date: { year: 2026, month: 7, day: 15 } });
    if ("key" in moved) throw new Error(moved.key);
    expect(moved.tasks.map((each) => [each.quarter, each.number, each.content, each.deadlineFrom, guessesOf(each)])).toEqual([
      [1, "1", "Một", null, ["quarter", "units"]],
      [3, "1", "Hai", "clerk", ["units"]],
      [4, "2", "Ba", null, ["quarter", "units"]],
    ]);
    expect(applyCorrection(plan, { kind: "drop", position: 4 })).toEqual({ key: "plan-fix-position", args: { position: 4, count: 3 } });
  });
});
