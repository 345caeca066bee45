import { FONT } from "./official-form.js";

/**
 * The minutes' building blocks in the office's font, over the docx library loaded when a
 * document is asked for (file format libraries are not loaded at start-up).
 */
export async function docxForm() {
  const docx = await import("docx");
  const { AlignmentType, Paragraph, TableCell, TextRun } = docx;
  /** A paragraph in the office's font (13 pt unless told), left or centred. */
  const text = (value: string, style: { bold?: boolean; size?: number; center?: boolean } = {}) =>
    new Paragraph({
      alignment: style.center ? AlignmentType.CENTER : AlignmentType.LEFT,
      children: [new TextRun({ text: value, font: FONT.name, size: (style.size ?? 13) * 2, bold: style.bold ?? false })],
    });
  /** A table cell of the minutes, in 12 pt. */
  const cell = (value: string, bold = false) => new TableCell({ children: [text(value, { bold, size: 12 })] });
  /** The block an official document opens with: the agency, the national motto, its kind ("BIÊN BẢN", "TỜ TRÌNH") and its subject. */
  const documentHeading = (agency: string, kind: string, subject: string) => [
    text(agency.toUpperCase() || "CƠ QUAN", { bold: true }),
    text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { bold: true, center: true }),
    text("Độc lập - Tự do - Hạnh phúc", { bold: true, center: true }),
    text(kind, { bold: true, size: 14, center: true }),
    text(subject, { bold: true, center: true }),
  ];
  const minutesHeading = (agency: string, subject: string) => documentHeading(agency, "BIÊN BẢN", subject);
  return { docx, text, cell, minutesHeading, documentHeading };
}
