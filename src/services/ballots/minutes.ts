import { thresholdInWords } from "../../domain/ballots.js";
import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";
import { formatDateTime } from "../../domain/calendar.js";
import { ballotTally, type Tally } from "./tally.js";
import { ballotSession } from "./sessions.js";
import { docxForm } from "../documents/docx-form.js";
import { formHeading, tableRow } from "../documents/official-form.js";

type Minutes = {
  title: string;
  year: number;
  agency: string;
  openedAt: Date | null;
  closedAt: Date | null;
  present: { name: string; how: string }[];
  tally: Tally;
  /** The council meeting the vote was held at, if it was set up from one. */
  meeting: { startsAt: Date; place: string } | null;
  /** The unit, for a unit's own vote in its bình xét. */
  unit: string | null;
};

async function minutesOf(db: Database, sessionId: number, agency: string): Promise<Minutes | undefined> {
  const session = await ballotSession(db, sessionId);
  const tally = await ballotTally(db, sessionId);
  if (!session || tally === "not-closed") return undefined;
  const [times] = await queryRows<{ opened_at: string | null; closed_at: string | null; starts_at: string | null; place: string | null; unit: string | null }>(
    db,
    sql`select s.opened_at::text as opened_at, s.closed_at::text as closed_at, m.starts_at::text as starts_at, m.place, u.name as unit
        from ballot_sessions s left join meetings m on m.id = s.meeting_id left join units u on u.id = s.unit_id where s.id = ${sessionId}`,
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
    meeting: times?.starts_at ? { startsAt: new Date(times.starts_at), place: times.place ?? "" } : null,
    unit: times?.unit ?? null,
  };
}

const outcome = (passed: boolean) => (passed ? "Đạt" : "Không đạt");
// A void session has no counts (tally.ts): its cells say so rather than 0.
const share = (agree: number | null, members: number) => (agree === null ? "—" : `${members ? Math.round((agree * 1000) / members) / 10 : 0}%`);
const counted = (value: number | null) => (value === null ? "—" : String(value));

/**
 * The council's minutes of a closed ballot (biên bản), as .docx in the office's way: the agency,
 * the motto, the session and its times, the members who voted (in chat or in writing), and per
 * candidate the votes for and against, the share of all members and the outcome.
 */
export async function ballotMinutesDocx(db: Database, sessionId: number, context: { agency: string; timeZone: string }): Promise<Buffer | undefined> {
  const minutes = await minutesOf(db, sessionId, context.agency);
  if (!minutes) return undefined;
  const { docx, text, cell, minutesHeading } = await docxForm();
  const { Document, Packer, Table, TableRow, WidthType } = docx;
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
            cell(counted(candidate.agree)),
            cell(counted(candidate.disagree)),
            cell(share(candidate.agree, tally.membersTotal)),
            cell(thresholdInWords(candidate.thresholdPercent)),
            cell(outcome(candidate.passed)),
          ],
        }),
    ),
  ];
  const document = new Document({
    sections: [
      {
        children: [
          ...minutesHeading(
            minutes.agency,
            `${minutes.unit ? `Họp bình xét thi đua — ${minutes.unit}` : "Họp Hội đồng Thi đua, Khen thưởng"} — ${minutes.title}`,
          ),
          ...(minutes.meeting ? [text(`Cuộc họp: ${when(minutes.meeting.startsAt)}, tại ${minutes.meeting.place}.`)] : []),
          text(`Bỏ phiếu kín xét thi đua năm ${minutes.year}: mở phiếu ${when(minutes.openedAt)}, đóng phiếu ${when(minutes.closedAt)}.`),
          text(`Tổng số thành viên${minutes.unit ? "" : " Hội đồng"}: ${tally.membersTotal}; số thành viên bỏ phiếu: ${tally.voted}.`),
          ...(tally.quorumMet
            ? []
            : [
                text(
                  `Phiên bỏ phiếu không hợp lệ: chưa đủ ${tally.quorumPercent === null ? "quá nửa" : `${tally.quorumPercent}%`} tổng số thành viên bỏ phiếu; không kiểm phiếu, không ứng viên nào đạt.`,
                  { bold: true },
                ),
              ]),
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
  const { default: ExcelJS } = await import("exceljs");
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
      counted(candidate.agree),
      counted(candidate.disagree),
      share(candidate.agree, minutes.tally.membersTotal),
      outcome(candidate.passed),
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
