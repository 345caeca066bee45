import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../db/client.js";
import { rateLimits } from "../db/schema/index.js";

/** How long an estimate of the database clock's offset is trusted before a fresher one replaces it. */
const OFFSET_TRUSTED_MS = 60_000;

/**
 * A token's send slots, shared in Postgres by every instance: each reservation moves the next
 * free slot on, so two dispatchers never get the same one. Slots are instants on the database's
 * clock, turned into this process's clock by an offset measured as NTP does (from the reservation
 * with the shortest round trip): measured from when a request left, a slot would come early by
 * the query's latency, and two instances with different latencies would bunch their requests and
 * draw 429s. Real time, not business time: the rate is the platform's.
 */
export class SharedSchedule {
  private offset: { ms: number; roundTripMs: number; at: number } | undefined;
  private rowExists = false;

  constructor(
    private readonly db: Database,
    private readonly key: string,
    private readonly spacingMs: number,
  ) {}

  /** Reserves consecutive slots and returns, for each, how many milliseconds from now it starts. */
  async reserve(count: number): Promise<number[]> {
    if (!this.rowExists) {
      await this.db
        .insert(rateLimits)
        .values({ key: this.key, nextSlotAt: new Date(0) })
        .onConflictDoNothing();
      this.rowExists = true;
    }
    // A first exchange on a cold connection is slow and uneven: a few quick reads of the clock
    // give an offset good to a millisecond or two before the first slot is used.
    if (!this.offset || Date.now() - this.offset.at > OFFSET_TRUSTED_MS) await this.calibrate();
    const spacing = `${this.spacingMs} milliseconds`;
    const sentAt = Date.now();
    const [row] = await queryRows<{ first_ms: number; db_now_ms: number }>(
      this.db,
      sql`update ${rateLimits}
          set next_slot_at = greatest(next_slot_at, clock_timestamp()) + ${count} * ${spacing}::interval
          where key = ${this.key}
          returning (extract(epoch from next_slot_at) * 1000 - ${count * this.spacingMs})::float8 as first_ms,
                    (extract(epoch from clock_timestamp()) * 1000)::float8 as db_now_ms`,
    );
    const answeredAt = Date.now();
    if (!row) return Array.from({ length: count }, (_, index) => index * this.spacingMs);
    this.learnOffset(Number(row.db_now_ms), sentAt, answeredAt);
    const firstWait = Math.max(0, Number(row.first_ms) - (this.offset?.ms ?? 0) - Date.now());
    return Array.from({ length: count }, (_, index) => firstWait + index * this.spacingMs);
  }

  private async calibrate(): Promise<void> {
    for (let probe = 0; probe < 3; probe++) {
      const sentAt = Date.now();
      const [row] = await queryRows<{ db_now_ms: number }>(this.db, sql`select (extract(epoch from clock_timestamp()) * 1000)::float8 as db_now_ms`);
      if (row) this.learnOffset(Number(row.db_now_ms), sentAt, Date.now());
    }
  }

  /** The database clock minus ours, from the exchange with the shortest round trip seen lately. */
  private learnOffset(dbNowMs: number, sentAt: number, answeredAt: number): void {
    const roundTripMs = answeredAt - sentAt;
    const sample = { ms: dbNowMs - (sentAt + answeredAt) / 2, roundTripMs, at: answeredAt };
    if (!this.offset || roundTripMs <= this.offset.roundTripMs || answeredAt - this.offset.at > OFFSET_TRUSTED_MS) this.offset = sample;
  }

  /** Pushes every instance's next slot back, after the platform asked to wait (a 429). */
  async pause(seconds: number): Promise<void> {
    await this.db.execute(sql`update ${rateLimits}
      set next_slot_at = greatest(next_slot_at, clock_timestamp() + ${`${seconds} seconds`}::interval)
      where key = ${this.key}`);
  }
}
