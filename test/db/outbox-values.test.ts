import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/client.js";
import { chatAccounts, outbox, people, reminderMarks } from "../../src/db/schema/index.js";
import { enqueue } from "../../src/services/outbox.js";
import { DATABASE_KINDS, openTestDatabase } from "../support/databases.js";
import { importRosterText } from "../support/people.js";

// The outbox is written with array literals and a JSON array: what those quote must come back as sent.
describe.each(DATABASE_KINDS)("queuing values that array literals quote (%s)", (kind) => {
  let database: DatabaseHandle;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await importRosterText(database.db, "unit_code,unit_name,staff_code,full_name,position,roles\nU1,Đơn vị,P1,Người Một,,head\n");
  });
  afterAll(async () => {
    await database?.close();
  });

  it("keeps chat ids, keys, marks and texts with quotes, backslashes, commas and braces exactly", async () => {
    const { db } = database;
    const [person] = await db.select({ id: people.id }).from(people).where(eq(people.staffCode, "P1"));
    const personId = person?.id ?? 0;
    // A Zalo chat id is the platform's string: nothing says it cannot hold these.
    await db.insert(chatAccounts).values({ platform: "zalo", externalId: "x", chatId: 'a"b\\c,{d} NULL', personId, linkedAt: new Date() });
    const text = 'Nhiệm vụ "Q1.2" \\ {hạn} , NULL — <b>xong</b>';
    const queued = await enqueue(db, [
      {
        personId,
        dedupeKey: 'odd"key\\{1},2',
        kind: "test",
        notBefore: new Date("2024-03-04T02:00:00Z"),
        marks: ['mark"one\\', "mark,{two}"],
        render: () => ({ parseMode: "HTML" as const, text }),
      },
    ]);
    expect(queued).toHaveLength(1);
    const rows = await db
      .select({ chatId: outbox.chatId, key: outbox.notificationKey, text: outbox.payload, notBefore: outbox.notBefore, platform: outbox.platform })
      .from(outbox);
    expect(rows).toEqual([
      {
        chatId: 'a"b\\c,{d} NULL',
        key: 'odd"key\\{1},2',
        text: { parseMode: "HTML", text },
        notBefore: new Date("2024-03-04T02:00:00Z"),
        platform: "zalo",
      },
    ]);
    const marks = await db.select({ key: reminderMarks.key }).from(reminderMarks);
    expect(marks.map((mark) => mark.key).sort()).toEqual(['mark"one\\', "mark,{two}"]);
  });
});
