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

  it("takes no total, signature block or date line for a person, and says which rows it skipped", () => {
    const parsed = parseRoster(
      rows(
        ["STT", "Họ và tên", "Chức vụ", "Đơn vị"],
        ["1", "Công Tằng Tôn Nữ Mai", "Chuyên viên", "Văn phòng"],
        ["", "Cộng: 1 người", "", ""],
        ["2", "Lê Văn Hai", "Chánh Thanh tra", "Thanh tra"],
        ["", "Tổng số: 2 người", "", ""],
        ["", "", "", "Lạng Sơn, ngày 05 tháng 01 năm 2026"],
        ["", "NGƯỜI LẬP BIỂU", "", "KT. GIÁM ĐỐC"],
        ["", "", "", "PHÓ GIÁM ĐỐC"],
        ["", "Nông Thị Thu Hà", "", "Hoàng Văn Giám"],
      ),
      { deputyRole: "head" },
    );
    // A surname "Công" is a person; a subtotal between sections does not end the list.
    expect(parsed.rows.map((row) => row.fullName)).toEqual(["Công Tằng Tôn Nữ Mai", "Lê Văn Hai"]);
    expect(parsed.notes.skipped).toEqual([
      { line: 3, text: "Cộng: 1 người", kind: "total" },
      { line: 5, text: "Tổng số: 2 người", kind: "total" },
      { line: 7, text: "NGƯỜI LẬP BIỂU", kind: "signature" },
      { line: 9, text: "Nông Thị Thu Hà", kind: "signature" },
    ]);
    expect(parsed.rejected).toEqual([]);
    // A row with a staff code is a person, whatever its name reads like.
    const coded = parseRoster(rows(["Mã cán bộ", "Họ và tên", "Đơn vị"], ["L1", "Giám Đốc Sở", "Ban Giám đốc"]), { deputyRole: "head" });
    expect(coded.rows.map((row) => row.fullName)).toEqual(["Giám Đốc Sở"]);
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
