import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../db/client.js";
import { rateLimits } from "../db/schema/index.js";

/**
 * A token's send slots, shared in Postgres by every instance: each reservation moves the next
 * free slot on, so two dispatchers never get the same one. Real time, not business time: the
 * rate is the platform's.
 */
export class SharedSchedule {
  constructor(
    private readonly db: Database,
    private readonly key: string,
    private readonly spacingMs: number,
  ) {}

  /** Reserves consecutive slots and returns, for each, how many milliseconds from now it starts. */
  async reserve(count: number): Promise<number[]> {
    await this.db
      .insert(rateLimits)
      .values({ key: this.key, nextSlotAt: new Date(0) })
      .onConflictDoNothing();
    const spacing = `${this.spacingMs} milliseconds`;
    const [row] = await queryRows<{ wait_ms: number }>(
      this.db,
      sql`update ${rateLimits}
          set next_slot_at = greatest(next_slot_at, clock_timestamp()) + ${count} * ${spacing}::interval
          where key = ${this.key}
          returning (extract(epoch from (next_slot_at - clock_timestamp())) * 1000 - ${count * this.spacingMs})::float8 as wait_ms`,
    );
    const firstWait = Math.max(0, Number(row?.wait_ms ?? 0));
    return Array.from({ length: count }, (_, index) => firstWait + index * this.spacingMs);
  }

  /** Pushes every instance's next slot back, after the platform asked to wait (a 429). */
  async pause(seconds: number): Promise<void> {
    await this.db.execute(sql`update ${rateLimits}
      set next_slot_at = greatest(next_slot_at, clock_timestamp() + ${`${seconds} seconds`}::interval)
      where key = ${this.key}`);
  }
}
