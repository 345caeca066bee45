import { readFileSync } from "node:fs";
import { inject } from "vitest";
import { type DatabaseHandle, openDatabase } from "../../src/db/client.js";
import { createDatabase, dropDatabase, uniqueDatabaseName, urlOfDatabase } from "./postgres.js";

export type DatabaseKind = "pglite" | "postgres";

/** Every suite that touches the database runs once per kind: PGlite always, Postgres when configured. */
export const DATABASE_KINDS: DatabaseKind[] = process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

/** A fresh, migrated database of the given kind, gone when closed. */
export async function openTestDatabase(kind: DatabaseKind): Promise<DatabaseHandle> {
  if (kind === "pglite") {
    return openDatabase({ pgliteDump: new Blob([readFileSync(inject("pgliteTemplate"))]) });
  }
  const serverUrl = process.env.DATABASE_URL;
  const template = inject("postgresTemplate");
  if (!serverUrl || !template) throw new Error("DATABASE_URL is not set for a Postgres test");
  const name = uniqueDatabaseName("tdkt_test");
  await createDatabase(serverUrl, name, template);
  const handle = await openDatabase({ databaseUrl: urlOfDatabase(serverUrl, name) });
  return {
    ...handle,
    async close() {
      await handle.close();
      await dropDatabase(serverUrl, name);
    },
  };
}
