import type { Borders, Worksheet } from "exceljs";

/** The office's form (DOMAIN.md): Times New Roman, bordered tables, landscape, fit to the page width. */
export const FONT = { name: "Times New Roman", size: 12 } as const;
const THIN = { style: "thin" } as const;
export const BORDERS: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Roman numerals for the unit groups (I, II, III…), as the office numbers them. */
export function roman(value: number): string {
  const numerals: [number, string][] = [
    [1000, "M"],
    [900, "CM"],
    [500, "D"],
    [400, "CD"],
    [100, "C"],
    [90, "XC"],
    [50, "L"],
    [40, "XL"],
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
  ];
  let rest = value;
  let text = "";
  for (const [amount, numeral] of numerals) {
    while (rest >= amount) {
      text += numeral;
      rest -= amount;
    }
  }
  return text;
}

/**
 * The page and the block above the table: the agency on the left, the national motto on the
 * right, the date line under it, then the form's title. Returns the number of the header row,
 * which every printed page repeats.
 */
export function formHeading(sheet: Worksheet, input: { columns: number; agency: string; title: string; dateLine: string; widths: number[] }): number {
  sheet.pageSetup = { ...sheet.pageSetup, orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  for (const [index, width] of input.widths.entries()) sheet.getColumn(index + 1).width = width;
  const split = Math.min(3, input.columns - 1);
  const place = (row: number, from: number, to: number, text: string, font: Record<string, unknown>) => {
    sheet.mergeCells(row, from, row, to);
    const cell = sheet.getCell(row, from);
    cell.value = text;
    cell.font = { ...FONT, ...font };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  };
  place(1, 1, split, input.agency.toUpperCase(), { bold: true });
  place(1, split + 1, input.columns, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { bold: true });
  place(2, split + 1, input.columns, "Độc lập - Tự do - Hạnh phúc", { bold: true, underline: true });
  place(3, split + 1, input.columns, input.dateLine, { italic: true });
  place(5, 1, input.columns, input.title, { bold: true, size: 14 });
  return 7;
}

/** A table row with the form's font and borders on every cell. */
export function tableRow(sheet: Worksheet, number: number, values: (string | number)[], style: { bold?: boolean; italic?: boolean } = {}) {
  const row = sheet.getRow(number);
  values.forEach((value, index) => {
    const cell = row.getCell(index + 1);
    cell.value = value;
    cell.font = { ...FONT, ...style };
    cell.border = BORDERS;
    cell.alignment = { wrapText: true, vertical: "top", horizontal: index === 0 ? "center" : "left" };
  });
  return row;
}

/** The signatures under the table: who drew up the list, and the head of the agency. */
export function signatures(sheet: Worksheet, fromRow: number, columns: number) {
  const split = Math.min(3, columns - 1);
  const place = (row: number, from: number, to: number, text: string, font: Record<string, unknown>) => {
    sheet.mergeCells(row, from, row, to);
    const cell = sheet.getCell(row, from);
    cell.value = text;
    cell.font = { ...FONT, ...font };
    cell.alignment = { horizontal: "center" };
  };
  place(fromRow, 1, split, "NGƯỜI LẬP BIỂU", { bold: true });
  place(fromRow, split + 1, columns, "THỦ TRƯỞNG CƠ QUAN", { bold: true });
  place(fromRow + 1, 1, split, "(Ký, ghi rõ họ tên)", { italic: true });
  place(fromRow + 1, split + 1, columns, "(Ký tên, đóng dấu)", { italic: true });
}
