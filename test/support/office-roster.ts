import ExcelJS from "exceljs";

export type OfficePerson = { name: string; birth: string; position: string; unit: string };

const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"];
const MIDDLE = ["Văn", "Thị", "Minh", "Thu", "Đức", "Ngọc"];
const GIVEN = ["An", "Bình", "Chi", "Dũng", "Hà", "Hùng", "Lan", "Nam", "Quỳnh", "Sơn"];

/**
 * `count` people spread over the units in order: each unit's first is its Trưởng phòng, its
 * second a Phó trưởng phòng, the rest Chuyên viên; names are distinct and read as real ones.
 */
export function officePeople(count: number, unitNames: string[]): OfficePerson[] {
  const perUnit = Math.ceil(count / unitNames.length);
  return Array.from({ length: count }, (_, index) => {
    const inUnit = index % perUnit;
    const name = `${FAMILY[index % 8]} ${MIDDLE[Math.floor(index / 8) % 6]} ${GIVEN[Math.floor(index / 48) % 10]}`;
    return {
      name,
      birth: `${String((index % 28) + 1).padStart(2, "0")}/${String((index % 12) + 1).padStart(2, "0")}/${1970 + (index % 30)}`,
      position: inUnit === 0 ? "Trưởng phòng" : inUnit === 1 ? "Phó trưởng phòng" : "Chuyên viên",
      unit: unitNames[Math.floor(index / perUnit)] as string,
    };
  });
}

/**
 * A roster as an office keeps it in Excel: the agency's and the country's title rows, a blank row,
 * the list's title, the header `STT | Họ và tên | Ngày sinh | Chức vụ | Đơn vị` on row 6 with the
 * column numbers under it, no codes, a blank row every 50 people, and at the end the office's
 * footer: the total in the name column, the signature block («NGƯỜI LẬP BIỂU» beside «KT. GIÁM
 * ĐỐC», then the two signers' names, the director's where the position goes).
 */
export async function officeRosterXlsx(list: OfficePerson[], extraRows: (string | number)[][] = []): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("DS CBCC");
  sheet.addRow(["UBND TỈNH LẠNG SƠN", "", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]);
  sheet.addRow(["SỞ NGOẠI VỤ", "", "", "Độc lập - Tự do - Hạnh phúc"]);
  sheet.addRow([]);
  sheet.addRow(["DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC NĂM 2026"]);
  sheet.mergeCells("A4:E4");
  sheet.addRow([]);
  sheet.addRow(["STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Đơn vị"]);
  sheet.addRow(["(1)", "(2)", "(3)", "(4)", "(5)"]);
  list.forEach((person, index) => {
    sheet.addRow([index + 1, person.name, person.birth, person.position, person.unit]);
    if ((index + 1) % 50 === 0) sheet.addRow([]);
  });
  for (const row of extraRows) sheet.addRow(row);
  sheet.addRow(["", `Tổng số: ${list.length} người`]);
  sheet.addRow([]);
  sheet.addRow(["", "NGƯỜI LẬP BIỂU", "", "KT. GIÁM ĐỐC"]);
  sheet.addRow(["", "", "", "PHÓ GIÁM ĐỐC"]);
  sheet.addRow([]);
  sheet.addRow(["", "Nông Thị Thu Hà", "", "Hoàng Văn Giám"]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
