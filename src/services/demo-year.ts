import type { Database } from "../db/client.js";
import { addLocalDays, atLocal, type LocalDay, localDay, nextWorkingDay, quarterOfDay } from "../domain/calendar.js";
import type { ParsedPlan } from "../domain/plan-reader/plan.js";
import { launchCampaign } from "./campaigns/campaigns.js";
import type { ServiceContext } from "./context.js";
import { createInspection } from "./inspections/inspections.js";
import { scheduleVisit } from "./inspections/visits.js";
import { scheduleMeeting } from "./meetings.js";
import { previewPlan, savePlan } from "./plans/plans.js";
import { loadHolidays } from "./rules/holidays.js";

/**
 * The demo agency's year, around the day it is seeded, so that every role's main command shows
 * something in the console try-out: this quarter's plan tasks (one of them the office's, due in two
 * weeks), an open campaign, a council meeting and an inspection visit, each on a working day.
 */
export async function seedDemoYear(db: Database, context: ServiceContext): Promise<void> {
  const now = context.clock();
  const today = localDay(now, context.timeZone);
  const year = Number(today.slice(0, 4));
  const holidays = await loadHolidays(db, now);
  const workingDayAfter = (days: number): LocalDay => nextWorkingDay(addLocalDays(today, days), holidays);
  const date = (day: LocalDay) => ({ year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)), day: Number(day.slice(8, 10)) });
  const quarter = quarterOfDay(today);

  const plan: ParsedPlan = {
    year,
    title: `Kế hoạch công tác thi đua, khen thưởng năm ${year}`,
    tasks: [
      ["Tổng hợp đăng ký danh hiệu thi đua của các đơn vị", ["Văn phòng Sở"], ["Các phòng chuyên môn"], workingDayAfter(14)],
      ["Kiểm tra công tác thi đua, khen thưởng tại các đơn vị", ["Thanh tra Sở"], ["Văn phòng Sở"], null],
      ["Báo cáo kết quả phong trào thi đua của đơn vị", ["Phòng Nghiệp vụ"], [], null],
    ].map(([content, leadUnits, coordinatingUnits, due], index) => ({
      quarter,
      number: String(index + 1),
      content: content as string,
      leadUnits: leadUnits as string[],
      coordinatingUnits: coordinatingUnits as string[],
      deadline: due ? date(due as LocalDay) : null,
      deadlineFrom: due ? "time" : null,
      quarterFrom: "table",
      unitsFrom: "table",
    })),
    warnings: [],
    meetings: [],
    registrationDeadline: null,
    campaign: null,
  };
  await savePlan(db, await previewPlan(db, plan, context.timeZone), { ...context, source: "seed demo" });
  await launchCampaign(db, { year, title: `Phong trào thi đua năm ${year}`, deadlineAt: atLocal(workingDayAfter(30), "23:59:59", context.timeZone) }, context);
  await scheduleMeeting(
    db,
    { startsAt: atLocal(workingDayAfter(21), "08:00:00", context.timeZone), place: "Phòng họp tầng 2", agenda: "Họp Hội đồng Thi đua - Khen thưởng" },
    context,
  );
  const inspection = await createInspection(
    db,
    {
      plan: {
        year,
        title: `Kiểm tra công tác thi đua, khen thưởng năm ${year}`,
        windowFirstMonth: (quarter - 1) * 3 + 1,
        windowLastMonth: quarter * 3,
        noticeDays: 5,
        reportDays: 3,
        noticeWorkingDays: false,
        reportWorkingDays: false,
        defaulted: [],
        units: ["Phòng Nghiệp vụ"],
      },
      kind: "direct",
      team: [{ staffCode: "DEMO-TT01", role: "head" }],
    },
    context,
  );
  if (inspection.kind === "created") {
    await scheduleVisit(
      db,
      { inspectionId: inspection.inspectionId, unitCode: "NV", at: atLocal(workingDayAfter(10), "09:00:00", context.timeZone), override: null },
      context,
    );
  }
}
