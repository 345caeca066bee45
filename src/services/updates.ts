import { sql } from "drizzle-orm";
import type { Database } from "../db/client.js";
import { processedUpdates } from "../db/schema.js";

/**
 * Claims an update for processing. Only the first caller for a given update gets true, whichever
 * process or instance it runs in, so a redelivered update does nothing twice.
 */
export async function claimUpdate(db: Database, platform: string, updateId: number): Promise<boolean> {
  const claimed = await db
    .insert(processedUpdates)
    .values({ platform, updateId })
    .onConflictDoNothing()
    .returning({ updateId: processedUpdates.updateId });
  return claimed.length > 0;
}

/** Forgets updates older than the platforms ever redeliver. */
export async function pruneProcessedUpdates(db: Database, before: Date): Promise<void> {
  await db.delete(processedUpdates).where(sql`${processedUpdates.receivedAt} < ${before}`);
}
