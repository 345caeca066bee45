import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Logger } from "pino";
import { type Database, queryRows, timestamp } from "../db/client.js";
import { rateLimitedTotal, sendsTotal } from "../metrics.js";
import { chatAccounts, outbox } from "../db/schema/index.js";
import { SharedSchedule } from "./shared-schedule.js";
import type { OutboxPayload } from "../domain/notifications.js";
import type { Clock } from "../domain/calendar.js";

/** What became of one send, in the terms the outbox records. */
export type SendResult =
  | { kind: "sent" }
  | { kind: "failed"; reason: string; blocked?: boolean }
  | { kind: "retry"; afterSeconds: number; reason: string }
  /** The request left but no answer came: it may have been delivered, so it is not retried. */
  | { kind: "unknown"; reason: string };

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
};

/** One sender per platform; a row for a platform this process cannot reach fails with the reason. */
export function sendByPlatform(senders: Record<string, Sender>): Sender {
  return async (message) => {
    const send = senders[message.platform];
    return send ? send(message) : { kind: "failed", reason: `${message.platform} is not configured` };
  };
}

/** Marks a broadcast copy sent again after its sender died in the middle of the request. */
export const RESENT_AFTER_CRASH = "resent after a crash: may be a duplicate";

type ClaimedRow = { id: number; platform: string; chat_id: string; payload: OutboxPayload; chat_account_id: number };

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
  private wake: (() => void) | undefined;

  constructor(private readonly options: DispatcherOptions) {
    this.batchSize = options.batchSize ?? Math.max(1, Math.ceil(options.rate));
    this.leaseMs = options.leaseMs ?? 60_000;
    // N+1 requests must never fit in one second: spacing them (1000 + 30) / N ms apart lets timer
    // and network jitter of up to 30 ms pass unnoticed, at 97 % of the limit for 30/s and 1,000/s.
    this.spacingMs = (1000 + 30) / options.rate;
    this.schedule = new SharedSchedule(options.db, options.rateKey ?? "telegram", this.spacingMs);
  }

  /** Claims and sends one batch; returns how many rows it handled. */
  async drainOnce(): Promise<number> {
    await this.reap(new Date());
    const claimed = await this.claim(this.options.clock(), new Date());
    if (claimed.length === 0) return 0;
    const reservedAt = performance.now();
    const slots = await this.schedule.reserve(claimed.length);
    await Promise.all(claimed.map((row, index) => this.deliver(row, reservedAt + (slots[index] ?? 0))));
    return claimed.length;
  }

  /** Drains until nothing is due (for `reminders run` and tests). */
  async drainAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const handled = await this.drainOnce();
      total += handled;
      if (handled > 0) continue;
      // Rows may be held back only by the one-message-per-second-per-chat rule.
      if ((await this.duePending()) === 0) return total;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  private async duePending(): Promise<number> {
    const [row] = await queryRows<{ count: number }>(
      this.options.db,
      sql`select count(*)::int as count from ${outbox} where status in ('pending', 'claimed') and not_before <= ${timestamp(this.options.clock())} and ${this.scopeCondition()}`,
    );
    return row?.count ?? 0;
  }

  /** Runs until stopped, checking for work every `idleMs` when the outbox is empty. */
  start(idleMs = 1000): void {
    if (this.running) return;
    this.stopped = false;
    this.running = (async () => {
      while (!this.stopped) {
        let handled = 0;
        try {
          handled = await this.drainOnce();
        } catch (error) {
          this.options.logger.error({ err: error }, "dispatcher batch failed");
        }
        if (handled === 0 && !this.stopped) {
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
    this.running = undefined;
    await this.options.db
      .update(outbox)
      .set({ status: "pending", claimedBy: null, leaseUntil: null })
      .where(and(eq(outbox.status, "claimed"), eq(outbox.claimedBy, this.instanceId)));
  }

  private async reap(now: Date): Promise<void> {
    const { db } = this.options;
    await db.execute(sql`update ${outbox} set status = 'pending', claimed_by = null, lease_until = null
      where status = 'claimed' and lease_until < ${timestamp(now)}`);
    // A broadcast must reach everyone, so a copy whose sender died mid-request is sent again and
    // counted as a possible duplicate; a personal notification is never resent blindly.
    await db.execute(sql`update ${outbox} set status = 'pending', claimed_by = null, lease_until = null, sent_at = null,
        error = ${RESENT_AFTER_CRASH}
      where status = 'sending' and lease_until < ${timestamp(now)} and broadcast_id is not null`);
    await db.execute(sql`update ${outbox} set status = 'unknown', error = 'lease expired while sending'
      where status = 'sending' and lease_until < ${timestamp(now)}`);
  }

  /** `businessNow` decides what is due; leases and the per-chat second are real time. */
  private async claim(businessNow: Date, realNow: Date): Promise<ClaimedRow[]> {
    const lease = new Date(realNow.getTime() + this.leaseMs);
    const chatQuietSince = new Date(realNow.getTime() - (this.options.perChatIntervalMs ?? 1000));
    // One row per chat per batch, and none for a chat that got a message within the interval.
    return queryRows<ClaimedRow>(
      this.options.db,
      sql`with candidates as (
            select id, chat_id from ${outbox}
            where status = 'pending' and not_before <= ${timestamp(businessNow)} and ${this.scopeCondition()}
            order by not_before, id
            limit ${this.batchSize * 4}
            for update skip locked
          ), chosen as (
            select distinct on (c.chat_id) c.id from candidates c
            where not exists (
              select 1 from ${outbox} recent
              where recent.chat_id = c.chat_id and recent.status in ('sending', 'sent') and recent.sent_at > ${timestamp(chatQuietSince)}
            )
            order by c.chat_id, c.id
          ), limited as (select id from chosen order by id limit ${this.batchSize})
          update ${outbox} set status = 'claimed', claimed_by = ${this.instanceId}, lease_until = ${timestamp(lease)}, attempts = attempts + 1
          where id in (select id from limited)
          returning id::int as id, platform, chat_id, payload, chat_account_id::int as chat_account_id`,
    );
  }

  private scopeCondition() {
    const scope = this.options.scope;
    if (!scope) return sql`true`;
    if (!scope.strays) return sql`${outbox.platform} = ${scope.platform}`;
    return sql`(${outbox.platform} = ${scope.platform} or ${outbox.platform} <> all(${`{${scope.strays.join(",")}}`}::text[]))`;
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

  private async deliver(row: ClaimedRow, slotAt: number): Promise<void> {
    const { db } = this.options;
    await sleepUntil(slotAt);
    // A slot missed by more than one spacing (a slow query, a pause) is not used late: sent
    // now, it would land between other instances' slots. The row takes a fresh one instead.
    if (performance.now() - slotAt > this.spacingMs) {
      const reservedAt = performance.now();
      const [fresh] = await this.schedule.reserve(1);
      await sleepUntil(reservedAt + (fresh ?? 0));
    }
    const sendingAt = new Date();
    await db
      .update(outbox)
      .set({ status: "sending", sentAt: sendingAt, leaseUntil: new Date(sendingAt.getTime() + this.leaseMs) })
      .where(and(eq(outbox.id, row.id), eq(outbox.status, "claimed"), eq(outbox.claimedBy, this.instanceId)));
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
    if (result.kind === "retry") rateLimitedTotal.inc();
    switch (result.kind) {
      case "sent":
        // The crash note stays on a resent copy, so reports can count possible duplicates.
        await db
          .update(outbox)
          .set({
            status: "sent",
            sentAt: new Date(),
            leaseUntil: null,
            error: sql`case when ${outbox.error} = ${RESENT_AFTER_CRASH} then ${outbox.error} else null end`,
          })
          .where(eq(outbox.id, row.id));
        return;
      case "failed":
        await db.update(outbox).set({ status: "failed", leaseUntil: null, error: result.reason }).where(eq(outbox.id, row.id));
        if (result.blocked) await db.update(chatAccounts).set({ blocked: true }).where(eq(chatAccounts.id, row.chat_account_id));
        return;
      case "retry":
        // The wait is Telegram's, in real time: the shared schedule is pushed back for every
        // instance, and the row goes back to the queue as it was.
        this.pausedUntil = Math.max(this.pausedUntil, performance.now() + result.afterSeconds * 1000);
        await this.schedule.pause(result.afterSeconds);
        await db.update(outbox).set({ status: "pending", claimedBy: null, leaseUntil: null, sentAt: null, error: result.reason }).where(eq(outbox.id, row.id));
        return;
      case "unknown":
        this.options.logger.warn({ outbox_id: row.id, reason: result.reason }, "send outcome unknown; not retried");
        await db.update(outbox).set({ status: "unknown", leaseUntil: null, error: result.reason }).where(eq(outbox.id, row.id));
        return;
    }
  }
}

function sleepUntil(at: number): Promise<void> {
  const wait = at - performance.now();
  return wait > 0 ? new Promise((resolve) => setTimeout(resolve, wait)) : Promise.resolve();
}
