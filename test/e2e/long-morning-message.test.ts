import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { outbox } from "../../src/db/schema/index.js";
import { cliActor } from "../../src/services/audit.js";
import { parsePlanBytes } from "../../src/services/plans/file.js";
import { previewPlan, savePlan } from "../../src/services/plans/plans.js";
import { sweepReminders } from "../../src/services/reminders/index.js";
import { PLATFORMS, startChatWorld } from "../support/chat-world.js";
import { DATABASE_KINDS, openTestDatabase } from "../support/databases.js";
import { importRosterText } from "../support/people.js";

const ROSTER = `unit_code,unit_name,staff_code,full_name,position,roles
NV1,Phòng Nghiệp vụ 1,NV1,Lê Nghiệp Một,Trưởng phòng,head
NV1,Phòng Nghiệp vụ 1,NV1B,Trần Chưa Nối,Chuyên viên,staff
`;
const HEAD_CHAT = 9101;

// A unit far behind: 40 tasks of the first quarter still open at the end of June, and 30 of the
// second quarter due on 30/06. Each task's text is about 140 characters, so either list alone
// fills a digest (about 3,500 characters), and the two together are twice what Telegram takes.
const LONG = "Rà soát, tổng hợp và báo cáo kết quả thực hiện nhiệm vụ chuyên môn của đơn vị theo kế hoạch công tác thi đua, khen thưởng năm";
const rows = (count: number) => Array.from({ length: count }, (_, index) => `| ${index + 1} | ${LONG} (việc ${index + 1}) | Phòng Nghiệp vụ 1 | |`);
const PLAN = [
  "KẾ HOẠCH",
  "Thực hiện công tác thi đua, khen thưởng năm 2024",
  "",
  "| STT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp |",
  "| --- | --- | --- | --- |",
  "| I | QUÝ I | | |",
  ...rows(40),
  "| II | QUÝ II | | |",
  ...rows(30),
  "",
].join("\n");

const CASES = PLATFORMS.flatMap((platform) => DATABASE_KINDS.map((kind) => ({ platform, kind })));

/**
 * The agency above on a platform, its plan imported, by default at 08:00 on Thursday 27/06/2024:
 * the second quarter's tasks 3 days from their deadline, the first's overdue. One colleague of the
 * head has not linked a chat.
 */
async function agencyFarBehind(platform: (typeof PLATFORMS)[number], kind: (typeof DATABASE_KINDS)[number], at = "2024-06-27T08:00:00+07:00") {
  const database = await openTestDatabase(kind);
  const world = await startChatWorld(platform, database.db, { at, rateLimitPerSecond: 100_000 });
  await importRosterText(database.db, ROSTER);
  await world.link(database.db, "NV1", HEAD_CHAT);
  const plan = await parsePlanBytes(Buffer.from(PLAN), "ke-hoach-2024.md", 2024);
  await savePlan(database.db, await previewPlan(database.db, plan, "Asia/Ho_Chi_Minh"), { clock: world.clock.now, actor: cliActor, source: "test" });
  const translate = (locale: string, key: string, args?: Record<string, string | number>) => world.bot.i18n.t(locale, key, args);
  const sweep = () => sweepReminders(database.db, { now: world.clock.now(), translate });
  return { database, world, sweep };
}

describe.each(CASES)("a head's morning message with long lists on $platform ($kind)", ({ platform, kind }) => {
  let agency: Awaited<ReturnType<typeof agencyFarBehind>>;
  const texts: string[] = [];

  beforeAll(async () => {
    agency = await agencyFarBehind(platform, kind);
    await agency.sweep();
    await agency.world.deliverNotifications(agency.database.db, (message) => texts.push(message.payload.text));
  });

  afterAll(async () => {
    await agency?.world.close();
    await agency?.database.close();
  });

  it("reaches the head whole and in one message: the three lists, each cut short with a pointer to /tasks", async () => {
    // Telegram refuses a message of more than 4,096 characters; Zalo's are sent in parts of 2,000.
    expect(agency.world.violations).toEqual([]);
    const rows = await agency.database.db.select({ status: outbox.status, kind: outbox.kind, payload: outbox.payload }).from(outbox);
    // This agency's first sweep also catches up on the quarter's digest: it comes in the same message.
    expect(rows.map((row) => [row.kind, row.status])).toEqual([["task-overdue", "sent"]]);
    const parts = (rows[0]?.payload.text ?? "").split("\n\n");
    expect(parts.map((part) => part.split("\n")[0])).toEqual([
      "⏰ <b>30 nhiệm vụ sắp đến hạn</b>:",
      "⚠️ <b>Phòng Nghiệp vụ 1: 40 nhiệm vụ quá hạn</b>",
      "<b>Nhiệm vụ quý 2/2024 của Phòng Nghiệp vụ 1</b> (30 nhiệm vụ):",
    ]);
    // None of the lists fits whole: each ends by saying how many more there are.
    for (const part of parts) expect(part).toMatch(/\n… và \d+ nhiệm vụ khác \(gõ \/tasks để xem đủ\)\.$/);
    expect(texts.join("")).toContain("nhiệm vụ quá hạn");
  });

  it("sends none of it again on the next sweep", async () => {
    expect(await agency.sweep()).toEqual([]);
  });
});

describe.each(CASES)("a Monday's morning message on $platform ($kind)", ({ platform, kind }) => {
  let agency: Awaited<ReturnType<typeof agencyFarBehind>>;

  beforeAll(async () => {
    // Monday 24/06/2024: the second quarter's tasks are 6 days away, and the week's first working
    // day brings the names of colleagues not linked yet.
    agency = await agencyFarBehind(platform, kind, "2024-06-24T08:00:00+07:00");
    await agency.sweep();
    await agency.world.deliverNotifications(agency.database.db);
  });

  afterAll(async () => {
    await agency?.world.close();
    await agency?.database.close();
  });

  it("gathers the reminders, the overdue list, the quarter's tasks and the unlinked colleague in one message, sent once", async () => {
    const rows = await agency.database.db.select({ kind: outbox.kind, payload: outbox.payload }).from(outbox);
    expect(rows.map((row) => row.kind)).toEqual(["task-overdue"]);
    const parts = (rows[0]?.payload.text ?? "").split("\n\n");
    expect(parts.map((part) => part.split("\n")[0])).toEqual([
      "⏰ <b>30 nhiệm vụ sắp đến hạn</b>:",
      "⚠️ <b>Phòng Nghiệp vụ 1: 40 nhiệm vụ quá hạn</b>",
      "<b>Nhiệm vụ quý 2/2024 của Phòng Nghiệp vụ 1</b> (30 nhiệm vụ):",
      "👥 Đơn vị còn <b>1</b> người chưa liên kết tài khoản với bot nên chưa nhận được thông báo nào: Trần Chưa Nối.",
    ]);
    expect(agency.world.violations).toEqual([]);
    // The next minute's sweep finds none of the four parts again.
    expect(await agency.sweep()).toEqual([]);
  });
});

describe.each(CASES)("a morning message whose queuing fails halfway on $platform ($kind)", ({ platform, kind }) => {
  let agency: Awaited<ReturnType<typeof agencyFarBehind>>;

  beforeAll(async () => {
    agency = await agencyFarBehind(platform, kind);
  });

  afterAll(async () => {
    await agency?.world.close();
    await agency?.database.close();
  });

  it("is queued whole on the next sweep, its reminders not sent a second time on their own", async () => {
    const { db } = agency.database;
    // The database refuses to record which reminders a digest carried, as a full disk would (a
    // trigger only the tables' owner may create).
    await agency.database.asOwner(async (owner) => {
      await owner.execute(sql`create function refuse_marks() returns trigger language plpgsql as $$ begin raise exception 'no space left on device'; end $$`);
      await owner.execute(sql`create trigger refuse_marks before insert on reminder_marks for each statement execute function refuse_marks()`);
    });
    await expect(agency.sweep()).rejects.toMatchObject({ cause: { message: "no space left on device" } });
    await agency.database.asOwner((owner) => owner.execute(sql`drop trigger refuse_marks on reminder_marks`));

    await agency.sweep();
    await agency.sweep();
    await agency.world.deliverNotifications(db);
    const rows = await db.select({ kind: outbox.kind, status: outbox.status }).from(outbox);
    // One morning message with the quarter's tasks; no separate list of the tasks due soon, nor of the quarter.
    expect(rows.map((row) => [row.kind, row.status])).toEqual([["task-overdue", "sent"]]);
  });
});
