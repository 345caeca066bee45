import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/client.js";
import { outbox } from "../../src/db/schema/index.js";
import { addLocalDays, atLocal, isWorkingDay, type LocalDay, localDay, nextWorkingDay, quarterDays, SEND_WINDOW } from "../../src/domain/calendar.js";
import { cliActor } from "../../src/services/audit.js";
import { previewPlan, savePlan } from "../../src/services/plans.js";
import { readPlanFile } from "../../src/services/plan-file.js";
import { loadHolidays, sweepReminders } from "../../src/services/reminders/index.js";
import { tasksOfUnit } from "../../src/services/tasks.js";
import { DATABASE_KINDS, openTestDatabase } from "../support/databases.js";
import { type BotWorld, startBotWorld, testDispatcher } from "../support/harness.js";
import { importRosterText, linkTelegram } from "../support/people.js";

const ZONE = "Asia/Ho_Chi_Minh";
const PLAN = new URL("../fixtures/tdkt-plan-2024-thanh-tra-lang-son.md", import.meta.url).pathname;
const ROSTER = `unit_code,unit_name,staff_code,full_name,position,roles
VP,Văn phòng,VP1,Trần Văn Phòng,Chánh Văn phòng,head;secretariat
NV1,Phòng Nghiệp vụ 1,NV1,Lê Nghiệp Một,Trưởng phòng,head
NV2,Phòng Nghiệp vụ 2,NV2,Phạm Nghiệp Hai,Trưởng phòng,head
NV2,Phòng Nghiệp vụ 2,NV2B,Vũ Nhân Viên,Chuyên viên,staff
`;
const CHATS = { VP: 7001, NV1: 7002, NV2: 7003, STAFF: 7004 } as const;

type Received = { chatId: number; at: Date; text: string };

describe.each(DATABASE_KINDS)("a simulated year of plan reminders (%s)", (kind) => {
  let database: DatabaseHandle;
  let world: BotWorld;
  const received: Received[] = [];
  let holidays: Set<LocalDay>;
  let doneTaskId = 0;
  let doneOn: LocalDay = "";

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    world = await startBotWorld(database.db, { at: "2024-01-02T08:00:00+07:00" });
    world.fake.rateLimitPerSecond = 100_000;
    await importRosterText(database.db, ROSTER);
    await linkTelegram(database.db, "VP1", CHATS.VP);
    await linkTelegram(database.db, "NV1", CHATS.NV1);
    await linkTelegram(database.db, "NV2", CHATS.NV2);
    await linkTelegram(database.db, "NV2B", CHATS.STAFF);
    const preview = await previewPlan(database.db, await readPlanFile(PLAN), ZONE);
    await savePlan(database.db, preview, { clock: world.clock.now, actor: cliActor, source: "fixture" });
    holidays = await loadHolidays(database.db, world.clock.now());

    // The received list notes the simulated moment each message went out.
    const dispatcher = testDispatcher(world, database.db, (message) =>
      received.push({ chatId: Number(message.chatId), at: world.clock.now(), text: message.payload.text }),
    );
    const translate = (locale: string, key: string, args?: Record<string, string | number>) => world.bot.i18n.t(locale, key, args);

    const vpHead = world.fake.user({ id: CHATS.VP, first_name: "Phòng" });
    for (let day: LocalDay = "2024-01-01"; day <= "2024-12-31"; day = addLocalDays(day, 1)) {
      for (const time of ["08:00:00", "16:00:00"]) {
        world.clock.set(atLocal(day, time, ZONE));
        await sweepReminders(database.db, { now: world.clock.now(), translate });
        await dispatcher.drainAll();
      }
      // The office head finishes a Q2 task the day its T-7 ping arrives, by pressing the ping's button.
      if (!doneTaskId) {
        const ping = world.fake.unread(CHATS.VP).find((shown) => shown.text.includes("Còn") && shown.text.includes("Q2."));
        if (ping) {
          const button = ping.buttons[0];
          doneTaskId = Number(button?.data.split(":")[2]);
          doneOn = day;
          vpHead.press(ping, button?.text ?? "");
          while (!(await vpHead.next()).text.includes("Đã đánh dấu xong"));
        }
      }
    }
    const { units } = await import("../../src/db/schema/index.js");
    for (const unit of await database.db.select().from(units)) unitIds.set(unit.code, unit.id);
    const rows = await database.db.select({ key: outbox.dedupeKey, chatId: outbox.chatId, status: outbox.status, error: outbox.error }).from(outbox);
    expect(rows.filter((row) => row.status !== "sent" && row.status !== "cancelled")).toEqual([]);
  }, 600_000);

  afterAll(async () => {
    await world?.close();
    await database?.close();
  });

  const workingMoment = (at: Date) => {
    const day = localDay(at, ZONE);
    return isWorkingDay(day, holidays) && at >= atLocal(day, SEND_WINDOW.opens, ZONE) && at < atLocal(day, SEND_WINDOW.closes, ZONE);
  };

  it("sends nothing on weekends, holidays or outside office hours, and nothing to staff without a role", () => {
    expect(received.length).toBeGreaterThan(100);
    expect(received.filter((message) => !workingMoment(message.at)).map((message) => message.at.toISOString())).toEqual([]);
    expect(received.filter((message) => message.chatId === CHATS.STAFF)).toEqual([]);
    expect(world.fake.violations).toEqual([]);
  });

  it("gives each head one digest per quarter that has tasks for their unit, on the quarter's first working day", () => {
    const digests = received.filter((message) => message.text.includes("Nhiệm vụ quý"));
    const byChat = (chatId: number) => digests.filter((message) => message.chatId === chatId).map((message) => localDay(message.at, ZONE));
    const firstWorkingDays = ([1, 2, 3, 4] as const).map((quarter) => nextWorkingDay(quarterDays(2024, quarter).first, holidays));
    expect(byChat(CHATS.VP)).toEqual(firstWorkingDays);
    // The departments coordinate task Q1.4 and Q4.5 only.
    expect(byChat(CHATS.NV1)).toEqual([firstWorkingDays[0], firstWorkingDays[3]]);
    expect(byChat(CHATS.NV2)).toEqual([firstWorkingDays[0], firstWorkingDays[3]]);
  });

  it("pings each unfinished task at 7, 3 and 1 days, each once, moved to the next working morning, and never after it is done", async () => {
    const pings = received.filter((message) => message.text.includes("Còn"));
    for (const [unitCode, chatId] of [
      ["VP", CHATS.VP],
      ["NV1", CHATS.NV1],
    ] as const) {
      const expected: string[] = [];
      for (const quarter of [1, 2, 3, 4]) {
        const tasks = await tasksOfUnit(database.db, unitIdOf(unitCode), 2024, quarter);
        for (const task of tasks) {
          const dueDay = localDay(task.dueAt, ZONE);
          for (const days of [7, 3, 1]) {
            const deliveredOn = nextWorkingDay(addLocalDays(dueDay, -days), holidays);
            if (atLocal(deliveredOn, SEND_WINDOW.opens, ZONE) >= task.dueAt) continue;
            if (task.taskId === doneTaskId && deliveredOn > doneOn) continue;
            expected.push(`${deliveredOn} Q${quarter}.${task.number}`);
          }
        }
      }
      const actual = pings
        .filter((message) => message.chatId === chatId)
        .map((message) => `${localDay(message.at, ZONE)} ${/Q\d\.\d+/.exec(message.text)?.[0]}`);
      expect(actual.sort()).toEqual(expected.sort());
    }
  });

  const isSummary = (message: Received) => message.text.startsWith("⚠️ <b>Tổng hợp");

  it("sends one overdue digest per head per working day with overdue work, and one summary to the secretariat", () => {
    const overdue = received.filter((message) => message.text.includes("quá hạn"));
    const perChatDay = new Map<string, number>();
    for (const message of overdue) {
      const key = `${message.chatId} ${localDay(message.at, ZONE)} ${isSummary(message) ? "summary" : "digest"}`;
      perChatDay.set(key, (perChatDay.get(key) ?? 0) + 1);
    }
    expect([...perChatDay.entries()].filter(([, count]) => count !== 1)).toEqual([]);
    // Q1 ends on Sunday 31/03: from Monday 01/04 every working day has overdue work.
    const firstOverdueDay = nextWorkingDay("2024-04-01", holidays);
    expect(overdue.filter((message) => message.chatId === CHATS.VP && localDay(message.at, ZONE) < firstOverdueDay)).toEqual([]);
    let workingDays = 0;
    for (let day = firstOverdueDay; day <= "2024-12-31"; day = addLocalDays(day, 1)) if (isWorkingDay(day, holidays)) workingDays++;
    expect(perChatDay.get(`${CHATS.VP} ${firstOverdueDay} summary`)).toBe(1);
    expect(overdue.filter((message) => message.chatId === CHATS.VP && isSummary(message))).toHaveLength(workingDays);
    expect(overdue.filter((message) => message.chatId === CHATS.VP && !isSummary(message))).toHaveLength(workingDays);
  });

  const unitIds = new Map<string, number>();
  function unitIdOf(code: string): number {
    const id = unitIds.get(code);
    if (id === undefined) throw new Error(`unit ${code} not loaded`);
    return id;
  }
});
