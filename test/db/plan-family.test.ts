import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/client.js";
import { localDay } from "../../src/domain/calendar.js";
import { parseInspectionPlan } from "../../src/domain/plan-reader/inspection-plan.js";
import { parsePlanBytes } from "../../src/services/plans/file.js";
import { type PlanPreview, previewPlan } from "../../src/services/plans/plans.js";
import { DATABASE_KINDS, openTestDatabase } from "../support/databases.js";
import { makeDocx } from "../support/docx.js";
import { importRosterText } from "../support/people.js";

// Plans in shapes the four fixtures do not have, written the way offices write them (issue 38).
// Every expected duty, unit and day below is read off the document by hand; days that fall on a
// weekend are due the Friday before (2026: 31/01, 28/02, 31/05, 15/03, 15/11, 20/12 are weekends).
const ZONE = "Asia/Ho_Chi_Minh";
const shape = (name: string) => readFileSync(new URL(`../fixtures/shapes/${name}`, import.meta.url));
const ROSTER = `unit_code,unit_name,staff_code,full_name,position,roles
VP,Văn phòng Sở,VP1,Văn Phòng,Chánh Văn phòng,head;secretariat
TCCB,Phòng Tổ chức cán bộ,TC1,Tổ Chức,Trưởng phòng,head
TDKT,Phòng Thi đua - Khen thưởng,TD1,Thi Đua,Trưởng phòng,head
KHTC,Phòng Kế hoạch - Tài chính,KH1,Kế Hoạch,Trưởng phòng,head
TTS,Thanh tra Sở,TT1,Thanh Tra,Chánh Thanh tra,head
CD,Công đoàn cơ sở,CD1,Công Đoàn,Chủ tịch,head
`;
const DEPARTMENTS = ["Phòng Kế hoạch - Tài chính", "Phòng Thi đua - Khen thưởng", "Phòng Tổ chức cán bộ"];
const EVERY_UNIT = ["Công đoàn cơ sở", "Phòng Kế hoạch - Tài chính", "Phòng Thi đua - Khen thưởng", "Phòng Tổ chức cán bộ", "Thanh tra Sở", "Văn phòng Sở"];

/** A duty as the clerk reads it in the preview: quarter, number, words, due day, units, what was guessed. */
function duties(preview: PlanPreview) {
  const name = new Map(preview.units.map((unit) => [unit.id, unit.name]));
  const names = (ids: number[]) => ids.map((id) => name.get(id) ?? "?").sort();
  return preview.tasks.map((task) => ({
    q: task.quarter,
    n: task.number,
    what: task.content,
    due: localDay(task.dueAt, ZONE),
    lead: names(task.leadUnitIds),
    with: names(task.coordinatingUnitIds),
    outside: task.external,
    guessed: task.guessed,
  }));
}

const duty = (q: number, n: string, what: string, due: string, lead: string[], more: { with?: string[]; outside?: string[]; guessed?: string[] } = {}) => ({
  q,
  n,
  what,
  due,
  lead,
  with: more.with ?? [],
  outside: more.outside ?? [],
  guessed: more.guessed ?? [],
});

describe.each(DATABASE_KINDS)("plans of shapes the fixtures do not have (%s)", (kind) => {
  let database: DatabaseHandle;
  const read = async (name: string, bytes: Buffer) => {
    const plan = await parsePlanBytes(bytes, name);
    return { plan, preview: await previewPlan(database.db, plan, ZONE) };
  };
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await importRosterText(database.db, ROSTER);
  });
  afterAll(async () => database?.close());

  it("reads quarters as columns: a duty per quarter it marks, due at that quarter's end", async () => {
    const { preview } = await read("quarter-columns.md", shape("quarter-columns.md"));
    expect(duties(preview)).toEqual([
      duty(1, "1", "Phát động phong trào thi đua năm 2026", "2026-03-31", ["Văn phòng Sở"], { with: DEPARTMENTS }),
      duty(1, "2", "Đăng ký danh hiệu thi đua", "2026-03-31", ["Phòng Thi đua - Khen thưởng"]),
      duty(1, "5", "Báo cáo định kỳ công tác thi đua", "2026-03-31", ["Phòng Thi đua - Khen thưởng"]),
      duty(2, "3", "Kiểm tra công tác thi đua tại các đơn vị", "2026-06-30", ["Thanh tra Sở"], { with: ["Phòng Thi đua - Khen thưởng"] }),
      duty(2, "4", "Sơ kết 6 tháng", "2026-06-30", ["Văn phòng Sở"]),
      duty(2, "5", "Báo cáo định kỳ công tác thi đua", "2026-06-30", ["Phòng Thi đua - Khen thưởng"]),
      duty(3, "3", "Kiểm tra công tác thi đua tại các đơn vị", "2026-09-30", ["Thanh tra Sở"], { with: ["Phòng Thi đua - Khen thưởng"] }),
      duty(3, "5", "Báo cáo định kỳ công tác thi đua", "2026-09-30", ["Phòng Thi đua - Khen thưởng"]),
      duty(4, "5", "Báo cáo định kỳ công tác thi đua", "2026-12-31", ["Phòng Thi đua - Khen thưởng"]),
      // The cluster's member agencies are outside the Sở: never a unit of it.
      duty(4, "6", "Tổng kết, bình xét khen thưởng năm 2026", "2026-12-31", ["Phòng Thi đua - Khen thưởng"], { outside: ["Các đơn vị thành viên"] }),
    ]);
  });

  it("reads month columns under a merged 'Thời gian thực hiện (tháng)': due at the end of each month marked", async () => {
    const { preview } = await read("month-columns.md", shape("month-columns.md"));
    expect(duties(preview)).toEqual([
      duty(1, "1", "Xây dựng kế hoạch thi đua năm 2026", "2026-01-30", ["Văn phòng Sở"]),
      duty(1, "3", "Báo cáo kết quả thi đua theo quý", "2026-03-31", ["Văn phòng Sở"]),
      duty(2, "3", "Báo cáo kết quả thi đua theo quý", "2026-06-30", ["Văn phòng Sở"]),
      // A body's name with a dash stays whole.
      duty(3, "2", "Họp Hội đồng Thi đua - Khen thưởng xét khen thưởng 6 tháng", "2026-07-31", ["Phòng Thi đua - Khen thưởng"]),
      duty(3, "3", "Báo cáo kết quả thi đua theo quý", "2026-09-30", ["Văn phòng Sở"]),
      duty(4, "3", "Báo cáo kết quả thi đua theo quý", "2026-12-31", ["Văn phòng Sở"]),
    ]);
  });

  it("reads a plan in prose: numbered duties with their owners and times, meetings by month, the registration deadline", async () => {
    const { plan, preview } = await read("prose-plan.md", shape("prose-plan.md"));
    expect(duties(preview)).toEqual([
      duty(
        1,
        "1",
        "Phát động phong trào thi đua năm 2026: Văn phòng Sở chủ trì, phối hợp với Công đoàn cơ sở tổ chức trong tháng 02/2026.",
        "2026-02-27",
        ["Văn phòng Sở"],
        { with: ["Công đoàn cơ sở"] },
      ),
      // "các phòng, đơn vị" is every unit.
      duty(1, "2", "Đăng ký danh hiệu thi đua: các phòng, đơn vị gửi đăng ký về Phòng Thi đua - Khen thưởng trước ngày 15/3/2026.", "2026-03-13", EVERY_UNIT),
      duty(1, "3", "Báo cáo kết quả công tác thi đua, khen thưởng hàng quý: Phòng Thi đua - Khen thưởng thực hiện.", "2026-03-31", [
        "Phòng Thi đua - Khen thưởng",
      ]),
      // Nobody is named: the Văn phòng (the secretariat's unit) tracks it, marked as a guess.
      duty(1, "4", "Tổ chức ký kết giao ước thi đua với các đơn vị thành viên trong Cụm thi đua trong tháng 3/2026.", "2026-03-31", ["Văn phòng Sở"], {
        guessed: ["units"],
      }),
      duty(2, "1", "Báo cáo kết quả công tác thi đua, khen thưởng hàng quý: Phòng Thi đua - Khen thưởng thực hiện.", "2026-06-30", [
        "Phòng Thi đua - Khen thưởng",
      ]),
      duty(3, "1", "Sơ kết công tác thi đua 6 tháng đầu năm: Phòng Tổ chức cán bộ chủ trì; thời gian: tháng 7/2026.", "2026-07-31", ["Phòng Tổ chức cán bộ"]),
      duty(
        3,
        "2",
        "Kiểm tra công tác thi đua, khen thưởng tại các đơn vị thuộc Sở trong Quý III; giao Thanh tra Sở chủ trì, phối hợp với Phòng Thi đua - Khen thưởng.",
        "2026-09-30",
        ["Thanh tra Sở"],
        { with: ["Phòng Thi đua - Khen thưởng"] },
      ),
      duty(3, "3", "Báo cáo kết quả công tác thi đua, khen thưởng hàng quý: Phòng Thi đua - Khen thưởng thực hiện.", "2026-09-30", [
        "Phòng Thi đua - Khen thưởng",
      ]),
      duty(4, "1", "Báo cáo kết quả công tác thi đua, khen thưởng hàng quý: Phòng Thi đua - Khen thưởng thực hiện.", "2026-12-31", [
        "Phòng Thi đua - Khen thưởng",
      ]),
      duty(4, "2", "Tổng kết công tác thi đua, khen thưởng năm 2026, hoàn thành trước ngày 20 tháng 12 năm 2026; Văn phòng Sở chủ trì.", "2026-12-18", [
        "Văn phòng Sở",
      ]),
    ]);
    expect(plan.meetings).toEqual([
      { year: 2026, month: 7, title: "Họp Hội đồng Thi đua - Khen thưởng Sở" },
      { year: 2026, month: 12, title: "Họp Hội đồng Thi đua - Khen thưởng Sở" },
    ]);
    expect(plan.registrationDeadline).toEqual({ year: 2026, month: 3, day: 15 });
  });

  it("reads a campaign-launch plan: the campaign and its window in words, and only the duties it gives the agencies", async () => {
    const { plan, preview } = await read("launch-plan.md", shape("launch-plan.md"));
    expect(plan.campaign).toEqual({
      title: 'Phát động phong trào thi đua "Chuyển đổi số trong cơ quan hành chính" năm 2026',
      year: 2026,
      from: { year: 2025, month: 11, day: 20 },
      to: { year: 2026, month: 11, day: 30 },
    });
    expect(plan.registrationDeadline).toEqual({ year: 2026, month: 3, day: 31 });
    // Under "Các sở, ban, ngành…": the agency's own, tracked by its office until the clerk says who.
    // The Sở Nội vụ's duties and the newspaper's are not this agency's.
    const office = ["Văn phòng Sở"];
    expect(duties(preview)).toEqual([
      duty(1, "1", "Xây dựng kế hoạch triển khai phong trào thi đua tại cơ quan, đơn vị, hoàn thành trước ngày 31 tháng 12 năm 2025.", "2025-12-31", office, {
        guessed: ["units"],
      }),
      duty(
        1,
        "2",
        "Tổ chức cho cán bộ, công chức đăng ký thi đua, gửi bản đăng ký về Sở Nội vụ (qua Ban Thi đua - Khen thưởng) trước ngày 31 tháng 3 năm 2026.",
        "2026-03-31",
        office,
        { guessed: ["units"] },
      ),
      duty(2, "1", "Báo cáo sơ kết 6 tháng trước ngày 15 tháng 6 năm 2026", "2026-06-15", office, { guessed: ["units"] }),
      // No time stated: due when the campaign ends, 30/11/2026, and marked as guessed.
      duty(4, "1", "Tuyên truyền sâu rộng về phong trào thi đua trên các phương tiện thông tin của cơ quan.", "2026-11-30", office, {
        guessed: ["due", "units"],
      }),
      duty(4, "2", "Báo cáo tổng kết trước ngày 15 tháng 11 năm 2026.", "2026-11-13", office, { guessed: ["units"] }),
    ]);
  });

  it("reads a launch plan exported with wrapped lines and emphasis, a heading without a colon, two deadlines in one sentence", async () => {
    const { plan, preview } = await read("launch-plan-wrapped.md", shape("launch-plan-wrapped.md"));
    expect(plan.campaign).toMatchObject({ year: 2026, from: { year: 2025, month: 11, day: 25 }, to: { year: 2026, month: 11, day: 15 } });
    expect(plan.registrationDeadline).toEqual({ year: 2026, month: 1, day: 15 });
    const office = ["Văn phòng Sở"];
    // The period after a closing bracket is dropped, as for every duty that ends in one.
    const both = "Báo cáo sơ kết (trước ngày 10/6/2026) và tổng kết phong trào (trước ngày 10/11/2026)";
    expect(duties(preview)).toEqual([
      // "…gửi về Sở Nội vụ" / "*trước ngày 31/12/2025* để theo dõi." is one sentence over two lines.
      duty(
        1,
        "1",
        "Căn cứ Kế hoạch này xây dựng kế hoạch triển khai tại cơ quan, đơn vị, gửi về Sở Nội vụ trước ngày 31/12/2025 để theo dõi.",
        "2025-12-31",
        office,
        {
          guessed: ["units"],
        },
      ),
      duty(
        1,
        "2",
        "Tổ chức cho tập thể, cá nhân đăng ký thi đua, gửi về Sở Nội vụ (qua Ban Thi đua - Khen thưởng) trước ngày 15/01/2026.",
        "2026-01-15",
        office,
        {
          guessed: ["units"],
        },
      ),
      duty(2, "1", both, "2026-06-10", office, { guessed: ["units"] }),
      duty(4, "1", both, "2026-11-10", office, { guessed: ["units"] }),
    ]);
  });

  it("reads a launch plan whose window is in months and whose registration duty is in its own section", async () => {
    const { plan, preview } = await read("launch-plan-months.md", shape("launch-plan-months.md"));
    // "Từ tháng 11/2025 đến tháng 11/2026": from the 1st of November to the 30th of the next November.
    expect(plan.campaign).toMatchObject({ year: 2026, from: { year: 2025, month: 11, day: 1 }, to: { year: 2026, month: 11, day: 30 } });
    expect(plan.registrationDeadline).toEqual({ year: 2026, month: 3, day: 31 });
    const office = ["Văn phòng Sở"];
    const reports = "Định kỳ 6 tháng (trước ngày 15/6/2026) và năm (trước ngày 15/11/2026) báo cáo kết quả về Sở Nội vụ.";
    // The Sở Nội vụ's duty and the Front's ("Đề nghị Ủy ban Mặt trận…") are not this agency's.
    expect(duties(preview)).toEqual([
      duty(
        1,
        "1",
        "Đăng ký thi đua: Các sở, ban, ngành tỉnh, UBND các huyện, thành phố gửi bản đăng ký thi đua về UBND tỉnh (qua Sở Nội vụ) trước ngày 31/3/2026 để tổng hợp, thẩm định.",
        "2026-03-31",
        office,
        { guessed: ["units"] },
      ),
      // Due in December 2025, before the plan's year: its first quarter.
      duty(1, "2", "Xây dựng kế hoạch hưởng ứng phong trào thi đua, hoàn thành trong tháng 12/2025.", "2025-12-31", office, { guessed: ["units"] }),
      duty(2, "1", reports, "2026-06-15", office, { guessed: ["units"] }),
      duty(4, "1", reports, "2026-11-13", office, { guessed: ["units"] }),
    ]);
  });

  it("reads a council plan worded as offices write it: meetings every six months in June and December, a duty every quarter", async () => {
    const { plan, preview } = await read("council-plan.md", shape("council-plan.md"));
    expect(plan.meetings.map((meeting) => [meeting.year, meeting.month])).toEqual([
      [2026, 6],
      [2026, 12],
    ]);
    const quarterly = "Thường trực Hội đồng (Văn phòng Sở) tổng hợp, đôn đốc việc thực hiện các phong trào thi đua, tổ chức hàng quý.";
    expect(duties(preview)).toEqual([
      duty(1, "1", quarterly, "2026-03-31", ["Văn phòng Sở"]),
      duty(2, "1", quarterly, "2026-06-30", ["Văn phòng Sở"]),
      duty(3, "1", quarterly, "2026-09-30", ["Văn phòng Sở"]),
      duty(4, "1", quarterly, "2026-12-31", ["Văn phòng Sở"]),
      duty(4, "2", "Thẩm định hồ sơ đề nghị khen thưởng năm 2026, hoàn thành trước ngày 10/12/2026; Phòng Thi đua - Khen thưởng chủ trì.", "2026-12-10", [
        "Phòng Thi đua - Khen thưởng",
      ]),
    ]);
  });

  it("reads a table continued across a page: the header repeated, a row cut in two whose time is on the next page", async () => {
    const { preview } = await read("split-table.md", shape("split-table.md"));
    expect(duties(preview)).toEqual([
      // "Văn phòng Sở chủ trì; Các phòng chuyên môn" in one column: the office leads, the departments help.
      duty(1, "1", "Ban hành kế hoạch thi đua năm 2026", "2026-01-30", ["Văn phòng Sở"], { with: DEPARTMENTS }),
      duty(1, "2", "Tổ chức Hội nghị cán bộ, công chức và phát động thi đua", "2026-02-27", ["Văn phòng Sở"]),
      duty(2, "3", "Hướng dẫn xây dựng, đăng ký sáng kiến và\nđề tài khoa học cấp cơ sở năm 2026", "2026-05-29", ["Phòng Tổ chức cán bộ"]),
      duty(4, "4", "Họp Hội đồng Thi đua - Khen thưởng xét sáng kiến", "2026-11-30", ["Phòng Thi đua - Khen thưởng"]),
    ]);
  });

  it("reads a tab-separated plan whose time column is 'Thời gian thực hiện', in the times offices write", async () => {
    const { preview } = await read("tab-separated-plan.txt", shape("tab-separated-plan.txt"));
    const others = EVERY_UNIT.filter((unit) => unit !== "Văn phòng Sở");
    expect(duties(preview)).toEqual([
      duty(1, "1", "Xây dựng Kế hoạch công tác thi đua, khen thưởng năm 2025", "2025-01-31", ["Văn phòng Sở"], { with: others }),
      // "Quý I/2025": the quarter's end; the cell "Văn phòng Sở chủ trì / Phòng Tổ chức cán bộ": one leads, one helps.
      duty(1, "2", "Tổ chức ký kết giao ước thi đua Cụm thi đua", "2025-03-31", ["Văn phòng Sở"], {
        with: ["Phòng Tổ chức cán bộ"],
        outside: ["Các đơn vị thành viên"],
      }),
      // "6 tháng đầu năm": the first half, due 30/06.
      duty(2, "4", "Sơ kết công tác thi đua 6 tháng", "2025-06-30", ["Văn phòng Sở"], { with: others }),
      duty(3, "3", "Họp Hội đồng Thi đua - Khen thưởng xét khen thưởng 6 tháng đầu năm", "2025-07-31", ["Văn phòng Sở"]),
      // "Tháng 11-12/2025": the two months, due at the end of the second.
      duty(4, "5", "Tổng kết công tác thi đua năm 2025", "2025-12-31", ["Văn phòng Sở"]),
      // "Thường xuyên" (all year) names no quarter: the last, marked as a guess.
      duty(4, "6", "Tuyên truyền, nhân rộng điển hình tiên tiến", "2025-12-31", EVERY_UNIT, { guessed: ["quarter"] }),
    ]);
  });

  it("reads a Word table whose cells hold bullets: each bullet a duty, a '(chủ trì)' unit leading the others", async () => {
    const docx = await makeDocx([
      "KẾ HOẠCH",
      "Tổ chức các hoạt động thi đua năm 2026",
      [
        ["STT", "Nội dung", "Đơn vị thực hiện", "Thời gian"],
        [
          "1",
          "Tổ chức các hoạt động:\n- Hội thi tìm hiểu Luật Thi đua, khen thưởng\n- Tọa đàm về công tác thi đua - khen thưởng",
          "Văn phòng Sở (chủ trì)\nPhòng Tổ chức cán bộ\nCông đoàn cơ sở",
          "Quý II",
        ],
        ["2", "Họp Hội đồng Thi đua - Khen thưởng xét sáng kiến năm 2026", "• Phòng Thi đua - Khen thưởng\n• Các đơn vị thành viên Cụm thi đua", "Tháng 9"],
      ],
    ]);
    const { preview } = await read("hoat-dong-2026.docx", docx);
    const helping = { with: ["Công đoàn cơ sở", "Phòng Tổ chức cán bộ"] };
    expect(duties(preview)).toEqual([
      duty(2, "1.1", "Tổ chức các hoạt động: Hội thi tìm hiểu Luật Thi đua, khen thưởng", "2026-06-30", ["Văn phòng Sở"], helping),
      duty(2, "1.2", "Tổ chức các hoạt động: Tọa đàm về công tác thi đua - khen thưởng", "2026-06-30", ["Văn phòng Sở"], helping),
      duty(3, "2", "Họp Hội đồng Thi đua - Khen thưởng xét sáng kiến năm 2026", "2026-09-30", ["Phòng Thi đua - Khen thưởng"], {
        outside: ["Các đơn vị thành viên Cụm thi đua"],
      }),
    ]);
  });

  it("reads an inspection plan with its units in a table, a window of months and a notice in working days", () => {
    expect(parseInspectionPlan(shape("inspection-table.md").toString("utf8"))).toEqual({
      year: 2026,
      title: "Kiểm tra công tác thi đua, khen thưởng năm 2026",
      windowFirstMonth: 5,
      windowLastMonth: 8,
      noticeDays: 7,
      noticeWorkingDays: true,
      // "trước ngày kiểm tra 05 ngày": five calendar days.
      reportDays: 5,
      reportWorkingDays: false,
      defaulted: [],
      // "Khối các phòng nghiệp vụ" only groups the rows under it.
      units: ["Phòng Tổ chức cán bộ", "Phòng Kế hoạch - Tài chính", "Thanh tra Sở"],
    });
  });

  it("reads the inspected units from a sentence when there is no list", () => {
    const text = [
      "KẾ HOẠCH",
      "Kiểm tra công tác thi đua, khen thưởng năm 2026",
      "Thời gian kiểm tra: Quý III năm 2026.",
      "Đơn vị được kiểm tra gồm: Phòng Tổ chức cán bộ, Thanh tra Sở và Công đoàn cơ sở.",
      "Đơn vị gửi báo cáo chậm nhất 03 ngày làm việc trước ngày kiểm tra.",
    ].join("\n");
    expect(parseInspectionPlan(text)).toMatchObject({
      windowFirstMonth: 7,
      windowLastMonth: 9,
      noticeDays: 5,
      reportDays: 3,
      reportWorkingDays: true,
      defaulted: ["notice"],
      units: ["Phòng Tổ chức cán bộ", "Thanh tra Sở", "Công đoàn cơ sở"],
    });
  });
});
