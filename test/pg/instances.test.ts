import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import postgres from "postgres";
import { createDatabase, dropDatabase, uniqueDatabaseName, urlOfDatabase } from "../support/postgres.js";
import { runEntry } from "../support/processes.js";

const migrationJournal = JSON.parse(readFileSync(new URL("../../migrations/meta/_journal.json", import.meta.url), "utf8")) as { entries: unknown[] };

// Runs only when DATABASE_URL names a real server (vitest.config.ts includes test/pg then).
const serverUrl = process.env.DATABASE_URL ?? "";

describe("several processes on one Postgres", () => {
  const name = uniqueDatabaseName("tdkt_instances");
  afterAll(async () => dropDatabase(serverUrl, name));

  it("two bots started together on an empty database both come up, and the schema is migrated once", async () => {
    await createDatabase(serverUrl, name);
    const env = { DATABASE_URL: urlOfDatabase(serverUrl, name) };
    const [first, second] = await Promise.all([runEntry("src/main.ts", { env, stdin: "/me\n" }), runEntry("src/main.ts", { env, stdin: "/me\n" })]);
    for (const run of [first, second]) {
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("tdkt-bot — trò chuyện thử trên máy");
      expect(run.stdout).toContain("Chức vụ: Chánh Văn phòng");
    }
    const sql = postgres(env.DATABASE_URL, { max: 1 });
    const [migrations] = await sql`select count(*)::int as count from drizzle.__drizzle_migrations`;
    const [people] = await sql`select count(*)::int as count from people`;
    await sql.end();
    expect(migrations?.count).toBe(migrationJournal.entries.length);
    expect(people?.count).toBe(20);
  });
});
