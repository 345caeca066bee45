import { eq, sql } from "drizzle-orm";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { openDatabase, type DatabaseHandle } from "../../src/db/client.js";
import { chatAccounts, oaTokens, outbox, people } from "../../src/db/schema/index.js";
import { enqueue } from "../../src/services/outbox.js";
import { linkAccount, OA_WEBHOOK_SETTINGS } from "../support/chat-world.js";
import { openTestDatabase, type TestDatabase } from "../support/databases.js";
import { FakeZaloOa, OA_LIMITS, oaUserId } from "../support/fake-zalo-oa.js";
import { TEST_BALLOT_SECRET } from "../support/harness.js";
import { importRosterText } from "../support/people.js";
import { freePort } from "../support/ports.js";

const PEOPLE = 50;
const EACH = 20;

/**
 * Two instances on one Postgres database and one OA, whose access token lives 3 seconds: 1,000
 * notifications drained by both at the documented 20 sends a second take ~50 s and outlive the
 * token about seventeen times. Zalo's refresh token is single-use; the fake records any sent twice.
 */
describe("two instances sharing one Zalo OA", () => {
  let database: TestDatabase;
  let second: DatabaseHandle;
  let oa: FakeZaloOa;
  const apps: App[] = [];

  beforeAll(async () => {
    database = await openTestDatabase("postgres");
    second = await openDatabase({ databaseUrl: database.url as string });
    oa = await FakeZaloOa.start();
    oa.tokenLifetimeMs = 3000;
    oa.sendsPerSecondLimit = OA_LIMITS.sendsPerSecond;
    const lines = ["unit_code,unit_name,staff_code,full_name,position,roles"];
    for (let n = 1; n <= PEOPLE; n++) lines.push(`U,Đơn vị,P${n},Người ${n},,staff`);
    await importRosterText(database.db, lines.join("\n"));
    for (let n = 1; n <= PEOPLE; n++) {
      const account = await linkAccount(database.db, "zalo_oa", `P${n}`, oaUserId(n));
      await database.db.update(chatAccounts).set({ lastInboundAt: new Date() }).where(eq(chatAccounts.id, account));
      oa.followerSince(n, new Date());
    }
    for (const db of [database, second]) {
      const port = await freePort();
      const config = loadConfig({
        ...OA_WEBHOOK_SETTINGS(oa.root, port),
        // Every message inside the free window is free: the allowance is not what this is about.
        ZALO_OA_FREE_REPLIES: "0",
        DATABASE_URL: database.url,
        BALLOT_SECRET: TEST_BALLOT_SECRET,
        LOG_LEVEL: "silent",
      });
      const app = await createApp(config, { database: db, logger: pino({ level: "silent" }), background: false, listen: { host: "127.0.0.1" } });
      await app.start();
      apps.push(app);
    }
  });
  afterAll(async () => {
    for (const app of apps) await app.stop();
    await oa?.close();
    await second?.close();
    await database?.close();
  });

  it("sends all 1,000 with no refresh token used twice, within the documented rate", async () => {
    const everyone = await database.db.select({ id: people.id }).from(people);
    for (let round = 1; round <= EACH; round++) {
      await enqueue(
        database.db,
        everyone.map((person) => ({
          personId: person.id,
          dedupeKey: `oa-load:${round}:${person.id}`,
          kind: "test",
          notBefore: new Date(0),
          render: () => ({ text: `Tin số ${round}` }),
        })),
      );
    }
    const started = performance.now();
    await Promise.all(apps.flatMap((app) => app.dispatchers().map((dispatcher) => dispatcher.drainAll())));
    const seconds = (performance.now() - started) / 1000;

    const statuses = await database.db.select({ status: outbox.status, count: sql<number>`count(*)::int` }).from(outbox).groupBy(outbox.status);
    expect(statuses).toEqual([{ status: "sent", count: PEOPLE * EACH }]);
    expect(oa.sent).toHaveLength(PEOPLE * EACH);
    // Every person got each of the 20, once.
    const perPerson = new Map<string, Set<string>>();
    for (const { userId, message } of oa.sent) perPerson.set(userId, (perPerson.get(userId) ?? new Set()).add(String(message.text)));
    expect([...perPerson.values()].every((texts) => texts.size === EACH)).toBe(true);
    expect(oa.violations).toEqual([]);
    // The token ran out many times while they sent, and each refresh spent a different refresh token.
    expect(oa.refreshes.length).toBeGreaterThan(seconds / 3 - 2);
    expect(new Set(oa.refreshes.map((refresh) => refresh.refreshToken)).size).toBe(oa.refreshes.length);
    const [row] = await database.db.select({ refreshes: oaTokens.refreshes }).from(oaTokens);
    expect(row?.refreshes).toBe(oa.refreshes.length);
  }, 180_000);
});
