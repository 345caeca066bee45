import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabase, dropDatabase, uniqueDatabaseName, urlOfDatabase } from "../support/postgres.js";

// Runs only when DATABASE_URL names a real server (vitest.config.ts includes test/pg then).
const serverUrl = process.env.DATABASE_URL ?? "";

/**
 * postgres.js 3.4.9 let a transaction's BEGIN go out without reserving its connection when the
 * BEGIN filled the connection's pipeline (porsager/postgres#823, #1189): the transaction failed
 * with UNSAFE_TRANSACTION and its connection went back to the pool inside a transaction, where
 * other statements then ran uncommitted. Seen once in the registration rush (one registration
 * refused with "please try again"); patches/postgres+3.4.9.patch fixes it.
 */
describe("a transaction begun while the driver's connections are busy", () => {
  const name = uniqueDatabaseName("tdkt_driver");
  afterAll(async () => dropDatabase(serverUrl, name));

  it("gets a connection of its own, and leaves none idle in a transaction", async () => {
    await createDatabase(serverUrl, name);
    // Two connections, each taking two statements at a time: the smallest pool that shows it
    // (max_pipeline is an option of the driver's that its types leave out).
    const options = { max: 2, max_pipeline: 2, onnotice: () => {} };
    const sql = postgres(urlOfDatabase(serverUrl, name), options);
    try {
      await Promise.all([sql`select pg_sleep(0.05)`, sql`select pg_sleep(0.05)`]);
      // Both connections busy, each with one statement waiting behind: the BEGIN fills a pipeline.
      const busy = [sql`select pg_sleep(0.3)`.execute(), sql`select pg_sleep(0.3)`.execute(), sql`select 1`.execute(), sql`select 2`.execute()];
      const transaction = sql.begin(async (tx) => {
        const [first] = await tx`select txid_current()::text as id`;
        const [second] = await tx`select txid_current()::text as id`;
        return [first?.id, second?.id];
      });
      const [ids] = await Promise.all([transaction, ...busy]);
      // Both statements ran in the one transaction.
      expect(ids?.[0]).toBeDefined();
      expect(ids?.[1]).toBe(ids?.[0]);
      const [open] = await sql`select count(*)::int as count from pg_stat_activity
        where datname = current_database() and state like 'idle in transaction%'`;
      expect(open?.count).toBe(0);
    } finally {
      await sql.end();
    }
  });
});
