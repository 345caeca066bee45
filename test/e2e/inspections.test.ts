import { readFileSync } from "node:fs";
import { and, eq, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/client.js";
import { auditLog, inspectionVisits, units } from "../../src/db/schema/index.js";
import { addLocalDays, atLocal, isWorkingDay, localDay } from "../../src/domain/calendar.js";
import { parseInspectionPlan } from "../../src/domain/plan-reader/inspection-plan.js";
import { cliActor } from "../../src/services/audit.js";
import { createInspection } from "../../src/services/inspections/inspections.js";
import { sweepReminders } from "../../src/services/reminders/index.js";
import { loadHolidays } from "../../src/services/rules/holidays.js";
import { DATABASE_KINDS, openTestDatabase } from "../support/databases.js";
import { type ChatTestUser, type ChatWorld, PLATFORMS, startChatWorld } from "../support/chat-world.js";
import { nextWith } from "../support/fake-telegram.js";
import { importRosterText } from "../support/people.js";

const ZONE = "Asia/Ho_Chi_Minh";
const PLAN = readFileSync(new URL("../fixtures/inspection-plan-2024-chi-lang.md", import.meta.url), "utf8");
const UNITS = parseInspectionPlan(PLAN).units;
const HEAD_CHAT = (index: number) => 9300 + index;
const CHAT = { secretary: 9201, teamHead: 9202, member: 9203 } as const;

const CASES = PLATFORMS.flatMap((platform) => DATABASE_KINDS.map((kind) => ({ platform, kind })));

describe.each(CASES)("inspection schedules on $platform ($kind)", ({ platform, kind }) => {
  let database: DatabaseHandle;
  let world: ChatWorld;
  let secretary: ChatTestUser;
  let inspectionId = 0;
  // Each test may run on its own: the inspection, and the visits a test builds on, are made when
  // first needed, by the test that checks them or by whichever test needs them first.
  const createTheInspection = () =>
    createInspection(
      database.db,
      {
        plan: parseInspectionPlan(PLAN),
        kind: "direct",
        team: [
          { staffCode: "T1", role: "head" },
          { staffCode: "T2", role: "member" },
        ],
      },
      { clock: world.clock.now, actor: cliActor },
    );
  const theInspection = async () => {
    if (!inspectionId) {
      const created = await createTheInspection();
      inspectionId = created.kind === "created" ? created.inspectionId : 0;
    }
    return inspectionId;
  };
  /** The visit of a unit (K<n>), scheduled with this command unless it already has one. */
  const visitOf = async (unitCode: string, command: string) => {
    const [visit] = await database.db
      .select({ id: inspectionVisits.id })
      .from(inspectionVisits)
      .innerJoin(units, eq(units.id, inspectionVisits.unitId))
      .where(and(eq(units.code, unitCode), ne(inspectionVisits.status, "cancelled")));
    if (!visit) expect((await secretary.ask(command)).text).toContain("Đã xếp lịch kiểm tra");
  };
  const received: { chat: number; at: Date; text: string }[] = [];

  // Telegram chat ids are the test users' ids; Zalo's name them in their own form.
  const chatNumber = (chatId: string) =>
    platform === "zalo" ? Number.parseInt(chatId.slice(2, -1), 16) : platform === "zalo_oa" ? Number(chatId) - 1_000_000_000_000_000 : Number(chatId);
  const deliver = () =>
    world.deliverNotifications(database.db, (message) =>
      received.push({ chat: chatNumber(message.chatId), at: world.clock.now(), text: message.payload.text }),
    );

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    world = await startChatWorld(platform, database.db, { at: "2024-04-15T09:00:00+07:00", rateLimitPerSecond: 100_000 });
    const rows = [
      ["unit_code", "unit_name", "staff_code", "full_name", "position", "roles"],
      ["PNV", "Phòng Nội vụ huyện", "S1", "Thư Ký", "", "secretariat"],
      ["PNV", "Phòng Nội vụ huyện", "T1", "Trưởng Đoàn", "", "council"],
      ["PNV", "Phòng Nội vụ huyện", "T2", "Thành Viên", "", "staff"],
      ...UNITS.map((name, index) => [`K${index + 1}`, name, `H${index + 1}`, `Lãnh đạo ${index + 1}`, "Thủ trưởng", "head"]),
    ];
    await importRosterText(database.db, rows.map((row) => row.map((cell) => `"${cell}"`).join(",")).join("\n"));
    await world.link(database.db, "S1", CHAT.secretary);
    await world.link(database.db, "T1", CHAT.teamHead);
    await world.link(database.db, "T2", CHAT.member);
    for (let index = 1; index <= UNITS.length; index++) await world.link(database.db, `H${index}`, HEAD_CHAT(index));
    secretary = world.user({ id: CHAT.secretary, first_name: "Thư" });
  });
  afterAll(async () => {
    await world?.close();
    await database?.close();
  });

  it("recognises the 14 inspected units of the plan, and refuses a team member from an inspected unit", async () => {
    expect(UNITS).toHaveLength(14);
    const plan = parseInspectionPlan(PLAN);
    expect(plan).toMatchObject({ year: 2024, windowFirstMonth: 4, windowLastMonth: 9, noticeDays: 5, reportDays: 3 });
    const refused = await createInspection(
      database.db,
      {
        plan,
        kind: "direct",
        team: [
          { staffCode: "T1", role: "head" },
          { staffCode: "H3", role: "member" },
        ],
      },
      { clock: world.clock.now, actor: cliActor },
    );
    expect(refused).toMatchObject({ kind: "refused", refusal: { key: "inspection-member-inspected", args: { code: "H3" } } });
    if (!inspectionId) {
      const created = await createTheInspection();
      expect(created).toMatchObject({ kind: "created", units: 14, unmatched: [] });
      inspectionId = created.kind === "created" ? created.inspectionId : 0;
    }
    expect(inspectionId).toBeGreaterThan(0);
  });

  it("refuses a visit 3 days ahead with the reason, accepts it with an override and records the override", async () => {
    await theInspection();
    expect((await secretary.ask(`/visit ${inspectionId} K1 18/04/2024 08:30`)).text).toContain("Chỉ còn 2 ngày, chưa đủ 5 ngày thông báo trước");
    expect((await secretary.ask(`/visit ${inspectionId} K1 18/04/2024 08:30 | Đoàn chỉ làm việc được tuần này`)).text).toContain("Đã xếp lịch kiểm tra");
    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.action, "visit.schedule"));
    expect(entry?.details).toMatchObject({ unit: "K1", override: "Đoàn chỉ làm việc được tuần này" });
  });

  it("explains bad input: a past date, 31/02, a unit not on the roster", async () => {
    await theInspection();
    expect((await secretary.ask(`/visit ${inspectionId} K2 01/04/2024 08:30`)).text).toContain("đã qua");
    expect((await secretary.ask(`/visit ${inspectionId} K2 31/02/2024 08:30`)).text).toContain("không có thật");
    expect((await secretary.ask(`/visit ${inspectionId} KHONGCO 20/05/2024 08:30`)).text).toContain("Không có đơn vị mã KHONGCO");
    expect((await secretary.ask(`/visit ${inspectionId} PNV 20/05/2024 08:30`)).text).toContain("không có trong danh sách được kiểm tra");
    expect((await secretary.ask("/visit hôm nay")).text).toContain("Cách xếp lịch");
  });

  it("schedules the 14 units across Q2–Q3: notices ≥ 5 days ahead, report reminders, day-before reminders; moves and cancellations reach both sides; nothing twice", async () => {
    // One visit every week from 06/05, alternately Tuesday and Thursday mornings.
    // Unit 1 is scheduled with an override (as the test before does).
    await theInspection();
    await visitOf("K1", `/visit ${inspectionId} K1 18/04/2024 08:30 | Đoàn chỉ làm việc được tuần này`);
    const planned = new Map<number, Date>([[1, atLocal("2024-04-18", "08:30:00", ZONE)]]);
    for (let index = 2; index <= 14; index++) {
      const day = addLocalDays("2024-05-07", (index - 2) * 7 + (index % 2 === 0 ? 0 : 2));
      planned.set(index, atLocal(day, "08:30:00", ZONE));
      const [y, m, d] = day.split("-");
      expect((await secretary.ask(`/visit ${inspectionId} K${index} ${d}/${m}/${y} 08:30`)).text).toContain("Đã xếp lịch kiểm tra");
    }
    await deliver();
    const holidays = await loadHolidays(database.db, world.clock.now());
    const translate = (locale: string, key: string, args?: Record<string, string | number>) => world.bot.i18n.t(locale, key, args);
    const head5 = world.user({ id: HEAD_CHAT(5), first_name: "H5" });
    for (let day = "2024-04-16"; day <= "2024-09-30"; day = addLocalDays(day, 1)) {
      for (const time of ["08:00:00", "16:00:00"]) {
        world.clock.set(atLocal(day, time, ZONE));
        if (day === "2024-05-20" && time === "08:00:00") {
          // Unit 4's visit (Tuesday 21/05) moves to Monday 10/06; unit 6's is cancelled.
          world.markRead(CHAT.secretary);
          secretary.send(`/visit ${inspectionId} K4 10/06/2024 14:00`);
          await nextWith(secretary, "Đã dời lịch");
          planned.set(4, atLocal("2024-06-10", "14:00:00", ZONE));
          secretary.send("/inspections");
          const calendar = await nextWith(secretary, "Lịch kiểm tra");
          const six = calendar.text.split("\n").find((line) => line.includes(UNITS[5] as string));
          const sixId = /#(\d+)/.exec(six ?? "")?.[1];
          secretary.send(`/visit cancel ${sixId}`);
          await nextWith(secretary, "Đã hủy lịch kiểm tra");
          planned.delete(6);
        }
        if (day === "2024-05-24" && time === "16:00:00") {
          // Unit 5's visit is Thursday 30/05, its report due Monday 27/05: sent early, on Friday 24/05.
          // On Telegram the head sends the file; on Zalo, which takes no files, presses "report sent".
          if (world.telegram)
            world.telegram.fake.user({ id: HEAD_CHAT(5), first_name: "H5" }).sendDocument("bao-cao-kiem-tra.pdf", Buffer.from("%PDF-1.4 báo cáo"));
          else {
            world.markRead(HEAD_CHAT(5));
            head5.send("/inspections");
            head5.press(await nextWith(head5, "30/05/2024"), "Đã gửi báo cáo");
          }
          await nextWith(head5, "Đã ghi nhận báo cáo");
        }
        await sweepReminders(database.db, { now: world.clock.now(), translate });
        await deliver();
      }
    }

    const to = (chat: number) => received.filter((message) => message.chat === chat);
    const working = (at: Date) => isWorkingDay(localDay(at, ZONE), holidays);
    expect(received.filter((message) => !working(message.at) && !message.text.includes("Thông báo lịch"))).toEqual([]);
    // Units 1–14 were scheduled and unit 6's visit was cancelled: 13 visits to check.
    expect(planned.size).toBe(13);
    for (const [index, visitAt] of planned) {
      const messages = to(HEAD_CHAT(index));
      const notices = messages.filter((message) => message.text.includes("Thông báo lịch kiểm tra") || message.text.includes("đã thay đổi"));
      expect([index, "notices", notices.length]).toEqual([index, "notices", index === 4 ? 2 : 1]);
      for (const notice of notices) expect(visitAt.getTime() - notice.at.getTime()).toBeGreaterThanOrEqual(index === 1 ? 0 : 5 * 86_400_000 - 60_000);
      expect([index, "eve", messages.filter((message) => message.text.includes("Ngày mai đoàn kiểm tra")).length]).toEqual([index, "eve", 1]);
      const reportReminders = messages.filter((message) => message.text.includes("hạn gửi báo cáo"));
      // Unit 5 reported before its reminders were due; unit 1's report was due before the simulation
      // began (scheduled on 15/04, due that day: never earlier than the day it was told); unit 4 got
      // the eve reminder of its first schedule before it moved, then both of the new one.
      expect([index, "report", reportReminders.length]).toEqual([index, "report", index === 5 || index === 1 ? 0 : index === 4 ? 3 : 2]);
    }
    // The cancelled unit heard of the schedule and its cancellation, and nothing after.
    const six = to(HEAD_CHAT(6)).map((message) => message.text);
    expect(six.filter((text) => text.includes("Thông báo lịch"))).toHaveLength(1);
    expect(six.filter((text) => text.includes("đã bị hủy"))).toHaveLength(1);
    expect(six.filter((text) => text.includes("Ngày mai") || text.includes("hạn gửi báo cáo"))).toEqual([]);
    // The team: the move, the cancellation, every visit's eve, the report received; nothing twice.
    for (const chat of [CHAT.teamHead, CHAT.member]) {
      const texts = to(chat).map((message) => message.text);
      // Told of every visit when first scheduled (14, the cancelled one included), and of the move with both times.
      expect(texts.filter((text) => text.includes("Đoàn kiểm tra: lịch làm việc với"))).toHaveLength(14);
      expect(texts.filter((text) => text.includes("đã dời từ") && text.includes("21/05/2024") && text.includes("10/06/2024 14:00"))).toHaveLength(1);
      expect(texts.filter((text) => text.includes("Ngày mai đoàn kiểm tra"))).toHaveLength(planned.size);
      expect(texts.filter((text) => text.includes("đã gửi báo cáo kiểm tra"))).toHaveLength(1);
      expect(new Set(texts).size).toBe(texts.length);
    }
    // Every unit but the one that reported is flagged late to the secretariat, once each.
    const late = to(CHAT.secretary).filter((message) => message.text.includes("chưa gửi báo cáo"));
    expect(late).toHaveLength(planned.size - 1);
    expect(world.violations).toEqual([]);
  });

  it("shows a unit head their upcoming visit and what to prepare, and the team its schedule", async () => {
    // Unit 4's visit is at 10/06 14:00 (where the season above moves it).
    await theInspection();
    await visitOf("K4", `/visit ${inspectionId} K4 10/06/2024 14:00`);
    world.clock.set("2024-06-03T09:00:00+07:00");
    const head = world.user({ id: HEAD_CHAT(4), first_name: "H4" });
    world.markRead(HEAD_CHAT(4));
    const view = await head.ask("/inspections");
    expect(view.text).toContain("10/06/2024 14:00");
    expect(view.text).toContain("báo cáo bằng văn bản gửi trước ngày 07/06/2024");
    expect(view.buttons.map((button) => button.text)).toEqual(["Đã gửi báo cáo"]);
    world.markRead(CHAT.member);
    const team = await world.user({ id: CHAT.member, first_name: "T2" }).ask("/inspections");
    expect(team.text).toContain("Lịch làm việc của đoàn kiểm tra");
  });
});
