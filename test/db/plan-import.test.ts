import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/client.js";
import { planTasks, plans, planTaskUnits } from "../../src/db/schema/index.js";
import { cliActor } from "../../src/services/audit.js";
import { previewPlan, savePlan } from "../../src/services/plans/plans.js";
import { readPlanFile } from "../../src/services/plans/file.js";
import { DATABASE_KINDS, openTestDatabase } from "../support/databases.js";
import { makeDocx } from "../support/docx.js";
import { importRosterText } from "../support/people.js";

const ZONE = "Asia/Ho_Chi_Minh";
const FIXTURE = new URL("../fixtures/tdkt-plan-2024-thanh-tra-lang-son.md", import.meta.url).pathname;
const dir = mkdtempSync(path.join(tmpdir(), "tdkt-plan-"));
const file = (name: string, content: string | Buffer) => {
  const filePath = path.join(dir, name);
  writeFileSync(filePath, content);
  return filePath;
};
const clock = () => new Date("2024-01-10T03:00:00Z");

describe.each(DATABASE_KINDS)("importing plan documents (%s)", (kind) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await importRosterText(
      database.db,
      "unit_code,unit_name,staff_code,full_name,position,roles\nVP,Văn phòng,A,An,,head;secretariat\nNV1,Phòng Nghiệp vụ 1,B,Bình,,head\nNV2,Phòng Nghiệp vụ 2,C,Chi,,head\nTC,Phòng Tổ chức,D,Dũng,,head\n",
    );
  });
  afterAll(async () => database?.close());

  const importFile = async (filePath: string, year?: number) => {
    const preview = await previewPlan(database.db, await readPlanFile(filePath, year), ZONE);
    return { preview, saved: await savePlan(database.db, preview, { clock, actor: cliActor, source: path.basename(filePath) }) };
  };

  it("matches the fixture's units to the roster, names the bodies outside the agency, and updates in place on re-import", async () => {
    const first = await importFile(FIXTURE);
    expect(first.saved).toMatchObject({ created: 23, updated: 0, removed: 0 });
    // The cluster and the other agencies' inspectorates are outside the agency: shown, never asked about.
    expect(first.preview.unmatched).toEqual([]);
    expect(first.preview.external).toEqual(["Các cụm thi đua", "Thanh tra các sở, ban, ngành và Thanh tra các huyện, thành phố"]);
    const task4 = first.preview.tasks[3];
    expect(task4?.leadUnitIds).toHaveLength(1);
    // "Các Phòng nghiệp vụ" are the departments, not the office.
    expect(task4?.coordinatingUnitIds).toHaveLength(3);
    // The first quarter ends on Sunday 31/03/2024: its tasks fall due on Friday 29/03.
    expect(first.preview.tasks[0]?.dueAt.toISOString()).toBe("2024-03-29T16:59:59.000Z");
    const again = await importFile(FIXTURE);
    expect(again.saved).toMatchObject({ planId: first.saved.planId, created: 0, updated: 23, removed: 0 });
    expect(await database.db.select().from(plans)).toHaveLength(1);
    expect(await database.db.select().from(planTasks)).toHaveLength(23);
  });

  it("reads a Word plan with merged cells and a stated deadline", async () => {
    const docx = await makeDocx([
      "KẾ HOẠCH",
      "Tổ chức phong trào thi đua năm 2025",
      [
        ["TT", "Nội dung công việc", "Đơn vị thực hiện", "Đơn vị phối hợp", "Thời gian"],
        [{ paragraphs: ["QUÝ I"], gridSpan: 5 }],
        ["1", "Gửi đăng ký thi đua về Văn phòng trước ngày 20/02/2025", { paragraphs: ["Văn phòng"], vMerge: "restart" }, "Các phòng chuyên môn", ""],
        ["2", "Ký kết giao ước thi đua", { paragraphs: [], vMerge: "continue" }, "Phòng Tổ chức\nPhòng Nghiệp vụ 1", "Tháng 3"],
        [{ paragraphs: ["QUÝ II"], gridSpan: 5 }],
        ["1", "Sơ kết 6 tháng", "Phòng Tổ chức", "", "30/06/2025"],
      ],
    ]);
    const { preview, saved } = await importFile(file("plan.docx", docx));
    expect(saved.created).toBe(3);
    expect(preview.plan.year).toBe(2025);
    expect(preview.tasks.map((task) => [task.quarter, task.number, task.leadUnits, task.coordinatingUnits, task.deadline])).toEqual([
      [1, "1", ["Văn phòng"], ["Các phòng chuyên môn"], { year: 2025, month: 2, day: 20 }],
      // "Tháng 3" in the time column: due at the end of March.
      [1, "2", ["Văn phòng"], ["Phòng Tổ chức", "Phòng Nghiệp vụ 1"], { year: 2025, month: 3, day: 31 }],
      [2, "1", ["Phòng Tổ chức"], [], { year: 2025, month: 6, day: 30 }],
    ]);
    expect(preview.unmatched).toEqual([]);
  });

  it.each([
    ["a document with no table", "no-table.md", "KẾ HOẠCH\nCông tác năm 2024\nKhông có bảng.", "plan-no-task-table"],
    ["a table with unknown columns", "columns.md", "Kế hoạch năm 2024\n| Họ tên | Nội dung | Ghi chú |\n|---|---|---|\n| A | B | C |", "plan-unknown-columns"],
    ["an empty file", "empty.txt", "", "plan-no-year"],
    ["a 20 MB file", "huge.txt", Buffer.alloc(20 * 1024 * 1024, 0x61), "file-too-large"],
    ["a non-document", "photo.txt", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0xff, 0xd8]), "plan-not-document"],
    ["a damaged Word file", "broken.docx", Buffer.from("PK\u0003\u0004 not really a zip"), "plan-docx-invalid"],
  ])("refuses %s with a clear reason and changes nothing", async (_label, name, content, key) => {
    const before = { tasks: (await database.db.select().from(planTasks)).length, shares: (await database.db.select().from(planTaskUnits)).length };
    await expect(importFile(file(name, content))).rejects.toMatchObject({ key });
    expect({ tasks: (await database.db.select().from(planTasks)).length, shares: (await database.db.select().from(planTaskUnits)).length }).toEqual(before);
  });
});
