import { and, eq, isNull, lt, sql } from "drizzle-orm";
import type { Database } from "../db/client.js";
import { processedUpdates } from "../db/schema.js";

export type Claim = "claimed" | "done" | "busy";

// Long enough for any handler; an instance that dies holding a claim loses it after this.
const UPDATE_LEASE_MS = 15_000;

/**
 * Claims an update for processing, whichever process or instance gets it: "claimed" for the first
 * (or for a taker-over when the first died and its lease ran out), "done" when it was handled
 * already, "busy" while another instance is still handling it.
 */
export async function claimUpdate(db: Database, platform: string, updateId: number): Promise<Claim> {
  const lease = new Date(Date.now() + UPDATE_LEASE_MS);
  const claimed = await db
    .insert(processedUpdates)
    .values({ platform, updateId, leaseUntil: lease })
    .onConflictDoUpdate({
      target: [processedUpdates.platform, processedUpdates.updateId],
      set: { leaseUntil: lease },
      setWhere: sql`${processedUpdates.leaseUntil} < now()`,
    })
    .returning({ updateId: processedUpdates.updateId });
  if (claimed.length > 0) return "claimed";
  const [existing] = await db
    .select({ leaseUntil: processedUpdates.leaseUntil })
    .from(processedUpdates)
    .where(and(eq(processedUpdates.platform, platform), eq(processedUpdates.updateId, updateId)));
  return existing?.leaseUntil ? "busy" : "done";
}

/** Marks a claimed update handled, so a redelivery is recognised as done. */
export async function finishUpdate(db: Database, platform: string, updateId: number): Promise<void> {
  await db
    .update(processedUpdates)
    .set({ leaseUntil: null })
    .where(and(eq(processedUpdates.platform, platform), eq(processedUpdates.updateId, updateId)));
}

/** Forgets updates older than the platforms ever redeliver. */
export async function pruneProcessedUpdates(db: Database, before: Date): Promise<void> {
  await db.delete(processedUpdates).where(and(lt(processedUpdates.receivedAt, before), isNull(processedUpdates.leaseUntil)));
}
