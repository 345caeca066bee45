import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../src/app.js";
import { queryRows } from "../../src/db/client.js";
import { chatAccounts, outbox, people } from "../../src/db/schema/index.js";
import { enqueue } from "../../src/services/outbox.js";
import { linkAccount } from "../support/chat-world.js";
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from "../support/databases.js";
import { FakeTelegram } from "../support/fake-telegram.js";
import { FakeZalo, zaloChatId } from "../support/fake-zalo.js";
import { TestClock } from "../support/harness.js";
import { importRosterText } from "../support/people.js";
import { telegramAndZaloApp } from "../support/two-platforms.js";

/** Telegram and Zalo configured together: each platform has its own rate and its own meaning of errors. */
describe.each(DATABASE_KINDS)("two platforms in one process (%s)", (kind) => {
  let database: TestDatabase;
  let telegram: FakeTelegram;
  let zalo: FakeZalo;
  let app: App;
  const clock = new TestClock(new Date("2025-03-03T09:00:00+07:00"));

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    [telegram, zalo] = await Promise.all([FakeTelegram.start(), FakeZalo.start()]);
    const roster = [
      "unit_code,unit_name,staff_code,full_name,position,roles",
      ...[1, 2, 3, 4].map((n) => `NV,Phòng Nghiệp vụ,P${n},Người ${n},Chuyên viên,staff`),
    ];
    await importRosterText(database.db, roster.join("\n"));
    for (const n of [1, 2, 3]) await linkAccount(database.db, "telegram", `P${n}`, String(9300 + n));
    await linkAccount(database.db, "zalo", "P4", zaloChatId(9304));
    app = await telegramAndZaloApp(database, { telegram, zalo }, clock);
  });
  afterAll(async () => {
    await app?.stop();
    await telegram?.close();
    await zalo?.close();
    await database?.close();
  });

  it("pauses only Zalo's sends when Zalo answers 429 without naming its quota, while Telegram's go out at their rate", async () => {
    const everyone = await database.db.select({ id: people.id }).from(people);
    await enqueue(
      database.db,
      everyone.map((person) => ({
        personId: person.id,
        dedupeKey: `rates:${person.id}`,
        kind: "test",
        notBefore: new Date(0),
        render: () => ({ text: "Thông báo thử" }),
      })),
    );
    zalo.refuseNextSend(429, "Too Many Requests");
    const handled = await Promise.all(app.dispatchers({ perChatIntervalMs: 0 }).map((dispatcher) => dispatcher.drainOnce()));
    expect(handled).toEqual([3, 1]);
    const rows = await database.db
      .select({ platform: outbox.platform, status: outbox.status, error: outbox.error })
      .from(outbox)
      .where(sql`${outbox.dedupeKey} like 'rates:%'`);
    expect(rows.filter((row) => row.platform === "telegram").map((row) => row.status)).toEqual(["sent", "sent", "sent"]);
    // The Zalo copy waits for another turn, and only Zalo's schedule was pushed back (by a minute).
    expect(rows.filter((row) => row.platform === "zalo")).toEqual([{ platform: "zalo", status: "pending", error: "sendMessage: Too Many Requests" }]);
    const [schedule] = await queryRows<{ telegram_wait_s: number; zalo_wait_s: number }>(
      database.db,
      sql`select extract(epoch from (max(next_slot_at) filter (where key = 'telegram') - now()))::float8 as telegram_wait_s,
                 extract(epoch from (max(next_slot_at) filter (where key = 'zalo') - now()))::float8 as zalo_wait_s
          from rate_limits`,
    );
    expect(schedule?.telegram_wait_s).toBeLessThan(1);
    expect(schedule?.zalo_wait_s).toBeGreaterThan(55);
  });

  it("records a Zalo 403 as a failed send without marking the account blocked (Zalo's 403 names no cause)", async () => {
    // Nothing left over from another test: this send is the only one due, on a schedule free now.
    await database.db.execute(sql`update outbox set status = 'cancelled' where status = 'pending'`);
    await database.db.execute(sql`update rate_limits set next_slot_at = now() where key = 'zalo'`);
    const [person] = await database.db.select({ id: people.id }).from(people).where(eq(people.staffCode, "P4"));
    await enqueue(database.db, [
      { personId: person?.id as number, dedupeKey: "forbidden:P4", kind: "test", notBefore: new Date(0), render: () => ({ text: "Thông báo" }) },
    ]);
    zalo.refuseNextSend(403, "Forbidden");
    const zaloDispatcher = app.dispatchers({ perChatIntervalMs: 0 })[1];
    expect(await zaloDispatcher?.drainOnce()).toBe(1);
    expect(
      await database.db.select({ status: outbox.status, error: outbox.error }).from(outbox).where(sql`${outbox.dedupeKey} like ${"forbidden:P4%"}`),
    ).toEqual([{ status: "failed", error: "sendMessage: Forbidden" }]);
    expect(await database.db.select({ blocked: chatAccounts.blocked }).from(chatAccounts).where(eq(chatAccounts.platform, "zalo"))).toEqual([
      { blocked: false },
    ]);
  });
});
