import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { type SQL, sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema/index.js";
import { UserError } from "../domain/user-error.js";
import { acquireDirectoryLock } from "./directory-lock.js";
import { createPglite, openPgliteDirectory } from "./embedded.js";
import { preparingEveryStatement } from "./prepared-statements.js";

/** Query code is typed against this, never against one driver. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseHandle = {
  db: Database;
  driver: "pglite" | "postgres";
  /** Runs the drizzle-kit migrations, serialised across processes. */
  migrate(): Promise<void>;
  /** Answers whether the database is reachable right now. */
  ping(): Promise<boolean>;
  /** Reachable and every migration of this release applied. */
  ready(): Promise<boolean>;
  /**
   * Runs `work` unless work under the same key is running already — in this process or, on
   * Postgres, in any other (an advisory lock held on a connection of its own, released when the
   * work ends or the process dies) — and then answers without running it.
   */
  exclusively<T>(key: number, work: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }>;
  close(): Promise<void>;
};

export const migrationsFolder = path.resolve(import.meta.dirname, "../../migrations");

const expectedMigrations = (JSON.parse(readFileSync(path.join(migrationsFolder, "meta/_journal.json"), "utf8")) as { entries: unknown[] }).entries.length;

async function migrationsApplied(db: Database): Promise<boolean> {
  try {
    const [row] = await queryRows<{ count: number }>(db, sql`select count(*)::int as count from drizzle.__drizzle_migrations`);
    return (row?.count ?? 0) >= expectedMigrations;
  } catch {
    return false;
  }
}

// Any constant works as long as every instance uses the same one.
const MIGRATION_LOCK_KEY = 7_264_001;

export type OpenOptions =
  | { databaseUrl: string; maxConnections?: number }
  /** `opening`: the directory already being opened (main.ts starts it first). */
  | { dataDir: string; opening?: ReturnType<typeof openPgliteDirectory> }
  | { pgliteDump: Blob }
  /** An embedded database that lives only in memory (tests and benchmarks). */
  | { inMemory: true };

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if ("databaseUrl" in options) return openPostgres(options.databaseUrl, options.maxConnections ?? 10);
  return openPglite(options);
}

async function openPostgres(url: string, maxConnections: number): Promise<DatabaseHandle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const client = postgres(url, { max: maxConnections, onnotice: () => {}, connect_timeout: 10 });
  const db = drizzle(preparingEveryStatement(client), { schema });
  return {
    db,
    driver: "postgres",
    async migrate() {
      // migrate() itself is not safe when instances start together: hold an advisory lock on a
      // dedicated connection around it so the others wait and then find nothing left to do.
      const lockConnection = await client.reserve();
      try {
        await lockConnection`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
        await migrate(db, { migrationsFolder });
      } finally {
        await lockConnection`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.catch(() => {});
        lockConnection.release();
      }
    },
    async ping() {
      try {
        await client`select 1`;
        return true;
      } catch {
        return false;
      }
    },
    ready: () => migrationsApplied(db),
    async exclusively(key, work) {
      const connection = await client.reserve();
      try {
        const [row] = await connection<{ locked: boolean }[]>`select pg_try_advisory_lock(${key}) as locked`;
        if (!row?.locked) return { ran: false };
        try {
          return { ran: true, value: await work() };
        } finally {
          await connection`select pg_advisory_unlock(${key})`.catch(() => {});
        }
      } finally {
        connection.release();
      }
    },
    async close() {
      await client.end({ timeout: 5 });
    },
  };
}

async function openPglite(options: Exclude<OpenOptions, { databaseUrl: string }>): Promise<DatabaseHandle> {
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  let releaseLock = () => {};
  let client: PGlite;
  if ("dataDir" in options) {
    const directory = await (options.opening ?? openPgliteDirectory(options.dataDir));
    client = directory.client;
    releaseLock = directory.release;
  } else if ("pgliteDump" in options) {
    client = await createPglite({ loadDataDir: options.pgliteDump });
  } else {
    client = await createPglite({});
  }
  const db = drizzle(client, { schema });
  // One process opens an embedded database (see directory-lock.ts): a lock in memory is enough.
  const running = new Set<number>();
  return {
    db,
    driver: "pglite",
    async migrate() {
      await migrate(db, { migrationsFolder });
    },
    async ping() {
      try {
        await client.query("select 1");
        return true;
      } catch {
        return false;
      }
    },
    ready: () => migrationsApplied(db),
    async exclusively(key, work) {
      if (running.has(key)) return { ran: false };
      running.add(key);
      try {
        return { ran: true, value: await work() };
      } finally {
        running.delete(key);
      }
    },
    async close() {
      try {
        await client.close();
      } finally {
        releaseLock();
      }
    },
  };
}

/** Runs raw SQL and returns its rows; the drivers shape execute() results differently. */
export async function queryRows<T>(db: Database, query: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(query));
}

function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/**
 * Values as a Postgres array literal, for a raw-SQL parameter cast to an array type (`::text[]`,
 * `::bigint[]`…) that both drivers accept: every element quoted, its quotes and backslashes escaped.
 */
export function arrayLiteral(values: readonly (string | number)[]): string {
  return `{${values.map((value) => `"${String(value).replace(/["\\]/g, "\\$&")}"`).join(",")}}`;
}

/** A Date as a raw-SQL parameter both drivers accept (postgres.js will not take a Date there). */
export function timestamp(at: Date): SQL {
  return sql`${at.toISOString()}::timestamptz`;
}

/** Writes a consistent copy of an embedded database directory to a tar file. */
export async function backupPglite(dataDir: string, file: string): Promise<number> {
  const release = acquireDirectoryLock(path.resolve(dataDir));
  try {
    const client = await createPglite({ dataDir: path.resolve(dataDir) });
    const dump = await client.dumpDataDir("gzip");
    await client.close();
    const bytes = Buffer.from(await dump.arrayBuffer());
    writeFileSync(file, bytes);
    return bytes.length;
  } finally {
    release();
  }
}

/** Restores an embedded database directory from a backup; refuses to overwrite one in use or not empty. */
export async function restorePglite(dataDir: string, file: string): Promise<void> {
  const target = path.resolve(dataDir);
  mkdirSync(target, { recursive: true });
  const release = acquireDirectoryLock(target);
  try {
    if (readdirSync(target).some((entry) => entry !== "tdkt.lock")) throw new UserError("restore-not-empty", { dir: target });
    const client = await createPglite({ dataDir: target, loadDataDir: new Blob([readFileSync(file)]) });
    await client.query("select 1");
    await client.close();
  } finally {
    release();
  }
}

const CONNECTION_LOST = /CONNECTION_(CLOSED|ENDED|DESTROYED)|ECONNRESET|ECONNREFUSED|EPIPE|57P0[123]/;

/** Whether an error means the connection died (a server restart), not that the query was wrong. */
export function isConnectionLost(error: unknown): boolean {
  return someCause(error, (code, message) => CONNECTION_LOST.test(`${code} ${message}`));
}

/**
 * The database could not write for want of space (SQLSTATE 53100, or the file system's ENOSPC):
 * the statement was rolled back, nothing half-written, and writes work again once space is freed.
 */
export function isStorageFull(error: unknown): boolean {
  return someCause(error, (code, message) => code === "53100" || code === "ENOSPC" || /No space left on device/.test(message));
}

function someCause(error: unknown, test: (code: string, message: string) => boolean): boolean {
  for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (test(String(code ?? ""), String(message ?? ""))) return true;
  }
  return false;
}

/**
 * Runs an idempotent statement again when its pooled connection turns out dead: after a server
 * restart each stale connection fails once before the pool replaces it.
 */
export async function retryOnLostConnection<T>(run: () => Promise<T>, attempts = 12): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts || !isConnectionLost(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 50 * attempt)));
    }
  }
}
