import { readFileSync } from "node:fs";
import { inject } from "vitest";
import { type DatabaseHandle, openDatabase } from "../../src/db/client.js";
import { createDatabase, dropDatabase, uniqueDatabaseName, urlOfDatabase } from "./postgres.js";

export type DatabaseKind = "pglite" | "postgres";

/** Every suite that touches the database runs once per kind: PGlite always, Postgres when configured. */
export const DATABASE_KINDS: DatabaseKind[] = process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

/** A test database; `url` lets a second instance connect to the same Postgres database. */
export type TestDatabase = DatabaseHandle & { url: string | undefined };

/** A fresh, migrated database of the given kind, gone when closed. */
export async function openTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === "pglite") {
    return { ...(await openDatabase({ pgliteDump: new Blob([readFileSync(inject("pgliteTemplate"))]) })), url: undefined };
  }
  const serverUrl = process.env.DATABASE_URL;
  const template = inject("postgresTemplate");
  if (!serverUrl || !template) throw new Error("DATABASE_URL is not set for a Postgres test");
  const name = uniqueDatabaseName("tdkt_test");
  await createDatabase(serverUrl, name, template);
  const url = urlOfDatabase(serverUrl, name);
  const handle = await openDatabase({ databaseUrl: url });
  return {
    ...handle,
    url,
    async close() {
      await handle.close();
      await dropDatabase(serverUrl, name);
    },
  };
}
