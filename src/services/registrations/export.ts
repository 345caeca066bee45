import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { people, registrations, units } from "../../db/schema/index.js";
import { catalogueOn, localName } from "../rules/catalogue.js";
import type { Translate } from "../outbox.js";
import { formHeading, roman, signatures, tableRow } from "../documents/official-form.js";
import { registrationsWithPeople } from "./with-people.js";

// The consolidated list is an official Vietnamese form, so it is written in Vietnamese whatever
// the language of the person asking for it.
const LOCALE = "vi";

/**
 * The biểu đăng ký of a year as the office's .xlsx form (DOMAIN.md): the motto block, the agency,
 * the date line, bordered tables in Times New Roman, landscape and fit to width with the header
 * row on every page, units in the roster's order (I, II, III…), totals and the signature blocks.
 * Approved registrations only, unless `withPending` (then each row says its status); `unitId`
 * limits it to one unit (a head's own list).
 */
export async function exportRegistrations(
  db: Database,
  input: { year: number; agency: string; translate: Translate; now: Date; timeZone: string; withPending?: boolean; unitId?: number },
): Promise<{ bytes: Buffer; individuals: number; collectives: number }> {
  const { default: ExcelJS } = await import("exceljs");
  const t = (key: string, args?: Record<string, string | number>) => input.translate(LOCALE, key, args);
  const catalogue = await catalogueOn(db, `${input.year}-12-31`);
  const nameOf = (entries: { code: string; nameVi: string; nameEn: string }[], code: string | null) => {
    const entry = entries.find((candidate) => candidate.code === code);
    return entry ? localName(entry, LOCALE) : (code ?? "");
  };
  const statuses = input.withPending ? (["submitted", "approved"] as const) : (["approved"] as const);
  const rows = await registrationsWithPeople(db)
    .where(
      and(
        eq(registrations.year, input.year),
        inArray(registrations.status, [...statuses]),
        input.unitId === undefined ? undefined : eq(registrations.unitId, input.unitId),
      ),
    )
    // The roster's order of units (the order they were created in), then people by name.
    .orderBy(asc(units.id), asc(people.fullName), asc(registrations.id));
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: input.timeZone, day: "2-digit", month: "2-digit", year: "numeric" }).formatToParts(input.now);
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? "";
  const dateLine = `…, ngày ${part("day")} tháng ${part("month")} năm ${part("year")}`;
  const note = (status: string) => (input.withPending ? t(`status-${status}`) : "");

  const workbook = new ExcelJS.Workbook();
  const individuals = workbook.addWorksheet(t("export-sheet-individuals"));
  const individualColumns = ["STT", "Họ và tên", "Chức vụ, đơn vị", "Danh hiệu thi đua đăng ký", "Hình thức khen thưởng đăng ký", "Tên sáng kiến", "Ghi chú"];
  let at = formHeading(individuals, {
    columns: individualColumns.length,
    agency: input.agency,
    title: t("export-title-individuals", { year: String(input.year) }),
    dateLine,
    widths: [6, 26, 32, 30, 32, 36, 14],
  });
  individuals.pageSetup.printTitlesRow = `${at}:${at}`;
  tableRow(individuals, at, individualColumns, { bold: true });
  const persons = rows.filter((row) => row.registration.subject === "person");
  let unit = "";
  let group = 0;
  let number = 0;
  const perTitle = new Map<string, number>();
  for (const row of persons) {
    if (row.unitName !== unit) {
      unit = row.unitName;
      tableRow(individuals, ++at, [roman(++group), row.unitName, "", "", "", "", ""], { bold: true });
    }
    const title = nameOf(catalogue.titles, row.registration.titleCode);
    perTitle.set(title, (perTitle.get(title) ?? 0) + 1);
    tableRow(individuals, ++at, [
      ++number,
      row.personName ?? "",
      [row.position, row.unitName].filter(Boolean).join(", "),
      title,
      row.registration.formCode ? nameOf(catalogue.forms, row.registration.formCode) : "",
      row.registration.initiativeTitle ?? "",
      note(row.registration.status),
    ]);
  }
  const byTitle = [...perTitle].map(([title, count]) => `${title}: ${count}`).join("; ");
  tableRow(individuals, ++at, ["", t("export-total-individuals", { count: persons.length }), byTitle, "", "", "", ""], { bold: true });
  signatures(individuals, at + 2, individualColumns.length);

  const collectives = workbook.addWorksheet(t("export-sheet-collectives"));
  const collectiveColumns = ["STT", "Tên tập thể", "Danh hiệu", "Hình thức khen thưởng", "Ghi chú"];
  at = formHeading(collectives, {
    columns: collectiveColumns.length,
    agency: input.agency,
    title: t("export-title-collectives", { year: String(input.year) }),
    dateLine,
    widths: [6, 36, 34, 36, 14],
  });
  collectives.pageSetup.printTitlesRow = `${at}:${at}`;
  tableRow(collectives, at, collectiveColumns, { bold: true });
  const teams = rows.filter((row) => row.registration.subject === "unit");
  teams.forEach((row, index) => {
    tableRow(collectives, ++at, [
      index + 1,
      row.unitName,
      nameOf(catalogue.titles, row.registration.titleCode),
      row.registration.formCode ? nameOf(catalogue.forms, row.registration.formCode) : "",
      note(row.registration.status),
    ]);
  });
  tableRow(collectives, ++at, ["", t("export-total-collectives", { count: teams.length }), "", "", ""], { bold: true });
  signatures(collectives, at + 2, collectiveColumns.length);
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return { bytes, individuals: persons.length, collectives: teams.length };
}
