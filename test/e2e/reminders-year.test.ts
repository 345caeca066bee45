import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/client.js";
import { isNotNull } from "drizzle-orm";
import { outbox, planTaskUnits } from "../../src/db/schema/index.js";
import { addLocalDays, atLocal, type LocalDay, localDay, SEND_WINDOW } from "../../src/domain/calendar.js";
import { cliActor } from "../../src/services/audit.js";
import { previewPlan, savePlan } from "../../src/services/plans/plans.js";
import { readPlanFile } from "../../src/services/plans/file.js";
import { sweepReminders } from "../../src/services/reminders/index.js";
import { tasksOfUnit } from "../../src/services/plans/tasks.js";
import { DATABASE_KINDS, openTestDatabase } from "../support/databases.js";
import { type ChatWorld, PLATFORMS, startChatWorld } from "../support/chat-world.js";
import { oaUserId } from "../support/fake-zalo-oa.js";
import { zaloChatId } from "../support/fake-zalo.js";
import { importRosterText } from "../support/people.js";

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

// The expected days are worked out here, not with the calendar code under test: 2024's public
// holidays the bot knows without a holiday import are 01/01 (Mon), 30/04 (Tue), 01/05 (Wed) and
// 02/09 (Mon); Saturdays and Sundays are off.
const HOLIDAYS_2024 = new Set(["2024-01-01", "2024-04-30", "2024-05-01", "2024-09-02"]);
const isWorkday = (day: string) => ![0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay()) && !HOLIDAYS_2024.has(day);
const workdayFrom = (day: string): string => {
  let at = day;
  while (!isWorkday(at)) at = new Date(Date.parse(`${at}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return at;
};
// 01/01 is a holiday, so Q1 starts on Tuesday 02/01; 01/04, 01/07 are Mondays and 01/10 a Tuesday.
const QUARTER_FIRST_WORKDAYS = ["2024-01-02", "2024-04-01", "2024-07-01", "2024-10-01"];
// 01/04–31/12/2024: 197 weekdays (Apr 22, May 23, Jun 20, Jul 23, Aug 22, Sep 21, Oct 23, Nov 21,
// Dec 22) less 30/04, 01/05 and 02/09.
const WORKDAYS_FROM_APRIL = 194;

const CASES = PLATFORMS.flatMap((platform) => DATABASE_KINDS.map((kind) => ({ platform, kind })));
// A Zalo chat id names the chat's user: the test's numbers, whatever the platform.
const chatNumber = (chatId: string) =>
  Object.values(CHATS).find((chat) => String(chat) === chatId || zaloChatId(chat) === chatId || oaUserId(chat) === chatId) ?? Number(chatId);

describe.each(CASES)("a simulated year of plan reminders on $platform ($kind)", ({ platform, kind }) => {
  let database: DatabaseHandle;
  let world: ChatWorld;
  const received: Received[] = [];
  let doneTaskId = 0;
  let doneOn: LocalDay = "";

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    world = await startChatWorld(platform, database.db, { at: "2024-01-02T08:00:00+07:00", rateLimitPerSecond: 100_000 });
    await importRosterText(database.db, ROSTER);
    await world.link(database.db, "VP1", CHATS.VP);
    await world.link(database.db, "NV1", CHATS.NV1);
    await world.link(database.db, "NV2", CHATS.NV2);
    await world.link(database.db, "NV2B", CHATS.STAFF);
    const preview = await previewPlan(database.db, await readPlanFile(PLAN), ZONE);
    await savePlan(database.db, preview, { clock: world.clock.now, actor: cliActor, source: "fixture" });

    // The received list notes the simulated moment each message went out.
    const deliver = () =>
      world.deliverNotifications(database.db, (message) =>
        received.push({ chatId: chatNumber(message.chatId), at: world.clock.now(), text: message.payload.text }),
      );
    const translate = (locale: string, key: string, args?: Record<string, string | number>) => world.bot.i18n.t(locale, key, args);

    const vpHead = world.user({ id: CHATS.VP, first_name: "Phòng" });
    for (let day: LocalDay = "2024-01-01"; day <= "2024-12-31"; day = addLocalDays(day, 1)) {
      for (const time of ["08:00:00", "16:00:00"]) {
        world.clock.set(atLocal(day, time, ZONE));
        await sweepReminders(database.db, { now: world.clock.now(), translate });
        await deliver();
      }
      // The office head finishes a Q2 task the day its T-7 ping arrives, by pressing the ping's button.
      if (!doneTaskId) {
        const ping = world.unread(CHATS.VP).find((shown) => shown.text.includes("Còn") && shown.text.includes("Q2."));
        if (ping) {
          const button = ping.buttons.find((candidate) => candidate.text.includes("Q2.")) ?? ping.buttons[0];
          doneOn = day;
          vpHead.press(ping, button?.text ?? "");
          while (!(await vpHead.next()).text.includes("Đã đánh dấu xong"));
          // Which task it was, as the database now has it done (Zalo's options carry no task id).
          const [share] = await database.db.select({ taskId: planTaskUnits.taskId }).from(planTaskUnits).where(isNotNull(planTaskUnits.doneAt));
          doneTaskId = share?.taskId ?? -1;
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
    return isWorkday(day) && at >= atLocal(day, SEND_WINDOW.opens, ZONE) && at < atLocal(day, SEND_WINDOW.closes, ZONE);
  };

  it("sends nothing on weekends, holidays or outside office hours, and nothing to staff without a role", () => {
    expect(received.length).toBeGreaterThan(100);
    expect(received.filter((message) => !workingMoment(message.at)).map((message) => message.at.toISOString())).toEqual([]);
    expect(received.filter((message) => message.chatId === CHATS.STAFF)).toEqual([]);
    expect(world.violations).toEqual([]);
  });

  it("gives each head one digest per quarter that has tasks for their unit, on the quarter's first working day", () => {
    const digests = received.filter((message) => message.text.includes("Nhiệm vụ quý"));
    const byChat = (chatId: number) => digests.filter((message) => message.chatId === chatId).map((message) => localDay(message.at, ZONE));
    expect(byChat(CHATS.VP)).toEqual(QUARTER_FIRST_WORKDAYS);
    // The departments coordinate task Q1.4 and Q4.5 only.
    expect(byChat(CHATS.NV1)).toEqual(["2024-01-02", "2024-10-01"]);
    expect(byChat(CHATS.NV2)).toEqual(["2024-01-02", "2024-10-01"]);
  });

  it("pings each unfinished task at 7, 3 and 1 days, each once, on working days, in one message per head and day, and never after it is done", async () => {
    const pings = received.filter((message) => message.text.includes("Còn"));
    // One message per head and day holds the day's reminders and, after them, what is overdue.
    for (const chatId of [CHATS.VP, CHATS.NV1]) {
      const days = received
        .filter((message) => message.chatId === chatId && !isSummary(message) && !message.text.includes("Nhiệm vụ quý"))
        .map((message) => localDay(message.at, ZONE));
      expect(days.filter((day, index) => days.indexOf(day) !== index)).toEqual([]);
    }
    for (const [unitCode, chatId] of [
      ["VP", CHATS.VP],
      ["NV1", CHATS.NV1],
    ] as const) {
      const expected: string[] = [];
      for (const quarter of [1, 2, 3, 4]) {
        const tasks = await tasksOfUnit(database.db, unitIdOf(unitCode), { kind: "quarter", year: 2024, quarter });
        for (const task of tasks) {
          const dueDay = localDay(task.dueAt, ZONE);
          // Reminders go on working days only: on each, a task due in d days gets the reminder of
          // the smallest of 7, 3, 1 that is ≥ d, once; one a weekend skipped is not sent late.
          const sent = new Set<number>();
          for (let day = workdayFrom(addLocalDays(dueDay, -7)); day <= dueDay; day = workdayFrom(addLocalDays(day, 1))) {
            const left = (Date.parse(`${dueDay}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000;
            const reminder = [1, 3, 7].find((days) => left <= days);
            if (reminder === undefined || sent.has(reminder)) continue;
            if (atLocal(day, SEND_WINDOW.opens, ZONE) >= task.dueAt) continue;
            if (task.taskId === doneTaskId && day > doneOn) continue;
            sent.add(reminder);
            expected.push(`${day} Q${quarter}.${task.number}`);
          }
        }
      }
      const mine = pings.filter((message) => message.chatId === chatId);
      // The day's reminders come in one message: several tasks are lines of the same digest.
      const days = mine.map((message) => localDay(message.at, ZONE));
      expect(days.filter((day, index) => days.indexOf(day) !== index)).toEqual([]);
      // A morning message may go on with the overdue list and the quarter's tasks, each a part of
      // its own after a blank line: only the part that starts with "⏰" is reminders.
      const actual = mine.flatMap((message) =>
        ((message.text.split("\n\n").find((part) => part.startsWith("⏰")) ?? "").match(/Q\d\.\d+/g) ?? []).map(
          (task) => `${localDay(message.at, ZONE)} ${task}`,
        ),
      );
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
    expect(overdue.filter((message) => message.chatId === CHATS.VP && localDay(message.at, ZONE) < "2024-04-01")).toEqual([]);
    expect(perChatDay.get(`${CHATS.VP} 2024-04-01 summary`)).toBe(1);
    expect(overdue.filter((message) => message.chatId === CHATS.VP && isSummary(message))).toHaveLength(WORKDAYS_FROM_APRIL);
    expect(overdue.filter((message) => message.chatId === CHATS.VP && !isSummary(message))).toHaveLength(WORKDAYS_FROM_APRIL);
  });

  const unitIds = new Map<string, number>();
  function unitIdOf(code: string): number {
    const id = unitIds.get(code);
    if (id === undefined) throw new Error(`unit ${code} not loaded`);
    return id;
  }
});
