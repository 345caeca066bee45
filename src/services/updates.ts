import { and, eq, isNull, lt, sql } from "drizzle-orm";
import { type Database, retryOnLostConnection } from "../db/client.js";
import { processedUpdates } from "../db/schema.js";

/**
 * An update's claim: "claimed" for the first to get it (or a taker-over when the first died and its
 * lease ran out), "done" when it was handled already, "busy" while another instance handles it.
 */
export type Claim = "claimed" | "done" | "busy";

// Long enough for any handler; an instance that dies holding a claim loses it after this.
export const UPDATE_LEASE_MS = 15_000;

/** Marks claimed updates handled, so a redelivery is recognised as done. */
export async function finishUpdates(db: Database, platform: string, updateIds: number[]): Promise<void> {
  await retryOnLostConnection(() =>
    db
      .update(processedUpdates)
      .set({ leaseUntil: null })
      // One array parameter: one prepared statement whatever the number of updates.
      .where(and(eq(processedUpdates.platform, platform), sql`${processedUpdates.updateId} = any(${`{${updateIds.join(",")}}`}::bigint[])`)),
  );
}

/** Forgets updates older than the platforms ever redeliver. */
export async function pruneProcessedUpdates(db: Database, before: Date): Promise<void> {
  await db.delete(processedUpdates).where(and(lt(processedUpdates.receivedAt, before), isNull(processedUpdates.leaseUntil)));
}

/**
 * Marks updates handled in groups: whatever finished while the previous statement was on its way
 * goes in the next one, so under load one commit covers many updates; alone, an update waits for
 * nobody.
 */
export function updateFinisher(db: Database, platform: string): (updateId: number) => Promise<void> {
  let waiting: { updateId: number; done: () => void; failed: (error: unknown) => void }[] = [];
  let flushing = false;
  const flush = async () => {
    flushing = true;
    while (waiting.length > 0) {
      const group = waiting;
      waiting = [];
      try {
        await finishUpdates(db, platform, group.map((entry) => entry.updateId));
        for (const entry of group) entry.done();
      } catch (error) {
        for (const entry of group) entry.failed(error);
      }
    }
    flushing = false;
  };
  return (updateId) =>
    new Promise<void>((done, failed) => {
      waiting.push({ updateId, done, failed });
      if (!flushing) void flush();
    });
}
