import { describe, expect, it } from "vitest";
import { parseHolidayList } from "../../src/domain/holiday-list.js";

describe("a list of days off (domain/holiday-list.ts)", () => {
  it("reads single days and ranges in either date form, skips lines with no date, and lists each day once in order", () => {
    const list = parseHolidayList(["DANH SÁCH NGÀY NGHỈ NĂM 2026", "2026-04-27;Nghỉ bù Giỗ Tổ", "16/02/2026 - 18/02/2026: Tết Nguyên đán", "17/02/2026 Tết"]);
    expect(list.days).toEqual([
      { day: "2026-02-16", name: "Tết Nguyên đán" },
      { day: "2026-02-17", name: "Tết Nguyên đán" },
      { day: "2026-02-18", name: "Tết Nguyên đán" },
      { day: "2026-04-27", name: "Nghỉ bù Giỗ Tổ" },
    ]);
    expect(list.rejected).toEqual([]);
  });

  it("refuses, by line number, a day that does not exist, a range that runs backwards and one longer than 14 days", () => {
    const list = parseHolidayList(["31/02/2026 Sai ngày", "20/02/2026 - 16/02/2026 Ngược", "01/07/2026 - 31/07/2026 Cả tháng"]);
    expect(list.days).toEqual([]);
    expect(list.rejected.map((entry) => entry.line)).toEqual([1, 2, 3]);
  });
});
