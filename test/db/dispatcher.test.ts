import { eq } from "drizzle-orm";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/client.js";
import { chatAccounts, outbox } from "../../src/db/schema/index.js";
import { enqueue, outboxDepth } from "../../src/services/outbox.js";
import { type App, createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import type { Dispatcher } from "../../src/scheduler/dispatcher.js";
import { DATABASE_KINDS, openTestDatabase } from "../support/databases.js";
import { FakeTelegram, TEST_TOKEN } from "../support/fake-telegram.js";
import { importRosterText, linkTelegram } from "../support/people.js";
import { TEST_BALLOT_SECRET } from "../support/harness.js";

describe.each(DATABASE_KINDS)("the outbox dispatcher (%s)", (kind) => {
  let database: DatabaseHandle;
  let fake: FakeTelegram;
  const now = new Date("2024-03-04T02:00:00Z");
  const logger = pino({ level: "silent" });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    fake = await FakeTelegram.start();
    const lines = ["unit_code,unit_name,staff_code,full_name,position,roles"];
    for (let i = 1; i <= 45; i++) lines.push(`U1,Đơn vị,P${i},Người ${i},,staff`);
    await importRosterText(database.db, lines.join("\n"));
    for (let i = 1; i <= 45; i++) await linkTelegram(database.db, `P${i}`, 5000 + i);
    const config = loadConfig({
      BALLOT_SECRET: TEST_BALLOT_SECRET,
      TELEGRAM_BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: fake.apiRoot,
      TELEGRAM_SEND_TIMEOUT_SECONDS: "1",
      LOG_LEVEL: "silent",
    });
    app = await createApp(config, { database, clock: () => now, logger, background: false });
  });
  afterAll(async () => {
    await fake?.close();
    await database?.close();
  });

  let app: App;
  // Telegram's dispatcher as the app builds it, at the rate the test wants (its sends give up after 1 s).
  const dispatcher = (rate: number) => app.dispatchers({ rate, logger })[0] as Dispatcher;

  const notify = (personIds: number[], key: string) =>
    enqueue(
      database.db,
      personIds.map((personId) => ({
        personId,
        dedupeKey: `${key}:${personId}`,
        kind: "test",
        notBefore: now,
        render: () => ({ text: `<b>${key}</b> & co`.replace("&", "&amp;"), parseMode: "HTML" as const }),
      })),
    );

  it("delivers every message once, records blocked users and marks their account", async () => {
    fake.blocked.add(5003);
    const personIds = Array.from({ length: 45 }, (_, i) => i + 1);
    expect(await notify(personIds, "first")).toHaveLength(45);
    // The same sweep again inserts nothing.
    expect(await notify(personIds, "first")).toHaveLength(0);
    await dispatcher(30).drainAll();
    const depth = await outboxDepth(database.db);
    expect(depth).toMatchObject({ sent: 44, failed: 1, pending: 0, claimed: 0, sending: 0, unknown: 0 });
    for (let i = 1; i <= 45; i++) {
      expect(fake.unread(5000 + i).map((shown) => shown.text)).toEqual(i === 3 ? [] : ["first & co"]);
    }
    const [blocked] = await database.db.select().from(chatAccounts).where(eq(chatAccounts.externalId, "5003"));
    expect(blocked?.blocked).toBe(true);
    const [failed] = await database.db.select().from(outbox).where(eq(outbox.status, "failed"));
    expect(failed?.error).toContain("blocked");
  });

  it("keeps to the rate the fake API enforces, so Telegram never answers 429", async () => {
    fake.blocked.clear();
    const before = fake.rateLimited;
    await notify(
      Array.from({ length: 40 }, (_, i) => i + 1),
      "second",
    );
    await dispatcher(30).drainAll();
    expect(fake.rateLimited - before).toBe(0);
    expect((await outboxDepth(database.db)).sent).toBe(44 + 39);
  });

  it("records a 5xx or a request that got no answer as unknown, and never sends it again", async () => {
    const before = fake.received.length;
    fake.injectFaults("5xx", "hang");
    await notify([41, 42, 43, 44], "faults");
    await dispatcher(30).drainAll();
    await dispatcher(30).drainAll();
    const rows = await database.db.select({ status: outbox.status, error: outbox.error }).from(outbox).where(eq(outbox.kind, "test"));
    const faults = rows.filter((row) => row.status === "unknown");
    expect(faults).toHaveLength(2);
    // Each of the four reached the API exactly once: the two faulty ones were not retried.
    const arrived = fake.received.slice(before).map((entry) => entry.text);
    expect(arrived.filter((text) => text === "<b>faults</b> &amp; co")).toHaveLength(4);
  });
});
