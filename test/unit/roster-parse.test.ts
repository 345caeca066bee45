import { describe, expect, it } from "vitest";
import { roleForPosition } from "../../src/domain/positions.js";
import { parseRoster } from "../../src/domain/roster.js";

const rows = (...cells: string[][]) => cells.map((row, index) => ({ line: index + 1, cells: row }));

describe("an office roster", () => {
  it("takes the unit from heading rows when there is no unit column", () => {
    const parsed = parseRoster(
      rows(
        ["DANH SÁCH CÔNG CHỨC"],
        ["TT", "Họ và tên", "Chức vụ"],
        ["I", "Văn phòng Sở", ""],
        ["1", "Lê Văn Một", "Chánh Văn phòng"],
        ["2", "Lê Thị Hai", "Văn thư"],
        ["II. Phòng Kinh tế", "II. Phòng Kinh tế", "II. Phòng Kinh tế"],
        ["3", "Lê Văn Ba", "Phó Trưởng phòng"],
      ),
      { deputyRole: "head" },
    );
    expect(parsed.headerLine).toBe(2);
    expect(parsed.rows.map((row) => [row.fullName, row.unitName, row.unitCode, row.roles])).toEqual([
      ["Lê Văn Một", "Văn phòng Sở", "VAN-PHONG-SO", ["head"]],
      ["Lê Thị Hai", "Văn phòng Sở", "VAN-PHONG-SO", ["staff"]],
      ["Lê Văn Ba", "Phòng Kinh tế", "PHONG-KINH-TE", ["head"]],
    ]);
    expect(parsed.rejected).toEqual([]);
  });

  it("tells namesakes without birth dates apart by unit and says so", () => {
    const parsed = parseRoster(rows(["Họ và tên", "Đơn vị"], ["Nguyễn Văn An", "Phòng A"], ["Nguyễn Văn An", "Phòng B"], ["Nguyễn Văn An", "Phòng B"]), {
      deputyRole: "staff",
    });
    expect(parsed.rows).toHaveLength(2);
    expect(parsed.rows[0]?.staffCode).not.toBe(parsed.rows[1]?.staffCode);
    expect(parsed.notes.sameNames).toEqual(["Nguyễn Văn An"]);
    expect(parsed.rejected).toEqual([{ line: 4, key: "roster-duplicate-person", args: { code: parsed.rows[1]?.staffCode, line: "3" } }]);
  });

  it("gives the same code to the same name and birth date however the date is written", () => {
    const first = parseRoster(rows(["Họ và tên", "Ngày sinh", "Đơn vị"], ["Hà Văn Nam", "05/03/1980", "Phòng A"]), { deputyRole: "staff" });
    const second = parseRoster(rows(["Họ và tên", "Ngày sinh", "Đơn vị"], ["Hà Văn Nam", "1980-03-05", "Phòng B"]), { deputyRole: "staff" });
    expect(first.rows[0]?.staffCode).toMatch(/^CB-[A-Z2-9]{8}$/);
    expect(second.rows[0]?.staffCode).toBe(first.rows[0]?.staffCode);
  });
});

describe("positions", () => {
  it.each([
    ["Giám đốc Sở", "leader"],
    ["Phó Giám đốc", "leader"],
    ["Giám đốc Trung tâm Dịch vụ đối ngoại", "head"],
    ["Chánh Thanh tra", "head"],
    ["Trưởng phòng, kiêm Chánh Văn phòng", "head"],
    ["Phó trưởng phòng", "staff"],
    ["Chuyên viên chính", "staff"],
    ["Kế toán trưởng", "staff"],
    ["Nghệ nhân", undefined],
  ])("%s is %s", (position, role) => {
    expect(roleForPosition(position, "staff")).toBe(role);
  });
});
