import type { Config } from "../config.js";
import { type DatabaseHandle, openDatabase } from "./client.js";
import type { openPgliteDirectory } from "./embedded.js";

/**
 * Opens the configured database and brings its schema up to date; `opening` is its embedded
 * directory when main.ts has already begun opening it.
 */
export async function openConfiguredDatabase(config: Config, opening?: ReturnType<typeof openPgliteDirectory>): Promise<DatabaseHandle> {
  const handle = await openDatabase({
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir, ...(opening ? { opening } : {}) }),
    agencyId: config.agencyId,
  });
  try {
    // One count instead of reading and hashing every migration file: what a start usually finds.
    if (!(await handle.ready())) await handle.migrate();
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}
