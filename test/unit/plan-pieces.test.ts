import { describe, expect, it } from "vitest";
import { scopeServes } from "../../src/domain/initiatives.js";
import { findDeadline, isValidDate, quarterFromTime } from "../../src/domain/plan-reader/dates.js";
import { parsePlanProse } from "../../src/domain/plan-reader/prose-duties.js";
import { proseItems } from "../../src/domain/plan-reader/prose-items.js";
import { matchUnitPhrase } from "../../src/domain/unit-matching.js";

describe("dates in a plan's rows (domain/plan-dates.ts)", () => {
  it("reads a deadline the content states, and not a document's date it cites", () => {
    expect(findDeadline("Đăng ký thi đua trước ngày 30/01", "", 2024, 1)).toEqual({ date: { year: 2024, month: 1, day: 30 }, from: "text" });
    expect(findDeadline("Triển khai Kế hoạch số 26 ngày 25/3/2024", "", 2024, 1)).toBeNull();
  });

  it("takes any date of the time column, and a January date in a Q4 row as next year's", () => {
    expect(findDeadline("Tổng kết năm", "15/7", 2024, 3)).toEqual({ date: { year: 2024, month: 7, day: 15 }, from: "time" });
    expect(findDeadline("Tổng kết năm", "10/01", 2024, 4)).toEqual({ date: { year: 2025, month: 1, day: 10 }, from: "time" });
  });

  it("finds the quarter of 'Quý III' and of 'Tháng 5', and none of 'Cả năm'", () => {
    expect(quarterFromTime("Quý III")).toBe(3);
    expect(quarterFromTime("Tháng 5/2025")).toBe(2);
    expect(quarterFromTime("Cả năm")).toBeUndefined();
  });

  it("knows 29/02 is a day in 2024 and not in 2025, and 31/04 never", () => {
    expect(isValidDate(2024, 2, 29)).toBe(true);
    expect(isValidDate(2025, 2, 29)).toBe(false);
    expect(isValidDate(2024, 4, 31)).toBe(false);
  });
});

describe("a plan's prose (domain/plan-prose.ts)", () => {
  const text = [
    "I. NHIỆM VỤ",
    "1. Căn cứ Kế hoạch số 26 ngày 25/3/2024 của UBND tỉnh",
    "- Cá nhân, tập thể đăng ký danh hiệu thi đua trước ngày 30/01/2024;",
    "- Gửi báo cáo tự kiểm tra trước ngày 01/10/2024.",
    "2. Họp Hội đồng Thi đua - Khen thưởng",
    "Thời gian: Tháng 03, 06 và tháng 12 năm 2024",
  ].join("\n");

  it("makes a task of each dated duty, in the quarter of its date, and a meeting of each month under a meeting heading", () => {
    const prose = parsePlanProse(proseItems(text.split("\n")), 2024);
    expect(prose.tasks.map((task) => [task.quarter, task.deadline])).toEqual([
      [1, { year: 2024, month: 1, day: 30 }],
      [4, { year: 2024, month: 10, day: 1 }],
    ]);
    expect(prose.meetings.map((meeting) => meeting.month)).toEqual([3, 6, 12]);
    expect(prose.meetings[0]?.title).toBe("Họp Hội đồng Thi đua - Khen thưởng");
  });

  it("suggests the registration deadline from the line about registering titles", () => {
    expect(parsePlanProse(proseItems(text.split("\n")), 2024).registrationDeadline).toEqual({ year: 2024, month: 1, day: 30 });
  });
});

describe("units named in a plan (domain/unit-matching.ts)", () => {
  const units = [
    { id: 1, code: "VP", name: "Văn phòng" },
    { id: 2, code: "TCCB", name: "Phòng Tổ chức cán bộ" },
    { id: 3, code: "KHTC", name: "Phòng Kế hoạch tài chính" },
    { id: 4, code: "TT", name: "Thanh tra" },
  ];
  const none = new Map<string, number[]>();

  it("finds a unit by its name whatever the case and punctuation, or by its code", () => {
    expect(matchUnitPhrase("phòng tổ chức cán bộ.", units, none)).toEqual({ kind: "units", unitIds: [2], how: "name" });
    expect(matchUnitPhrase("KHTC", units, none)).toEqual({ kind: "units", unitIds: [3], how: "name" });
  });

  it("reads 'Văn phòng Thanh tra tỉnh' as the office, followed by the agency's name", () => {
    expect(matchUnitPhrase("Văn phòng Thanh tra tỉnh", units, none)).toEqual({ kind: "units", unitIds: [1], how: "name" });
  });

  it("reads the departments for 'Các phòng chuyên môn' and the office for the council", () => {
    expect(matchUnitPhrase("Các phòng chuyên môn", units, none)).toEqual({ kind: "units", unitIds: [2, 3], how: "group" });
    expect(matchUnitPhrase("Hội đồng TĐKT", units, none)).toEqual({ kind: "units", unitIds: [1], how: "group" });
  });

  it("prefers an alias the secretariat taught, and leaves a body outside the agency unmatched", () => {
    expect(matchUnitPhrase("Ban Pháp chế", units, new Map([["ban phap che", [4]]]))).toEqual({ kind: "units", unitIds: [4], how: "alias" });
    expect(matchUnitPhrase("Sở Tài chính", units, none)).toEqual({ kind: "unmatched" });
  });
});

describe("initiatives as a title's basis (domain/initiatives.ts)", () => {
  it("lets a wider scope serve a narrower title and never the other way", () => {
    expect(scopeServes("bo-tinh", "co-so")).toBe(true);
    expect(scopeServes("toan-quoc", "toan-quoc")).toBe(true);
    expect(scopeServes("co-so", "bo-tinh")).toBe(false);
  });
});
