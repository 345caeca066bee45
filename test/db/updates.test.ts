import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/client.js";
import type { Platform } from "../../src/services/accounts/chat-accounts.js";
import { intake } from "../../src/services/platform/intake.js";
import { pruneProcessedUpdates, updateFinisher } from "../../src/services/platform/updates.js";

const claimUpdate = async (db: DatabaseHandle["db"], platform: Platform, updateId: number) =>
  (await intake(db, { platform, externalId: "7", chatId: "7", displayName: "Test" }, updateId)).claim;
import { DATABASE_KINDS, openTestDatabase } from "../support/databases.js";

describe.each(DATABASE_KINDS)("claiming updates across instances (%s)", (kind) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => database?.close());

  it("gives an update to one instance, tells others it is busy, then done, and lets another take over one whose instance died", async () => {
    expect(await claimUpdate(database.db, "telegram", 41)).toBe("claimed");
    expect(await claimUpdate(database.db, "telegram", 41)).toBe("busy");
    const finish = updateFinisher(database.db, "telegram");
    await finish({ updateId: 41 });
    expect(await claimUpdate(database.db, "telegram", 41)).toBe("done");

    // Updates finishing together share one statement; each is done once its promise resolves,
    // and a redelivery gets the answer its first delivery carried.
    for (const updateId of [43, 44, 45]) expect(await claimUpdate(database.db, "telegram", updateId)).toBe("claimed");
    const answers = ['{"method":"sendMessage","chat_id":7,"text":"Ông \\"Ba\\" & bà Tư"}', undefined, '{"method":"answerCallbackQuery"}'];
    await Promise.all([43, 44, 45].map((updateId, index) => finish({ updateId, answer: answers[index] })));
    for (const [index, updateId] of [43, 44, 45].entries()) {
      expect(await intake(database.db, { platform: "telegram", externalId: "7", chatId: "7", displayName: "Test" }, updateId)).toEqual({
        claim: "done",
        identity: undefined,
        ...(answers[index] ? { answer: answers[index] } : {}),
      });
    }

    expect(await claimUpdate(database.db, "telegram", 42)).toBe("claimed");
    // The instance holding 42 dies: its lease runs out, and a redelivery is handled elsewhere.
    await database.db.execute(sql`update processed_updates set lease_until = now() - interval '1 second' where update_id = 42`);
    expect(await claimUpdate(database.db, "telegram", 42)).toBe("claimed");
    expect(await claimUpdate(database.db, "zalo", 42)).toBe("claimed");
  });

  it("forgets old handled updates and those whose instance died, but keeps those still in progress", async () => {
    await database.db.execute(sql`insert into processed_updates (platform, update_id, lease_until) values ('telegram', 46, now() - interval '1 hour')`);
    await pruneProcessedUpdates(database.db, new Date(Date.now() + 60_000));
    const left = await database.db.execute(sql`select update_id::int as id from processed_updates order by 1`);
    const rows = (Array.isArray(left) ? left : (left as unknown as { rows: unknown[] }).rows) as { id: number }[];
    expect(rows.map((row) => row.id)).toEqual([42, 42]);
  });
});
