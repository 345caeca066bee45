import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import { openDatabase } from "../../src/db/client.js";
import { outbox } from "../../src/db/schema/index.js";
import { SWEEP_LOCK_KEY, sweepRemindersAlone } from "../../src/services/reminders/index.js";
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from "../support/databases.js";
import { importRosterText, linkTelegram } from "../support/people.js";

const i18n = createI18n();
const translate = (locale: string, key: string, args?: Record<string, string | number>) => i18n.t(locale, key, args);
// Monday 04/03/2024 in office hours: the head is told about the one colleague not linked yet.
const MONDAY_MORNING = new Date("2024-03-04T09:00:00+07:00");

/** Work under `key` that stays at work until the test lets it finish. */
function heldWork(database: TestDatabase, key: number) {
  let release = () => {};
  let started = () => {};
  const running = new Promise<void>((resolve) => {
    started = resolve;
  });
  const finished = database.exclusively(key, async () => {
    started();
    await new Promise<void>((resolve) => {
      release = resolve;
    });
    return "first";
  });
  return { running, finished, release: () => release() };
}

describe.each(DATABASE_KINDS)("one piece of work under a lock at a time (%s)", (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await importRosterText(
      database.db,
      "unit_code,unit_name,staff_code,full_name,position,roles\nU1,Phòng Một,H1,Lê Trưởng,Trưởng phòng,head\nU1,Phòng Một,S1,Trần Mới,Chuyên viên,staff\n",
    );
    await linkTelegram(database.db, "H1", 7101);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("turns away work under a held key, from this process and from another, and takes it again once the work ends", async () => {
    const held = heldWork(database, 41);
    await held.running;
    expect(await database.exclusively(41, async () => "second")).toEqual({ ran: false });
    // Another instance: its own pool of connections to the same database.
    if (database.url) {
      const other = await openDatabase({ databaseUrl: database.url });
      expect(await other.exclusively(41, async () => "other")).toEqual({ ran: false });
      await other.close();
    }
    // A different key is not held.
    expect(await database.exclusively(42, async () => "unrelated")).toEqual({ ran: true, value: "unrelated" });
    held.release();
    expect(await held.finished).toEqual({ ran: true, value: "first" });
    expect(await database.exclusively(41, async () => "again")).toEqual({ ran: true, value: "again" });
  });

  it("lets the key go when the work fails", async () => {
    await expect(database.exclusively(43, async () => Promise.reject(new Error("disk full")))).rejects.toThrow("disk full");
    expect(await database.exclusively(43, async () => "after")).toEqual({ ran: true, value: "after" });
  });

  it("leaves a reminder sweep to the one at work, which queues what is due once", async () => {
    const held = heldWork(database, SWEEP_LOCK_KEY);
    await held.running;
    expect(await sweepRemindersAlone(database, { now: MONDAY_MORNING, translate })).toBeUndefined();
    expect(await database.db.select({ kind: outbox.kind }).from(outbox)).toEqual([]);
    held.release();
    await held.finished;
    const queued = await sweepRemindersAlone(database, { now: MONDAY_MORNING, translate });
    expect(queued?.map((message) => [message.kind, message.chatId])).toEqual([["unlinked-digest", "7101"]]);
    expect(await database.db.select({ kind: outbox.kind }).from(outbox)).toEqual([{ kind: "unlinked-digest" }]);
  });
});
