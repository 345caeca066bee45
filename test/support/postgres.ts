import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDatabase } from "../../src/db/client.js";

/** The URL of another database on the same server. */
export function urlOfDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString("hex")}`;
}

async function admin<T>(serverUrl: string, work: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    return await work(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export async function createDatabase(serverUrl: string, name: string, template?: string): Promise<void> {
  await admin(serverUrl, (sql) => (template ? sql.unsafe(`create database "${name}" template "${template}"`) : sql.unsafe(`create database "${name}"`)));
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await admin(serverUrl, (sql) => sql.unsafe(`drop database if exists "${name}" with (force)`));
}

/** A migrated database that each test file clones with CREATE DATABASE … TEMPLATE. */
export async function createPostgresTemplate(serverUrl: string): Promise<string> {
  const name = uniqueDatabaseName("tdkt_template");
  await createDatabase(serverUrl, name);
  const handle = await openDatabase({ databaseUrl: urlOfDatabase(serverUrl, name), maxConnections: 2 });
  await handle.migrate();
  await handle.close();
  return name;
}
