import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createPostgresTemplate, dropDatabase } from "./postgres.js";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string | null;
  }
}

/**
 * Migrates once per run and hands every test file a copy: a PGlite dump loaded in memory, and a
 * Postgres template database to clone. Migrating from scratch per file would cost seconds each.
 */
export default async function setup(project: TestProject) {
  // The webhook-process tests run the bundle `npm start` runs.
  execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: path.resolve(import.meta.dirname, "../.."), stdio: "inherit" });
  const workDir = mkdtempSync(path.join(tmpdir(), "tdkt-test-"));
  const dumpPath = path.join(workDir, "template.tar");
  writeFileSync(dumpPath, Buffer.from(await (await dumpMigrated()).arrayBuffer()));
  project.provide("pgliteTemplate", dumpPath);

  const postgresTemplate = process.env.DATABASE_URL ? await createPostgresTemplate(process.env.DATABASE_URL) : null;
  project.provide("postgresTemplate", postgresTemplate);

  return async () => {
    rmSync(workDir, { recursive: true, force: true });
    if (postgresTemplate && process.env.DATABASE_URL) await dropDatabase(process.env.DATABASE_URL, postgresTemplate);
  };
}

async function dumpMigrated(): Promise<Blob> {
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const { migrationsFolder } = await import("../../src/db/client.js");
  const { createPglite } = await import("../../src/db/embedded.js");
  const client = await createPglite({});
  await migrate(drizzle(client), { migrationsFolder });
  const dump = await client.dumpDataDir("none");
  await client.close();
  return dump;
}
