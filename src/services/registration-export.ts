import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../db/client.js";
import { people, registrations, units } from "../db/schema/index.js";
import type { Translate } from "./outbox.js";
import { catalogueOn, localName } from "./catalogue.js";

// The consolidated list is an official Vietnamese form, so it is written in Vietnamese whatever
// the language of the person asking for it.
const LOCALE = "vi";

/**
 * The biểu đăng ký of a year as an .xlsx: individuals grouped by unit, then collectives, each
 * under a title row with the agency and the year. Approved and pending registrations only.
 */
export async function exportRegistrations(
  db: Database,
  input: { year: number; agency: string; translate: Translate },
): Promise<{ bytes: Buffer; individuals: number; collectives: number }> {
  const { default: ExcelJS } = await import("exceljs");
  const t = (key: string, args?: Record<string, string | number>) => input.translate(LOCALE, key, args);
  const catalogue = await catalogueOn(db, `${input.year}-12-31`);
  const titleName = (code: string) => {
    const title = catalogue.titles.find((entry) => entry.code === code);
    return title ? localName(title, LOCALE) : code;
  };
  const formName = (code: string | null) => {
    const form = catalogue.forms.find((entry) => entry.code === code);
    return form ? localName(form, LOCALE) : "";
  };
  const rows = await db
    .select({ registration: registrations, personName: people.fullName, position: people.position, unitName: units.name })
    .from(registrations)
    .innerJoin(units, eq(units.id, registrations.unitId))
    .leftJoin(people, eq(people.id, registrations.personId))
    .where(and(eq(registrations.year, input.year), inArray(registrations.status, ["submitted", "approved"])))
    .orderBy(asc(units.name), asc(people.fullName), asc(registrations.id));

  const workbook = new ExcelJS.Workbook();
  const individuals = workbook.addWorksheet(t("export-sheet-individuals"));
  const collectives = workbook.addWorksheet(t("export-sheet-collectives"));
  const titleRow = (sheet: typeof individuals, columns: number, heading: string) => {
    sheet.addRow([input.agency]).font = { bold: true };
    sheet.addRow([heading]).font = { bold: true, size: 14 };
    sheet.mergeCells(1, 1, 1, columns);
    sheet.mergeCells(2, 1, 2, columns);
    sheet.getRow(2).alignment = { horizontal: "center" };
    sheet.addRow([]);
  };
  const header = (sheet: typeof individuals, labels: string[], widths: number[]) => {
    const row = sheet.addRow(labels);
    row.font = { bold: true };
    row.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
    for (const [index, width] of widths.entries()) sheet.getColumn(index + 1).width = width;
  };

  const individualColumns = ["STT", "Họ và tên", "Chức vụ, đơn vị", "Danh hiệu thi đua đăng ký", "Hình thức khen thưởng đăng ký", "Tên sáng kiến", "Ghi chú"];
  titleRow(individuals, individualColumns.length, t("export-title-individuals", { year: String(input.year) }));
  header(individuals, individualColumns, [6, 28, 34, 30, 34, 40, 14]);
  let unit = "";
  let number = 0;
  const people_ = rows.filter((row) => row.registration.subject === "person");
  for (const row of people_) {
    if (row.unitName !== unit) {
      unit = row.unitName;
      const unitRow = individuals.addRow([unit]);
      unitRow.font = { bold: true, italic: true };
      individuals.mergeCells(unitRow.number, 1, unitRow.number, individualColumns.length);
    }
    individuals.addRow([
      ++number,
      row.personName ?? "",
      [row.position, row.unitName].filter(Boolean).join(", "),
      titleName(row.registration.titleCode),
      formName(row.registration.formCode),
      row.registration.initiativeTitle ?? "",
      t(`status-${row.registration.status}`),
    ]).alignment = { wrapText: true, vertical: "top" };
  }

  const collectiveColumns = ["STT", "Tên tập thể", "Danh hiệu", "Hình thức khen thưởng", "Ghi chú"];
  titleRow(collectives, collectiveColumns.length, t("export-title-collectives", { year: String(input.year) }));
  header(collectives, collectiveColumns, [6, 36, 32, 36, 14]);
  const units_ = rows.filter((row) => row.registration.subject === "unit");
  units_.forEach((row, index) => {
    collectives.addRow([
      index + 1,
      row.unitName,
      titleName(row.registration.titleCode),
      formName(row.registration.formCode),
      t(`status-${row.registration.status}`),
    ]).alignment = {
      wrapText: true,
      vertical: "top",
    };
  });
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return { bytes, individuals: people_.length, collectives: units_.length };
}
