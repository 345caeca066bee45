import ExcelJS from "exceljs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/client.js";
import { people, registrations } from "../../src/db/schema/index.js";
import { cliActor } from "../../src/services/audit.js";
import { launchCampaign } from "../../src/services/campaigns/campaigns.js";
import { exportRegistrations } from "../../src/services/registrations/export.js";
import { DATABASE_KINDS, openTestDatabase } from "../support/databases.js";
import { importRosterText } from "../support/people.js";

// Units in the agency's own order, which is not alphabetical: Văn phòng first, Thanh tra last.
const ROSTER = `unit_code,unit_name,staff_code,full_name,position,roles
VP,Văn phòng Sở,V1,Vũ Văn Phòng,Chánh Văn phòng,head
KH,Phòng Kế hoạch,K1,Khổng Kế Hoạch,Chuyên viên,staff
TT,Thanh tra Sở,T1,Trần Thanh Tra,Thanh tra viên,staff
TT,Thanh tra Sở,T2,An Thanh Tra,Thanh tra viên,staff
`;

describe.each(DATABASE_KINDS)("the biểu đăng ký in the office's form (%s)", (kind) => {
  let database: DatabaseHandle;
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await importRosterText(database.db, ROSTER);
    const now = new Date("2025-02-03T09:00:00+07:00");
    const campaign = await launchCampaign(
      database.db,
      { year: 2025, title: "Phong trào 2025", deadlineAt: new Date("2025-01-30T23:59:59+07:00") },
      { clock: () => now, actor: cliActor },
    );
    const staff = await database.db.select().from(people);
    const id = (code: string) => staff.find((person) => person.staffCode === code)?.id as number;
    const unitOf = (code: string) => staff.find((person) => person.staffCode === code)?.unitId as number;
    const row = (code: string, titleCode: string, status: "approved" | "submitted", subject: "person" | "unit" = "person") => ({
      year: 2025,
      campaignId: campaign.id,
      subject,
      personId: subject === "person" ? id(code) : null,
      unitId: unitOf(code),
      titleCode,
      formCode: titleCode === "CSTDCS" ? "GIAY_KHEN" : null,
      basis: titleCode === "CSTDCS" ? ("initiative" as const) : null,
      initiativeTitle: titleCode === "CSTDCS" ? "Số hoá hồ sơ" : null,
      level: "co-so" as const,
      status,
      registeredByPersonId: id(code),
      createdAt: now,
      updatedAt: now,
    });
    await database.db
      .insert(registrations)
      .values([
        row("T1", "LDTT", "approved"),
        row("T2", "CSTDCS", "approved"),
        row("K1", "LDTT", "submitted"),
        row("V1", "LDTT", "approved"),
        row("V1", "TTLDTT", "approved", "unit"),
      ]);
    const exported = await exportRegistrations(database.db, {
      year: 2025,
      agency: "Sở Nội vụ tỉnh Bắc Ninh",
      translate: (_locale, key, args) => `${key}${args ? `:${JSON.stringify(args)}` : ""}`.replace(/^export-title-individuals.*/, "BIỂU CÁ NHÂN"),
      now,
      timeZone: "Asia/Ho_Chi_Minh",
    });
    expect(exported).toMatchObject({ individuals: 3, collectives: 1 });
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.bytes as unknown as ArrayBuffer);
    expect(await database.db.select().from(registrations).where(eq(registrations.status, "submitted"))).toHaveLength(1);
  });
  afterAll(() => database?.close());

  const sheet = () => workbook.worksheets[0] as ExcelJS.Worksheet;
  const text = (row: number, column: number) => sheet().getRow(row).getCell(column).text;

  it("opens with the agency, the national motto and the date line, then the title", () => {
    expect(text(1, 1)).toBe("SỞ NỘI VỤ TỈNH BẮC NINH");
    expect(text(1, 4)).toBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text(2, 4)).toBe("Độc lập - Tự do - Hạnh phúc");
    expect(text(3, 4)).toBe("…, ngày 03 tháng 02 năm 2025");
    expect(text(5, 1)).toBe("BIỂU CÁ NHÂN");
  });

  it("lists approved registrations only, units in the roster's order with Roman numerals, then the totals", () => {
    const rows = [7, 8, 9, 10, 11, 12, 13].map((row) => [1, 2, 3, 4].map((column) => text(row, column)));
    expect(rows).toEqual([
      ["STT", "Họ và tên", "Chức vụ, đơn vị", "Danh hiệu thi đua đăng ký"],
      ["I", "Văn phòng Sở", "", ""],
      ["1", "Vũ Văn Phòng", "Chánh Văn phòng, Văn phòng Sở", "Lao động tiên tiến"],
      ["II", "Thanh tra Sở", "", ""],
      ["2", "An Thanh Tra", "Thanh tra viên, Thanh tra Sở", "Chiến sĩ thi đua cơ sở"],
      ["3", "Trần Thanh Tra", "Thanh tra viên, Thanh tra Sở", "Lao động tiên tiến"],
      ["", 'export-total-individuals:{"count":3}', "Lao động tiên tiến: 2; Chiến sĩ thi đua cơ sở: 1", ""],
    ]);
    // The pending registration of Phòng Kế hoạch is not on the list.
    expect(sheet().getColumn(2).values).not.toContain("Khổng Kế Hoạch");
  });

  it("borders every table cell and sets Times New Roman, landscape fit to width, the header row on every page", () => {
    for (let row = 7; row <= 13; row++) {
      for (let column = 1; column <= 7; column++) {
        const cell = sheet().getRow(row).getCell(column);
        expect({ row, column, border: cell.border, font: cell.font?.name }).toEqual({
          row,
          column,
          border: { top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" } },
          font: "Times New Roman",
        });
      }
    }
    expect(sheet().pageSetup).toMatchObject({ orientation: "landscape", fitToPage: true, fitToWidth: 1, printTitlesRow: "7:7" });
  });

  it("ends with the signature blocks, and lists the collectives on their own sheet", () => {
    expect([text(15, 1), text(15, 4), text(16, 1), text(16, 4)]).toEqual(["NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG CƠ QUAN", "(Ký, ghi rõ họ tên)", "(Ký tên, đóng dấu)"]);
    const collectives = workbook.worksheets[1] as ExcelJS.Worksheet;
    expect([1, 2, 3].map((column) => collectives.getRow(8).getCell(column).text)).toEqual(["1", "Văn phòng Sở", "Tập thể lao động tiên tiến"]);
  });
});
