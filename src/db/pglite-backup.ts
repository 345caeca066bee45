import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { UserError } from "../domain/user-error.js";
import { acquireDirectoryLock } from "./directory-lock.js";
import { createPglite } from "./embedded.js";

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
