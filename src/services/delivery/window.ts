import { sql } from "drizzle-orm";
import { type Database, queryRows, timestamp } from "../../db/client.js";
import { monthOf, spendAllowance } from "./months.js";
import type { UnreachedReason } from "./unreached.js";

/** A channel whose messages are free only as replies (the Zalo OA): its windows and allowance. */
export type WindowRules = {
  channel: string;
  /** Replies within this long of the person's last message are free (48 h). */
  freeWindowMs: number;
  /** Free messages a window carries; 0 for no limit. */
  freeReplies: number;
  /** After this long the channel cannot write to the person at all (7 days). */
  windowMs: number;
  /** Proactive messages a month, between the free window and the end of the window. */
  monthlyAllowance: number;
  timeZone: string;
};

/** What a proactive message costs, or why it cannot go. */
export type Admission = { cost: "free" | "allowance" } | { unreachable: UnreachedReason };

export const OA_WINDOW = { freeWindowMs: 48 * 3_600_000, windowMs: 7 * 86_400_000 } as const;

/**
 * Decides how a message the person did not just ask for reaches them: free inside the window their
 * last message opened (as many as it carries), from the month's allowance until the window
 * closes, or not at all. Counted in single statements, so instances never overspend.
 */
export async function admitProactive(db: Database, rules: WindowRules, chatId: string, now: Date): Promise<Admission> {
  const freeSince = new Date(now.getTime() - rules.freeWindowMs);
  const free = await queryRows<{ id: number }>(
    db,
    sql`update chat_accounts set window_sends = window_sends + 1
      where platform = ${rules.channel} and chat_id = ${chatId} and not blocked and last_inbound_at > ${timestamp(freeSince)}
        and (${rules.freeReplies} = 0 or window_sends < ${rules.freeReplies})
      returning id`,
  );
  if (free.length > 0) return { cost: "free" };
  const [account] = await queryRows<{ blocked: boolean; lastInboundAt: string | null }>(
    db,
    sql`select blocked, last_inbound_at as "lastInboundAt" from chat_accounts where platform = ${rules.channel} and chat_id = ${chatId}`,
  );
  if (!account || account.blocked) return { unreachable: "unfollowed" };
  const last = account.lastInboundAt ? new Date(account.lastInboundAt).getTime() : 0;
  if (now.getTime() - last > rules.windowMs) return { unreachable: "window" };
  return (await spendAllowance(db, rules.channel, monthOf(now, rules.timeZone), rules.monthlyAllowance)) ? { cost: "allowance" } : { unreachable: "allowance" };
}

/** The person wrote or pressed something: their window opens again, with all its free replies. */
export async function openWindow(db: Database, channel: string, chatId: string, now: Date): Promise<void> {
  await db.execute(sql`update chat_accounts set last_inbound_at = ${timestamp(now)}, window_sends = 0, blocked = false
    where platform = ${channel} and chat_id = ${chatId}`);
}
