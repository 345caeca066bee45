import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { type DatabaseHandle, openDatabase } from "../src/db/client.js";

export type Driver = "pglite" | "postgres";

/** PGlite always; Postgres too when DATABASE_URL names a server. */
export const DRIVERS: Driver[] = process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

export const log = (line: string) => process.stdout.write(`${line}\n`);

export function databaseUrl(name: string): string {
  const url = new URL(process.env.DATABASE_URL ?? "");
  url.pathname = `/${name}`;
  return url.toString();
}

/** A new, empty Postgres database on the DATABASE_URL server, and its removal. */
export async function scratchPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `tdkt_bench_${randomBytes(4).toString("hex")}`;
  const adminUrl = process.env.DATABASE_URL ?? "";
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  return {
    url: databaseUrl(name),
    async drop() {
      const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await sql.unsafe(`drop database if exists "${name}" with (force)`);
      await sql.end();
    },
  };
}

/** A migrated database of the given driver that disappears when closed. */
export async function scratchDatabase(driver: Driver): Promise<DatabaseHandle> {
  if (driver === "pglite") {
    const handle = await openDatabase({ inMemory: true });
    await handle.migrate();
    return handle;
  }
  const scratch = await scratchPostgres();
  const handle = await openDatabase({ databaseUrl: scratch.url });
  await handle.migrate();
  return {
    ...handle,
    async close() {
      await handle.close();
      await scratch.drop();
    },
  };
}

export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
