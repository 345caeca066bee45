import { formatDateTime } from "../../domain/calendar.js";
import type { UnitReview } from "./unit-reviews.js";
import { docxForm } from "../documents/docx-form.js";

/**
 * The unit's bình xét minutes (biên bản họp bình xét), as .docx: the unit, the year, who chaired,
 * each registration with the title, the outcome (proposed to the council or not) and the meeting's
 * note — the vote count where the members voted in chat.
 */
export async function reviewMinutesDocx(
  review: UnitReview,
  context: { agency: string; chair: string; titleName: (code: string) => string; at: Date; timeZone: string },
): Promise<Buffer> {
  const { docx, text: docxText, cell: docxCell, minutesHeading } = await docxForm();
  const { Document, Packer, Table, TableRow, WidthType } = docx;
  const proposed = review.items.filter((item) => item.proposed).length;
  const rows = [
    new TableRow({
      tableHeader: true,
      children: ["STT", "Họ và tên", "Danh hiệu đăng ký", "Kết quả bình xét", "Ghi chú"].map((header) => docxCell(header, true)),
    }),
    ...review.items.map(
      (item, index) =>
        new TableRow({
          children: [
            docxCell(String(index + 1)),
            docxCell(item.name),
            docxCell(context.titleName(item.titleCode)),
            docxCell(item.proposed === null ? "Chưa xét" : item.proposed ? "Đề nghị" : "Không đề nghị"),
            docxCell(item.note ?? ""),
          ],
        }),
    ),
  ];
  const document = new Document({
    sections: [
      {
        children: [
          ...minutesHeading(context.agency, `Họp bình xét thi đua năm ${review.year} — ${review.unitName}`),
          docxText(`Thời gian lập biên bản: ${formatDateTime(context.at, context.timeZone)}. Chủ trì: ${context.chair}.`),
          docxText(`Số đăng ký được bình xét: ${review.items.length}; đề nghị Hội đồng Thi đua, Khen thưởng: ${proposed}.`),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }),
          docxText("THƯ KÝ                                                        CHỦ TRÌ", { bold: true }),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(document));
}
