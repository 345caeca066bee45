import { and, eq, isNull, lt } from "drizzle-orm";
import { type Database, retryOnLostConnection } from "../db/client.js";
import { processedUpdates } from "../db/schema.js";

/**
 * An update's claim: "claimed" for the first to get it (or a taker-over when the first died and its
 * lease ran out), "done" when it was handled already, "busy" while another instance handles it.
 */
export type Claim = "claimed" | "done" | "busy";

// Long enough for any handler; an instance that dies holding a claim loses it after this.
export const UPDATE_LEASE_MS = 15_000;

/** Marks a claimed update handled, so a redelivery is recognised as done. */
export async function finishUpdate(db: Database, platform: string, updateId: number): Promise<void> {
  await retryOnLostConnection(() =>
    db
      .update(processedUpdates)
      .set({ leaseUntil: null })
      .where(and(eq(processedUpdates.platform, platform), eq(processedUpdates.updateId, updateId))),
  );
}

/** Forgets updates older than the platforms ever redeliver. */
export async function pruneProcessedUpdates(db: Database, before: Date): Promise<void> {
  await db.delete(processedUpdates).where(and(lt(processedUpdates.receivedAt, before), isNull(processedUpdates.leaseUntil)));
}
