import { mkdirSync } from "node:fs";
import path from "node:path";
import type { PGlite, PGliteOptions } from "@electric-sql/pglite";
import { acquireDirectoryLock } from "./directory-lock.js";
import { compilePgliteWasm } from "./pglite-wasm.js";

/**
 * Opens an embedded database. Postgres zeroes its shared buffers on every open, and the default
 * 128 MB took a third of a second of each start: an agency's embedded database is tens of MB, and
 * with 16 MB the pages that do not fit come from the file system cache.
 */
export async function createPglite(options: Omit<PGliteOptions, "startParams">): Promise<PGlite> {
  const [{ PGlite }, pgliteWasmModule] = await Promise.all([import("@electric-sql/pglite"), compilePgliteWasm()]);
  return PGlite.create({ ...options, pgliteWasmModule, startParams: [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"] });
}

/** An embedded database directory, open and held against other processes until released. */
type OpenDirectory = { client: PGlite; release(): void };

/**
 * Opens an embedded database directory. It imports nothing but PGlite, so that `main.ts` can start
 * it before the rest of the bot loads: it is most of a start.
 */
export async function openPgliteDirectory(dataDir: string): Promise<OpenDirectory> {
  const directory = path.resolve(dataDir);
  mkdirSync(directory, { recursive: true });
  // Two processes on one PGlite directory silently corrupt it.
  const release = acquireDirectoryLock(directory);
  try {
    return { client: await createPglite({ dataDir: directory }), release };
  } catch (error) {
    release();
    throw error;
  }
}
