import { and, isNull, lt, or, sql } from "drizzle-orm";
import { type Database, queryRows, retryOnLostConnection } from "../../db/client.js";
import { processedUpdates } from "../../db/schema/index.js";

/**
 * An update's claim: "claimed" for the first to get it (or a taker-over when the first died and its
 * lease ran out), "done" when it was handled already, "busy" while another instance handles it.
 */
export type Claim = "claimed" | "done" | "busy";

// Long enough for any handler; an instance that dies holding a claim loses it after this.
export const UPDATE_LEASE_MS = 15_000;

/** An update its handler is done with, and the reply its webhook answer carries, if any. */
export type FinishedUpdate = { updateId: number; answer?: string | undefined };

/** Marks claimed updates handled, so a redelivery is recognised as done (and gets the same answer). */
async function finishUpdates(db: Database, platform: string, finished: FinishedUpdate[]): Promise<void> {
  // One JSON parameter: one prepared statement whatever the number of updates, on either driver.
  // An upsert, not a join: it finds each row through the primary key whatever the planner
  // believes about the table (a young table's cached plan scanned every row of the platform).
  const rows = JSON.stringify(finished.map(({ updateId, answer }) => ({ id: updateId, answer: answer ?? null })));
  await retryOnLostConnection(() =>
    queryRows(
      db,
      sql`insert into ${processedUpdates} (platform, update_id, lease_until, answer)
        select ${platform}, d.id, null, d.answer from jsonb_to_recordset(${rows}::jsonb) as d(id bigint, answer text)
        on conflict (agency_id, platform, update_id) do update set lease_until = null, answer = excluded.answer`,
    ),
  );
}

/**
 * Forgets updates older than the platforms ever redeliver, except one an instance is handling
 * right now; one whose instance died is forgotten too (its lease, real time, has run out).
 */
export async function pruneProcessedUpdates(db: Database, before: Date): Promise<void> {
  await db
    .delete(processedUpdates)
    .where(and(lt(processedUpdates.receivedAt, before), or(isNull(processedUpdates.leaseUntil), lt(processedUpdates.leaseUntil, sql`now()`))));
}

/**
 * Marks updates handled in groups: whatever finished while the previous statement was on its way
 * goes in the next one, so under load one commit covers many updates; alone, an update waits for
 * nobody.
 */
export function updateFinisher(db: Database, platform: string): (update: FinishedUpdate) => Promise<void> {
  let waiting: { update: FinishedUpdate; done: () => void; failed: (error: unknown) => void }[] = [];
  let flushing = false;
  const flush = async () => {
    flushing = true;
    while (waiting.length > 0) {
      const group = waiting;
      waiting = [];
      try {
        await finishUpdates(
          db,
          platform,
          group.map((entry) => entry.update),
        );
        for (const entry of group) entry.done();
      } catch (error) {
        for (const entry of group) entry.failed(error);
      }
    }
    flushing = false;
  };
  return (update) =>
    new Promise<void>((done, failed) => {
      waiting.push({ update, done, failed });
      if (!flushing) void flush();
    });
}
