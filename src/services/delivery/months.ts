import { and, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { channelMonths } from "../../db/schema/index.js";
import { DEFAULT_TIME_ZONE, localDay } from "../../domain/calendar.js";

/** The calendar month a channel's allowances count in: "2026-12", in the agency's time zone. */
export function monthOf(at: Date, timeZone = DEFAULT_TIME_ZONE): string {
  return localDay(at, timeZone).slice(0, 7);
}

/** "12/2026", as the month is written to people. */
export function monthLabel(month: string): string {
  const [year, number] = month.split("-");
  return `${number}/${year}`;
}

async function ensureMonth(db: Database, channel: string, month: string): Promise<void> {
  await db.insert(channelMonths).values({ channel, month }).onConflictDoNothing();
}

/**
 * Counts one message sent on the channel this month and returns the month's count, so the caller
 * can tell when a ceiling nears. One statement: instances count together.
 */
export async function countSent(db: Database, channel: string, month: string): Promise<number> {
  const [row] = await db
    .insert(channelMonths)
    .values({ channel, month, sent: 1 })
    .onConflictDoUpdate({ target: [channelMonths.agencyId, channelMonths.channel, channelMonths.month], set: { sent: sql`${channelMonths.sent} + 1` } })
    .returning({ sent: channelMonths.sent });
  return row?.sent ?? 1;
}

/** Spends one of the month's proactive messages if any remain; false when the allowance is spent. */
export async function spendAllowance(db: Database, channel: string, month: string, allowance: number): Promise<boolean> {
  await ensureMonth(db, channel, month);
  const spent = await db
    .update(channelMonths)
    .set({ allowanceUsed: sql`${channelMonths.allowanceUsed} + 1` })
    .where(and(eq(channelMonths.channel, channel), eq(channelMonths.month, month), sql`${channelMonths.allowanceUsed} < ${allowance}`))
    .returning({ used: channelMonths.allowanceUsed });
  return spent.length > 0;
}

/** Counts one paid message (ZNS). */
export async function countPaid(db: Database, channel: string, month: string): Promise<void> {
  await ensureMonth(db, channel, month);
  await db
    .update(channelMonths)
    .set({ paid: sql`${channelMonths.paid} + 1` })
    .where(and(eq(channelMonths.channel, channel), eq(channelMonths.month, month)));
}

/** The channel sends nothing more this month (its quota answered): every instance sees it. */
export async function stopForMonth(db: Database, channel: string, month: string, reason: string, at: Date): Promise<void> {
  await ensureMonth(db, channel, month);
  await db
    .update(channelMonths)
    .set({ stoppedAt: at, stopReason: reason })
    .where(and(eq(channelMonths.channel, channel), eq(channelMonths.month, month), isNull(channelMonths.stoppedAt)));
}

/** Why the channel stopped this month, or undefined while it may send. */
export async function stoppedFor(db: Database, channel: string, month: string): Promise<string | undefined> {
  const [row] = await db
    .select({ stoppedAt: channelMonths.stoppedAt, reason: channelMonths.stopReason })
    .from(channelMonths)
    .where(and(eq(channelMonths.channel, channel), eq(channelMonths.month, month)));
  return row?.stoppedAt ? (row.reason ?? "quota") : undefined;
}

/** Marks the month's 80 % warning as due; true only for the one caller that marked it. */
export async function claimWarning(db: Database, channel: string, month: string, at: Date): Promise<boolean> {
  const marked = await db
    .update(channelMonths)
    .set({ warnedAt: at })
    .where(and(eq(channelMonths.channel, channel), eq(channelMonths.month, month), isNull(channelMonths.warnedAt)))
    .returning({ channel: channelMonths.channel });
  return marked.length > 0;
}

export type ChannelMonth = typeof channelMonths.$inferSelect;

/** Every channel's record for the month, for /status. */
export async function channelMonthsOf(db: Database, month: string): Promise<ChannelMonth[]> {
  return db.select().from(channelMonths).where(eq(channelMonths.month, month)).orderBy(channelMonths.channel);
}
