import { AlignmentType, Paragraph, TableCell, TextRun } from "docx";
import { FONT } from "./official-form.js";

/** A paragraph in the office's font (13 pt unless told), left or centred. */
export const docxText = (value: string, style: { bold?: boolean; size?: number; center?: boolean } = {}) =>
  new Paragraph({
    alignment: style.center ? AlignmentType.CENTER : AlignmentType.LEFT,
    children: [new TextRun({ text: value, font: FONT.name, size: (style.size ?? 13) * 2, bold: style.bold ?? false })],
  });

/** A table cell of the minutes, in 12 pt. */
export const docxCell = (value: string, bold = false) => new TableCell({ children: [docxText(value, { bold, size: 12 })] });

/** The block every minutes opens with: the agency, the national motto, "BIÊN BẢN" and its subject. */
export const minutesHeading = (agency: string, subject: string) => [
  docxText(agency.toUpperCase() || "CƠ QUAN", { bold: true }),
  docxText("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { bold: true, center: true }),
  docxText("Độc lập - Tự do - Hạnh phúc", { bold: true, center: true }),
  docxText("BIÊN BẢN", { bold: true, size: 14, center: true }),
  docxText(subject, { bold: true, center: true }),
];
