import { foldForMatching } from "./text.js";

// The furniture of an office's roster sheet: the rows below (or between) its people that hold text
// in the name column and are nobody.

/** A total ("Tổng số: 230 người"), the signature block (titles, the signers' names) or a date line. */
export type SkippedRow = { line: number; text: string; kind: "total" | "signature" | "date" };

// "Tổng số: 230 người", "Cộng", "Tổng cộng 12": a total, not a person.
// ("Công" alone is also a surname: a total says a number or a colon after it.)
const TOTAL = /^(tong so|tong cong|tong|cong)\s*(:|\d|$)|\b\d+\s*(nguoi|can bo|cong chuc|vien chuc)\b/;
// Titles of a signature block: the compiler, the head, and "ký thay/thừa lệnh/thay mặt/quyền" marks.
const SIGNATURE_TITLE =
  /^(nguoi (lap( bieu| bang| danh sach)?|ky|duyet)|thu truong( co quan| don vi)?|(kt|tm|tl|tuq|q)\s*\.?\s+\S|giam doc|pho giam doc|chanh van phong|xac nhan( cua)?)\b/;
// "Lạng Sơn, ngày 05 tháng 01 năm 2026", "ngày … tháng … năm …".
const DATE_LINE = /ngay\s*(\d{1,2}|\.+|…)?\s*thang\s*(\d{1,2}|\.+|…)?\s*nam/;

/**
 * Whether a row with no number and no staff code is the sheet's furniture: a total, a title of the signature block (in
 * the name column, or "KT. GIÁM ĐỐC" where the position goes), a date line — and, once the block
 * has begun, the signers' names under their titles (with the director's name in the position
 * column, they looked like a second person of the compiler's name).
 */
export function furnitureKind(raw: { cells: string[] }, name: string, position: string, inFooter: boolean): SkippedRow["kind"] | undefined {
  const folded = foldForMatching(name);
  if (TOTAL.test(folded)) return "total";
  if (raw.cells.some((cell) => DATE_LINE.test(foldForMatching(cell)))) return "date";
  if (SIGNATURE_TITLE.test(folded) || /^(kt|tm|tl|tuq|q)\s*\.\s*\S/.test(foldForMatching(position))) return "signature";
  return inFooter && name !== "" ? "signature" : undefined;
}
