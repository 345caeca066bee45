import { readFileSync } from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { type SQL, sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import * as schema from "./schema/index.js";
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
  /** Runs `work` as the tables' owner, outside row-level security: what only the owner may do (agencies, DDL). */
  asOwner<T>(work: (db: Database) => Promise<T>): Promise<T>;
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

/**
 * The role the bot's queries run as: not the owner of the tables, so their row-level security
 * applies (migrations/0040). The owner — whoever the connection string names — only migrates.
 */
export const BOT_ROLE = "tdkt_bot";
/** The agency of a deployment that serves one: the one migration 0040 made of the rows before it. */
export const DEFAULT_AGENCY = 1;

/** `agencyId`: whose rows the connection sees and writes (DEFAULT_AGENCY unless given). */
export type OpenOptions = (
  | { databaseUrl: string; maxConnections?: number }
  /** `opening`: the directory already being opened (main.ts starts it first). */
  | { dataDir: string; opening?: ReturnType<typeof openPgliteDirectory> }
  | { pgliteDump: Blob }
  /** An embedded database that lives only in memory (tests and benchmarks). */
  | { inMemory: true }
) & { agencyId?: number };

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  const agencyId = options.agencyId ?? DEFAULT_AGENCY;
  if ("databaseUrl" in options) return openPostgres(options.databaseUrl, options.maxConnections ?? 10, agencyId);
  return openPglite(options, agencyId);
}

async function openPostgres(url: string, maxConnections: number, agencyId: number): Promise<DatabaseHandle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  // Every connection of the pool starts as the bot's role with its agency set, and nothing the
  // bot runs changes either: a query cannot reach another agency's rows, whatever it says.
  const client = postgres(url, {
    max: maxConnections,
    onnotice: () => {},
    connect_timeout: 10,
    connection: { role: BOT_ROLE, "tdkt.agency_id": String(agencyId) },
  });
  const db = drizzle(preparingEveryStatement(client), { schema });
  // The owner, on one connection of its own, for as long as `work` takes.
  const asOwner = async <T>(work: (owner: PostgresJsDatabase<typeof schema>) => Promise<T>): Promise<T> => {
    const owner = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
    try {
      return await work(drizzle(owner, { schema }));
    } finally {
      await owner.end({ timeout: 5 });
    }
  };
  return {
    db,
    driver: "postgres",
    migrate: () =>
      // As the owner (the bot's role may not exist yet). migrate() itself is not safe when
      // instances start together: an advisory lock around it, on the owner's one connection,
      // makes the others wait and then find nothing left to do.
      asOwner(async (owner) => {
        await owner.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
        try {
          await migrate(owner, { migrationsFolder });
        } finally {
          await owner.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`).catch(() => {});
        }
      }),
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
    asOwner,
    async close() {
      await client.end({ timeout: 5 });
    },
  };
}

async function openPglite(options: Exclude<OpenOptions, { databaseUrl: string }>, agencyId: number): Promise<DatabaseHandle> {
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
  await actAsBot(client, agencyId);
  // One process opens an embedded database (see directory-lock.ts): a lock in memory is enough.
  const running = new Set<number>();
  return {
    db,
    driver: "pglite",
    async migrate() {
      // The embedded database has one connection: it migrates as the owner, then works as the bot.
      await client.exec("reset role");
      await migrate(db, { migrationsFolder });
      await actAsBot(client, agencyId);
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
    async asOwner(work) {
      await client.exec("reset role");
      try {
        return await work(db);
      } finally {
        await actAsBot(client, agencyId);
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

/** The embedded database's one connection, as the bot's role for the agency (once the role exists). */
async function actAsBot(client: PGlite, agencyId: number): Promise<void> {
  await client.query("select set_config('tdkt.agency_id', $1, false)", [String(agencyId)]);
  const { rows } = await client.query("select 1 from pg_roles where rolname = $1", [BOT_ROLE]);
  if (rows.length > 0) await client.exec(`set role ${BOT_ROLE}`);
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
