import { randomBytes } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { Logger } from "pino";
import type { Database } from "../db/client.js";
import { rateLimitedTotal, sendsTotal } from "../metrics.js";
import { outbox } from "../db/schema/index.js";
import { type Outcome, reapExpired, recordOutcomes, type SendResult } from "./outcomes.js";

export type { SendResult } from "./outcomes.js";
import { LATE_MS, LEAD_MS, PIPELINED_ABOVE_RATE, type Planned as PlannedSend, PREFETCH_MS, sleepUntil, WAVE_MS, waves } from "./pacing.js";
import { type ClaimedRow, claimDue, dueUnsettled, scopeCondition } from "./claims.js";
import { SharedSchedule } from "./shared-schedule.js";
import type { OutboxPayload } from "../domain/notifications.js";
import type { Clock } from "../domain/calendar.js";

/** What became of one send, in the terms the outbox records. */
export type OutgoingMessage = { platform: string; chatId: string; payload: OutboxPayload };
export type Sender = (message: OutgoingMessage) => Promise<SendResult>;

export type DispatcherOptions = {
  db: Database;
  send: Sender;
  logger: Logger;
  /** Business time: decides which rows are due (`reminders run --at` moves it). Sending times, leases and the rate are real time. */
  clock: Clock;
  /** Messages per second for the whole bot token, shared by every instance. */
  rate: number;
  batchSize?: number;
  leaseMs?: number;
  rateKey?: string;
  /** Telegram allows about one message a second to one chat. */
  perChatIntervalMs?: number;
  /**
   * The rows this dispatcher takes: one platform's (each platform has its own rate and rate
   * key), and with `strays` the configured platforms' names, also the rows of any platform this
   * process cannot reach, so they fail with the reason instead of waiting forever. All rows
   * when not given.
   */
  scope?: { platform: string; strays?: string[] };
  /**
   * Called whenever the outbox has nothing due for this dispatcher: the moment to tell the
   * secretariat, in one message, whom a sweep's sends could not reach. Returns how many messages
   * it queued (drainAll then drains those too).
   */
  onIdle?: () => Promise<number>;
};

/** One sender per platform; a row for a platform this process cannot reach fails with the reason. */
export function sendByPlatform(senders: Record<string, Sender>): Sender {
  return async (message) => {
    const send = senders[message.platform];
    return send ? send(message) : { kind: "failed", reason: `${message.platform} is not configured` };
  };
}

type Planned = PlannedSend<ClaimedRow>;
/**
 * Drains the outbox: claims due rows with FOR UPDATE SKIP LOCKED (so instances never take the same
 * row), paces them to the shared rate, and records every outcome. A row is committed as `sending`
 * before its request leaves, so a crash can only ever leave it `unknown`, never sent twice.
 */
export class Dispatcher {
  readonly instanceId = `${process.pid}-${randomBytes(3).toString("hex")}`;
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly spacingMs: number;
  private readonly schedule: SharedSchedule;
  private stopped = false;
  private lastLocalSend = 0;
  /** After a 429, this process's sends already holding slots wait too, not only later reservations. */
  private pausedUntil = 0;
  private answeredAt: number[] = [];
  private running: Promise<void> | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private wake: (() => void) | undefined;

  constructor(private readonly options: DispatcherOptions) {
    this.batchSize = options.batchSize ?? Math.max(1, Math.ceil(options.rate));
    this.leaseMs = options.leaseMs ?? 60_000;
    // N+1 requests must never fit in one second: spacing them (1000 + 30) / N ms apart lets timer
    // and network jitter of up to 30 ms pass unnoticed, at 97 % of the limit for 30/s and 1,000/s.
    this.spacingMs = (1000 + 30) / options.rate;
    this.schedule = new SharedSchedule(options.db, options.rateKey ?? "telegram", this.spacingMs);
  }

  /** Claims and sends one batch; returns, once it is sent, how many rows it handled. */
  async drainOnce(): Promise<number> {
    const handled = await this.claimAndDeliver();
    await this.settle();
    return handled;
  }

  /** Claims a batch and sets its sends going; returns when the next batch may be claimed. */
  private async claimAndDeliver(): Promise<number> {
    await reapExpired(this.options.db, new Date());
    const claimed = await claimDue(this.options.db, {
      businessNow: this.options.clock(),
      realNow: new Date(),
      batchSize: this.batchSize,
      leaseMs: this.leaseMs,
      perChatIntervalMs: this.options.perChatIntervalMs ?? 1000,
      instanceId: this.instanceId,
      scope: scopeCondition(this.options.scope),
    });
    if (claimed.length === 0) return 0;
    const reservedAt = performance.now();
    const slots = await this.schedule.reserve(claimed.length);
    const planned = claimed.map((row, index) => ({ row, at: reservedAt + (slots[index] ?? 0) }));
    const delivery = Promise.all(waves(planned, WAVE_MS).map((wave) => this.deliverWave(wave))).then(
      () => undefined,
      (error: unknown) => this.options.logger.error({ err: error }, "dispatcher batch failed"),
    );
    this.inFlight.add(delivery);
    void delivery.finally(() => this.inFlight.delete(delivery));
    // At paid rates the next batch is claimed while this one's last sends still wait for their
    // slots, so the token never idles between batches (measured: the turnover held paid
    // broadcasts near 900/s). At 30 msg/s the turnover costs little and other instances fill it,
    // while batches held ahead by several instances left slots unused (26 instead of 29 msg/s).
    if (this.options.rate > PIPELINED_ABOVE_RATE) await Promise.race([delivery, sleepUntil((planned.at(-1) as Planned).at - PREFETCH_MS)]);
    while (this.inFlight.size > (this.options.rate > PIPELINED_ABOVE_RATE ? 1 : 0)) await Promise.race(this.inFlight);
    return claimed.length;
  }

  /** Waits for the sends of batches already claimed. */
  private async settle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all(this.inFlight);
  }

  /** Drains until nothing is due (for `reminders run` and tests). */
  async drainAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const handled = await this.claimAndDeliver();
      total += handled;
      if (handled > 0) continue;
      // Sends still in flight may hand rows back (a 429): wait for them before calling it drained.
      if (this.inFlight.size > 0) {
        await this.settle();
        continue;
      }
      // Rows may be held back by the one-message-per-second-per-chat rule, or by leases the reaper settles.
      if ((await dueUnsettled(this.options.db, this.options.clock(), scopeCondition(this.options.scope))) === 0) {
        if (((await this.options.onIdle?.()) ?? 0) > 0) continue;
        return total;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /** Runs until stopped, checking for work every `idleMs` when the outbox is empty. */
  start(idleMs = 1000): void {
    if (this.running) return;
    this.stopped = false;
    this.running = (async () => {
      // The idle moment is looked at once after each stretch of work, and once a minute besides
      // (another instance's sends may have found someone unreachable), not every idle second.
      let idleLookedAt = 0;
      let workedSince = true;
      while (!this.stopped) {
        let handled = 0;
        try {
          handled = await this.claimAndDeliver();
        } catch (error) {
          this.options.logger.error({ err: error }, "dispatcher batch failed");
        }
        if (handled > 0) workedSince = true;
        if (handled === 0 && !this.stopped) {
          if (workedSince || performance.now() - idleLookedAt > 60_000) {
            workedSince = false;
            idleLookedAt = performance.now();
            await this.options.onIdle?.().catch((error: unknown) => this.options.logger.error({ err: error }, "telling the secretariat failed"));
          }
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, idleMs);
            this.wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
        }
      }
    })();
  }

  /** Lets the current batch finish, then returns unsent claims to the queue for others. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.running;
    await this.settle();
    this.running = undefined;
    await this.options.db
      .update(outbox)
      .set({ status: "pending", claimedBy: null, leaseUntil: null })
      .where(and(eq(outbox.status, "claimed"), eq(outbox.claimedBy, this.instanceId)));
  }

  /**
   * The shared slots set the pace, but database round trips between a slot and its request can
   * bunch requests together; this keeps this process's requests apart right before they leave.
   */
  private async keepLocalSpacing(): Promise<void> {
    const now = performance.now();
    // However late requests arrived, the one `rate` sends back was answered more than a second
    // ago: so the API never sees more than `rate` of this process's requests in one second. At
    // low rates one slow first connection is a large share of a second; at paid rates the
    // spacing's slack covers it, and waiting on answers would cost throughput.
    const limit = Math.max(1, Math.floor(this.options.rate));
    const windowOpens = limit <= 100 && this.answeredAt.length >= limit ? (this.answeredAt[this.answeredAt.length - limit] as number) + 1000 : 0;
    const at = Math.max(now, this.lastLocalSend + this.spacingMs, this.pausedUntil, windowOpens);
    this.lastLocalSend = at;
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  }

  /**
   * Sends a wave of rows whose slots lie close together. The wave is committed `sending` in one
   * write shortly before its first slot, so each request leaves at its slot with no database
   * round trip in between: two instances' requests keep to the shared schedule instead of
   * bunching by the latency of their writes (measured: that is what drew 429s at 30 msg/s).
   * A crash between that write and a request leaves at most a wave's rows `sending` unsent.
   */
  private async deliverWave(wave: Planned[]): Promise<void> {
    const { db } = this.options;
    await sleepUntil((wave[0] as Planned).at - LEAD_MS);
    const sendingAt = new Date();
    const marked = await db
      .update(outbox)
      .set({ status: "sending", sentAt: sendingAt, leaseUntil: new Date(sendingAt.getTime() + this.leaseMs) })
      .where(
        and(
          inArray(
            outbox.id,
            wave.map((entry) => entry.row.id),
          ),
          eq(outbox.status, "claimed"),
          eq(outbox.claimedBy, this.instanceId),
        ),
      )
      .returning({ id: outbox.id });
    const ours = new Set(marked.map((row) => row.id));
    let entries = wave.filter((entry) => ours.has(entry.row.id));
    if (entries.length === 0) return;
    // Slots missed by more than one spacing (a slow write, a pause) are not used late: sent now,
    // the requests would land between other instances' slots. The wave takes fresh ones instead.
    if (performance.now() - (entries[0] as Planned).at > this.spacingMs) {
      const reservedAt = performance.now();
      const fresh = await this.schedule.reserve(entries.length);
      entries = entries.map((entry, index) => ({ row: entry.row, at: reservedAt + (fresh[index] ?? 0) }));
    }
    const outcomes = await Promise.all(entries.map((entry) => this.sendAt(entry)));
    await recordOutcomes(db, outcomes, this.options.clock());
  }

  private async sendAt({ row, at }: Planned): Promise<Outcome> {
    await sleepUntil(at);
    // A slot taken before a 429 paused the token is stale: every instance's new slots start after
    // the pause, and this send, held in place, would land on one of them (measured: a cascade of
    // 429s, each pause making the next). It takes a fresh slot after the pause instead.
    // A send this process was too busy to make on time is not made late either: it would land on
    // another instance's next slots (30 sends 30 ms closer together than scheduled fill a second).
    while (at < this.pausedUntil || performance.now() - at > LATE_MS) {
      const reservedAt = performance.now();
      const [fresh] = await this.schedule.reserve(1);
      at = reservedAt + (fresh ?? 0);
      await sleepUntil(at);
    }
    await this.keepLocalSpacing();
    let result: SendResult;
    try {
      result = await this.options.send({ platform: row.platform, chatId: row.chat_id, payload: row.payload });
    } catch (error) {
      result = { kind: "unknown", reason: error instanceof Error ? error.message : String(error) };
    }
    this.answeredAt.push(performance.now());
    if (this.answeredAt.length > 2 * Math.max(1, this.options.rate)) this.answeredAt.splice(0, this.answeredAt.length - Math.ceil(this.options.rate));
    sendsTotal.inc({ result: result.kind });
    if (result.kind === "retry") {
      rateLimitedTotal.inc();
      // The wait is the platform's, in real time: this process's own reserved sends wait too, and
      // the shared schedule is pushed back for every instance.
      this.pausedUntil = Math.max(this.pausedUntil, performance.now() + result.afterSeconds * 1000);
      await this.schedule.pause(result.afterSeconds);
    }
    if (result.kind === "unknown") this.options.logger.warn({ outbox_id: row.id, reason: result.reason }, "send outcome unknown; not retried");
    return { id: row.id, chatAccountId: row.chat_account_id, result };
  }
}
