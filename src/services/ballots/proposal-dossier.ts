import { sql } from "drizzle-orm";
import { arrayLiteral, type Database, queryRows } from "../../db/client.js";
import { formatDate, localDay } from "../../domain/calendar.js";
import { docxForm } from "../documents/docx-form.js";
import { formHeading, tableRow } from "../documents/official-form.js";
import { catalogueOn, titleName } from "../rules/catalogue.js";
import { ballotMinutesDocx } from "./minutes.js";
import { ballotSession } from "./sessions.js";
import { ballotTally } from "./tally.js";

type Proposal = {
  position: number;
  subject: "person" | "unit";
  name: string;
  role: string;
  unit: string;
  title_code: string;
  initiative_title: string | null;
  initiative_scope: string | null;
  person_id: number | null;
};

export type DossierFile = { name: string; bytes: Buffer };
/** A proposal's dossier: its files, and what each candidate's part still lacks. */
export type ProposalDossier = { files: DossierFile[]; missing: { name: string; what: string }[] };

/**
 * The dossier of a session's proposals upward (Law 06/2022 Art. 84(1)): the agency's tờ trình, the
 * council's minutes, the list, and for each candidate a báo cáo thành tích prefilled with what the
 * bot knows (name, post, unit, the title proposed, the initiative cited, the titles already on
 * record) for the candidate to complete and their head to confirm; with what is still missing.
 */
export async function proposalDossier(
  db: Database,
  sessionId: number,
  context: { agency: string; timeZone: string; now: Date },
): Promise<ProposalDossier | undefined> {
  const tally = await ballotTally(db, sessionId);
  if (tally === "not-closed") return undefined;
  const proposals = await queryRows<Proposal>(
    db,
    sql`select c.position, r.subject, coalesce(p.full_name, u.name) as name, coalesce(p.position, '') as role, u.name as unit, r.title_code,
          r.initiative_title, i.scope as initiative_scope, r.person_id::int as person_id
        from ballot_candidates c join registrations r on r.id = c.registration_id join units u on u.id = r.unit_id
        left join people p on p.id = r.person_id
        left join initiatives i on i.id = r.initiative_id and i.status = 'recognised'
        where c.session_id = ${sessionId}
          and exists (select 1 from registration_events e where e.registration_id = r.id and e.action = 'proposed-up')
        order by c.position`,
  );
  if (proposals.length === 0) return { files: [], missing: [] };
  const day = formatDate(context.now, context.timeZone);
  const catalogue = await catalogueOn(db, localDay(context.now, context.timeZone));
  const year = (await ballotSession(db, sessionId))?.year ?? 0;
  const { docx, text, documentHeading } = await docxForm();
  const { Document, Packer } = docx;
  const pack = async (children: unknown[]) => Buffer.from(await Packer.toBuffer(new Document({ sections: [{ children: children as never[] }] })));
  const titleOf = (code: string) => titleName(catalogue, code);
  const authorities = [...new Set(proposals.map((proposal) => catalogue.titles.find((title) => title.code === proposal.title_code)?.awardedBy ?? ""))];
  const byTitle = [...new Set(proposals.map((proposal) => proposal.title_code))];

  const submission = await pack([
    ...documentHeading(context.agency, "TỜ TRÌNH", `Về việc đề nghị khen thưởng năm ${year}`),
    text(`Kính gửi: ${authorities.join("; ")}`, { bold: true }),
    text("Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 và Nghị định số 152/2025/NĐ-CP;"),
    text(
      `Căn cứ kết quả bỏ phiếu kín của Hội đồng Thi đua, Khen thưởng (phiên số ${sessionId}: ${tally.voted}/${tally.membersTotal} thành viên bỏ phiếu; biên bản kèm theo),`,
    ),
    text(`${context.agency || "Cơ quan"} kính đề nghị xét tặng:`),
    ...byTitle.map((code) => {
      const names = proposals.filter((proposal) => proposal.title_code === code).map((proposal) => proposal.name);
      return text(`- ${titleOf(code)}: ${names.length} (${names.join(", ")}).`);
    }),
    text("Hồ sơ kèm theo: biên bản họp Hội đồng, danh sách đề nghị, báo cáo thành tích của từng trường hợp, quyết định công nhận sáng kiến (nếu có)."),
    text(`Ngày ${day}`),
    text("THỦ TRƯỞNG CƠ QUAN", { bold: true }),
  ]);

  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Danh sách đề nghị");
  const headers = ["STT", "Họ và tên / Tập thể", "Chức vụ, đơn vị", "Danh hiệu đề nghị", "Tỷ lệ đồng ý", "Sáng kiến / đề tài"];
  const headerRow = formHeading(sheet, {
    columns: headers.length,
    agency: context.agency,
    title: `DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM ${year}`,
    dateLine: day,
    widths: [6, 30, 36, 36, 12, 40],
  });
  tableRow(sheet, headerRow, headers, { bold: true });
  for (const [index, proposal] of proposals.entries()) {
    const result = tally.candidates.find((candidate) => candidate.position === proposal.position);
    const share = result?.agree === null || result === undefined ? "—" : `${result.agree}/${tally.membersTotal}`;
    tableRow(sheet, headerRow + 1 + index, [
      index + 1,
      proposal.name,
      proposal.subject === "unit" ? proposal.unit : [proposal.role, proposal.unit].filter(Boolean).join(", "),
      titleOf(proposal.title_code),
      share,
      proposal.initiative_title
        ? `${proposal.initiative_title}${proposal.initiative_scope ? ` (công nhận: ${proposal.initiative_scope})` : " (chưa được công nhận)"}`
        : "—",
    ]);
  }
  const list = Buffer.from(await workbook.xlsx.writeBuffer());

  const files: DossierFile[] = [
    { name: `to-trinh-de-nghi-khen-thuong-${year}.docx`, bytes: submission },
    { name: `danh-sach-de-nghi-${year}.xlsx`, bytes: list },
  ];
  const minutes = await ballotMinutesDocx(db, sessionId, context);
  if (minutes) files.push({ name: `bien-ban-hoi-dong-phien-${sessionId}.docx`, bytes: minutes });
  const missing: ProposalDossier["missing"] = [];
  // Every candidate's titles on record, in one query.
  const personIds = proposals.flatMap((proposal) => (proposal.person_id === null ? [] : [proposal.person_id]));
  const records = personIds.length
    ? await queryRows<{ person_id: number; year: number; title_code: string; decision_number: string }>(
        db,
        sql`select person_id::int as person_id, year, title_code, decision_number from title_awards
            where person_id = any(${arrayLiteral(personIds)}::bigint[]) and year < ${year} order by year, title_code`,
      )
    : [];
  for (const [index, proposal] of proposals.entries()) {
    const history = records.filter((award) => award.person_id === proposal.person_id);
    const report = await pack([
      ...documentHeading(
        proposal.subject === "unit" ? proposal.unit : context.agency,
        "BÁO CÁO THÀNH TÍCH",
        `Đề nghị tặng ${titleOf(proposal.title_code)} năm ${year}`,
      ),
      text(
        "(Bản nháp do bot lập từ dữ liệu đã có, theo mẫu báo cáo thành tích của Nghị định 152/2025/NĐ-CP: người đề nghị bổ sung phần II, ký; thủ trưởng đơn vị xác nhận.)",
      ),
      text("I. SƠ LƯỢC", { bold: true }),
      text(proposal.subject === "unit" ? `Tên tập thể: ${proposal.unit}` : `Họ và tên: ${proposal.name}`),
      ...(proposal.subject === "person" ? [text(`Chức vụ: ${proposal.role || "…"}`), text(`Đơn vị công tác: ${proposal.unit}`)] : []),
      text("II. THÀNH TÍCH ĐẠT ĐƯỢC", { bold: true }),
      text("1. Kết quả thực hiện nhiệm vụ được giao: …"),
      text(
        `2. Sáng kiến, đề tài: ${proposal.initiative_title ? `${proposal.initiative_title}${proposal.initiative_scope ? ` (đã được công nhận, phạm vi ${proposal.initiative_scope})` : " (chưa có quyết định công nhận)"}` : "…"}`,
      ),
      text("III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC GHI NHẬN", { bold: true }),
      ...(history.length > 0
        ? history.map((award) =>
            text(`- Năm ${award.year}: ${titleOf(award.title_code)}${award.decision_number ? ` (Quyết định ${award.decision_number})` : ""}`),
          )
        : [text("- (chưa có trong hồ sơ của bot)")]),
      text("XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ                              NGƯỜI BÁO CÁO", { bold: true }),
    ]);
    files.push({ name: `bao-cao-thanh-tich-${index + 1}.docx`, bytes: report });
    missing.push({ name: proposal.name, what: "report" });
    if (proposal.initiative_title && !proposal.initiative_scope) missing.push({ name: proposal.name, what: "initiative" });
  }
  return { files, missing };
}
