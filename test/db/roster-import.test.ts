import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { asc } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/client.js";
import { auditLog, people, units } from "../../src/db/schema/index.js";
import { cliActor } from "../../src/services/audit.js";
import { importRoster } from "../../src/services/roster/import.js";
import { readRosterFile } from "../../src/services/roster/file.js";
import { DATABASE_KINDS, openTestDatabase } from "../support/databases.js";

const clock = () => new Date("2026-01-05T02:00:00Z");
const dir = mkdtempSync(path.join(tmpdir(), "tdkt-roster-"));
const file = (name: string, content: string | Buffer) => {
  const filePath = path.join(dir, name);
  writeFileSync(filePath, content);
  return filePath;
};

describe.each(DATABASE_KINDS)("roster import (%s)", (kind) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => database?.close());

  const importFile = async (filePath: string) => importRoster(database.db, await readRosterFile(filePath), { clock, actor: cliActor, source: filePath });

  it("imports Vietnamese headers with a BOM, NFC-normalises names and rejects bad rows with their line", async () => {
    const decomposed = "Nguyễn Văn An".normalize("NFD");
    const csv =
      "\uFEFFMã đơn vị;Tên đơn vị;Mã cán bộ;Họ và tên;Chức vụ;Vai trò\n" +
      `VP;Văn phòng;cb01;${decomposed};Chánh Văn phòng;trưởng phòng; thường trực\n`.replace("trưởng phòng; thường trực", "head,secretariat") +
      "VP;Văn phòng;CB02;;Chuyên viên;staff\n" +
      "NV;Phòng Nghiệp vụ;CB01;Trùng Mã;Chuyên viên;staff\n" +
      "NV;Phòng Nghiệp vụ;CB03;Lê Thị C;Chuyên viên;thợ lặn\n" +
      "NV;Phòng Nghiệp vụ;CB04;Lê Thị D;;\n";
    const result = await importFile(file("vi.csv", csv));
    expect(result).toMatchObject({ created: 2, updated: 0, unchanged: 0, unitsCreated: 2 });
    expect(result.rejected).toEqual([
      { line: 3, key: "roster-missing-full-name", args: {} },
      { line: 4, key: "roster-duplicate-staff-code", args: { code: "CB01", line: "2" } },
      { line: 5, key: "roster-unknown-role", args: { role: "thợ lặn" } },
    ]);
    const stored = await database.db.select().from(people).orderBy(asc(people.staffCode));
    expect(stored.map((person) => [person.staffCode, person.fullName, person.roles])).toEqual([
      ["CB01", "Nguyễn Văn An".normalize("NFC"), ["head", "secretariat"]],
      ["CB04", "Lê Thị D", ["staff"]],
    ]);
  });

  it("updates in place on re-import and reports what changed", async () => {
    const csv =
      "unit_code,unit_name,staff_code,full_name,position,roles\n" +
      "VP,Văn phòng,CB01,Nguyễn Văn An,Chánh Văn phòng,head;secretariat\n" +
      "NV,Phòng Nghiệp vụ 1,CB04,Lê Thị D,Chuyên viên chính,staff\n" +
      "NV,Phòng Nghiệp vụ 1,CB05,Mới Vào,Chuyên viên,staff\n";
    const result = await importFile(file("again.csv", csv));
    expect(result).toMatchObject({ created: 1, updated: 1, unchanged: 1, unitsCreated: 0, rejected: [] });
    expect((await database.db.select().from(units)).find((unit) => unit.code === "NV")?.name).toBe("Phòng Nghiệp vụ 1");
    expect(await database.db.select().from(people)).toHaveLength(3);
    const audits = await database.db.select().from(auditLog);
    expect(audits.filter((entry) => entry.action === "roster.import")).toHaveLength(2);
  });

  it("reads .xlsx rosters", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Danh sách");
    sheet.addRow(["Mã đơn vị", "Tên đơn vị", "Mã cán bộ", "Họ và tên", "Chức vụ", "Vai trò"]);
    sheet.addRow(["TTR", "Thanh tra", "X01", "Hà Minh Đức", "Thanh tra viên", "council"]);
    const filePath = path.join(dir, "roster.xlsx");
    await workbook.xlsx.writeFile(filePath);
    const result = await importFile(filePath);
    expect(result).toMatchObject({ created: 1, rejected: [] });
  });

  it("imports 10,000 rows in one go", async () => {
    const lines = ["unit_code,unit_name,staff_code,full_name,position,roles"];
    for (let i = 0; i < 10_000; i++) lines.push(`U${i % 50},Đơn vị ${i % 50},BIG${i},Cán bộ số ${i},Chuyên viên,staff`);
    const result = await importFile(file("big.csv", lines.join("\n")));
    expect(result).toMatchObject({ created: 10_000, rejected: [] });
  });

  it.each([
    ["an empty file", "empty.csv", "", "roster-empty"],
    ["wrong columns", "columns.csv", "name,email\nA,a@b\n", "roster-missing-columns"],
    ["a header and nothing else", "header.csv", "unit_code,unit_name,staff_code,full_name\n", "roster-no-rows"],
    ["binary bytes", "binary.csv", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe, 0x00]), "roster-not-utf8"],
    ["a 10 MB file", "huge.csv", Buffer.alloc(10 * 1024 * 1024, 0x41), "file-too-large"],
    ["a damaged workbook", "broken.xlsx", "this is not a zip", "roster-xlsx-invalid"],
    ["an unknown format", "roster.pdf", "%PDF-1.4", "roster-unsupported-format"],
  ])("refuses %s with a clear reason and writes nothing", async (_label, name, content, key) => {
    const before = await database.db.select().from(people);
    await expect(importFile(file(name, content))).rejects.toMatchObject({ key });
    expect(await database.db.select().from(people)).toHaveLength(before.length);
  });
});
