import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import ExcelJS from "exceljs";
import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";
import { formatDateTime } from "../../domain/calendar.js";
import { ballotSession, ballotTally, type Tally } from "../ballots.js";
import { FONT, formHeading, tableRow } from "./official-form.js";

type Minutes = {
  title: string;
  year: number;
  agency: string;
  openedAt: Date | null;
  closedAt: Date | null;
  present: { name: string; how: string }[];
  tally: Tally;
};

async function minutesOf(db: Database, sessionId: number, agency: string): Promise<Minutes | undefined> {
  const session = await ballotSession(db, sessionId);
  const tally = await ballotTally(db, sessionId);
  if (!session || tally === "not-closed") return undefined;
  const [times] = await queryRows<{ opened_at: string | null; closed_at: string | null }>(
    db,
    sql`select opened_at::text as opened_at, closed_at::text as closed_at from ballot_sessions where id = ${sessionId}`,
  );
  // Who took part, as minutes list those present: never what anyone voted.
  const present = await queryRows<{ name: string; how: string }>(
    db,
    sql`select p.full_name as name, v.how from ballot_voters v join people p on p.id = v.person_id where v.session_id = ${sessionId} order by p.full_name`,
  );
  return {
    title: session.title,
    year: session.year,
    agency,
    openedAt: times?.opened_at ? new Date(times.opened_at) : null,
    closedAt: times?.closed_at ? new Date(times.closed_at) : null,
    present,
    tally,
  };
}

const outcome = (passed: boolean) => (passed ? "Đạt" : "Không đạt");
const share = (agree: number, members: number) => `${members ? Math.round((agree * 1000) / members) / 10 : 0}%`;

/**
 * The council's minutes of a closed ballot (biên bản), as .docx in the office's way: the agency,
 * the motto, the session and its times, the members who voted (in chat or in writing), and per
 * candidate the votes for and against, the share of all members and the outcome.
 */
export async function ballotMinutesDocx(db: Database, sessionId: number, context: { agency: string; timeZone: string }): Promise<Buffer | undefined> {
  const minutes = await minutesOf(db, sessionId, context.agency);
  if (!minutes) return undefined;
  const text = (value: string, style: { bold?: boolean; size?: number; center?: boolean } = {}) =>
    new Paragraph({
      alignment: style.center ? AlignmentType.CENTER : AlignmentType.LEFT,
      children: [new TextRun({ text: value, font: FONT.name, size: (style.size ?? 13) * 2, bold: style.bold ?? false })],
    });
  const cell = (value: string, bold = false) => new TableCell({ children: [text(value, { bold, size: 12 })] });
  const when = (at: Date | null) => (at ? formatDateTime(at, context.timeZone) : "—");
  const { tally } = minutes;
  const rows = [
    new TableRow({
      tableHeader: true,
      children: ["STT", "Ứng viên — danh hiệu", "Đồng ý", "Không đồng ý", "Tỷ lệ đồng ý", "Cần", "Kết quả"].map((header) => cell(header, true)),
    }),
    ...tally.candidates.map(
      (candidate) =>
        new TableRow({
          children: [
            cell(String(candidate.position)),
            cell(candidate.label),
            cell(String(candidate.agree)),
            cell(String(candidate.disagree)),
            cell(share(candidate.agree, tally.membersTotal)),
            cell(`${candidate.thresholdPercent}%`),
            cell(outcome(candidate.passed)),
          ],
        }),
    ),
  ];
  const document = new Document({
    sections: [
      {
        children: [
          text(minutes.agency.toUpperCase() || "CƠ QUAN", { bold: true }),
          text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { bold: true, center: true }),
          text("Độc lập - Tự do - Hạnh phúc", { bold: true, center: true }),
          text("BIÊN BẢN", { bold: true, size: 14, center: true }),
          text(`Họp Hội đồng Thi đua, Khen thưởng — ${minutes.title}`, { bold: true, center: true }),
          text(`Bỏ phiếu kín xét thi đua năm ${minutes.year}: mở phiếu ${when(minutes.openedAt)}, đóng phiếu ${when(minutes.closedAt)}.`),
          text(`Tổng số thành viên Hội đồng: ${tally.membersTotal}; số thành viên bỏ phiếu: ${tally.voted}.`),
          text("Thành viên đã bỏ phiếu:", { bold: true }),
          ...minutes.present.map((member, index) => text(`${index + 1}. ${member.name}${member.how === "written" ? " (phiếu bằng văn bản)" : ""}`)),
          text("Kết quả bỏ phiếu:", { bold: true }),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }),
          text(`Số ứng viên đạt: ${tally.candidates.filter((candidate) => candidate.passed).length}/${tally.candidates.length}.`),
          text("THƯ KÝ HỘI ĐỒNG                                        CHỦ TỊCH HỘI ĐỒNG", { bold: true }),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(document));
}

/** The list of those passing and not, as .xlsx in the office's form, with each one's votes. */
export async function ballotResultsXlsx(db: Database, sessionId: number, context: { agency: string; timeZone: string }): Promise<Buffer | undefined> {
  const minutes = await minutesOf(db, sessionId, context.agency);
  if (!minutes) return undefined;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Kết quả");
  const headers = ["STT", "Ứng viên — danh hiệu", "Đồng ý", "Không đồng ý", "Tỷ lệ đồng ý", "Kết quả"];
  const headerRow = formHeading(sheet, {
    columns: headers.length,
    agency: minutes.agency,
    title: `KẾT QUẢ BỎ PHIẾU KÍN XÉT THI ĐUA NĂM ${minutes.year} (${minutes.tally.voted}/${minutes.tally.membersTotal} thành viên bỏ phiếu)`,
    dateLine: minutes.closedAt ? formatDateTime(minutes.closedAt, context.timeZone) : "",
    widths: [6, 50, 10, 12, 12, 12],
  });
  tableRow(sheet, headerRow, headers, { bold: true });
  for (const [index, candidate] of minutes.tally.candidates.entries()) {
    tableRow(sheet, headerRow + 1 + index, [
      candidate.position,
      candidate.label,
      candidate.agree,
      candidate.disagree,
      share(candidate.agree, minutes.tally.membersTotal),
      outcome(candidate.passed),
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
