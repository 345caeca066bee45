import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/client.js";
import type { ParsedPlan } from "../../src/domain/plan-reader/plan.js";
import { cliActor } from "../../src/services/audit.js";
import { previewPlan, savePlan } from "../../src/services/plans/plans.js";
import { sweepReminders } from "../../src/services/reminders/index.js";
import { linkAccount } from "../support/chat-world.js";
import { DATABASE_KINDS, openTestDatabase } from "../support/databases.js";
import { importRosterText } from "../support/people.js";

const ZONE = "Asia/Ho_Chi_Minh";
// A plan of 2026 whose report is due Sunday 15/03 and whose other duty is due Thursday 30/04, a
// holiday (with 01/05 after it); the first quarter ends on Tuesday 31/03, a working day.
const plan: ParsedPlan = {
  year: 2026,
  title: "Kế hoạch 2026",
  tasks: [
    {
      quarter: 1,
      number: "1",
      content: "Báo cáo sơ kết phong trào thi đua quý I",
      leadUnits: ["Phòng Nghiệp vụ"],
      coordinatingUnits: [],
      deadline: { year: 2026, month: 3, day: 15 },
      deadlineFrom: "time",
      quarterFrom: "table",
      unitsFrom: "table",
    },
    {
      quarter: 2,
      number: "1",
      content: "Tổ chức hội nghị điển hình tiên tiến",
      leadUnits: ["Phòng Nghiệp vụ"],
      coordinatingUnits: [],
      deadline: { year: 2026, month: 4, day: 30 },
      deadlineFrom: "time",
      quarterFrom: "table",
      unitsFrom: "table",
    },
    {
      quarter: 1,
      number: "2",
      content: "Rà soát danh sách đăng ký",
      leadUnits: ["Phòng Nghiệp vụ"],
      coordinatingUnits: [],
      deadline: null,
      deadlineFrom: null,
      quarterFrom: "table",
      unitsFrom: "table",
    },
  ],
  warnings: [],
  meetings: [],
  registrationDeadline: null,
  campaign: null,
};

describe.each(DATABASE_KINDS)("deadlines on a day off (%s)", (kind) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await importRosterText(database.db, "unit_code,unit_name,staff_code,full_name,position,roles\nNV,Phòng Nghiệp vụ,H,Trưởng Phòng,,head\n");
    await linkAccount(database.db, "telegram", "H", "5001");
  });
  afterAll(async () => database?.close());

  it("falls due the working day before, with its reminders, and is not late before then", async () => {
    const preview = await previewPlan(database.db, plan, ZONE);
    // Sunday 15/03 → Friday 13/03; holiday Thursday 30/04 → Wednesday 29/04; Tuesday 31/03 stays.
    expect(preview.tasks.map((task) => [task.dueAt.toISOString(), task.movedFrom])).toEqual([
      ["2026-03-13T16:59:59.000Z", "2026-03-15"],
      ["2026-04-29T16:59:59.000Z", "2026-04-30"],
      ["2026-03-31T16:59:59.000Z", null],
    ]);
    await savePlan(database.db, preview, { clock: () => new Date("2026-03-02T02:00:00Z"), actor: cliActor, source: "test" });
    const translate = (_locale: string, key: string, args?: Record<string, string | number>) => `${key} ${JSON.stringify(args ?? {})}`;
    const sweepAt = (iso: string) => sweepReminders(database.db, { now: new Date(iso), translate, dryRun: true });
    // Thursday 12/03, 09:00: the day before the new due date, the head's ping names the report.
    const thursday = await sweepAt("2026-03-12T02:00:00Z");
    expect(thursday.some((message) => message.chatId === "5001" && message.payload.text.includes("Báo cáo sơ kết phong trào thi đua quý I"))).toBe(true);
    // Friday 13/03, 09:00: due today, not overdue.
    const friday = await sweepAt("2026-03-13T02:00:00Z");
    expect(friday.some((message) => message.payload.text.includes("reminder-overdue"))).toBe(false);
    // Monday 16/03: overdue since Friday evening, and the list says so.
    const monday = await sweepAt("2026-03-16T02:00:00Z");
    expect(monday.some((message) => message.chatId === "5001" && message.payload.text.includes("reminder-overdue-digest"))).toBe(true);
  });
});
